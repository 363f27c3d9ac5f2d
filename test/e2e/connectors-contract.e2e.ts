/**
 * Contract E2E: the built extension sending to local fakes of GLPI and Zammad (test/helpdesks/),
 * which answer their documented requests and errors. GLPI and Zammad cannot be installed here.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { GLPI_PROFILES, startFakeGlpi } from '../helpdesks/fake-glpi';
import { startFakeItop } from '../helpdesks/fake-itop';
import { startFakeZammad } from '../helpdesks/fake-zammad';
import { describeAndSend, startReport } from '../support/flows';
import { brokenPage, HELPDESK_RIG, launchWithHelpdesk, outboxReports } from '../support/helpdesk-flows';
import { useRig } from '../support/rig';

const rig = useRig(HELPDESK_RIG);

describe('GLPI (contract fake)', () => {
  it('retries from the outbox after GLPI failed, and files one ticket with every file, report.json zipped', async () => {
    const glpi = rig.closeAfter(
      await startFakeGlpi({ userToken: 'glpi-user-token', profile: GLPI_PROFILES.selfService }),
    );
    glpi.faultOnce((s) => s.method === 'POST' && s.path === '/apirest.php/Ticket/', {
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

describe('Test connection on the options page (contract fakes)', () => {
  it('lists what it checked in GLPI and what to change there, by the profile', async () => {
    const glpi = rig.closeAfter(
      await startFakeGlpi({
        userToken: 'glpi-user-token',
        profile: { name: 'Self-Service', interface: 'helpdesk', rights: { ticket: 5, followup: 1 } },
      }),
    );
    const ext = await rig.launch();
    const options = await ext.context.newPage();
    await options.goto(ext.pageUrl('options.html'));
    await options.getByLabel('Helpdesk').selectOption({ label: 'GLPI' });
    await options.getByLabel('Endpoint URL').fill(glpi.url);
    await options.getByLabel('User token').fill('glpi-user-token');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.getByRole('status').filter({ hasText: 'needs a change' }).waitFor();
    const checks = options.getByRole('list', { name: 'What the test found' }).getByRole('listitem');
    expect(await checks.allTextContents()).toEqual([
      'OK Tickets: the profile “Self-Service” may create them, with their files.',
      'To change Followups: the profile “Self-Service” may not add them, so nobody would learn which file GLPI refused. In GLPI: Administration > Profiles > Self-Service > Assistance, Followups: tick Add followup (requester).',
      'To change Files: sent with the ticket, but one still missing after an interruption could not be added later. In GLPI: Administration > Profiles > Self-Service > Assistance, Followups: tick Add followup (requester).',
      "Not checked File types: not checked, as the profile “Self-Service” may not read GLPI's list. Mayday sends PNG, JPEG, Zip, HTML, which GLPI accepts by default; if that list was changed, check them in Setup > Dropdowns > Document types (Authorized upload). To let this test check, give Read on Document types (Administration > Profiles > Self-Service > Setup); Self-Service profiles cannot have it.",
      'OK File size: GLPI takes files up to 2 MB (Setup > General > Management, Document files maximum size); a screenshot refused as too big is sent again, smaller.',
    ]);
  });

  it('asks iTop for a login or a token and an organisation, and says when the organisation is unknown', async () => {
    const itop = rig.closeAfter(
      await startFakeItop({
        accounts: [{ login: 'mayday-rest', password: 'pw', rest: true, agent: true, friendlyName: 'REST Mayday' }],
      }),
    );
    const ext = await rig.launch();
    const options = await ext.context.newPage();
    await options.goto(ext.pageUrl('options.html'));
    await options.getByLabel('Helpdesk').selectOption({ label: 'iTop' });
    await options.getByLabel('Endpoint URL').fill(itop.url);
    await options.getByLabel('iTop login').fill('mayday-rest');
    await options.getByLabel('Password or token').fill('pw');
    await options.getByLabel('iTop organisation').fill('Nowhere');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.getByRole('status').filter({ hasText: 'iTop has no organisation “Nowhere”' }).waitFor();
    await options.getByLabel('iTop organisation').fill('Mayday Test');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.getByRole('status').filter({ hasText: 'The connection works' }).waitFor();
    expect(
      await options.getByRole('list', { name: 'What the test found' }).getByRole('listitem').allTextContents(),
    ).toEqual([
      'OK REST API: the account “mayday-rest” may use it (profile REST Services User).',
      'OK Organisation: “Mayday Test” (number 2) receives the requests.',
      "OK Requests: the account may read them (to find one again after an interruption, and for the technicians' answers). Creating one is checked only by sending: the account needs a profile that may create user requests, such as Service Desk Agent.",
    ]);
  });
});
