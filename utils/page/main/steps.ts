/**
 * What a person did, in words a technician can follow: `button "Save"`, `typed in Email`. Labels
 * come from roles, accessible names and short visible text; values typed into fields never do, and
 * an element under a private container (PRIVATE_CONTAINERS) gives no text; the admin's mask
 * selectors are applied when the bridge pulls (buffers.ts).
 * The DOM is read with the natives captured at start-up: a page that wraps Element.prototype
 * methods sees no call from the recorder.
 */
import { PRIVATE_CONTAINERS, type StepEntry } from '../../core/wire/page-protocol';
import { attrOf, closest, idOf, localNameOf, replace, slice, textOf } from './intrinsics';

type StepInput = Omit<StepEntry, 'time' | 'count'>;
/** A step, and for a step on an element, the element and the label it has without the element's text. */
export type Step = [entry: StepInput, el: Element, unnamed: string];

/** At most 60 characters, spaces collapsed. */
export const shortText = (text: string | null | undefined): string => {
  const clean = replace(replace(text || '', /\s+/g, ' '), /^ | $/g, '');
  return clean.length > 60 ? slice(clean, 0, 59) + '…' : clean;
};

const attr = (el: Element, name: string) => shortText(attrOf(el, name));

/**
 * The accessible name, or else short visible text; empty under a private container. Never a field's
 * value or text (a textarea's text is what was typed in it), nor a form's (all of its fields').
 */
export const nameOf = (el: Element): string => {
  const labels = (el as HTMLInputElement).labels;
  return closest(el, PRIVATE_CONTAINERS)
    ? ''
    : attr(el, 'aria-label') ||
        shortText(labels?.[0] && textOf(labels[0])) ||
        (/^(input|select|textarea|form)$/.test(localNameOf(el)) ? '' : shortText(textOf(el))) ||
        attr(el, 'placeholder') ||
        attr(el, 'name');
};

/** `kind` on `el`, labelled `role "name"` (an input's role is its type) unless `label` is given. */
const stepOn = (kind: StepInput['kind'], el: Element, label?: string): Step => {
  const tag = localNameOf(el);
  const role = attr(el, 'role') || (tag === 'a' ? 'link' : tag === 'input' ? (el as HTMLInputElement).type : tag);
  const name = nameOf(el);
  const id = idOf(el);
  return [
    { kind, label: label || (name ? `${role} "${name}"` : role), selector: shortText(id ? `${tag}#${id}` : tag) },
    el,
    label ? `typed in ${tag}` : role,
  ];
};

/** The click, on the control around the exact node that was hit. */
export const clickStep = (target: Element) =>
  stepOn('click', closest(target, 'a,button,input,select,textarea,label,[role]') || target);

/** A field the person typed in or changed; false for check boxes and radios (their click says it). */
export const inputStep = (el: Element) =>
  /^(checkbox|radio)$/.test((el as HTMLInputElement).type)
    ? false
    : stepOn('input', el, 'typed in ' + (nameOf(el) || localNameOf(el)));

export const submitStep = (form: Element) => stepOn('submit', form);
