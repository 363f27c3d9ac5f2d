/**
 * Contract tests of the helpdesk loop for GLPI and Zammad, against test/helpdesks/fake-glpi.ts and
 * fake-zammad.ts (their documented API shapes: neither can be installed here): the requester, the
 * status mapping, public replies only, and added information filed once even when the answer is lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { glpiConnector } from '../../../../../utils/core/delivery/connectors/glpi';
import { glpiFollowUp } from '../../../../../utils/core/delivery/connectors/glpi-follow-up';
import { zammadConnector } from '../../../../../utils/core/delivery/connectors/zammad';
import { zammadFollowUp } from '../../../../../utils/core/delivery/connectors/zammad-follow-up';
import type { AddedInformation } from '../../../../../utils/core/delivery/follow-up';
import type { Receipt } from '../../../../../utils/core/model/draft';
import { startFakeGlpi, type FakeGlpi } from '../../../../helpdesks/fake-glpi';
import { startFakeZammad, type FakeZammad } from '../../../../helpdesks/fake-zammad';
import { NOW, sampleReport, sendContext } from '../../../../support/connector-harness';

const followCtx = { fetch: globalThis.fetch, timeoutMs: 5000, now: () => NOW };
const info = (text = 'It is invoice 2026-114.'): AddedInformation => ({
  id: '3f0c9a52-6a1e-4c4e-9d43-1b1f3a2c7e10',
  text,
  attachments: [{ filename: 'list.png', contentType: 'image/png', data: 'iVBORw0KGgo=' }],
});
const withReporter = (email: string) => {
  const report = sampleReport();
  report.ticket.reporter = { name: 'Ana Lima', email };
  return report;
};

describe('GLPI helpdesk loop', () => {
  let glpi: FakeGlpi;
  afterEach(() => glpi.close());
  const start = async (userEmails: { users_id: number; email: string }[] = []) => {
    glpi = await startFakeGlpi({ userToken: 'u', userEmails, userNames: { 2: 'Sam Tech' } });
    return { type: 'glpi' as const, url: glpi.url, userToken: 'u', appToken: '' };
  };

  it('files the ticket as the GLPI user with the requester address, matched exactly', async () => {
    const config = await start([
      { users_id: 12, email: 'diana.lima@example.org' },
      { users_id: 11, email: 'Ana.Lima@example.org' },
    ]);
    const sent = await glpiConnector(config).send(withReporter('ana.lima@example.org'), sendContext(fetch).ctx);
    expect(sent.ok).toBe(true);
    const [ticket] = [...glpi.tickets.values()];
    expect(ticket.input._users_id_requester).toBe(11);
  });

  it('files an unknown requester as an anonymous requester with notifications on', async () => {
    const config = await start();
    await glpiConnector(config).send(withReporter('paul@example.org'), sendContext(fetch).ctx);
    const [ticket] = [...glpi.tickets.values()];
    expect(ticket.input).toMatchObject({
      _users_id_requester: 0,
      _users_id_requester_notif: { use_notification: [1], alternative_email: ['paul@example.org'] },
    });
  });

  it('reads the status and public follow-ups only, and adds information once though the answer was lost', async () => {
    const config = await start();
    const sent = await glpiConnector(config).send(sampleReport(), sendContext(fetch).ctx);
    if (!sent.ok) throw new Error('not sent');
    const receipt: Receipt = sent.receipt;
    const id = Number(receipt.id);
    glpi.addFollowup(id, '&lt;p&gt;Which invoice is it? &amp;lt;b&amp;gt;&lt;/p&gt;', false);
    glpi.addFollowup(id, '&lt;p&gt;Internal: check the export job&lt;/p&gt;', true);
    glpi.tickets.get(id)!.status = 4;

    const follow = glpiFollowUp(config);
    expect(await follow.status(receipt, followCtx)).toEqual({
      ok: true,
      followUp: {
        status: 'waiting',
        closed: false,
        replies: [
          {
            id: expect.any(String),
            at: '2026-11-28T10:02:11.000Z',
            author: 'Sam Tech',
            text: 'Which invoice is it? <b>',
          },
        ],
      },
    });

    glpi.faultOnce((s) => s.method === 'POST' && s.path.startsWith('/apirest.php/ITILFollowup'), 'drop-after');
    const first = sendContext(fetch);
    expect((await follow.addInformation(receipt, info(), first.ctx)).ok).toBe(false);
    const retry = sendContext(fetch, first.last());
    expect(await follow.addInformation(receipt, info(), retry.ctx)).toMatchObject({ ok: true });
    const mine = glpi.followups.filter((f) => f.content.includes('invoice 2026-114'));
    expect(mine).toHaveLength(1);
    expect(mine[0].is_private).toBe(0);
    // The new screenshot is a Document of that followup, sent in the same request (once).
    const files = glpi.links
      .filter((l) => l.itemtype === 'ITILFollowup' && l.items_id === mine[0].id)
      .map((l) => glpi.documents.get(l.documents_id)!);
    expect(files.map((d) => [d.filename, d.bytes.toString('base64')])).toEqual([['list.png', 'iVBORw0KGgo=']]);
    expect(glpi.links.filter((l) => l.itemtype === 'ITILFollowup')).toHaveLength(1);
    // What the person added is not shown back to them as a technician's reply.
    const after = await follow.status(receipt, followCtx);
    expect(after.ok && after.followUp.replies.map((r) => r.text)).toEqual(['Which invoice is it? <b>']);

    glpi.tickets.get(id)!.status = 6;
    expect(await follow.status(receipt, followCtx)).toMatchObject({
      ok: true,
      followUp: { status: 'closed', closed: true },
    });
  });
});

describe('Zammad helpdesk loop', () => {
  let zammad: FakeZammad;
  afterEach(() => zammad.close());
  const start = async () => {
    zammad = await startFakeZammad({ token: 'z', groups: ['Users'] });
    return { type: 'zammad' as const, url: zammad.url, token: 'z', group: 'Users', customer: '' };
  };

  it('files for the requester, reads state and agent articles (internal left out), adds a customer article once', async () => {
    const config = await start();
    const sent = await zammadConnector(config).send(withReporter('ana@example.org'), sendContext(fetch).ctx);
    if (!sent.ok) throw new Error('not sent');
    const receipt = sent.receipt;
    const id = Number(receipt.ref);
    expect(zammad.tickets.get(id)!.customer).toBe('guess:ana@example.org');

    zammad.agentArticle(id, '<div>Which invoice is it?<br>The <b>second</b> one &amp; the third?</div>', false);
    zammad.agentArticle(id, '<p>Internal: check the export job</p>', true);
    zammad.tickets.get(id)!.state = 'pending reminder';
    const follow = zammadFollowUp(config);
    expect(await follow.status(receipt, followCtx)).toEqual({
      ok: true,
      followUp: {
        status: 'waiting',
        closed: false,
        replies: [
          {
            id: expect.any(String),
            at: expect.any(String),
            author: 'Sam Tech',
            text: 'Which invoice is it?\nThe second one & the third?',
          },
        ],
      },
    });

    zammad.faultOnce((s) => s.method === 'POST' && s.path === '/api/v1/ticket_articles', 'drop-after');
    const first = sendContext(fetch);
    expect((await follow.addInformation(receipt, info(), first.ctx)).ok).toBe(false);
    const retry = sendContext(fetch, first.last());
    expect(await follow.addInformation(receipt, info(), retry.ctx)).toMatchObject({ ok: true });
    const mine = zammad.articles.filter((a) => a.body.includes('invoice 2026-114'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ sender: 'Customer', internal: false, content_type: 'text/plain' });
    expect(mine[0].attachments).toEqual([{ filename: 'list.png', data: 'iVBORw0KGgo=', 'mime-type': 'image/png' }]);

    zammad.tickets.get(id)!.state = 'closed';
    expect(await follow.status(receipt, followCtx)).toMatchObject({
      ok: true,
      followUp: { status: 'closed', closed: true },
    });
  });
});
