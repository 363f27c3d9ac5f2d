/** The environment table (report.html, viewer) and its plain-text copy, in the reader's language. */
import { browserAndOs } from './facts';
import { formatDuration, formatUtcOffset } from './format';
import type { Ticket } from '../model/ticket';
import type { Translate } from './translate';

export type EnvironmentRow = [label: string, value: string];

const size = (s: { width: number; height: number } | undefined) => s && `${s.width} × ${s.height}`;

export function environmentRows(ticket: Ticket, t: Translate): EnvironmentRow[] {
  const env = ticket.environment;
  const page = ticket.page;
  const yesNo = (value: boolean | undefined) => (value === undefined ? undefined : t(value ? 'reportYes' : 'reportNo'));
  const { browser, os } = browserAndOs(env);
  const connection =
    env.connection &&
    [
      env.connection.effectiveType,
      env.connection.rttMs !== undefined && `RTT ${env.connection.rttMs} ms`,
      env.connection.downlinkMbps !== undefined && `${env.connection.downlinkMbps} Mbit/s`,
    ]
      .filter(Boolean)
      .join(', ');
  const timing =
    page.timing &&
    [
      page.timing.ttfb !== undefined && `TTFB ${formatDuration(page.timing.ttfb)}`,
      page.timing.domContentLoaded !== undefined && `DOMContentLoaded ${formatDuration(page.timing.domContentLoaded)}`,
      page.timing.load !== undefined && `load ${formatDuration(page.timing.load)}`,
    ]
      .filter(Boolean)
      .join(', ');
  const rows: [string, string | number | undefined][] = [
    [t('envBrowser'), browser],
    [t('envOs'), os],
    [t('envArchitecture'), env.architecture],
    [t('envUserAgent'), env.userAgent],
    [t('envLanguage'), [env.language, ...(env.languages ?? []).filter((l) => l !== env.language)].join(', ')],
    [t('envTimeZone'), env.timeZone && `${env.timeZone} (${formatUtcOffset(env.utcOffsetMinutes)})`],
    [t('envLocalTime'), env.localTime],
    [t('envScreen'), size(env.screen)],
    [t('envViewport'), size(env.viewport)],
    [t('envPixelRatio'), env.devicePixelRatio],
    [t('envZoom'), env.zoom && `${Math.round(env.zoom * 100)} %`],
    [t('envColorScheme'), env.colorScheme],
    [t('envMemory'), env.deviceMemoryGb && `${env.deviceMemoryGb} GB`],
    [t('envCpuCores'), env.cpuCores],
    [t('envOnline'), yesNo(env.online)],
    [t('envConnection'), connection || undefined],
    [t('envIncognito'), yesNo(env.incognito)],
    [t('envReferrer'), page.referrer],
    [t('envPageState'), [page.readyState, page.visibility].filter(Boolean).join(', ') || undefined],
    [t('envPageTiming'), timing || undefined],
    [t('envExtensionVersion'), env.extensionVersion],
  ];
  return rows.flatMap(([label, value]): EnvironmentRow[] =>
    value === undefined || value === '' ? [] : [[label, String(value)]],
  );
}

/** "Label: value" lines, for pasting into a ticket or a chat. */
export function environmentText(ticket: Ticket, t: Translate): string {
  return environmentRows(ticket, t)
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n');
}
