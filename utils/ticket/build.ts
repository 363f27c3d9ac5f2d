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
  const observed = draft.observed;
  const machine = observed?.environment;
  const recorder = page?.recorder;
  const ticket = ticketSchema.parse({
    version: TICKET_VERSION,
    id: draft.ticketId,
    createdAt: new Date(ctx.now).toISOString(),
    description,
    page: {
      url: page?.url ?? draft.page.url,
      title: page?.title ?? draft.page.title,
      referrer: page?.referrer || undefined,
      readyState: page?.readyState,
      visibility: page?.visibility,
      timing: page?.timing,
    },
    environment: {
      ...machine,
      userAgent: machine?.userAgent ?? ctx.fallbackUserAgent,
      language: machine?.language ?? ctx.fallbackLanguage,
      screen: page?.screen,
      viewport: page?.viewport ?? { width: 0, height: 0 },
      devicePixelRatio: page?.devicePixelRatio ?? 1,
      colorScheme: page?.colorScheme,
      extensionVersion: ctx.extensionVersion,
    },
    console: recorder?.console ?? [],
    network: observed?.network ?? recorder?.network ?? [],
    steps: recorder?.steps ?? [],
    screenshot,
    capture: {
      recorderInstalledAt: recorder ? new Date(recorder.installedAt).toISOString() : null,
      recorderMissing: !recorder,
      startedLate: observed?.startedLate,
      dropped: {
        console: recorder?.dropped.console ?? 0,
        network: observed?.networkDropped ?? recorder?.dropped.network ?? 0,
        steps: recorder?.dropped.steps ?? 0,
      },
    },
  });
  return { ticket, attachments };
}
