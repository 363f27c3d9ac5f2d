/**
 * docs/ticket.schema.json, generated from the zod schema (the single source of truth) by
 * scripts/gen-ticket-schema.ts; a unit test fails when the file is stale.
 */
import { z } from 'zod';
import { ticketSchema, TICKET_VERSION } from '../model/ticket';

function ticketJsonSchema(): Record<string, unknown> {
  // draft-07: the version most validators in every language read. `input`: what the reference
  // receiver accepts, so fields that a later v1 adds (unknown properties) do not break receivers.
  const generated = z.toJSONSchema(ticketSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: `Mayday ticket v${TICKET_VERSION}`,
    description:
      'One problem report as Mayday sends it (the "ticket" of the webhook body, and report.json). Field by field: docs/ticket.md.',
    ...rest,
  };
}

/** The file's exact text: two-space JSON and a final newline. */
export function ticketJsonSchemaText(): string {
  return `${JSON.stringify(ticketJsonSchema(), null, 2)}\n`;
}
