/**
 * Contract E2E: the built extension sending to local fakes of GLPI and Zammad (test/helpdesks/),
 * which answer their documented requests and errors. GLPI and Zammad cannot be installed here.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { GLPI_PROFILES, startFakeGlpi } from '../helpdesks/fake-glpi';
import { startFakeZammad } from '../helpdesks/fake-zammad';
import { describeAndSend, startReport } from '../support/flows';
import { helpdeskSuite, outboxReports } from '../support/helpdesk-flows';

const suite = helpdeskSuite();

describe('GLPI (contract fake)', () => {
  it('retries from the outbox after GLPI failed, and files one ticket with every file, report.json zipped', async () => {
    const glpi = suite.closeAfter(
      await startFakeGlpi({ userToken: 'glpi-user-token', profile: GLPI_PROFILES.selfService }),
    );
    glpi.faultOnce((s) => s.method === 'POST' && s.path === '/apirest.php/Ticket/', {
      status: 503,
      body: ['ERROR', 'Service Unavailable'],
    });
    const ext = await suite.launch({ type: 'glpi', url: glpi.url, userToken: 'glpi-user-token', appToken: '' });
    const compose = await startReport(ext, await suite.brokenPage(ext));
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
    const held = glpi.filesOf(id);
    expect([...held.keys()].sort()).toEqual(['report.html', 'report.zip', 'screenshot.png']);
    for (const file of sent.attachments) {
      const bytes = Buffer.from(file.data, 'base64');
      if (file.filename === 'report.json')
        expect(Buffer.from(unzipSync(new Uint8Array(held.get('report.zip')!))['report.json'])).toEqual(bytes);
      else expect(held.get(file.filename)).toEqual(bytes);
    }
    expect(glpi.emptyDocuments()).toEqual([]);
    expect(await compose.getByRole('link', { name: `Open ticket ${id}` }).getAttribute('href')).toBe(
      `${glpi.url}/front/ticket.form.php?id=${id}`,
    );
  });
});

describe('Zammad (contract fake)', () => {
  it('files the report as one ticket with its files and links to it', async () => {
    const zammad = suite.closeAfter(await startFakeZammad({ token: 'zammad-token', groups: ['Support'] }));
    const ext = await suite.launch({
      type: 'zammad',
      url: zammad.url,
      token: 'zammad-token',
      group: 'Support',
      customer: 'marie@example.org',
    });
    const compose = await startReport(ext, await suite.brokenPage(ext));
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
