// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fitScale, maskBoxes, maskClone, MAX_AREA, MAX_SIDE } from '../../../../utils/page/isolated/dom-capture-render';
import { maskSelectorList } from '../../../../utils/page/isolated/sensitive';

const MASKS = maskSelectorList([], false);

const FORM = `
  <input id="pw" type="password" value="hunter2">
  <input id="card" autocomplete="billing CC-Number" value="4111">
  <input id="otp" autocomplete="one-time-code" value="123456">
  <input id="plain" value="printer">
  <textarea id="notes" data-mayday-mask>secret notes</textarea>
  <select id="exp" autocomplete="cc-exp-month"><option>01</option><option selected>12</option></select>
  <div id="private" data-private><span>Salary</span> 123</div>`;

describe('masking in the clone', () => {
  it('empties sensitive fields and blacks them out, leaving the others as they are', () => {
    document.body.innerHTML = FORM;
    maskClone(document, MASKS);
    const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
    for (const id of ['pw', 'card', 'otp']) expect(el<HTMLInputElement>(id).value).toBe('');
    expect(el<HTMLTextAreaElement>('notes').value).toBe('');
    expect(el<HTMLSelectElement>('exp').selectedIndex).toBe(-1);
    expect(el<HTMLInputElement>('plain').value).toBe('printer');
    expect(el('plain').getAttribute('style')).toBeNull();
    for (const id of ['pw', 'card', 'otp', 'notes', 'exp', 'private']) {
      expect(el(id).style.getPropertyValue('color')).toBe('transparent');
      expect(el(id).style.getPropertyPriority('background')).toBe('important');
    }
    expect(el('private').querySelector('span')!.style.getPropertyValue('visibility')).toBe('hidden');
  });
});

describe('mask boxes on the rendered image', () => {
  it('places each visible sensitive field in image pixels, from its document position, with a pixel of margin', () => {
    document.body.innerHTML = FORM;
    const at = (left: number, top: number, width: number, height: number) => () =>
      ({
        left,
        top,
        width,
        height,
        x: left,
        y: top,
        right: left + width,
        bottom: top + height,
        toJSON() {},
      }) as DOMRect;
    document.getElementById('pw')!.getBoundingClientRect = at(40, 200, 400, 48);
    document.getElementById('private')!.getBoundingClientRect = at(40.5, -100, 100, 20);
    // Page scrolled by 1000: the field sits at y 1200 of the document; the element captured starts at y 1100.
    const boxes = maskBoxes(document, { x: 0, y: 1100 }, { x: 0, y: 1000 }, 2, MASKS);
    expect(boxes).toEqual([
      { x: 79, y: 199, width: 802, height: 98 },
      { x: 80, y: -401, width: 202, height: 42 },
    ]);
  });
});

describe('fitScale', () => {
  it('keeps the device pixel ratio while the canvas fits, and shrinks only as much as needed', () => {
    expect(fitScale(2, 1280, 4000)).toBe(2);
    expect(fitScale(1, 1280, 40_000)).toBeCloseTo(MAX_SIDE / 40_000);
    expect(fitScale(1, 8000, 8000)).toBeCloseTo(Math.sqrt(MAX_AREA / 64e6));
    expect(fitScale(1, 0, 0)).toBe(1);
  });
});
