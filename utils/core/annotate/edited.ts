/**
 * What the report page hands back about the screenshot: the edited image, or null once the person
 * removed it. Checked at the background's door, and never ignored when wrong: falling back to the
 * stored original would send what the person blacked out or removed.
 */
import { z } from 'zod';
import type { DeliveryFailure } from '../delivery/errors';
import type { Draft, DraftScreenshot } from '../model/draft';
import { screenshotSchema } from '../model/ticket';

export type EditedScreenshot = DraftScreenshot | null;

export const editedScreenshotSchema = z
  .object({
    dataUrl: z.string().regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    mode: screenshotSchema.shape.mode,
    masks: screenshotSchema.shape.masks,
  })
  .nullable();

export function withScreenshot(draft: Draft, edited: EditedScreenshot): Draft {
  if (edited) return { ...draft, screenshot: edited, screenshotRemoved: undefined };
  return { ...draft, screenshot: null, screenshotRemoved: true, screenshotProblem: undefined };
}

export type EditCheck = { ok: true; apply(draft: Draft): Draft } | { ok: false; failure: DeliveryFailure };

/** `undefined` (the page did not say) leaves the draft's screenshot as stored. */
export function checkEdited(raw: EditedScreenshot | undefined): EditCheck {
  if (raw === undefined) return { ok: true, apply: (d) => d };
  const parsed = editedScreenshotSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, failure: { kind: 'invalid-report', retryable: false, detail: z.prettifyError(parsed.error) } };
  return { ok: true, apply: (d) => withScreenshot(d, parsed.data) };
}
