/**
 * The requester: who the ticket is filed for, so the helpdesk can answer them. Where it comes from
 * is the organisation's choice (asked on the report page, the browser's signed-in profile, or not
 * collected); what the person typed is remembered for the next report.
 */
import type { Settings } from '../settings/schema';
import type { Ticket } from '../model/ticket';

export type Reporter = NonNullable<Ticket['reporter']>;
type RequesterSource = Settings['requesterSource'];

export interface Requester {
  email: string;
  name: string;
}

/** What the report page shows: the fields, prefilled, and whether they can be changed. */
export interface RequesterForm {
  /** 'none': no field at all. 'profile' only when the browser gave an address; else 'asked'. */
  source: RequesterSource;
  required: boolean;
  email: string;
  name: string;
}

export type RequesterProblem = 'email-required' | 'email-invalid';

export const EMAIL_MAX = 254;
export const NAME_MAX = 200;

// Deliberately loose: one @, something on each side, a dot in the domain, no spaces or brackets.
// The helpdesk is the judge of an address; this only catches typing slips.
const EMAIL = /^[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[^\s@<>()[\]",;:.]+$/;

export function isEmail(text: string): boolean {
  return text.length <= EMAIL_MAX && EMAIL.test(text);
}

/**
 * The form for a report: `profileEmail` is what the browser's profile gave ('' when nothing, or
 * when its permission is missing: then the person is asked, as on Firefox).
 */
export function requesterForm(
  settings: Pick<Settings, 'requesterSource' | 'requesterRequired'>,
  remembered: Requester,
  profileEmail: string,
): RequesterForm {
  const required = settings.requesterRequired;
  if (settings.requesterSource === 'none') return { source: 'none', required: false, email: '', name: '' };
  if (settings.requesterSource === 'profile' && profileEmail)
    return { source: 'profile', required, email: profileEmail, name: remembered.name };
  return { source: 'asked', required, email: remembered.email, name: remembered.name };
}

/**
 * The reporter a ticket carries, from what the page sent and the form the background made:
 * a profile address cannot be replaced from the page; nothing is kept when not collected.
 */
export function checkRequester(
  typed: Partial<Requester> | undefined,
  form: RequesterForm,
): { ok: true; reporter: Reporter | undefined } | { ok: false; problem: RequesterProblem } {
  if (form.source === 'none') return { ok: true, reporter: undefined };
  const email = (form.source === 'profile' ? form.email : (typed?.email ?? '')).trim();
  const name = (typed?.name ?? '').trim().slice(0, NAME_MAX);
  if (!email && form.required) return { ok: false, problem: 'email-required' };
  if (email && !isEmail(email)) return { ok: false, problem: 'email-invalid' };
  if (!email && !name) return { ok: true, reporter: undefined };
  return { ok: true, reporter: { ...(name ? { name } : {}), ...(email ? { email } : {}) } };
}

/** Draft storage keeps whatever the person typed so far, checked only for size. */
export function draftRequester(typed: Partial<Requester> | undefined): Reporter | undefined {
  const email = (typed?.email ?? '').trim().slice(0, EMAIL_MAX);
  const name = (typed?.name ?? '').trim().slice(0, NAME_MAX);
  if (!email && !name) return undefined;
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}
