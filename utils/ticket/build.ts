import type { Draft } from '../report/draft';
import { ticketSchema, TICKET_VERSION, type Attachment, type Ticket, type WebhookPayload } from './schema';

export interface BuildContext {
  now: number;
  extensionVersion: string;
  /** The extension's own view of the browser, used when the page could not be read. */
  fallbackUserAgent: string;
  fallbackLanguage: string;
}

export interface DataUrlParts {
  contentType: string;
  base64: string;
  size: number;
}

export function splitDataUrl(dataUrl: string): DataUrlParts {
  const match = /^data:([\w/+.-]+);base64,(.*)$/s.exec(dataUrl);
  if (!match) throw new Error('Screenshot is not a base64 data URL');
  const base64 = match[2];
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return { contentType: match[1], base64, size: (base64.length * 3) / 4 - padding };
}

export function screenshotFilename(contentType: string): string {
  return contentType === 'image/jpeg' ? 'screenshot.jpg' : 'screenshot.png';
}

/** Draft + description -> the validated ticket and its attachments. Throws on invalid data. */
export function buildTicket(draft: Draft, description: string, ctx: BuildContext): WebhookPayload {
  const page = draft.context;
  const attachments: Attachment[] = [];
  let screenshot: Ticket['screenshot'] = null;
  if (draft.screenshot) {
    const image = splitDataUrl(draft.screenshot.dataUrl);
    const filename = screenshotFilename(image.contentType);
    attachments.push({ filename, contentType: image.contentType, data: image.base64 });
    screenshot = {
      attachment: filename,
      type: image.contentType as 'image/png' | 'image/jpeg',
      size: image.size,
      width: draft.screenshot.width,
      height: draft.screenshot.height,
    };
  }
  const ticket = ticketSchema.parse({
    version: TICKET_VERSION,
    id: draft.ticketId,
    createdAt: new Date(ctx.now).toISOString(),
    description,
    // Admin settings: the report page's category and urgency, when the organisation lists them.
    ...(draft.category ? { category: draft.category } : {}),
    ...(draft.urgency ? { urgency: draft.urgency } : {}),
    page: { url: page?.url ?? draft.page.url, title: page?.title ?? draft.page.title },
    environment: {
      userAgent: page?.userAgent ?? ctx.fallbackUserAgent,
      language: page?.language ?? ctx.fallbackLanguage,
      viewport: page?.viewport ?? { width: 0, height: 0 },
      devicePixelRatio: page?.devicePixelRatio ?? 1,
      extensionVersion: ctx.extensionVersion,
    },
    console: page?.recorder?.console ?? [],
    network: page?.recorder?.network ?? [],
    steps: page?.recorder?.steps ?? [],
    screenshot,
    capture: {
      recorderInstalledAt: page?.recorder ? new Date(page.recorder.installedAt).toISOString() : null,
      recorderMissing: !page?.recorder,
      dropped: {
        console: page?.recorder?.dropped.console ?? 0,
        network: page?.recorder?.dropped.network ?? 0,
        steps: page?.recorder?.dropped.steps ?? 0,
      },
    },
  });
  return { ticket, attachments };
}
