import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { drafts } from '../../../../utils/background/drafts';
import { buildTicket } from '../../../../utils/core/ticket/build';
import { checkReportChoices, keepReportChoices, reportForm } from '../../../../utils/core/report/report-form';
import { DEFAULT_SETTINGS } from '../../../../utils/core/settings/schema';
import { BUILD_CONTEXT, sampleDraft } from '../../../support/tickets';

const form = reportForm({
  ...DEFAULT_SETTINGS,
  categories: ['Mail', 'Intranet'],
  urgencies: ['Low', 'High'],
  requiredFields: ['category'],
  helpText: 'Call 1234',
  endpointUrl: 'https://secret.example.org',
});

describe('report form', () => {
  it('gives the report page only what it shows', () => {
    expect(form).toEqual({
      organisationName: '',
      supportContact: '',
      helpText: 'Call 1234',
      categories: ['Mail', 'Intranet'],
      urgencies: ['Low', 'High'],
      requiredFields: ['category'],
    });
  });

  it.each([
    [{ category: 'Mail', urgency: 'High' }, { category: 'Mail', urgency: 'High' }, []],
    [{ urgency: 'High' }, { urgency: 'High' }, ['category']],
    [{ category: 'Forged', urgency: 'Whatever' }, {}, ['category']],
    [{ category: 'Intranet' }, { category: 'Intranet' }, []],
  ])('%j -> kept %j, missing %j', (choices, kept, missing) => {
    expect(checkReportChoices(choices, form)).toEqual({ choices: kept, missing });
  });

  it('does not require a choice the organisation offers no list for', () => {
    expect(checkReportChoices({}, { ...form, categories: [], requiredFields: ['category'] }).missing).toEqual([]);
  });

  it('puts the chosen category and urgency in the ticket, and nothing when none was chosen', () => {
    const { ticket } = buildTicket(sampleDraft({ category: 'Mail', urgency: 'High' }), 'Broken', BUILD_CONTEXT);
    expect([ticket.category, ticket.urgency]).toEqual(['Mail', 'High']);
    const plain = buildTicket(sampleDraft(), 'Broken', BUILD_CONTEXT).ticket;
    expect(plain).not.toHaveProperty('category');
    expect(plain).not.toHaveProperty('urgency');
  });
});

describe('keepReportChoices', () => {
  beforeEach(() => fakeBrowser.reset());
  const env = { form, drafts, requiredText: (field: string) => `Choose a ${field}.` };

  it('keeps valid choices in the draft, dropping a value not in the lists', async () => {
    await drafts.put(sampleDraft());
    expect(await keepReportChoices({ draftId: 'draft-1', category: 'Mail', urgency: 'Forged' }, env)).toBeNull();
    const kept = await drafts.get('draft-1');
    expect(kept?.category).toBe('Mail');
    expect(kept).not.toHaveProperty('urgency');
  });

  it('refuses the send in the person’s words when a required choice is missing, and leaves the draft alone', async () => {
    await drafts.put(sampleDraft({ description: 'kept' }));
    expect(await keepReportChoices({ draftId: 'draft-1', urgency: 'High' }, env)).toEqual({
      ok: false,
      failure: { kind: 'invalid-report', retryable: false, detail: 'Choose a category.' },
    });
    expect(await drafts.get('draft-1')).toEqual(sampleDraft({ description: 'kept' }));
  });

  it('never changes a draft already in the outbox', async () => {
    await drafts.put(sampleDraft({ outboxId: 'queued-already', category: 'Intranet' }));
    await keepReportChoices({ draftId: 'draft-1', category: 'Mail' }, env);
    expect((await drafts.get('draft-1'))?.category).toBe('Intranet');
  });
});
