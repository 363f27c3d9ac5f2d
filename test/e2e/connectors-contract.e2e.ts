/**
 * Contract E2E: the built extension sending to local fakes of GLPI and Zammad (test/helpdesks/),
 * which answer their documented requests and errors. GLPI and Zammad cannot be installed here.
 */
import { describe, expect, it } from 'vitest';
import { startFakeGlpi } from '../helpdesks/fake-glpi';
import { startFakeZammad } from '../helpdesks/fake-zammad';
import { describeAndSend, startReport } from '../support/flows';
import { brokenPage, HELPDESK_RIG, launchWithHelpdesk, outboxReports } from '../support/helpdesk-flows';
import { useRig } from '../support/rig';

const rig = useRig(HELPDESK_RIG);

describe('GLPI (contract fake)', () => {
  it('retries a failed upload from the outbox and completes the same ticket, every file intact', async () => {
    const glpi = rig.closeAfter(await startFakeGlpi({ userToken: 'glpi-user-token' }));
    glpi.faultOnce((s) => s.path.startsWith('/apirest.php/Document/') && s.body.includes('report.json'), {
      status: 503,
      body: ['ERROR', 'Service Unavailable'],
    });
    const ext = await launchWithHelpdesk(rig, {
      type: 'glpi',
      url: glpi.url,
      userToken: 'glpi-user-token',
      appToken: '',
    });
    const compose = await startReport(ext, await brokenPage(rig, ext));
    expect(await describeAndSend(compose, 'Impossible de valider le bon de commande')).toMatch(
      /^Not sent yet: The endpoint had a problem \(HTTP 503\)/,
    );

    // The outbox tries again on its own (first retry after about 5 s).
    const status = compose.getByRole('status').filter({ hasText: /Report sent\. Reference: \d+/ });
    await status.waitFor({ timeout: 30_000 });
    expect(glpi.tickets.size).toBe(1);
    const [[id, ticket]] = [...glpi.tickets];
    expect(await status.textContent()).toContain(`Reference: ${id}`);
    expect(ticket.name).toBe('Impossible de valider le bon de commande');
    const [sent] = await outboxReports(ext);
    expect(glpi.filesOf(id)).toEqual(new Map(sent.attachments.map((f) => [f.filename, Buffer.from(f.data, 'base64')])));
    expect(await compose.getByRole('link', { name: `Open ticket ${id}` }).getAttribute('href')).toBe(
      `${glpi.url}/front/ticket.form.php?id=${id}`,
    );
  });
});

describe('Zammad (contract fake)', () => {
  it('files the report as one ticket with its files and links to it', async () => {
    const zammad = rig.closeAfter(await startFakeZammad({ token: 'zammad-token', groups: ['Support'] }));
    const ext = await launchWithHelpdesk(rig, {
      type: 'zammad',
      url: zammad.url,
      token: 'zammad-token',
      group: 'Support',
      customer: 'marie@example.org',
    });
    const compose = await startReport(ext, await brokenPage(rig, ext));
    expect(await describeAndSend(compose, "La liste des congés ne s'affiche pas")).toMatch(
      /Report sent\. Reference: 31001/,
    );

    const [ticket] = [...zammad.tickets.values()];
    expect(ticket).toMatchObject({
      title: "La liste des congés ne s'affiche pas",
      group: 'Support',
      customer: 'marie@example.org',
    });
    const [sent] = await outboxReports(ext);
    expect(ticket.article.attachments.map((a) => [a.filename, Buffer.from(a.data, 'base64')])).toEqual(
      sent.attachments.map((f) => [f.filename, Buffer.from(f.data, 'base64')]),
    );
    expect(await compose.getByRole('link', { name: 'Open ticket 31001' }).getAttribute('href')).toBe(
      `${zammad.url}/#ticket/zoom/1`,
    );
  });
});
