/** The one protocol between extension pages (popup, report page, options) and the background. */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EditedScreenshot } from '../annotate/edited';
import type { DomCaptureMode, DomCaptureResult } from '../capture/dom-capture';
import type { DeliveryFailure } from '../delivery/errors';
import type { Draft } from '../report/draft';
import type { Exclusions } from '../report/exclusions';
import type { PreviewResult } from '../report/preview';
import type { ReportStatus, SubmitResult } from '../report/submit';
import type { ConnectionTestResult } from '../settings/connection-test';
import type { ReportChoices, ReportForm } from '../settings/report-form';
import type { Secrets, Settings } from '../settings/schema';

export type StartResult =
  { ok: true; draftId: string } | { ok: false; problem: 'no-tab' | 'internal' | 'blocked-site'; detail?: string };
export type { DomCaptureResult, EditedScreenshot, PreviewResult, ReportStatus, SubmitResult };

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

export type ExportResult = { ok: true; filename: string; base64: string } | { ok: false; failure: DeliveryFailure };

export interface ExtensionProtocol {
  startReport(data: { tabId: number }): StartResult;
  getCompose(draftId: string): ComposeState | null;
  saveDescription(data: { draftId: string; description: string }): void;
  /** The report exactly as Send would make it now (redacted, without what is left out). */
  previewReport(data: { draftId: string; description: string }): PreviewResult;
  /** Stores what the person leaves out; ignored once the report is in the outbox. */
  setExclusions(data: { draftId: string; exclusions: Exclusions }): void;
  /** `screenshot`: as edited on the report page (null: removed); absent leaves the draft's. */
  submitReport(
    data: { draftId: string; description: string; screenshot?: EditedScreenshot } & ReportChoices,
  ): SubmitResult;
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
  // Admin settings (utils/settings): the launcher and report page never read settings storage.
  /** Whether the organisation allows reporting on the tab's site. */
  siteStatus(data: { tabId: number }): { reportingAllowed: boolean };
  getReportForm(): ReportForm;
  /** Options page: tries the values as typed (policy values put back over them) without saving. */
  testConnection(data: { settings: Settings; secrets: Secrets }): ConnectionTestResult;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ExtensionProtocol>();
