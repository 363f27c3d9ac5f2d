import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

const manifestFor = async (browser: string) => {
  const manifest = config.manifest;
  return typeof manifest === 'function'
    ? await manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' } as never)
    : manifest!;
};

describe('docs/permissions.md', () => {
  it('justifies exactly the permissions the manifest requests, and names the managed schema', async () => {
    const doc = await readFile(resolve(import.meta.dirname, '../../../docs/permissions.md'), 'utf8');
    const [requested, optional] = doc.split('## Not requested')[0].split('## Optional');
    const documented = [...requested.matchAll(/^### (?:Host permission )?`([^`]+)`/gm)].map((m) => m[1]).sort();
    const manifest = await manifestFor('chrome');
    expect([...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])].sort()).toEqual(documented);
    expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
    const optionalDocumented = [...optional.matchAll(/^### (.+)$/gm)]
      .flatMap((m) => [...m[1].matchAll(/`([\w.]+)`/g)])
      .map((m) => m[1])
      .sort();
    expect([...(manifest.optional_permissions ?? [])].sort()).toEqual(optionalDocumented);
  });

  it('gives Firefox the fixed id its policies name', async () => {
    expect((await manifestFor('firefox')).browser_specific_settings?.gecko?.id).toBe('mayday@mayday.invalid');
  });
});
