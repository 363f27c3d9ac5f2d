import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { readPolicy } from '../../../../utils/core/settings/policy';
import {
  DEFAULT_SECRETS,
  DEFAULT_SETTINGS,
  SECRET_KEYS,
  SETTING_KEYS,
  settingsShape,
  secretsShape,
} from '../../../../utils/core/settings/schema';
import {
  chromePolicyFile,
  exportValues,
  FIREFOX_ADDON_ID,
  firefoxPolicyFile,
  importSettings,
} from '../../../../utils/core/settings/transfer';

const ID = 'edpgbefdgngbojdkbmjhmpdlnheedlfk';
const root = resolve(import.meta.dirname, '../../../..');
const read = (path: string) => readFile(resolve(root, path), 'utf8');
const settings = {
  ...DEFAULT_SETTINGS,
  endpointUrl: 'https://h.example.org/t',
  categories: ['Mail'],
  maskAllInputs: true,
};

describe('export', () => {
  it('writes every setting, and the secrets only when asked', () => {
    const without = exportValues(settings, null);
    expect(Object.keys(without)).toEqual(SETTING_KEYS);
    const withSecrets = exportValues(settings, { ...DEFAULT_SECRETS, token: 't' });
    expect(withSecrets.token).toBe('t');
    expect(withSecrets).not.toHaveProperty('glpiAppToken'); // empty secrets are left out
  });

  it('produces Chrome and Firefox policy files that import back to the same values', () => {
    const values = exportValues(settings, { ...DEFAULT_SECRETS, token: 't' });
    for (const file of [values, chromePolicyFile(values, ID), firefoxPolicyFile(values)]) {
      expect(importSettings(JSON.stringify(file), [ID, FIREFOX_ADDON_ID])).toEqual({ ok: true, values });
    }
    expect(chromePolicyFile(values, ID)).toEqual({ '3rdparty': { extensions: { [ID]: values } } });
    expect(firefoxPolicyFile(values)).toEqual({
      policies: { '3rdparty': { Extensions: { [FIREFOX_ADDON_ID]: values } } },
    });
  });
});

describe('import', () => {
  it('refuses what is not JSON or holds no settings, with a reason', () => {
    expect(importSettings('{ nope', [ID])).toEqual({ ok: false, reason: 'not-json' });
    expect(importSettings('[1, 2]', [ID])).toEqual({ ok: false, reason: 'no-settings' });
    expect(importSettings('{}', [ID])).toEqual({ ok: false, reason: 'no-settings' });
    // A policy file for two other extensions: none is ours, and none can be guessed.
    expect(importSettings(JSON.stringify({ '3rdparty': { extensions: { a: { x: 1 }, b: { y: 2 } } } }), [ID])).toEqual({
      ok: false,
      reason: 'no-settings',
    });
  });

  it('applies nothing when any value is invalid, and names each problem', () => {
    const result = importSettings(
      JSON.stringify({ endpointUrl: 'https://ok.example.org', maskAllInputs: 'yes', colour: 'red' }),
      [ID],
    );
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [
        { key: 'maskAllInputs', code: 'wrong-type' },
        { key: 'colour', code: 'unknown-key' },
      ],
    });
  });

  it('reads the Google Admin console format', () => {
    const file = { endpointUrl: { Value: 'https://h.example.org/t' }, maskAllInputs: { Value: true } };
    expect(importSettings(JSON.stringify(file), [ID])).toEqual({
      ok: true,
      values: { endpointUrl: 'https://h.example.org/t', maskAllInputs: true },
    });
  });
});

describe('public/managed_schema.json', () => {
  const typeOf = (key: string) => {
    const probe = (value: unknown) =>
      ({ ...settingsShape, ...secretsShape })[key as keyof typeof settingsShape].safeParse(value).success;
    if (probe(true)) return 'boolean';
    if (probe(1)) return 'integer';
    if (probe([])) return 'array';
    return 'string';
  };

  it('declares every setting and secret, with the type the settings model accepts, and nothing else', async () => {
    const schema = JSON.parse(await read('public/managed_schema.json'));
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([...SETTING_KEYS, ...SECRET_KEYS].sort());
    for (const [key, property] of Object.entries<{
      type: string;
      items?: { type: string };
      title?: string;
      description?: string;
    }>(schema.properties)) {
      expect({ key, type: property.type }).toEqual({ key, type: typeOf(key) });
      if (property.type === 'array') expect(property.items).toEqual({ type: 'string' });
      expect(property.title && property.description).toBeTruthy();
    }
  });

  it('keeps to the schema keywords Chrome accepts (an unknown one stops the extension loading)', async () => {
    const allowed = new Set(['type', 'properties', 'items', 'title', 'description']);
    const walk = (node: Record<string, unknown>): string[] =>
      Object.entries(node).flatMap(([k, v]) => [
        ...(allowed.has(k) ? [] : [k]),
        ...(k === 'properties'
          ? Object.values(v as object).flatMap((p) => walk(p))
          : k === 'items'
            ? walk(v as never)
            : []),
      ]);
    expect(walk(JSON.parse(await read('public/managed_schema.json')))).toEqual([]);
  });
});

describe('docs/policies samples', () => {
  const values = async () => JSON.parse(await read('docs/policies/chromium-linux.json'))['3rdparty'].extensions[ID];

  it.each([
    'docs/policies/chromium-linux.json',
    'docs/policies/firefox-policies.json',
    'docs/policies/google-admin-console.json',
  ])('%s is a valid policy with no problem, the same values everywhere', async (path) => {
    const result = importSettings(await read(path), [ID, FIREFOX_ADDON_ID]);
    expect(result).toEqual({ ok: true, values: await values() });
    expect(readPolicy(await values()).problems).toEqual([]);
  });

  it('the iTop sample is a valid policy with no problem, and validates against the managed schema', async () => {
    const text = await read('docs/policies/chromium-linux-itop.json');
    const sample = JSON.parse(text)['3rdparty'].extensions[ID];
    expect(importSettings(text, [ID])).toEqual({ ok: true, values: sample });
    expect(readPolicy(sample).problems).toEqual([]);
    const validate = new Ajv({ strict: false }).compile(JSON.parse(await read('public/managed_schema.json')));
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the Chromium sample validates against the managed schema', async () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(await read('public/managed_schema.json')));
    expect(validate(await values()), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(['docs/policies/windows-chrome.reg', 'docs/policies/windows-edge.reg'])(
    '%s names only known settings, with the sample values',
    async (path) => {
      const text = new TextDecoder('utf-16le').decode(await readFile(resolve(root, path)));
      const sample = await values();
      const names = [...text.matchAll(/^"([A-Za-z]+)"=/gm)].map((m) => m[1]);
      const lists = [...text.matchAll(/\\policy\\(\w+)\]/g)].map((m) => m[1]);
      expect([...names, ...lists].sort()).toEqual(Object.keys(sample).sort());
      expect(text).toContain(`\\3rdparty\\extensions\\${ID}\\policy]`);
      expect(text).toMatch(/^\uFEFF?Windows Registry Editor Version 5\.00\r\n/);
      expect(text).toContain(
        `"sentReportRetentionDays"=dword:${sample.sentReportRetentionDays.toString(16).padStart(8, '0')}`,
      );
    },
  );
});
