// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { ConsolePanel } from '@/components/viewer/ConsolePanel';
import { TimelinePanel } from '@/components/viewer/TimelinePanel';
import { messageLookup } from '@/utils/core/ticket/translate';
import en from '@/public/_locales/en/messages.json';
import { sampleTicket } from '../../../support/sample-ticket';

vi.mock('@/utils/extension/i18n', () => ({
  t: (key: string, ...subs: (string | number)[]) => messageLookup(en)(key as never, ...subs),
}));

describe('the viewer', () => {
  it("marks what the page supplied as reported by the page, and the browser's rows not", () => {
    const root = document.createElement('div');
    render(<TimelinePanel ticket={sampleTicket()} />, root);
    const items = [...root.querySelectorAll('li')];
    const marked = (text: string) =>
      items.find((li) => li.textContent.includes(text))!.textContent.includes('reported by the page');
    expect(marked('logo.png')).toBe(false);
    expect(marked('api/invoices')).toBe(true);
    expect(marked('button "March"')).toBe(true);
    render(<ConsolePanel ticket={sampleTicket()} />, root);
    expect(root.querySelector('.origin')!.textContent).toContain('Reported by the page');
  });
});
