/**
 * Tickets on disk, one folder per ticket:
 *
 *   000042/ticket.json          the ticket as received
 *   000042/receipt.json         the reference, the Idempotency-Key and what it is bound to
 *   000042/conversation.json    status and messages (absent until the first one)
 *   000042/attachments/<name>   the files sent with the ticket
 *   000042/requester-replies/<message id>/<name>   files the person added later
 *
 * Files sent by a browser never share a folder with the receiver's own. Folders are written under
 * a temporary name and renamed, so a crash never leaves half a ticket, and the idempotency index
 * is rebuilt from the receipts on start. A folder that cannot be read is reported, never fatal.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Attachment, Ticket } from '../utils/core/model/ticket';
import {
  emptyConversation,
  fingerprint,
  parseConversation,
  REOPENED_BY_REQUESTER,
  type Conversation,
  type RequesterMessage,
  type RequesterReply,
  type Status,
  type TechnicianMessage,
  type TechnicianReply,
} from './conversation';

export interface StoredReceipt {
  id: string;
  ticketId: string;
  idempotencyKey: string | null;
  /** What the key is bound to (see ticketFingerprint); absent in receipts written before it existed. */
  fingerprint?: string;
  receivedAt: string;
}

export interface StoredTicket {
  receipt: StoredReceipt;
  ticket: Ticket;
  conversation: Conversation;
  /** The ticket's folder (ticket.json, receipt.json, conversation.json). */
  folder: string;
  /** Where the files sent with the ticket are. */
  attachmentsFolder: string;
  /** The names of the files sent with the ticket. */
  files: string[];
}

export interface BrokenFolder {
  folder: string;
  problem: string;
}

const TICKET_FOLDER = /^\d{6,9}$/;

/**
 * What an Idempotency-Key is bound to: the ticket, apart from its screenshot, which the outbox
 * may send again smaller under the same key after a 413.
 */
export function ticketFingerprint(ticket: Ticket): string {
  const { screenshot: _screenshot, ...rest } = ticket;
  return fingerprint(rest);
}

/** The key was used before for something else. */
export class KeyConflict extends Error {}
/** The ticket is closed and takes no more information. */
export class TicketClosed extends Error {}
/** A ticket's folder exists but cannot be read. */
export class BrokenTicket extends Error {}

async function writeJsonAtomically(path: string, value: unknown) {
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(tmp, JSON.stringify(value, null, 2));
  await rename(tmp, path);
}

/**
 * A folder written before attachments had their own folder: every file but the receiver's own
 * moves into attachments/, gathered under a temporary name first so that a crash half-way is
 * finished on the next start.
 */
async function moveToLayout(folder: string) {
  const names = await readdir(folder).catch(() => null);
  if (!names || names.includes('attachments') || !names.includes('receipt.json')) return;
  const gathering = join(folder, '.attachments');
  await mkdir(gathering, { recursive: true });
  for (const name of names)
    if (!name.startsWith('.') && !['ticket.json', 'receipt.json', 'conversation.json'].includes(name))
      await rename(join(folder, name), join(gathering, name));
  await rename(gathering, join(folder, 'attachments'));
}

export class TicketStore {
  private byKey = new Map<string, StoredReceipt>();
  private next = 1;
  /** One change at a time per ticket: conversation.json is read, changed and replaced. */
  private locks = new Map<string, Promise<unknown>>();

  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<TicketStore> {
    const store = new TicketStore(dir);
    await mkdir(dir, { recursive: true });
    for (const name of await readdir(dir)) {
      if (name.startsWith('.tmp-')) {
        await rm(join(dir, name), { recursive: true, force: true });
        continue;
      }
      // Even a broken folder keeps its number: a new ticket must never be renamed onto it.
      if (TICKET_FOLDER.test(name)) {
        store.next = Math.max(store.next, Number(name) + 1);
        await moveToLayout(join(dir, name));
      }
      const receipt = await store.readReceipt(name).catch(() => null);
      if (!receipt) continue;
      store.next = Math.max(store.next, Number(receipt.id) + 1);
      if (receipt.idempotencyKey) store.byKey.set(receipt.idempotencyKey, receipt);
    }
    return store;
  }

