/**
 * A draft is everything captured when a report starts. It lives in extension storage until it is
 * sent (utils/background/drafts.ts).
 */
import type { CaptureProblem } from '../capture/restricted';
import type { Observations } from '../capture/observations';
import type { ValidPageContext } from '../wire/page-schemas';
import type { ReportSection } from './ticket';
import type { Exclusions } from '../report/exclusions';

export interface DraftScreenshot {
  dataUrl: string;
  width: number;
  height: number;
  /** How it was taken; absent means what was on screen. */
  mode?: 'visible' | 'full-page' | 'element';
  /** Regions painted over before the image was stored (sensitive fields). */
  masks?: number;
}

export interface Receipt {
  id: string;
  url?: string;
  /** The helpdesk's own ticket id when `id` is a display number (Zammad). */
  ref?: string;
  /** Webhook: where to follow the ticket and add information (the endpoint's 201 answer). */
  statusUrl?: string;
  replyUrl?: string;
}

export interface Draft {
  id: string;
  /** The ticket id, fixed when the draft is made so that every send attempt is idempotent. */
  ticketId: string;
  createdAt: number;
  tabId: number;
  page: { url: string; title: string };
  context: ValidPageContext | null;
  /** What the background observed itself: machine facts, zoom, the tab's failed requests (absent in older drafts). */
  observed?: Observations;
  screenshot: DraftScreenshot | null;
  /** Why there is no screenshot (restricted page, capture refused). */
  screenshotProblem?: CaptureProblem;
  /** The person removed the screenshot: none is sent, and none can be brought back. */
  screenshotRemoved?: boolean;
  description: string;
  /** Set once the draft is in the outbox: from then on the outbox entry tells its fate. */
  outboxId?: string;
  /** Chosen from the organisation's lists (admin settings), checked by the background. */
  category?: string;
  urgency?: string;
  /** Who the ticket is for, as typed on the report page (checked again on Send). */
  reporter?: { name?: string; email?: string };
  /** What the person left out on the report page (utils/core/report/exclusions.ts). */
  exclusions?: Exclusions;
  /** Sections the organisation does not collect: never stored, and left out of every build. */
  notCollected?: ReportSection[];
}

/** Where drafts are kept (extension storage in the background, a map in tests). */
export interface DraftStore {
  get(id: string): Promise<Draft | null>;
  put(draft: Draft): Promise<void>;
  /** Applies `change` to the stored draft, in order with every other update of it. */
  update(id: string, change: (draft: Draft) => Draft): Promise<Draft | null>;
  remove(id: string): Promise<void>;
  /** Every stored draft (the screenshots included: call rarely). */
  all(): Promise<Draft[]>;
}
