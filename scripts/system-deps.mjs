#!/usr/bin/env node
/**
 * The programs from outside npm that Mayday's scripts drive, which npm script needs which, and how
 * each is found: the one list, for package.json's scripts and the test harness. Plain Node with no
 * dependency, so it runs before `npm ci` too.
 *
 *   node scripts/system-deps.mjs <npm script>      (demo, test, test:e2e, test:helpdesks, bench, screenshots)
 *
 * prints nothing when all is there. When something is missing on Debian and we are root
 * (or sudo needs no password), it says so in one line and installs it with apt; otherwise it prints
 * one line naming the command to run and exits 1. MAYDAY_NO_INSTALL=1 never installs.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const E2E = ['test', 'test:e2e'];

/**
 * `variable`, when set, wins over the PATH. Xvfb and xdotool: the keyboard shortcut, context menu and
 * Firefox report suites need a real window and real key presses (test/support/display.ts).
 */
export const SYSTEM_DEPS = [
  {
    name: 'Chromium',
    command: 'chromium',
    variable: 'CHROMIUM_PATH',
    package: 'chromium',
    neededBy: ['demo', ...E2E, 'test:helpdesks', 'bench', 'screenshots'],
  },
  { name: 'Firefox ESR', command: 'firefox-esr', variable: 'FIREFOX_PATH', package: 'firefox-esr', neededBy: E2E },
  { name: 'Xvfb', command: 'Xvfb', package: 'xvfb', neededBy: E2E },
  { name: 'xdotool', command: 'xdotool', package: 'xdotool', neededBy: E2E },
];

function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(command, env) {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutableFile(join(dir, command))) return join(dir, command);
  }
  return null;
}

/** Where the program is: `$variable` when set (null if that is no executable file), else the PATH. */
export function locate(dep, env = process.env) {
  const chosen = dep.variable ? env[dep.variable] : undefined;
  if (chosen) return isExecutableFile(chosen) ? chosen : null;
  return onPath(dep.command, env);
}

function and(words) {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * The one line for programs that are not there. `who` ("npm test") names what needs them; `root`
 * drops the sudo; `apt` false (not Debian) gives the Debian command as an example only.
 */
export function missingLine(missing, { who, root = false, apt = true } = {}) {
  const names = and(missing.map((dep) => dep.name));
  const command = `${root ? '' : 'sudo '}apt-get install -y ${missing.map((dep) => dep.package).join(' ')}`;
  const install = apt ? `run "${command}"` : `install ${missing.length > 1 ? 'them' : 'it'} (on Debian: "${command}")`;
  const variables = missing.flatMap((dep) => (dep.variable ? [dep.variable] : []));
  const orSet = variables.length ? `, or set ${and(variables)}` : '';
  return `${who ? `${who} needs ${names}, not found` : `${names} not found`} on the PATH: ${install}${orSet}.`;
}

/** The line for a `CHROMIUM_PATH` or `FIREFOX_PATH` that points at nothing runnable: apt cannot fix that. */
export function variableLine(dep, env = process.env) {
  return `${dep.variable} is ${env[dep.variable]}, which is not an executable file: point it at ${dep.name} or unset it.`;
}

/** The path of a program (by command, e.g. "chromium"), or an Error carrying the same line as the check. */
export function programPath(command, env = process.env) {
  const dep = SYSTEM_DEPS.find((d) => d.command === command);
  if (!dep) throw new Error(`Unknown system program ${command}`);
  const found = locate(dep, env);
  if (found) return found;
  throw new Error(
    dep.variable && env[dep.variable] ? variableLine(dep, env) : missingLine([dep], { root: process.getuid?.() === 0 }),
  );
}

/**
 * Debian and the systems built on its archive (Kali, older Raspbian), from os-release's ID and
 * ID_LIKE. Not Ubuntu and its derivatives: there `chromium` is a snap and `firefox-esr` no package.
 */
export function hasDebianPackages(osRelease) {
  const field = (key) => osRelease.match(new RegExp(`^${key}=["']?([^"'\\n]*)`, 'm'))?.[1] ?? '';
  const ids = `${field('ID')} ${field('ID_LIKE')}`.split(/\s+/);
  return ids.includes('debian') && !ids.includes('ubuntu');
}

function readOsRelease(env) {
  // MAYDAY_OS_RELEASE lets the tests play another system.
  for (const path of env.MAYDAY_OS_RELEASE ? [env.MAYDAY_OS_RELEASE] : ['/etc/os-release', '/usr/lib/os-release']) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      /* not there: the next one */
    }
  }
  return '';
}

function aptGet(args, root, env) {
  const [command, ...rest] = root
    ? ['apt-get', ...args]
    : ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
  const run = spawnSync(command, rest, { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } });
  return run.status === 0;
}

function stop(line) {
  console.error(line);
  process.exit(1);
}

function check(script, env) {
  const needs = SYSTEM_DEPS.filter((dep) => dep.neededBy.includes(script));
  if (!needs.length) {
    const scripts = [...new Set(SYSTEM_DEPS.flatMap((dep) => dep.neededBy))];
    console.error(`usage: node scripts/system-deps.mjs <${scripts.join('|')}>`);
    process.exit(2);
  }
  const who = script === 'test' ? 'npm test' : `npm run ${script}`;
  const badVariable = needs.find((dep) => dep.variable && env[dep.variable] && !locate(dep, env));
  if (badVariable) stop(variableLine(badVariable, env));
  const missing = needs.filter((dep) => !locate(dep, env));
  if (!missing.length) return;

  const root = process.getuid?.() === 0;
  const apt = hasDebianPackages(readOsRelease(env));
  const canInstall =
    apt &&
    env.MAYDAY_NO_INSTALL !== '1' &&
    (root || spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', env }).status === 0);
  if (!canInstall) stop(missingLine(missing, { who, root, apt }));

  const packages = missing.map((dep) => dep.package);
  console.log(`${who} needs ${and(missing.map((dep) => dep.name))}: installing ${packages.join(' ')} with apt.`);
  // A failed update (one unreachable source) can still leave lists good enough to install from.
  aptGet(['update'], root, env);
  if (!aptGet(['install', '-y', ...packages], root, env))
    stop(`apt-get could not install ${packages.join(' ')} (its message is above).`);
  const still = needs.filter((dep) => !locate(dep, env));
  if (still.length) stop(missingLine(still, { who, root, apt }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) check(process.argv[2], process.env);
