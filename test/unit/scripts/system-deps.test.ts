/**
 * scripts/system-deps.mjs run as `npm test` and `npm run demo` run it: plain node, a PATH and
 * CHROMIUM_PATH / FIREFOX_PATH that hide or show the programs. Nothing is installed: the tests
 * forbid it (MAYDAY_NO_INSTALL=1), play a system without apt, or put a fake apt-get on the PATH.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasDebianPackages, programPath } from '../../../scripts/system-deps.mjs';

const SCRIPT = resolve(import.meta.dirname, '../../../scripts/system-deps.mjs');
const SUDO = process.getuid?.() === 0 ? '' : 'sudo ';
let dir: string;
let debian: string;

function file(path: string, text: string, executable = true): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  chmodSync(path, executable ? 0o755 : 0o644);
  return path;
}

/** A folder holding these programs (shell scripts that do nothing, unless given a body). */
function bin(name: string, programs: Record<string, string> = {}): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  for (const [program, body] of Object.entries(programs)) file(join(folder, program), `#!/bin/sh\n${body}\n`);
  return folder;
}

function check(script: string, env: Record<string, string>) {
  const run = spawnSync(process.execPath, [SCRIPT, script], { env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mayday-system-deps-'));
  debian = file(join(dir, 'os-release'), readFileSync(resolve(import.meta.dirname, 'os-release/debian-12'), 'utf8'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('node scripts/system-deps.mjs', () => {
  it('says in one line which apt command installs what npm test lacks, and exits 1', () => {
    const result = check('test', { PATH: bin('empty'), MAYDAY_NO_INSTALL: '1', MAYDAY_OS_RELEASE: debian });
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr: `npm test needs Chromium, Firefox ESR, Xvfb and xdotool, not found on the PATH: run "${SUDO}apt-get install -y chromium firefox-esr xvfb xdotool", or set CHROMIUM_PATH and FIREFOX_PATH.\n`,
    });
  });

  it('asks npm run demo and npm run bench for Chromium only', () => {
    const env = { PATH: bin('empty'), MAYDAY_NO_INSTALL: '1', MAYDAY_OS_RELEASE: debian };
    for (const script of ['demo', 'bench', 'test:helpdesks']) {
      expect(check(script, env)).toEqual({
        status: 1,
        stdout: '',
        stderr: `npm run ${script} needs Chromium, not found on the PATH: run "${SUDO}apt-get install -y chromium", or set CHROMIUM_PATH.\n`,
      });
    }
  });

  it('names only what is missing', () => {
    const path = bin('some', { chromium: '', Xvfb: '' });
    const result = check('test', { PATH: path, MAYDAY_NO_INSTALL: '1', MAYDAY_OS_RELEASE: debian });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `npm test needs Firefox ESR and xdotool, not found on the PATH: run "${SUDO}apt-get install -y firefox-esr xdotool", or set FIREFOX_PATH.\n`,
    );
  });

  it('lets CHROMIUM_PATH and FIREFOX_PATH win, and says when they point at nothing runnable', () => {
    const path = bin('all', { chromium: '', 'firefox-esr': '', Xvfb: '', xdotool: '' });
    const nowhere = join(dir, 'nowhere', 'chromium');
    expect(check('demo', { PATH: path, CHROMIUM_PATH: nowhere, MAYDAY_OS_RELEASE: debian })).toEqual({
      status: 1,
      stdout: '',
      stderr: `CHROMIUM_PATH is ${nowhere}, which is not an executable file: point it at Chromium or unset it.\n`,
    });
    const notExecutable = file(join(dir, 'firefox'), '#!/bin/sh\n', false);
    const result = check('test', { PATH: path, FIREFOX_PATH: notExecutable, MAYDAY_OS_RELEASE: debian });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `FIREFOX_PATH is ${notExecutable}, which is not an executable file: point it at Firefox ESR or unset it.\n`,
    );
  });

  it('prints nothing and exits 0 when everything is there, through the variables or the PATH', () => {
    const browsers = bin('browsers', { 'my-chromium': '', 'my-firefox': '' });
    const env = {
      PATH: bin('display', { Xvfb: '', xdotool: '' }),
      CHROMIUM_PATH: join(browsers, 'my-chromium'),
      FIREFOX_PATH: join(browsers, 'my-firefox'),
      MAYDAY_NO_INSTALL: '1',
      MAYDAY_OS_RELEASE: debian,
    };
    expect(check('test', env)).toEqual({ status: 0, stdout: '', stderr: '' });
    const path = bin('all', { chromium: '', 'firefox-esr': '', Xvfb: '', xdotool: '' });
    expect(check('test', { PATH: path, MAYDAY_NO_INSTALL: '1' })).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(check('demo', { PATH: path })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('does not try apt where Debian packages are not (Fedora, Ubuntu), and gives the Debian command as an example', () => {
    for (const system of ['fedora-40', 'ubuntu-24.04']) {
      const osRelease = resolve(import.meta.dirname, 'os-release', system);
      expect(check('demo', { PATH: bin('empty'), MAYDAY_OS_RELEASE: osRelease })).toEqual({
        status: 1,
        stdout: '',
        stderr: `npm run demo needs Chromium, not found on the PATH: install it (on Debian: "${SUDO}apt-get install -y chromium"), or set CHROMIUM_PATH.\n`,
      });
    }
  });

  it('installs what is missing with apt when it can: one line saying so, then apt’s own output', () => {
    const installed = bin('installed');
    const log = join(dir, 'apt.log');
    // apt-get as root (directly, or through a sudo that asks no password): the package's program appears.
    const tools = bin('tools', {
      'apt-get': `echo "apt-get $* ($DEBIAN_FRONTEND)" >> ${log}\necho "fake apt: $1"\n[ "$1" = install ] && printf '#!/bin/sh\\n' > ${installed}/chromium && /bin/chmod +x ${installed}/chromium\nexit 0`,
      sudo: '[ "$1" = -n ] && shift\nexec "$@"',
    });
    symlinkSync('/usr/bin/env', join(tools, 'env'));
    symlinkSync('/bin/true', join(tools, 'true'));
    const result = check('demo', { PATH: [tools, installed].join(delimiter), MAYDAY_OS_RELEASE: debian });
    expect(result).toEqual({
      status: 0,
      stdout: 'npm run demo needs Chromium: installing chromium with apt.\nfake apt: update\nfake apt: install\n',
      stderr: '',
    });
    expect(readFileSync(log, 'utf8')).toBe(
      'apt-get update (noninteractive)\napt-get install -y chromium (noninteractive)\n',
    );
  });

  it('stops with one line when apt fails', () => {
    const tools = bin('tools', {
      'apt-get': '[ "$1" = install ] || exit 0\necho "E: Unable to locate package $3" >&2\nexit 100',
      sudo: 'shift\nexec "$@"',
    });
    symlinkSync('/usr/bin/env', join(tools, 'env'));
    symlinkSync('/bin/true', join(tools, 'true'));
    const result = check('demo', { PATH: tools, MAYDAY_OS_RELEASE: debian });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('npm run demo needs Chromium: installing chromium with apt.\n');
    expect(result.stderr).toBe(
      'E: Unable to locate package chromium\napt-get could not install chromium (its message is above).\n',
    );
  });

  it('refuses an unknown script with its usage and exit code 2', () => {
    const result = check('tset', { PATH: bin('empty') });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'usage: node scripts/system-deps.mjs <demo|test|test:e2e|test:helpdesks|bench|screenshots>\n',
    );
  });
});

describe('programPath (what the test harness and the bench launch)', () => {
  it('finds the program where the check found it, or throws the check’s line', () => {
    const path = bin('all', { chromium: '', Xvfb: '' });
    expect(programPath('chromium', { PATH: path })).toBe(join(path, 'chromium'));
    expect(programPath('Xvfb', { PATH: path })).toBe(join(path, 'Xvfb'));
    expect(() => programPath('xdotool', { PATH: path })).toThrow(
      new Error(`xdotool not found on the PATH: run "${SUDO}apt-get install -y xdotool".`),
    );
    expect(() => programPath('firefox-esr', { PATH: path, FIREFOX_PATH: '/nonexistent/firefox' })).toThrow(
      new Error(
        'FIREFOX_PATH is /nonexistent/firefox, which is not an executable file: point it at Firefox ESR or unset it.',
      ),
    );
  });
});

describe('hasDebianPackages', () => {
  it.each([
    ['debian-12', true],
    ['kali-2024.4', true],
    ['ubuntu-24.04', false],
    ['linuxmint-22', false],
    ['fedora-40', false],
    ['rocky-9.3', false],
    ['alpine-3.20', false],
  ])('%s: %s', (name, expected) => {
    expect(hasDebianPackages(readFileSync(resolve(import.meta.dirname, 'os-release', name), 'utf8'))).toBe(expected);
  });
});
