/**
 * What the report page shows from the settings: the organisation's words and the choice lists.
 * The background hands this to the page, so the page never reads settings storage itself.
 */
import type { SubmitResult } from './submit';
import type { DraftStore } from '../model/draft';
import type { Settings } from '../settings/schema';

export type ReportForm = Pick<
  Settings,
  'organisationName' | 'supportContact' | 'helpText' | 'categories' | 'urgencies' | 'requiredFields'
>;

export interface ReportChoices {
  category?: string;
  urgency?: string;
}

export function reportForm(settings: Settings): ReportForm {
  const { organisationName, supportContact, helpText, categories, urgencies, requiredFields } = settings;
  return { organisationName, supportContact, helpText, categories, urgencies, requiredFields };
}

/**
 * The choices the background accepts: a value not in the admin's list is dropped (lists change
 * while drafts wait); 'missing' names a required choice the person has not made.
 */
export function checkReportChoices(
  choices: ReportChoices,
  form: ReportForm,
): { choices: ReportChoices; missing: ('category' | 'urgency')[] } {
  const kept: ReportChoices = {};
  if (choices.category && form.categories.includes(choices.category)) kept.category = choices.category;
  if (choices.urgency && form.urgencies.includes(choices.urgency)) kept.urgency = choices.urgency;
  const missing = (['category', 'urgency'] as const).filter((field) => {
    const list = field === 'category' ? form.categories : form.urgencies;
    return form.requiredFields.includes(field) && list.length > 0 && !kept[field];
  });
  return { choices: kept, missing };
}

export interface KeepChoicesEnv {
  form: ReportForm;
  drafts: Pick<DraftStore, 'update'>;
  /** The person's words for a required choice left empty. */
  requiredText: (field: 'category' | 'urgency') => string;
}

/**
 * Before a send: the choices, checked against the organisation's lists, go into the draft (so a
 * retry keeps them); a required one left empty refuses the send with the person's words.
 */
export async function keepReportChoices(
  data: ReportChoices & { draftId: string },
  env: KeepChoicesEnv,
): Promise<SubmitResult | null> {
  const checked = checkReportChoices(data, env.form);
  if (checked.missing.length) {
    return {
      ok: false,
      failure: { kind: 'invalid-report', retryable: false, detail: checked.missing.map(env.requiredText).join(' ') },
    };
  }
  const { category, urgency } = checked.choices;
  await env.drafts.update(data.draftId, (d) => (d.outboxId ? d : { ...d, category, urgency }));
  return null;
}
