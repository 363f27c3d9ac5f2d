// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pickElement, type PickerEnv } from '../../../../utils/page/isolated/picker';

/** A page with a card holding a link; every element has a box, as in a laid-out page. */
function page() {
  document.body.innerHTML = '<section id="card"><a id="link" href="/elsewhere">Open</a></section><p id="empty"></p>';
  for (const el of document.querySelectorAll<HTMLElement>('section, a, body, html'))
    el.getBoundingClientRect = () => ({
      x: 10,
      y: 20,
      left: 10,
      top: 20,
      width: 100,
      height: 50,
      right: 110,
      bottom: 70,
      toJSON() {},
    });
  const el = (id: string) => document.getElementById(id)!;
  return { card: el('card'), link: el('link'), empty: el('empty') };
}

const env = (overrides: Partial<PickerEnv> = {}): PickerEnv => ({
  win: window,
  doc: document,
  hint: '<b>Click</b> it',
  timeoutMs: 60_000,
  trusted: () => true,
  ...overrides,
});

const pointer = (el: Element, type: string) =>
  el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true }));
const key = (k: string) =>
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
const hosts = () => [...document.documentElement.children].filter((el) => el.shadowRoot);

afterEach(() => vi.useRealTimers());

describe('pickElement', () => {
  it('shows its hint as text in a shadow root, outlines what the pointer is on, and chooses it on click', async () => {
    const { card } = page();
    const picked = pickElement(env());
    const [host] = hosts();
    expect(host.shadowRoot!.textContent).toContain('<b>Click</b> it');
    expect(host.shadowRoot!.querySelector('b')).toBeNull();
    pointer(card, 'pointermove');
    expect((host.shadowRoot!.querySelector('.box') as HTMLElement).style.width).toBe('100px');
    pointer(card, 'click');
    expect(await picked).toBe(card);
    expect(hosts()).toEqual([]);
  });

  it('keeps the page from seeing the pointer presses and the click that choose', async () => {
    const { link } = page();
    const seen: string[] = [];
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click'])
      link.addEventListener(type, () => seen.push(type));
    const picked = pickElement(env());
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) pointer(link, type);
    expect(await picked).toBe(link);
    expect(seen).toEqual([]);
  });

  it('widens with Up, narrows back with Down, and chooses with Enter', async () => {
    const { card, link } = page();
    const picked = pickElement(env());
    pointer(link, 'pointermove');
    key('ArrowUp');
    key('ArrowUp');
    key('ArrowDown');
    key('Enter');
    expect(await picked).toBe(card);
  });

  it('resolves null on Esc and removes everything it added', async () => {
    page();
    const picked = pickElement(env());
    key('Escape');
    expect(await picked).toBeNull();
    expect(hosts()).toEqual([]);
  });

  it('ignores events the page dispatches itself', async () => {
    const { card } = page();
    vi.useFakeTimers();
    const picked = pickElement(env({ trusted: (e) => e.isTrusted, timeoutMs: 1000 }));
    pointer(card, 'click');
    key('Escape');
    expect(hosts()).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(await picked).toBeNull();
  });

  it('does not choose an element without a box', async () => {
    const { empty, card } = page();
    const picked = pickElement(env());
    pointer(empty, 'click');
    expect(hosts()).toHaveLength(1);
    pointer(card, 'click');
    expect(await picked).toBe(card);
  });

  it('gives up when the person leaves the tab', async () => {
    page();
    const picked = pickElement(env());
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(await picked).toBeNull();
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
});
