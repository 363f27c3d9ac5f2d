/**
 * The only way the renderers make HTML: a tagged template that escapes every interpolated value
 * unless it is already Html built by this same template. Untrusted text therefore cannot become
 * markup by accident; there is no "raw" escape hatch.
 */
// Not exported as a value: nothing outside this module can wrap a string as Html.
class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}
export type { Html };

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function piece(value: HtmlValue): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** `html\`<p title="${x}">${y}</p>\`` escapes x and y. Attribute values must be double-quoted. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + strings[i + 1];
  return new Html(out);
}
