/** The one protocol between extension pages (popup, report page, options) and the background. */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { DeliveryFailure } from '../delivery/errors';
import type { Draft, Receipt } from '../report/draft';
import type { ConnectionTestResult } from '../settings/connection-test';
import type { ReportChoices, ReportForm } from '../settings/report-form';
import type { Secrets, Settings } from '../settings/schema';

export type StartResult =
  | { ok: true; draftId: string }
  | { ok: false; problem: 'no-tab' | 'internal' | 'blocked-site'; detail?: string };
export type SubmitResult = { ok: true; receipt: Receipt } | { ok: false; failure: DeliveryFailure };

export interface ExtensionProtocol {
  startReport(data: { tabId: number }): StartResult;
  getDraft(draftId: string): Draft | null;
  saveDescription(data: { draftId: string; description: string }): void;
  submitReport(data: { draftId: string; description: string } & ReportChoices): SubmitResult;
  // Admin settings (utils/settings): the launcher and report page never read settings storage.
  /** Whether the organisation allows reporting on the tab's site. */
  siteStatus(data: { tabId: number }): { reportingAllowed: boolean };
  getReportForm(): ReportForm;
  /** Options page: tries the values as typed (policy values put back over them) without saving. */
  testConnection(data: { settings: Settings; secrets: Secrets }): ConnectionTestResult;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ExtensionProtocol>();
