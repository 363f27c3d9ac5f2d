/**
 * What a person did, in words a technician can follow: `button "Save"`, `typed in Email`. Labels
 * come from roles, accessible names and short visible text; values typed into fields never do.
 */
import type { StepEntry } from '../../core/wire/page-protocol';
import { replace, slice, toText } from './intrinsics';

export type StepInput = Omit<StepEntry, 'time' | 'count'>;

export function shortText(text: unknown): string {
  const clean = replace(replace(toText(text || ''), /\s+/g, ' '), /^ | $/g, '');
  return clean.length > 60 ? slice(clean, 0, 59) + '…' : clean;
}

const attr = (el: Element, name: string) => shortText(el.getAttribute(name));

/**
 * The accessible name, or else short visible text; empty inside `[data-private]`. Never a field's
 * value or text (a textarea's text is what was typed in it), nor a form's (all of its fields').
 */
export function nameOf(el: Element): string {
  const labels = (el as HTMLInputElement).labels;
  return el.closest('[data-private]')
    ? ''
    : attr(el, 'aria-label') ||
        shortText(labels?.[0]?.textContent) ||
        (/^(input|select|textarea|form)$/.test(el.localName) ? '' : shortText(el.textContent)) ||
        attr(el, 'placeholder') ||
        attr(el, 'name');
}

/** `kind` on `el`, labelled `role "name"` (an input's role is its type) unless `label` is given. */
function stepOn(kind: StepInput['kind'], el: Element, label?: string): StepInput {
  const tag = el.localName;
  const role = attr(el, 'role') || (tag === 'a' ? 'link' : tag === 'input' ? (el as HTMLInputElement).type : tag);
  const name = nameOf(el);
  return {
    kind,
    label: label || (name ? `${role} "${name}"` : role),
    selector: shortText(el.id ? `${tag}#${el.id}` : tag),
  };
}

/** The click, on the control around the exact node that was hit. */
export const clickStep = (target: Element) =>
  stepOn('click', target.closest('a,button,input,select,textarea,label,[role]') || target);

/** A field the person typed in or changed; null for check boxes and radios (their click says it). */
export const inputStep = (el: Element) =>
  /^(checkbox|radio)$/.test((el as HTMLInputElement).type)
    ? null
    : stepOn('input', el, 'typed in ' + (nameOf(el) || el.localName));

export const submitStep = (form: Element) => stepOn('submit', form);
