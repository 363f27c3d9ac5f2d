import { t } from '@/utils/extension/i18n';
import { environmentRows } from '@/utils/core/ticket/environment-rows';
import type { Ticket } from '@/utils/core/model/ticket';

/** The ticket's environment as label and value rows: the viewer's panel and the review panel. */
export function EnvironmentTable({ ticket, class: className }: { ticket: Ticket; class: string }) {
  return (
    <table class={className}>
      <tbody>
        {environmentRows(ticket, t).map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
