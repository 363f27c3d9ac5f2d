import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ticketJsonSchemaText } from '../../../../utils/core/ticket/json-schema';
import { ticketSchema } from '../../../../utils/core/model/ticket';
import { evilTicket, largestTicket, sampleTicket } from '../../../support/sample-ticket';

const file = resolve(import.meta.dirname, '../../../../docs/ticket.schema.json');
const published = readFileSync(file, 'utf8');
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(published));

/** A JSON copy of the sample ticket with one change applied. */
function broken(change: (ticket: any) => void): unknown {
  const ticket = structuredClone(sampleTicket());
  change(ticket);
  return ticket;
}

describe('docs/ticket.schema.json', () => {
  it('is what the zod schema generates today (run "npm run schema" after changing it)', () => {
    expect(published).toBe(ticketJsonSchemaText());
  });

  it('accepts the tickets Mayday makes, the largest and the hostile ones included', () => {
    for (const ticket of [
      sampleTicket(),
      sampleTicket({ screenshot: null, reporter: undefined, network: undefined }),
      largestTicket(),
      evilTicket(),
    ]) {
      expect(validate(JSON.parse(JSON.stringify(ticket))), ajv.errorsText(validate.errors)).toBe(true);
    }
  });

  it('accepts fields a later v1 may add, as the reference receiver does', () => {
    const ticket = broken((t) => {
      t.newSection = { any: 1 };
      t.page.newField = 'x';
    });
    expect(validate(ticket)).toBe(true);
    expect(ticketSchema.safeParse(ticket).success).toBe(true);
  });

  it.each([
    ['without a description', (t: any) => delete t.description, "must have required property 'description'"],
    [
      'with an empty description',
      (t: any) => {
        t.description = '';
      },
      '/description must NOT have fewer than 1 characters',
    ],
    [
      'of another version',
      (t: any) => {
        t.version = 2;
      },
      '/version must be equal to constant',
    ],
    [
      'with an id that is not a UUID',
      (t: any) => {
        t.id = '42';
      },
      '/id must match format "uuid"',
    ],
    [
      'with a local time for createdAt',
      (t: any) => {
        t.createdAt = '2026-03-04 09:15';
      },
      '/createdAt must match format "date-time"',
    ],
    [
      'with an unknown console level',
      (t: any) => {
        t.console[0].level = 'fatal';
      },
      '/console/0/level must be equal to one of the allowed values',
    ],
    [
      'with a repeat count of zero',
      (t: any) => {
        t.console[0].count = 0;
      },
      '/console/0/count must be >= 1',
    ],
    [
      'with too long a URL',
      (t: any) => {
        t.page.url = `https://x/${'a'.repeat(2048)}`;
      },
      '/page/url must NOT have more than 2048 characters',
    ],
    [
      'with a screenshot path',
      (t: any) => {
        t.screenshot.attachment = '../etc/passwd';
      },
      '/screenshot/attachment must match pattern',
    ],
    [
      'with a GIF screenshot',
      (t: any) => {
        t.screenshot.type = 'image/gif';
      },
      '/screenshot/type must be equal to one of the allowed values',
    ],
    [
      'with a string for a count',
      (t: any) => {
        t.capture.dropped.console = '3';
      },
      '/capture/dropped/console must be integer',
    ],
    ['without the environment', (t: any) => delete t.environment, "must have required property 'environment'"],
    [
      'with 201 console entries',
      (t: any) => {
        t.console = Array(201).fill(t.console[0]);
      },
      '/console must NOT have more than 200 items',
    ],
  ])('rejects a ticket %s, as zod does', (_, change, message) => {
    const ticket = broken(change);
    expect(validate(ticket)).toBe(false);
    expect(ajv.errorsText(validate.errors, { separator: '\n' })).toContain(message);
    expect(ticketSchema.safeParse(ticket).success).toBe(false);
  });
});
