/** The one protocol between extension pages (popup, report page, options) and the background. */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { EditedScreenshot } from '../core/annotate/edited';
import type { DomCaptureMode, DomCaptureResult } from '../background/capture/dom-capture';
import type { DeliveryFailure } from '../core/delivery/errors';
import type { Draft } from '../core/model/draft';
import type { Exclusions } from '../core/report/exclusions';
import type { PreviewResult } from '../core/report/preview';
import type { ReportStatus, SubmitResult } from '../core/report/submit';
import type { ConnectionTestResult } from '../core/delivery/connection-test';
import type { ReportChoices, ReportForm } from '../core/report/report-form';
import type { Secrets, Settings } from '../core/settings/schema';
import type { Requester, RequesterForm } from '../core/report/requester';

export type StartResult =
  { ok: true; draftId: string } | { ok: false; problem: 'no-tab' | 'internal' | 'blocked-site'; detail?: string };
export type { EditedScreenshot, PreviewResult, ReportStatus };

export interface ComposeState {
  draft: Draft;
  /** The outbox entry once the draft was sent or queued. */
  status: ReportStatus | null;
  /** False when no endpoint is configured: the report can only be saved as a file. */
  canSend: boolean;
}

export interface OutboxOverview {
  reports: ReportStatus[];
  /** Unsent reports are close to the outbox's limits; the popup warns. */
  nearlyFull: boolean;
}

/** A sent report's conversation, for its report page. */
export interface Conversation {
  report: ReportStatus;
  /** What the person added, oldest first, each with its delivery state. */
  additions: {
    id: string;
    text: string;
    createdAt: number;
    state: ReportStatus['state'];
    lastFailure?: DeliveryFailure;
    files: number;
  }[];
  /** The helpdesk can be followed and the ticket is not closed: information can be added. */
  canAdd: boolean;
}

type AddInformationResult = { ok: true; conversation: Conversation } | { ok: false; failure: DeliveryFailure };

type ExportResult = { ok: true; filename: string; base64: string } | { ok: false; failure: DeliveryFailure };

export interface ExtensionProtocol {
  startReport(data: { tabId: number }): StartResult;
  getCompose(draftId: string): ComposeState | null;
  saveDescription(data: { draftId: string; description: string }): void;
  /** The report exactly as Send would make it now (redacted, without what is left out). */
  previewReport(data: { draftId: string; description: string; requester?: Partial<Requester> }): PreviewResult;
  /** Stores what the person leaves out; ignored once the report is in the outbox. */
  setExclusions(data: { draftId: string; exclusions: Exclusions }): void;
  /** `screenshot`: as edited on the report page (null: removed); absent leaves the draft's. */
  submitReport(
    data: {
      draftId: string;
      description: string;
      screenshot?: EditedScreenshot;
      requester?: Partial<Requester>;
    } & ReportChoices,
  ): SubmitResult;
  /** Your email and name: prefilled from the last report or the browser profile, per the organisation. */
  getRequester(): RequesterForm;
  /** Keeps what the person typed in the draft, so the review shows it; checked again on Send. */
  saveRequester(data: { draftId: string; requester: Partial<Requester> }): void;
  reportStatus(id: string): ReportStatus | null;
  /** Also a retry trigger: the person is looking at the outbox. */
  listReports(): OutboxOverview;
  retryReport(id: string): ReportStatus | null;
  /** A .zip of the report (report.html, report.json, screenshot), from the outbox or a draft. */
  exportReport(
    data: { draftId: string; description: string; screenshot?: EditedScreenshot } & ReportChoices,
  ): ExportResult;
  /** Keeps the edited (or removed) screenshot in the draft, so reopening the page shows it. */
  saveScreenshot(data: { draftId: string; screenshot: EditedScreenshot }): void;
  /** Replaces the draft's screenshot with the whole page or one element, rendered in the tab. */
  captureDom(data: { draftId: string; mode: DomCaptureMode }): DomCaptureResult;
  /** The report's status, the technicians' replies and the person's additions; also a (throttled) check. */
  getConversation(reportId: string): Conversation | null;
  /** Adds information to a sent report through the outbox; `id` (made by the page) is the Idempotency-Key. */
  addInformation(data: {
    reportId: string;
    id: string;
    text: string;
    file?: { filename: string; contentType: string; data: string };
  }): AddInformationResult;
  /** The person saw these reports' replies: the badge stops counting them. */
  markRepliesRead(reportIds: string[]): void;
  /** The popup is open: check replies now (throttled). */
  checkReplies(): void;
  // Admin settings: the popup and the report page never read settings storage.
  /** Whether the organisation allows reporting on the tab's site. */
  siteStatus(data: { tabId: number }): { reportingAllowed: boolean };
  getReportForm(): ReportForm;
  /** Options page: tries the values as typed (policy values put back over them) without saving. */
  testConnection(data: { settings: Settings; secrets: Secrets }): ConnectionTestResult;
}

const messaging = defineExtensionMessaging<ExtensionProtocol>();

export const sendMessage = messaging.sendMessage.bind(messaging);

/** The names of every message in the protocol, checked against it by the compiler. */
export const EXTENSION_MESSAGES = [
  'startReport',
  'getCompose',
  'saveDescription',
  'previewReport',
  'setExclusions',
  'submitReport',
  'getRequester',
  'saveRequester',
  'reportStatus',
  'listReports',
  'retryReport',
  'exportReport',
  'saveScreenshot',
  'captureDom',
  'getConversation',
  'addInformation',
  'markRepliesRead',
  'checkReplies',
  'siteStatus',
  'getReportForm',
  'testConnection',
] as const satisfies readonly (keyof ExtensionProtocol)[];
// A message added to the protocol but not to the list above fails to compile here.
const everyMessageListed: Exclude<keyof ExtensionProtocol, (typeof EXTENSION_MESSAGES)[number]> extends never
  ? true
  : never = true;
void everyMessageListed;

/**
 * Only the extension's own pages may drive reports. Content scripts also reach runtime messaging,
 * and their sender URL is the web page's, so checking the URL keeps pages out.
 */
export function isExtensionPage(sender: { url?: string }, extensionOrigin: string): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

type Handler<K extends keyof ExtensionProtocol> = Parameters<typeof messaging.onMessage<K>>[1];

/**
 * The one way the background listens to the extension's pages: every message is refused before its
 * handler runs unless it comes from one of them (test/unit/extension/messaging.test.ts checks that
 * nothing registers another way).
 */
export function onExtensionPageMessage<K extends keyof ExtensionProtocol>(
  key: K,
  handler: Handler<K>,
  extensionOrigin: string = browser.runtime.getURL('/'),
  listen: typeof messaging.onMessage = messaging.onMessage.bind(messaging),
) {
  return listen(key, (message: Parameters<Handler<K>>[0]) => {
    if (!isExtensionPage(message.sender, extensionOrigin)) throw new Error('Not allowed from this context');
    return handler(message);
  });
}
