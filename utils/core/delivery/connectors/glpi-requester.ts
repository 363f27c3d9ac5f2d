/**
 * GLPI: the ticket's requester. The GLPI user whose address (UserEmail) is the requester's when
 * the token may read addresses; otherwise an anonymous requester with that address and
 * notifications on, so GLPI still mails them its follow-ups. Without an address, GLPI keeps its
 * default: the token's own user.
 */
import type { Ticket } from '../../model/ticket';
import { isFailure } from '../connector';
import type { DeliveryFailure } from '../errors';

/** What this needs of the GLPI session (glpi.ts). */
export interface GlpiCalls {
  call(path: string, init: RequestInit & { headers?: Record<string, string> }): Promise<Response | DeliveryFailure>;
  bodyOf(reply: Response | DeliveryFailure): Promise<{ body: unknown } | DeliveryFailure>;
}

/** The GLPI user id owning `email`, or null (none, several, or no right to read addresses). */
async function glpiUserByEmail(api: GlpiCalls, email: string): Promise<number | null> {
  const wanted = email.trim().toLowerCase();
  // searchText is a LIKE: the rows are checked for the exact address below.
  const reply = await api.bodyOf(
    await api.call(`/UserEmail/?searchText%5Bemail%5D=${encodeURIComponent(wanted)}&range=0-49`, { method: 'GET' }),
  );
  if (isFailure(reply) || !Array.isArray(reply.body)) return null;
  const owners = new Set(
    (reply.body as { email?: unknown; users_id?: unknown }[])
      .filter((row) => typeof row.email === 'string' && row.email.toLowerCase() === wanted)
      .map((row) => row.users_id)
      .filter((id): id is number => typeof id === 'number' && id > 0),
  );
  return owners.size === 1 ? [...owners][0] : null;
}

/** The Ticket input fields that name the requester. */
export async function glpiRequesterInput(api: GlpiCalls, ticket: Ticket): Promise<Record<string, unknown>> {
  const email = ticket.reporter?.email?.trim();
  if (!email) return {};
  const userId = await glpiUserByEmail(api, email);
  if (userId !== null) return { _users_id_requester: userId };
  return {
    _users_id_requester: 0,
    _users_id_requester_notif: { use_notification: [1], alternative_email: [email] },
  };
}
