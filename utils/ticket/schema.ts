/**
 * Ticket v1: the contract between the extension and every endpoint. This module is the single
 * source of truth; the receiver validates with it too.
 */
import { z } from 'zod';
import { LIMITS } from '../messaging/page-protocol';
import { consoleEntrySchema } from '../messaging/page-schemas';

export const TICKET_VERSION = 1;
export const DESCRIPTION_MAX = 5000;

const httpUrl = z.string().max(LIMITS.urlChars);

export const pageSchema = z.object({
  url: httpUrl,
  title: z.string().max(500),
});

export const environmentSchema = z.object({
  userAgent: z.string().max(500),
  language: z.string().max(35),
  viewport: z.object({ width: z.number().int().min(0), height: z.number().int().min(0) }),
  devicePixelRatio: z.number().positive(),
  extensionVersion: z.string().max(30),
});

export const screenshotSchema = z.object({
  attachment: z.string().regex(/^[\w.-]+$/),
  type: z.enum(['image/png', 'image/jpeg']),
  size: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

export const captureSchema = z.object({
  recorderInstalledAt: z.string().datetime().nullable(),
  recorderMissing: z.boolean(),
  dropped: z.object({ console: z.number().int().min(0) }),
});

export const ticketSchema = z.object({
  version: z.literal(TICKET_VERSION),
  id: z.string().uuid(),
  createdAt: z.string().datetime(),
  description: z.string().trim().min(1).max(DESCRIPTION_MAX),
  page: pageSchema,
  environment: environmentSchema,
  console: z.array(consoleEntrySchema).max(LIMITS.consoleEntries),
  screenshot: screenshotSchema.nullable(),
  capture: captureSchema,
});

export type Ticket = z.infer<typeof ticketSchema>;
export type TicketScreenshot = z.infer<typeof screenshotSchema>;

/** A file sent with the ticket; `data` is base64. */
export const attachmentSchema = z.object({
  filename: z.string().regex(/^[\w.-]+$/).max(100),
  contentType: z.string().max(100),
  data: z.string().base64(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** The JSON body POSTed to a webhook endpoint. */
export const webhookPayloadSchema = z.object({
  ticket: ticketSchema,
  attachments: z.array(attachmentSchema).max(10),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
