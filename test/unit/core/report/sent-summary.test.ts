import { describe, expect, it } from 'vitest';
import { NO_EXCLUSIONS } from '../../../../utils/core/report/exclusions';
import { previewDraft } from '../../../../utils/core/report/preview';
import { sentSummary, summaryParts } from '../../../../utils/core/report/sent-summary';
import { buildTicket } from '../../../../utils/core/ticket/build';
import { BUILD_CONTEXT, sampleDraft } from '../../../support/tickets';

describe('sentSummary', () => {
  it('counts what Send sends: the same ticket, entries removed and sections off taken out', () => {
    const draft = sampleDraft();
    const full = sentSummary(previewDraft(draft, 'x', BUILD_CONTEXT));
    const sent = buildTicket(draft, 'x', BUILD_CONTEXT).ticket;
    expect(full).toEqual({
      screenshot: sent.screenshot !== null,
      console: sent.console.length,
      network: sent.network?.length ?? 0,
      steps: sent.steps?.length ?? 0,
      environment: true,
    });
    expect(full.console).toBeGreaterThan(0);

    const trimmed = sampleDraft({
      exclusions: { ...NO_EXCLUSIONS, console: [0], sections: ['screenshot', 'environment'] },
    });
    const less = sentSummary(previewDraft(trimmed, 'x', BUILD_CONTEXT));
    const lessSent = buildTicket(trimmed, 'x', BUILD_CONTEXT).ticket;
    expect(less).toMatchObject({ screenshot: false, environment: false, console: lessSent.console.length });
    expect(less.console).toBe(full.console - 1);
  });

  it('says nothing of what the organisation does not collect', () => {
    const draft = sampleDraft({ notCollected: ['environment', 'console'] });
    expect(sentSummary(previewDraft(draft, 'x', BUILD_CONTEXT))).toMatchObject({ console: 0, environment: false });
  });
});

describe('summaryParts', () => {
  it('names the parts in the review order and leaves out empty lists', () => {
    expect(summaryParts({ screenshot: true, console: 3, network: 0, steps: 1, environment: true })).toEqual([
      { kind: 'screenshot' },
      { kind: 'console', count: 3 },
      { kind: 'steps', count: 1 },
      { kind: 'environment' },
    ]);
    expect(summaryParts({ screenshot: false, console: 0, network: 0, steps: 0, environment: false })).toEqual([]);
  });
});
