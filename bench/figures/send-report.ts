/** Item 8: click Send report -> durable in the outbox, and -> delivered to the receiver on loopback. */
import type { Figure } from '../lib/figures';
import { failureNote, type ReportRuns } from '../lib/report-session';
import { median, percentile } from '../lib/stats';

export function sendReportFigures({ timings, failures }: ReportRuns): Figure[] {
  const durable = timings.map((t) => t.durableMs);
  const delivered = timings.map((t) => t.deliveredMs);
  return [
    {
      item: 8,
      label: 'Send report -> durable in the outbox',
      value: Math.round(median(durable)),
      unit: 'ms',
      digits: 0,
      budget: 'send-durable',
      how: `median of ${timings.length} reports (p90 ${Math.round(percentile(durable, 0.9))} ms), click to the outbox entry's createdAt, which is stamped as the IndexedDB write starts.`,
      note: failureNote(failures),
      detail: { failures, durableMs: durable },
    },
    {
      item: 8,
      label: 'Send report -> delivered to the receiver (loopback)',
      value: Math.round(median(delivered)),
      unit: 'ms',
      digits: 0,
      budget: 'send-delivered',
      how: `median of ${timings.length} reports (p90 ${Math.round(percentile(delivered, 0.9))} ms), click to the receiver's receivedAt.`,
      note: failureNote(failures),
      detail: { failures, deliveredMs: delivered },
    },
  ];
}
