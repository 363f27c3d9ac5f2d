import { describe, expect, it } from 'vitest';
import { NO_EXCLUSIONS } from '../../../../utils/core/report/exclusions';
import { previewDraft, previewStored } from '../../../../utils/core/report/preview';
import { buildTicket } from '../../../../utils/core/ticket/build';
import { BUILD_CONTEXT, sampleDraft } from '../../../support/tickets';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('previewDraft', () => {
  it('is the ticket and screenshot file Send makes, redacted, with the person’s choices to edit', () => {
    const draft = sampleDraft({ exclusions: { ...NO_EXCLUSIONS, console: [0] }, notCollected: ['steps'] });
    draft.context!.recorder!.console.push({
      level: 'warn',
      kind: 'console',
      message: `retry with ${JWT}`,
      time: 2,
      count: 1,
    });
    const preview = previewDraft(draft, 'Invoices do not load', BUILD_CONTEXT);
    const sent = buildTicket(draft, 'Invoices do not load', BUILD_CONTEXT);
    expect(preview.ticket).toEqual(sent.ticket);
    expect(preview.screenshot).toEqual(sent.attachments.find((a) => a.filename === 'screenshot.png'));
    expect(preview.ticket.console.map((e) => e.message)).toEqual(['retry with [REDACTED:jwt]']);
    expect(preview.kept.console).toEqual([1]);
    expect(preview).toMatchObject({ exclusions: draft.exclusions, notCollected: ['steps'], final: false });
  });

  it('previews the rest while the description is still blank', () => {
    expect(previewDraft(sampleDraft(), '  ', BUILD_CONTEXT).ticket.console).toHaveLength(1);
  });
});

describe('previewStored', () => {
  it('shows a report in the outbox as it was stored, every entry in place, not to be changed', () => {
    const stored = buildTicket(sampleDraft(), 'Sent earlier', BUILD_CONTEXT);
    const preview = previewStored(stored, sampleDraft({ outboxId: stored.ticket.id }));
    expect(preview.ticket).toBe(stored.ticket);
    expect(preview).toMatchObject({ final: true, kept: { console: [0], network: [], steps: [] } });
    expect(preview.screenshot?.filename).toBe('screenshot.png');
  });
});
