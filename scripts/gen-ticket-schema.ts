/** npm run schema: writes docs/ticket.schema.json from the zod schema in utils/core/model/ticket.ts. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ticketJsonSchemaText } from '../utils/core/ticket/json-schema';

const target = resolve(import.meta.dirname, '../docs/ticket.schema.json');
writeFileSync(target, ticketJsonSchemaText());
console.log(`wrote ${target}`);
