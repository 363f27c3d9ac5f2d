/**
 * Chromium's machine-wide policy for the extension, as an admin sets it on Linux. The folder is
 * shared by every Chromium on the machine, other test runs included: keep the file only while a
 * test needs it and always remove it.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EXTENSION_ID } from './extension';

const POLICY_DIR = process.env.MAYDAY_POLICY_DIR ?? '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'mayday-e2e-policy.json');
const SAMPLE_POLICY = resolve(import.meta.dirname, '../../docs/policies/chromium-linux.json');

/** The values of the documented sample policy (docs/policies/chromium-linux.json). */
export async function samplePolicyValues(): Promise<Record<string, unknown>> {
  const file = JSON.parse(await readFile(SAMPLE_POLICY, 'utf8'));
  return file['3rdparty'].extensions[EXTENSION_ID];
}

export async function writePolicy(values: Record<string, unknown>): Promise<void> {
  await mkdir(POLICY_DIR, { recursive: true });
  await writeFile(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: values } } }, null, 2));
}

export async function removePolicy(): Promise<void> {
  await rm(POLICY_FILE, { force: true });
}
