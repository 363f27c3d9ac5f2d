/**
 * html2canvas 1.4.1 parses some 60 computed-style properties of every element from their text,
 * with its own CSS tokenizer: on a 5,000-element page that was the largest cost of a full-page
 * capture (about 0.5 s of 2). The texts repeat endlessly ("none", "0px", "rgb(0, 0, 0)"), so the
 * parsed value of each property and text is kept for the rest of that capture.
 *
 * Wired into html2canvas at build time by modules/html2canvas-patch.ts: its parse function is
 * module-private, so no option or wrapper from outside can reach it. The text
 * measuring gets the same treatment for its Intl.Segmenter (sharedSegmenter).
 */

export interface Descriptor {
  name: string;
  initialValue: string;
}
export type ParseFn<Context extends object> = (context: Context, descriptor: Descriptor, style: unknown) => unknown;

/**
 * `parse` with its results kept per capture (html2canvas's context) and per property and text.
 * Per capture, not for good: parsing a background image queues its loading in that capture's
 * own image cache, which a value remembered from an earlier capture would skip.
 * html2canvas only reads parsed values (it copies before reversing a list), so sharing one
 * object between elements is safe; the bench checks the images come out pixel for pixel the same.
 */
export function cacheParsedValues<Context extends object>(parse: ParseFn<Context>): ParseFn<Context> {
  // By descriptor object (html2canvas has one per property), then by text: no key to build on
  // each of the hundreds of thousands of calls.
  const caches = new WeakMap<Context, Map<Descriptor, Map<string, unknown>>>();
  return (context, descriptor, style) => {
    let byProperty = caches.get(context);
    if (!byProperty) caches.set(context, (byProperty = new Map<Descriptor, Map<string, unknown>>()));
    let byText = byProperty.get(descriptor);
    if (!byText) byProperty.set(descriptor, (byText = new Map<string, unknown>()));
    // What html2canvas itself parses: the text, or the property's initial value when absent.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a CSS value object is keyed by its text, as html2canvas reads it
    const text = style === null || style === undefined ? descriptor.initialValue : String(style);
    if (byText.has(text)) return byText.get(text);
    const value = parse(context, descriptor, style);
    byText.set(text, value);
    return value;
  };
}

/**
 * One Intl.Segmenter per granularity, for every text node: html2canvas builds a new one for each
 * text node it measures, and building one costs several times what segmenting a short text does.
 * A segmenter holds no state between calls, so sharing it changes nothing else.
 */
const segmenters = new Map<string, Intl.Segmenter>();
export function sharedSegmenter(granularity: 'word' | 'grapheme'): Intl.Segmenter {
  let segmenter = segmenters.get(granularity);
  if (!segmenter) segmenters.set(granularity, (segmenter = new Intl.Segmenter(undefined, { granularity })));
  return segmenter;
}
