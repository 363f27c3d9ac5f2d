import { describe, expect, it } from 'vitest';
import { formFrom, formPatch, readForm, requiredFor } from '../../../../utils/core/settings/form';
import { DEFAULT_SECRETS, DEFAULT_SETTINGS } from '../../../../utils/core/settings/schema';

const valid = { ...DEFAULT_SETTINGS, endpointUrl: 'https://h.example.org/t' };

describe('options form', () => {
  it('round-trips settings and secrets, lists as lines and the retention as text', () => {
    const settings = { ...valid, categories: ['Mail', 'Intranet'], sentReportRetentionDays: 7 };
    const form = formFrom(settings, { ...DEFAULT_SECRETS, token: 't' });
    expect(form.categories).toBe('Mail\nIntranet');
    expect(form.sentReportRetentionDays).toBe('7');
    expect(readForm(form)).toEqual({ ok: true, settings, secrets: { ...DEFAULT_SECRETS, token: 't' } });
  });

  it('ignores blank lines and spaces around list items', () => {
    const form = { ...formFrom(valid, DEFAULT_SECRETS), blockedSites: '\n  *://*.bank.example/*  \n\n' };
    const read = readForm(form);
    expect(read.ok && read.settings.blockedSites).toEqual(['*://*.bank.example/*']);
  });

  it('reports every problem with its field and the offending line, and returns no values', () => {
    const form = {
      ...formFrom(valid, DEFAULT_SECRETS),
      endpointUrl: 'helpdesk.example.org',
      blockedSites: '*://*.bank.example/*\nbank.example',
      sentReportRetentionDays: 'thirty',
    };
    expect(readForm(form)).toEqual({
      ok: false,
      problems: [
        { key: 'sentReportRetentionDays', code: 'not-a-number' },
        { key: 'endpointUrl', code: 'url-invalid' },
        { key: 'blockedSites', code: 'pattern-invalid', item: 'bank.example' },
      ],
    });
  });

  it.each([
    ['webhook', {}, ['endpointUrl']],
    ['glpi', { endpointUrl: 'https://glpi.example.org' }, ['token']],
    ['zammad', { endpointUrl: 'https://z.example.org' }, ['token', 'zammadGroup']],
    ['rt', { endpointUrl: 'https://rt.example.org' }, ['token', 'rtQueue']],
    ['redmine', { endpointUrl: 'https://r.example.org' }, ['token', 'redmineProjectId']],
    ['itop', { endpointUrl: 'https://itop.example.org' }, ['token', 'itopOrganization']],
  ] as const)('%s needs its own fields', (connectorType, extra, missing) => {
    const form = formFrom({ ...DEFAULT_SETTINGS, connectorType, ...extra }, DEFAULT_SECRETS);
    const read = readForm(form);
    expect(read.ok ? [] : read.problems).toEqual(missing.map((key) => ({ key, code: 'required' })));
    expect(requiredFor({ connectorType })).toEqual(expect.arrayContaining([...missing]));
  });

  it('does not ask for a field the policy sets, and never shows a policy secret', () => {
    const form = formFrom(
      { ...DEFAULT_SETTINGS, connectorType: 'glpi', endpointUrl: 'https://glpi.example.org' },
      { ...DEFAULT_SECRETS, token: 'from-policy' },
      ['token'],
    );
    expect(form.token).toBe('');
    expect(readForm(form, ['token']).ok).toBe(true);
  });

  it('turns imported values into form fields', () => {
    expect(
      formPatch({ categories: ['a', 'b'], sentReportRetentionDays: 12, maskAllInputs: true, consoleLevels: ['error'] }),
    ).toEqual({
      categories: 'a\nb',
      sentReportRetentionDays: '12',
      maskAllInputs: true,
      consoleLevels: ['error'],
    });
  });
});

describe('an unencrypted endpoint in the form', () => {
  const form = (endpointUrl: string, plainHttpHosts = '') => ({
    ...formFrom({ ...DEFAULT_SETTINGS, connectorType: 'webhook', endpointUrl }, DEFAULT_SECRETS),
    plainHttpHosts,
  });

  it('is refused with its own problem until its host is named, and the host list takes host names only', () => {
    expect(readForm(form('http://helpdesk.lan/in'))).toEqual({
      ok: false,
      problems: [{ key: 'endpointUrl', code: 'url-insecure' }],
    });
    const named = readForm(form('http://helpdesk.lan/in', 'helpdesk.lan'));
    expect(named.ok && named.settings.plainHttpHosts).toEqual(['helpdesk.lan']);
    expect(readForm(form('https://helpdesk.example/in', 'http://helpdesk.lan/'))).toMatchObject({
      ok: false,
      problems: [{ key: 'plainHttpHosts', code: 'host-invalid' }],
    });
    expect(readForm(form('http://127.0.0.1:8080/in')).ok).toBe(true);
  });
});
