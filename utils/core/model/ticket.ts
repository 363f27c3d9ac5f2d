/**
 * Ticket v1: the contract between the extension and every endpoint. This module is the single
 * source of truth; the receiver validates with it too. Fields marked optional may be absent when
 * the browser does not expose them or the admin turned their collection off.
 */
import { z } from 'zod';
import { LIMITS } from '../wire/page-protocol';
import { consoleEntrySchema, networkEntrySchema, PAGE_PARTS, stepEntrySchema } from '../wire/page-schemas';

export const TICKET_VERSION = 1;
export const DESCRIPTION_MAX = 5000;
/** The parts of a report that can be left out, by the organisation's settings or by the person. */
export const REPORT_SECTIONS = ['screenshot', 'console', 'network', 'steps', 'environment'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

const url = z.string().max(LIMITS.urlChars);
const short = z.string().max(200);
const ms = z.number().min(0);
const count = z.number().int().min(0);

const pageSchema = z.object({
  url,
  title: z.string().max(500),
  referrer: url.optional(),
  readyState: z.enum(['loading', 'interactive', 'complete']).optional(),
  visibility: z.enum(['visible', 'hidden']).optional(),
  /** Navigation timing of the page's last full load, in ms from navigation start. */
  timing: z.object({ ttfb: ms.optional(), domContentLoaded: ms.optional(), load: ms.optional() }).optional(),
});

const environmentSchema = z.object({
  userAgent: z.string().max(500),
  browser: z.object({ name: short, version: short }).optional(),
  os: z.object({ name: short, version: short.optional() }).optional(),
  architecture: short.optional(),
  deviceMemoryGb: z.number().positive().optional(),
  cpuCores: z.number().int().positive().optional(),
  screen: z.object({ width: count, height: count }).optional(),
  viewport: z.object({ width: count, height: count }),
  devicePixelRatio: z.number().positive(),
  /** Page zoom as a factor (1.5 = 150%). */
  zoom: z.number().positive().optional(),
  colorScheme: z.enum(['light', 'dark']).optional(),
  language: z.string().max(35),
  languages: z.array(z.string().max(35)).max(20).optional(),
  timeZone: short.optional(),
  /** Minutes east of UTC, as people read offsets (UTC+1 -> 60). */
  utcOffsetMinutes: z.number().int().optional(),
  localTime: short.optional(),
  online: z.boolean().optional(),
  connection: z
    .object({ effectiveType: short.optional(), rttMs: ms.optional(), downlinkMbps: ms.optional() })
    .optional(),
  incognito: z.boolean().optional(),
  extensionVersion: z.string().max(30),
});

export const screenshotSchema = z.object({
  attachment: z.string().regex(/^[\w.-]+$/),
  type: z.enum(['image/png', 'image/jpeg']),
  size: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  devicePixelRatio: z.number().positive().optional(),
  /** visible: what was on screen; full-page and element: rendered from the DOM. */
  mode: z.enum(['visible', 'full-page', 'element']).optional(),
  /** Regions painted over before the image left the browser (sensitive fields, black-outs). */
  masks: count.optional(),
});

const captureSchema = z.object({
  recorderInstalledAt: z.string().datetime().nullable(),
  recorderMissing: z.boolean(),
  /** The recorder was installed after the page had already run (tab open before install/update). */
  startedLate: z.boolean().optional(),
  dropped: z.object({ console: count, network: count.optional(), steps: count.optional() }),
  /** What the page supplied that failed validation and was left out: parts by name, single entries counted. */
  rejected: z.object({ parts: z.array(z.enum(PAGE_PARTS)).max(PAGE_PARTS.length), entries: count }).optional(),
  /** Redactions applied before the ticket left the browser, by kind (jwt, email, card…). */
  redactions: z.record(z.string().max(40), count).optional(),
  /**
   * Left out on purpose, so an empty list is not read as "nothing happened": sections switched off
   * (by the organisation or the person) and entries the person removed one by one.
   */
  leftOut: z
    .object({ sections: z.array(z.enum(REPORT_SECTIONS)).max(REPORT_SECTIONS.length), entries: count })
    .optional(),
});

const reporterSchema = z.object({
  name: z.string().max(200).optional(),
  email: z.string().max(254).optional(),
});

export const ticketSchema = z.object({
  version: z.literal(TICKET_VERSION),
  id: z.string().uuid(),
  createdAt: z.string().datetime(),
  reporter: reporterSchema.optional(),
  description: z.string().trim().min(1).max(DESCRIPTION_MAX),
  category: short.optional(),
  urgency: short.optional(),
  page: pageSchema,
  environment: environmentSchema,
  console: z.array(consoleEntrySchema).max(LIMITS.consoleEntries),
  network: z
    .array(networkEntrySchema)
    .max(LIMITS.networkEntries * 2)
    .optional(),
  steps: z.array(stepEntrySchema).max(LIMITS.stepEntries).optional(),
  screenshot: screenshotSchema.nullable(),
  capture: captureSchema,
});

export type Ticket = z.infer<typeof ticketSchema>;

/** A file sent with the ticket; `data` is base64. */
export const attachmentSchema = z.object({
  filename: z
    .string()
    .regex(/^[\w.-]+$/)
    .max(100),
  contentType: z.string().max(100),
  data: z.string().base64(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/**
 * A report as it leaves: the ticket and its files (the screenshot if any, report.json,
 * report.html). What the outbox keeps and every connector sends; a webhook receives it as its
 * JSON body.
 */
export const outgoingReportSchema = z.object({
  ticket: ticketSchema,
  attachments: z.array(attachmentSchema).max(10),
});
export type OutgoingReport = z.infer<typeof outgoingReportSchema>;