  private async readReceipt(folder: string): Promise<StoredReceipt> {
    let receipt: Partial<StoredReceipt>;
    try {
      receipt = JSON.parse(await readFile(join(this.dir, folder, 'receipt.json'), 'utf8')) as Partial<StoredReceipt>;
    } catch (error) {
      throw new Error(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'receipt.json is missing'
          : 'receipt.json is not valid JSON',
        { cause: error },
      );
    }
    if (typeof receipt?.id !== 'string' || !/^\d+$/.test(receipt.id) || typeof receipt.receivedAt !== 'string')
      throw new Error('receipt.json has no id or receivedAt');
    return receipt as StoredReceipt;
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
      fingerprint: ticketFingerprint(ticket),
      receivedAt: now.toISOString(),
    };
    const folder = receipt.id.padStart(6, '0');
    const tmp = join(this.dir, `.tmp-${folder}`);
    try {
      await mkdir(join(tmp, 'attachments'), { recursive: true });
      await writeFile(join(tmp, 'ticket.json'), JSON.stringify(ticket, null, 2));
      for (const file of attachments)
        await writeFile(join(tmp, 'attachments', file.filename), Buffer.from(file.data, 'base64'));
      await writeFile(join(tmp, 'receipt.json'), JSON.stringify(receipt, null, 2));
      await rename(tmp, join(this.dir, folder));
    } catch (error) {
      await rm(tmp, { recursive: true, force: true });
      throw error;
    }
    if (idempotencyKey) this.byKey.set(idempotencyKey, receipt);
    return receipt;
  }

  folderOf(id: string): string {
    return join(this.dir, id.padStart(6, '0'));
  }

  private async readFolder(name: string): Promise<StoredTicket> {
    const folder = join(this.dir, name);
    const receipt = await this.readReceipt(name);
    let ticket: Ticket;
    try {
      ticket = JSON.parse(await readFile(join(folder, 'ticket.json'), 'utf8')) as Ticket;
    } catch (error) {
      throw new Error(
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'ticket.json is missing' : 'ticket.json is not valid JSON',
        { cause: error },
      );
    }
    // What the pages show of a ticket; the rest is served as stored.
    if (typeof ticket?.description !== 'string' || typeof ticket.page?.url !== 'string')
      throw new Error('ticket.json is not a Mayday ticket (no description or page URL)');
    const conversation = await this.readConversation(folder);
    const attachmentsFolder = join(folder, 'attachments');
    const files = (await readdir(attachmentsFolder).catch(() => [])).sort();
    return { receipt, ticket, conversation, folder, attachmentsFolder, files };
  }

  private async readConversation(folder: string): Promise<Conversation> {
    let text: string;
    try {
      text = await readFile(join(folder, 'conversation.json'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyConversation();
      throw error;
    }
    return parseConversation(text);
  }

  /** One ticket, or null when there is none with that reference; throws when its folder is broken. */
  async get(id: string): Promise<StoredTicket | null> {
    const name = id.padStart(6, '0');
    if (!TICKET_FOLDER.test(name)) return null;
    const exists = await readdir(join(this.dir, name)).then(
      () => true,
      () => false,
    );
    if (!exists) return null;
    try {
      return await this.readFolder(name);
    } catch (error) {
      throw new BrokenTicket(`Ticket folder ${name} cannot be read: ${(error as Error).message}`);
    }
  }

  /** Every readable ticket, oldest first, and every folder that is not one. */
  async scan(): Promise<{ tickets: StoredTicket[]; broken: BrokenFolder[] }> {
    const tickets: StoredTicket[] = [];
    const broken: BrokenFolder[] = [];
    for (const name of (await readdir(this.dir)).sort()) {
      if (name.startsWith('.')) continue;
      if (!TICKET_FOLDER.test(name)) {
        broken.push({ folder: name, problem: 'not a ticket folder (its name is not a ticket number)' });
        continue;
      }
      try {
        tickets.push(await this.readFolder(name));
      } catch (error) {
        broken.push({ folder: name, problem: (error as Error).message });
      }
    }
    return { tickets, broken };
  }

  async list(): Promise<StoredTicket[]> {
    return (await this.scan()).tickets;
  }

  private async change<T>(id: string, work: (stored: StoredTicket) => Promise<T>): Promise<T | null> {
    const previous = this.locks.get(id) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(async () => {
        const stored = await this.get(id);
        return stored ? work(stored) : null;
      });
    this.locks.set(id, run);
    try {
      return await run;
    } finally {
      if (this.locks.get(id) === run) this.locks.delete(id);
    }
  }

  private saveConversation(stored: StoredTicket, conversation: Conversation) {
    return writeJsonAtomically(join(stored.folder, 'conversation.json'), conversation);
  }

  private static nextMessageId(conversation: Conversation): string {
    return String(conversation.messages.reduce((max, m) => Math.max(max, Number(m.id) || 0), 0) + 1);
  }

  /** A technician's reply or internal note, and a status change with it. Null: no such ticket. */
  addTechnicianReply(id: string, reply: TechnicianReply, now: Date) {
    return this.change(id, async (stored) => {
      const conversation = stored.conversation;
      const message: TechnicianMessage = {
        id: TicketStore.nextMessageId(conversation),
        at: now.toISOString(),
        from: 'technician',
        author: reply.author,
        text: reply.text,
        internal: reply.internal ?? false,
      };
      const next: Conversation = {
        status: reply.status ?? conversation.status,
        messages: [...conversation.messages, message],
      };
      await this.saveConversation(stored, next);
      return { message, conversation: next };
    });
  }

  setStatus(id: string, status: Status) {
    return this.change(id, async (stored) => {
      const next = { ...stored.conversation, status };
      await this.saveConversation(stored, next);
      return next;
    });
  }

  /**
   * Information the person added, stored once per Idempotency-Key: the same key with the same
   * content returns the first message (replayed: true); with other content it is a KeyConflict.
   */
  addRequesterReply(id: string, reply: RequesterReply, key: string, now: Date) {
    return this.change(id, async (stored) => {
      const print = fingerprint(reply);
      const earlier = stored.conversation.messages.find(
        (m): m is RequesterMessage => m.from === 'requester' && m.idempotencyKey === key,
      );
      if (earlier) {
        if (earlier.fingerprint !== print)
          throw new KeyConflict(
            `Idempotency-Key ${key} was already used on ticket ${id} for other information (message ${earlier.id})`,
          );
        return { message: earlier, replayed: true };
      }
      if (stored.conversation.status === 'closed')
        throw new TicketClosed(`Ticket ${id} is closed: it takes no more information`);
      const status: Status = REOPENED_BY_REQUESTER.includes(stored.conversation.status)
        ? 'in-progress'
        : stored.conversation.status;
      const message: RequesterMessage = {
        id: TicketStore.nextMessageId(stored.conversation),
        at: now.toISOString(),
        from: 'requester',
        text: reply.text,
        attachments: reply.attachments.map((a) => a.filename),
        idempotencyKey: key,
        fingerprint: print,
        status,
      };
      if (reply.attachments.length) {
        const parent = join(stored.folder, 'requester-replies');
        const target = join(parent, message.id);
        const tmp = join(parent, `.tmp-${message.id}`);
        await rm(tmp, { recursive: true, force: true });
        await mkdir(tmp, { recursive: true });
        for (const file of reply.attachments)
          await writeFile(join(tmp, file.filename), Buffer.from(file.data, 'base64'));
        // Left over from a crash before conversation.json named it: nothing refers to it.
        await rm(target, { recursive: true, force: true });
        await rename(tmp, target);
      }
      await this.saveConversation(stored, { status, messages: [...stored.conversation.messages, message] });
      return { message, replayed: false };
    });
  }
}
