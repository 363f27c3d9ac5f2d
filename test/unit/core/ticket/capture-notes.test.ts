import { describe, expect, it } from 'vitest';
import { captureNotes } from '../../../../utils/core/ticket/summary-facts';
import { sampleTicket, tEn, tFr } from '../../../support/sample-ticket';

const leftOut = (sections: ('screenshot' | 'console' | 'network' | 'steps' | 'environment')[], entries: number) =>
  sampleTicket({ capture: { ...sampleTicket().capture, leftOut: { sections, entries } } });

describe('captureNotes', () => {
  it('tells the technician which parts were left out on purpose, in their language', () => {
    expect(captureNotes(leftOut(['screenshot', 'console'], 2), tEn)).toEqual(
      expect.arrayContaining([
        "Not included, by the organisation's settings or the person's choice: Screenshot, Console messages.",
        'The person removed 2 entries before sending.',
      ]),
    );
    expect(captureNotes(leftOut(['environment'], 0), tFr)).toContain(
      "Non inclus, par réglage de l'organisation ou au choix de la personne : Navigateur et système.",
    );
  });

  it('says nothing of it when nothing was left out', () => {
    const notes = captureNotes(sampleTicket(), tEn).join(' ');
    expect(notes).not.toContain('Not included');
    expect(notes).not.toContain('entries before sending');
    expect(captureNotes(leftOut(['steps'], 0), tEn).join(' ')).not.toContain('entries before sending');
  });
});
