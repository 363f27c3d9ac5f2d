/**
 * The options page's controls. Each shows its label, hint, the "Set by your organisation" note
 * when policy locks it (read-only), and its problem next to it.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import type { FieldProblem } from '@/utils/core/settings/fields';
import type { FormState } from '@/utils/core/settings/form';
import type { PolicyKey } from '@/utils/core/settings/schema';
import { Icon } from '../shared/Icon';
import { problemText } from './problems';

export interface FieldApi {
  form: FormState;
  set<K extends keyof FormState>(key: K, value: FormState[K]): void;
  problem(key: PolicyKey): FieldProblem | undefined;
  locked(key: PolicyKey): boolean;
}

type Key = PolicyKey & keyof FormState;
interface FieldProps<K extends Key = Key> {
  api: FieldApi;
  name: K;
  label: string;
  hint?: string;
}

const fieldId = (name: string) => `field-${name}`;

/** Ids and notes shared by every control: hint, locked note, problem. */
function notes(api: FieldApi, name: Key, hint?: string) {
  const id = fieldId(name);
  const problem = api.problem(name);
  const locked = api.locked(name);
  const describedBy = [hint && `${id}-hint`, locked && `${id}-locked`, problem && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return {
    id,
    locked,
    invalid: problem !== undefined,
    describedBy: describedBy || undefined,
    hint: hint ? (
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
    ) : null,
    after: (
      <>
        {locked && (
          <p class="locked-note" id={`${id}-locked`}>
            <Icon name="lock" />
            {t('optionsLocked')}
          </p>
        )}
        {problem && (
          <p class="field-error" id={`${id}-error`}>
            {problemText(problem)}
          </p>
        )}
      </>
    ),
  };
}

type TextKey = { [K in Key]: FormState[K] extends string ? K : never }[Key];

interface TextOptions {
  type?: 'text' | 'url' | 'password';
  multiline?: boolean;
  numeric?: boolean;
}

export function TextField({
  api,
  name,
  label,
  hint,
  type = 'text',
  multiline,
  numeric,
}: FieldProps<TextKey> & TextOptions) {
  const n = notes(api, name, hint);
  const props = {
    id: n.id,
    value: api.form[name],
    readOnly: n.locked,
    'aria-describedby': n.describedBy,
    'aria-invalid': n.invalid,
    autoComplete: 'off',
    spellcheck: false,
    onInput: (e: Event) => api.set(name, (e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={n.id}>{label}</label>
      {n.hint}
      {multiline ? (
        <textarea {...props} rows={4} />
      ) : type === 'password' ? (
        <input type="password" {...props} />
      ) : type === 'url' ? (
        <input type="url" {...props} />
      ) : (
        <input type="text" inputMode={numeric ? 'numeric' : undefined} {...props} />
      )}
      {n.after}
    </div>
  );
}

type BoolKey = { [K in Key]: FormState[K] extends boolean ? K : never }[Key];

export function CheckField({ api, name, label, hint }: FieldProps<BoolKey>) {
  const n = notes(api, name, hint);
  return (
    <div class="field check">
      <input
        type="checkbox"
        id={n.id}
        checked={api.form[name]}
        disabled={n.locked}
        aria-describedby={n.describedBy}
        onChange={(e) => api.set(name, e.currentTarget.checked)}
      />
      <div>
        <label for={n.id}>{label}</label>
        {n.hint}
        {n.after}
      </div>
    </div>
  );
}

export function SelectField<K extends TextKey>({
  api,
  name,
  label,
  hint,
  options,
}: FieldProps<K> & { options: [FormState[K], string][] }) {
  const n = notes(api, name, hint);
  return (
    <div class="field">
      <label for={n.id}>{label}</label>
      {n.hint}
      <select
        id={n.id}
        value={api.form[name]}
        disabled={n.locked}
        aria-describedby={n.describedBy}
        aria-invalid={n.invalid}
        onChange={(e) => api.set(name, e.currentTarget.value as FormState[K])}
      >
        {options.map(([value, text]) => (
          <option value={value}>{text}</option>
        ))}
      </select>
      {n.after}
    </div>
  );
}

type ListKey = { [K in Key]: FormState[K] extends string[] ? K : never }[Key];

/** A set of checkboxes for a list of fixed choices (console levels, required fields). */
export function ChoicesField<K extends ListKey>({
  api,
  name,
  label,
  hint,
  options,
}: FieldProps<K> & { options: [FormState[K][number], string][] }) {
  const n = notes(api, name, hint);
  const chosen = api.form[name] as string[];
  const toggle = (value: string, on: boolean) =>
    api.set(name, options.map(([v]) => v).filter((v) => (v === value ? on : chosen.includes(v))) as FormState[K]);
  return (
    <fieldset class="field choices" id={n.id} aria-describedby={n.describedBy}>
      <legend>{label}</legend>
      {n.hint}
      {options.map(([value, text]) => (
        <label class="choice">
          <input
            type="checkbox"
            checked={chosen.includes(value)}
            disabled={n.locked}
            onChange={(e) => toggle(value, e.currentTarget.checked)}
          />
          {text}
        </label>
      ))}
      {n.after}
    </fieldset>
  );
}

/**
 * One section of the options page: its heading, a note when policy locks some of its fields (counted
 * from the fields it renders, so any field dropped in counts), then the fields.
 */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  const box = useRef<HTMLElement>(null);
  const [locked, setLocked] = useState(0);
  useLayoutEffect(() => {
    const count = box.current?.querySelectorAll('.locked-note').length ?? 0;
    if (count !== locked) setLocked(count);
  });
  return (
    <section class="options-section" data-section={id} aria-labelledby={`section-${id}`} ref={box}>
      <h2 id={`section-${id}`}>{title}</h2>
      {locked > 0 && (
        <p class="section-locked">
          <Icon name="lock" />
          {t('optionsLockedCount', locked)}
        </p>
      )}
      {children}
    </section>
  );
}
