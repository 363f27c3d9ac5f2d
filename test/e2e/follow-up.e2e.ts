/**
 * The helpdesk loop in a real browser, against the reference receiver behind a faulty front: the
 * requester is asked, remembered and sent; the technician's status and public reply reach the
 * popup (an internal note never does); a new reply raises a notification and the badge; the
 * person's added information is delivered once through an outage.
 */
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { badgeText, describeAndSend, openPopup, startReport } from '../support/flows';
import { useRig } from '../support/rig';

const TOKEN = 'helpdesk-loop-token';
// A 1×1 PNG: the screenshot the person attaches to their added information.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mP4z8AAAAMBAQD3A0FDAAAAAElFTkSuQmCC',
  'base64',
);
// The receiver's statusUrl and replyUrl lead through the front too, so its outages reach them.
const rig = useRig({ token: TOKEN, front: 'pass', linksThroughFront: true, browser: false });

async function technicianReplies(id: string, body: Record<string, unknown>) {
  const reply = await fetch(`${rig.receiver.url}/tickets/${id}/replies`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(reply.status).toBe(201);
}

const requesterMessages = async (id: string) =>
  ((await rig.receiver.store.get(id))?.conversation.messages ?? []).filter((m) => m.from === 'requester');

describe('the helpdesk loop', () => {
  it(
    'asks and remembers the requester, shows the reply, notifies, and adds information once through an outage',
    { timeout: 240_000 },
    async () => {
      const ext = await rig.launch();
      await rig.configure(ext);
      const page = await ext.context.newPage();
      await page.goto(`${rig.site.url}/broken-page.html`);

      // 1. Asked, shown in the review, sent as ticket.reporter.
      const compose = await startReport(ext, page);
      await compose.getByLabel('Your email').fill('ana.lima@example.org');
      await compose.getByLabel('Your name').fill('Ana Lima');
      await compose
        .getByRole('region', { name: 'What will be sent' })
        .getByText('Ana Lima · ana.lima@example.org')
        .waitFor();
      expect(await describeAndSend(compose, 'The invoice list stays empty')).toMatch(/^Report sent/);
      const [stored] = await rig.receiver.store.list();
      expect(stored.ticket.reporter).toEqual({ name: 'Ana Lima', email: 'ana.lima@example.org' });
      const id = stored.receipt.id;
      await compose.close();

      // 2. Remembered for the next report.
      const next = await startReport(ext, page);
      await expect.poll(() => next.getByLabel('Your email').inputValue()).toBe('ana.lima@example.org');
      expect(await next.getByLabel('Your name').inputValue()).toBe('Ana Lima');
      await next.close();

      // 3. A public reply and an internal note; the popup opens and shows the status and the reply.
      await technicianReplies(id, { text: 'Which invoice is it?', author: 'Sam (IT)', status: 'waiting' });
      await technicianReplies(id, { text: 'Internal: check the export job', author: 'Sam (IT)', internal: true });
      const repliedAt = Date.now();
      const popup = await openPopup(ext);
      await popup.getByText('Which invoice is it?').waitFor({ timeout: 30_000 });
      const popupOpenMs = Date.now() - repliedAt;
      await popup.getByText('Helpdesk: Waiting for you').waitFor();
      await popup.getByText(/Latest reply · Sam \(IT\), /).waitFor();
      await popup.getByText('New reply from your helpdesk (Sam (IT))').waitFor();
      expect(await popup.content()).not.toContain('Internal: check the export job');
      expect(await seriousViolations(popup)).toEqual([]);
      await popup.close();

      // 4. Popup closed: the next check (the 15-minute alarm, fired now) raises a notification and the badge.
      // The receiver numbers messages: 1 the reply, 2 the internal note, 3 this one.
      await technicianReplies(id, { text: 'Could you send a screenshot of the list?', author: 'Sam (IT)' });
      const worker = await ext.currentWorker();
      const alarmAt = Date.now();
      await worker.evaluate(() => (globalThis as any).chrome.alarms.create('mayday-follow-up', { when: Date.now() }));
      await expect
        .poll(async () => Object.keys(await worker.evaluate(() => (globalThis as any).chrome.notifications.getAll())), {
          timeout: 30_000,
        })
        .toContain(`mayday-reply|${stored.ticket.id}|3`);
      const alarmToNotificationMs = Date.now() - alarmAt;
      await expect.poll(() => badgeText(ext)).toBe('1');
      await worker.evaluate(() =>
        (globalThis as any).chrome.alarms.create('mayday-follow-up', { periodInMinutes: 15 }),
      );

      // 5. The report's page: the conversation, then Add information while the endpoint is down.
      const again = await openPopup(ext);
      const pageOpened = ext.context.waitForEvent('page', (p) => p.url().includes('#conversation'));
      await again.getByRole('link', { name: 'Conversation and Add information' }).click();
      const conversation = await pageOpened;
      await again.close();
      await conversation.getByRole('heading', { name: 'Conversation with the helpdesk' }).waitFor();
      await conversation.getByText('Could you send a screenshot of the list?').waitFor();
      expect(await conversation.content()).not.toContain('Internal: check the export job');
      await expect.poll(() => badgeText(ext)).toBe('');
      // Reached from the notification or the popup, the page starts at the conversation.
      expect(await conversation.evaluate(() => document.activeElement?.id)).toBe('conversation-h');
      expect(await seriousViolations(conversation)).toEqual([]);

      await rig.front.set('refuse');
      await conversation.getByLabel('What you want to add').fill('It is invoice 2026-114, the second in the list.');
      await conversation.getByLabel('Attach a screenshot (optional, PNG or JPEG)').setInputFiles({
        name: 'list.png',
        mimeType: 'image/png',
        buffer: PNG,
      });
      await conversation.getByRole('button', { name: 'Add information' }).click();
      await conversation
        .getByText('Not sent yet: it will be added as soon as the helpdesk can be reached.')
        .first()
        .waitFor();
      expect(await requesterMessages(id)).toHaveLength(0);

      // The endpoint answers 500 for a while, then comes back: the addition arrives once.
      await rig.front.set('500');
      await expect.poll(() => rig.front.seen['500'], { timeout: 60_000 }).toBeGreaterThan(0);
      await rig.front.set('pass');
      await expect
        .poll(
          async () => {
            const look = await openPopup(ext);
            await look.waitForTimeout(1500);
            await look.close();
            return (await requesterMessages(id)).length;
          },
          { timeout: 90_000, interval: 500 },
        )
        .toBe(1);
      await conversation.getByText('Added to your ticket.').first().waitFor({ timeout: 30_000 });
      await new Promise((r) => setTimeout(r, 3000));
      const [added] = await requesterMessages(id);
      expect(await requesterMessages(id)).toHaveLength(1);
      expect(added).toMatchObject({ text: 'It is invoice 2026-114, the second in the list.' });
      expect(JSON.stringify(added)).toContain('list.png');

      console.log(
        `helpdesk loop: reply -> popup (open) ${popupOpenMs} ms; alarm -> notification ${alarmToNotificationMs} ms`,
      );
    },
  );

  it('speaks French: the requester fields, the status and Add information', { timeout: 120_000 }, async () => {
    const ext = await rig.launch({ lang: 'fr-FR' });
    const options = await ext.context.newPage();
    await options.goto(ext.pageUrl('options.html'));
    await options.getByLabel('URL de destination').fill(`${rig.front.url}/tickets`);
    await options.getByLabel("Jeton d'accès").fill(TOKEN);
    await options.getByLabel("L'adresse e-mail du demandeur est obligatoire pour envoyer").check();
    await options.getByRole('button', { name: 'Enregistrer' }).click();
    await options.getByRole('status').filter({ hasText: 'Paramètres enregistrés.' }).waitFor();
    await options.close();
    const page = await ext.context.newPage();
    await page.goto(`${rig.site.url}/broken-page.html`);
    const compose = await startReport(ext, page, 'Signaler un problème');
    await compose.getByLabel("Qu'est-ce qui ne va pas ?").fill('La liste reste vide');
    await compose.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await compose
      .getByText('Indiquez votre adresse e-mail : votre organisation en a besoin pour vous répondre.')
      .waitFor();
    expect(await compose.evaluate(() => document.activeElement?.id)).toBe('requester-email');
    expect(await rig.receiver.store.list()).toHaveLength(0);
    await compose.getByLabel('Votre adresse e-mail').fill('ana.lima@example.org');
    await compose.getByLabel('Votre nom (facultatif)').fill('Ana Lima');
    await compose.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expect.poll(async () => (await rig.receiver.store.list()).length, { timeout: 30_000 }).toBe(1);
    const [stored] = await rig.receiver.store.list();
    await technicianReplies(stored.receipt.id, { text: 'Quelle facture ?', author: 'Sam (DSI)', status: 'waiting' });
    const popup = await openPopup(ext);
    await popup.getByText('Support : En attente de votre réponse').waitFor({ timeout: 30_000 });
    await popup.getByText('Quelle facture ?').waitFor();
    await compose.getByRole('heading', { name: 'Conversation avec le support' }).waitFor({ timeout: 30_000 });
    await compose.getByLabel('Ce que vous voulez ajouter').fill('La facture 2026-114.');
    await compose.getByRole('button', { name: 'Ajouter des informations' }).click();
    await compose.getByText('Ajouté à votre ticket.').first().waitFor({ timeout: 30_000 });
    expect((await requesterMessages(stored.receipt.id)).map((m) => m.text)).toEqual(['La facture 2026-114.']);
  });
});
