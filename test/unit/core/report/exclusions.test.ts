import { describe, expect, it } from 'vitest';
import {
  applyExclusions,
  draftExclusions,
  NO_EXCLUSIONS,
  type Exclusions,
} from '../../../../utils/core/report/exclusions';
import { buildTicket } from '../../../../utils/core/ticket/build';
import { ticketSchema } from '../../../../utils/core/model/ticket';
import { BUILD_CONTEXT, sampleDraft } from '../../../support/tickets';
import { sampleTicket } from '../../../support/sample-ticket';

const exclusions = (overrides: Partial<Exclusions>): Exclusions => ({ ...NO_EXCLUSIONS, ...overrides });
const decoded = (data: string) => Buffer.from(data, 'base64').toString('utf8');

describe('applyExclusions', () => {
  it('leaves a ticket as it is when nothing is left out, every entry kept', () => {
    const ticket = sampleTicket();
    const result = applyExclusions(ticket, NO_EXCLUSIONS);
    expect(result.ticket).toEqual(ticket);
    expect(result.kept).toEqual({ console: [0, 1, 2, 3, 4], network: [0, 1], steps: [0, 1] });
  });

  it('removes single entries by their collected index, says how many, and keeps the others in order', () => {
    const ticket = sampleTicket();
    const { ticket: out, kept } = applyExclusions(ticket, exclusions({ console: [0, 3], steps: [1] }));
    expect(out.console.map((e) => e.message)).toEqual([
      ticket.console[1].message,
      ticket.console[2].message,
      ticket.console[4].message,
    ]);
    expect(out.steps).toEqual([ticket.steps![0]]);
    expect(kept).toEqual({ console: [1, 2, 4], network: [0, 1], steps: [0] });
    expect(out.capture.leftOut).toEqual({ sections: [], entries: 3 });
    expect(ticketSchema.parse(out)).toEqual(out);
  });

  it('empties a switched-off list whatever single removals it had, and forgets how much it dropped', () => {
    const ticket = sampleTicket({
      capture: { ...sampleTicket().capture, dropped: { console: 4, network: 2, steps: 1 } },
    });
    const { ticket: out, kept } = applyExclusions(
      ticket,
      exclusions({ sections: ['network', 'console'], console: [1] }),
    );
    expect(out.console).toEqual([]);
    expect(out.network).toEqual([]);
    expect(kept.console).toEqual([]);
    expect(out.capture.dropped).toEqual({ console: 0, network: 0, steps: 1 });
    expect(out.capture.leftOut).toEqual({ sections: ['console', 'network'], entries: 0 });
  });

  it('drops the screenshot, and with the environment off keeps only Mayday’s own version', () => {
    const { ticket: out } = applyExclusions(sampleTicket(), exclusions({ sections: ['environment'] }));
    expect(out.environment).toEqual({
      userAgent: '',
      language: '',
      viewport: { width: 0, height: 0 },
      devicePixelRatio: 1,
      extensionVersion: '0.1.0',
    });
    expect(out.screenshot).not.toHaveProperty('devicePixelRatio');
    expect(applyExclusions(sampleTicket(), exclusions({ sections: ['screenshot'] })).ticket.screenshot).toBeNull();
    expect(ticketSchema.parse(out)).toEqual(out);
  });
});

describe('draftExclusions', () => {
  it('adds what the organisation does not collect to the person’s choices, once', () => {
    const draft = {
      exclusions: exclusions({ sections: ['screenshot', 'steps'], console: [2] }),
      notCollected: ['steps' as const, 'network' as const],
    };
    expect(draftExclusions(draft)).toEqual(exclusions({ sections: ['screenshot', 'steps', 'network'], console: [2] }));
    expect(draftExclusions({})).toEqual(NO_EXCLUSIONS);
  });
});

describe('a build with exclusions', () => {
  it('sends no screenshot file and none of a removed message, and counts only the redactions it sends', () => {
    const draft = sampleDraft();
    draft.context!.recorder!.console.push({
      level: 'error',
      kind: 'console',
      message: 'token for jane.doe@example.com',
      time: 1,
      count: 1,
    });
    const sent = buildTicket(
      { ...draft, exclusions: exclusions({ sections: ['screenshot'], console: [1] }) },
      'Nothing loads',
      BUILD_CONTEXT,
    );
    expect(sent.ticket.screenshot).toBeNull();
    expect(sent.attachments.map((a) => a.filename)).toEqual(['report.json', 'report.html']);
    const files = sent.attachments.map((a) => decoded(a.data)).join('\n');
    expect(files).not.toContain('data:image/');
    expect(files).not.toContain('token for');
    expect(sent.ticket.capture.redactions).toEqual({});
    expect(sent.ticket.capture.leftOut).toEqual({ sections: ['screenshot'], entries: 1 });
  });

  it('leaves out what the organisation does not collect even when the person asked for nothing', () => {
    const sent = buildTicket({ ...sampleDraft(), notCollected: ['console'] }, 'Nothing loads', BUILD_CONTEXT);
    expect(sent.ticket.console).toEqual([]);
    expect(sent.ticket.capture.leftOut).toEqual({ sections: ['console'], entries: 0 });
  });
});
