/** Locale-free formatting for the technician's views: the same digits in every language. */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "UTC+02:00"; "UTC" when the reporter's offset is unknown. */
export function formatUtcOffset(offsetMinutes: number | undefined): string {
  if (offsetMinutes === undefined) return 'UTC';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function shifted(epochMs: number, offsetMinutes: number | undefined): Date {
  return new Date(epochMs + (offsetMinutes ?? 0) * 60_000);
}

/** "2026-05-02 14:03:22 UTC+02:00": the reporter's wall clock when their offset is known. */
export function formatDateTime(epochMs: number, offsetMinutes?: number): string {
  const d = shifted(epochMs, offsetMinutes);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${formatClock(epochMs, offsetMinutes)} ${formatUtcOffset(offsetMinutes)}`;
}

/** "14:03:22"; with `ms`, "14:03:22.120" (console entries a few ms apart stay in order). */
export function formatClock(epochMs: number, offsetMinutes?: number, ms = false): string {
  const d = shifted(epochMs, offsetMinutes);
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return ms ? `${clock}.${pad(d.getUTCMilliseconds(), 3)}` : clock;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** At most `max` characters, the cut marked with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
