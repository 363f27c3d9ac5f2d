import { t } from '@/utils/extension/i18n';
import type { Ticket } from '@/utils/core/model/ticket';
import { screenshotCaption } from '@/utils/core/ticket/summary-facts';

/** `dataUrl` is a PNG/JPEG data URL checked by openReport: safe as an img src and a download. */
export function ScreenshotPanel({ ticket, dataUrl }: { ticket: Ticket; dataUrl?: string }) {
  const shot = ticket.screenshot;
  return (
    <section id="screenshot" aria-labelledby="screenshot-h">
      <h2 id="screenshot-h">{t('reportScreenshot')}</h2>
      {!shot ? (
        <p class="muted">{t('reportNoScreenshot')}</p>
      ) : !dataUrl ? (
        <p class="muted">{t('viewerScreenshotMissing', shot.attachment)}</p>
      ) : (
        <figure>
          <img src={dataUrl} width={shot.width} height={shot.height} alt={t('reportScreenshotAlt')} />
          <figcaption>
            {screenshotCaption(shot, t)} ·{' '}
            <a href={dataUrl} download={shot.attachment}>
              {t('viewerDownloadScreenshot')}
            </a>
          </figcaption>
        </figure>
      )}
    </section>
  );
}
