/**
 * Tickets on disk: one folder per ticket (ticket.json, its attachments, receipt.json). Folders are
 * written under a temporary name and renamed, so a crash never leaves half a ticket, and the
 * idempotency index is rebuilt from the receipts on start.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Attachment, Ticket } from '../utils/core/model/ticket';

export interface StoredReceipt {
  id: string;
  ticketId: string;
  idempotencyKey: string | null;
  receivedAt: string;
}

export interface StoredTicket {
  receipt: StoredReceipt;
  ticket: Ticket;
  folder: string;
  files: string[];
}

export class TicketStore {
  private byKey = new Map<string, StoredReceipt>();
  private next = 1;

  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<TicketStore> {
    const store = new TicketStore(dir);
    await mkdir(dir, { recursive: true });
    for (const name of await readdir(dir)) {
      if (name.startsWith('.tmp-')) {
        await rm(join(dir, name), { recursive: true, force: true });
        continue;
      }
      const receipt = await store.readReceipt(name);
      if (!receipt) continue;
      store.next = Math.max(store.next, Number(receipt.id) + 1);
      if (receipt.idempotencyKey) store.byKey.set(receipt.idempotencyKey, receipt);
    }
    return store;
  }

  private async readReceipt(folder: string): Promise<StoredReceipt | null> {
    try {
      return JSON.parse(await readFile(join(this.dir, folder, 'receipt.json'), 'utf8')) as StoredReceipt;
    } catch {
      return null;
    }
  }

  findByKey(key: string): StoredReceipt | undefined {
    return this.byKey.get(key);
  }

  /** Reserves the next reference synchronously, so concurrent saves never share one. */
  async save(
    ticket: Ticket,
    attachments: Attachment[],
    idempotencyKey: string | null,
    now: Date,
  ): Promise<StoredReceipt> {
    const receipt: StoredReceipt = {
      id: String(this.next++),
      ticketId: ticket.id,
      idempotencyKey,
      receivedAt: now.toISOString(),
    };
    if (idempotencyKey) this.byKey.set(idempotencyKey, receipt);
    const folder = receipt.id.padStart(6, '0');
    const tmp = join(this.dir, `.tmp-${folder}`);
    try {
      await mkdir(tmp, { recursive: true });
      await writeFile(join(tmp, 'ticket.json'), JSON.stringify(ticket, null, 2));
      for (const file of attachments) await writeFile(join(tmp, file.filename), Buffer.from(file.data, 'base64'));
      await writeFile(join(tmp, 'receipt.json'), JSON.stringify(receipt, null, 2));
      await rename(tmp, join(this.dir, folder));
    } catch (error) {
      if (idempotencyKey) this.byKey.delete(idempotencyKey);
      await rm(tmp, { recursive: true, force: true });
      throw error;
    }
    return receipt;
  }

  folderOf(id: string): string {
    return join(this.dir, id.padStart(6, '0'));
  }

  async list(): Promise<StoredTicket[]> {
    const out: StoredTicket[] = [];
    for (const name of (await readdir(this.dir)).sort()) {
      if (name.startsWith('.tmp-')) continue;
      const receipt = await this.readReceipt(name);
      if (!receipt) continue;
      const ticket = JSON.parse(await readFile(join(this.dir, name, 'ticket.json'), 'utf8')) as Ticket;
      out.push({ receipt, ticket, folder: join(this.dir, name), files: (await readdir(join(this.dir, name))).sort() });
    }
    return out;
  }
}
