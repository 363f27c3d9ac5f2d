import { describe, expect, it, vi } from 'vitest';
import { matchesAny, parseMatchPattern } from '../../../../utils/core/settings/match-pattern';
import {
  recorderRegistration,
  recorderSync,
  syncRecorderRegistration,
} from '../../../../utils/background/recorder/registration';
import { reportingAllowed } from '../../../../utils/core/settings/sites';

describe('parseMatchPattern', () => {
  it.each([
    '<all_urls>',
    '*://*/*',
    'https://*.example.org/*',
    'http://intranet/*',
    '*://rh.example.org/admin/*',
    'file:///home/*',
    'https://127.0.0.1/*',
  ])('accepts %s', (pattern) => {
    expect(parseMatchPattern(pattern)).not.toBeNull();
  });

  it.each([
    'example.org',
    'https://example.org',
    'https://example.org:8443/*',
    'https://ex*ample.org/*',
    'https://*example.org/*',
    'gopher://example.org/*',
    'https:///*',
    'file://host/*',
    '',
  ])('refuses %j', (pattern) => {
    expect(parseMatchPattern(pattern)).toBeNull();
  });
});

describe('matchesAny', () => {
  it.each([
    ['*://*.example.org/*', 'https://example.org/', true],
    ['*://*.example.org/*', 'http://a.b.example.org/x?y=1', true],
    ['*://*.example.org/*', 'https://badexample.org/', false],
    ['*://*.example.org/*', 'ftp://example.org/', false],
    ['https://rh.example.org/admin/*', 'https://rh.example.org/admin/users', true],
    ['https://rh.example.org/admin/*', 'https://rh.example.org/public', false],
    ['https://rh.example.org/admin/*', 'http://rh.example.org/admin/users', false],
    ['*://localhost/*', 'http://localhost:8080/page.html', true],
    ['*://intranet/*?debug=*', 'http://intranet/app?debug=1', true],
    ['https://EXAMPLE.org/*', 'https://example.org/', true],
    ['<all_urls>', 'https://anything.example/', true],
    // Hosts compare as browsers do: a trailing dot, capitals or an accented name are the same host.
    ['*://localhost/*', 'http://localhost.:8080/page.html', true],
    ['*://*.rh.example.org/*', 'https://PAIE.RH.Example.org./bulletins', true],
    ['*://intranet.example./*', 'http://intranet.example/', true],
    ['*://*.société.fr/*', 'https://paie.xn--socit-esab.fr/', true],
    ['*://xn--socit-esab.fr/*', 'https://société.fr/', true],
    ['*://société.fr/*', 'https://societe.fr/', false],
    ['<all_urls>', 'chrome://settings/', false],
    ['not a pattern', 'https://example.org/', false],
  ])('%s ~ %s -> %s', (pattern, url, expected) => {
    expect(matchesAny([pattern], url)).toBe(expected);
  });

  it('never matches an unparseable URL', () => {
    expect(matchesAny(['<all_urls>'], 'not a url')).toBe(false);
  });
});

describe('reportingAllowed', () => {
  const rules = (allowedSites: string[], blockedSites: string[]) => ({ allowedSites, blockedSites });
  it.each([
    [rules([], []), 'https://any.example/', true],
    [rules([], ['*://*.bank.example/*']), 'https://www.bank.example/login', false],
    [rules([], ['*://*.bank.example/*']), 'https://shop.example/', true],
    [rules(['https://*.example.org/*'], []), 'https://app.example.org/', true],
    [rules(['https://*.example.org/*'], []), 'https://elsewhere.example/', false],
    [rules(['https://*.example.org/*'], ['https://rh.example.org/*']), 'https://rh.example.org/pay', false],
    [rules(['https://*.example.org/*'], []), undefined, false],
    [rules([], ['*://*/*']), undefined, true],
  ])('%j on %s -> %s', (r, url, expected) => {
    expect(reportingAllowed(url, r)).toBe(expected);
  });
});

describe('recorder registration', () => {
  it('runs everywhere except the blocked sites when no site is listed as allowed', () => {
    expect(recorderRegistration({ allowedSites: [], blockedSites: ['*://*.bank.example/*'] })).toEqual({
      id: 'mayday-recorder',
      js: ['content-scripts/recorder.js'],
      matches: ['<all_urls>'],
      excludeMatches: ['*://*.bank.example/*'],
      world: 'MAIN',
      runAt: 'document_start',
      allFrames: true,
      matchOriginAsFallback: true,
      persistAcrossSessions: true,
    });
  });

  it('runs only on the allowed sites when there are some', () => {
    const registration = recorderRegistration({ allowedSites: ['https://*.example.org/*'], blockedSites: [] });
    expect(registration.matches).toEqual(['https://*.example.org/*']);
    expect(registration.excludeMatches).toEqual([]);
  });

  function fakeScripting(registered: { id: string; matches?: string[]; excludeMatches?: string[] }[] = []) {
    return {
      getRegisteredContentScripts: vi.fn(async ({ ids }: { ids?: string[] } = {}) =>
        registered.filter((s) => !ids || ids.includes(s.id)),
      ),
      registerContentScripts: vi.fn(async (scripts: typeof registered) => {
        for (const s of scripts) {
          if (registered.some((r) => r.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.push(s);
        }
      }),
      updateContentScripts: vi.fn(async (scripts: typeof registered) => {
        for (const s of scripts)
          Object.assign(
            registered.find((r) => r.id === s.id)!,
            s,
          );
      }),
    };
  }

  it('registers when missing, updates when the sites changed, and leaves a matching one alone', async () => {
    const scripting = fakeScripting();
    const blocked = recorderRegistration({ allowedSites: [], blockedSites: ['*://*.bank.example/*'] });
    await syncRecorderRegistration(scripting as never, blocked);
    expect(scripting.registerContentScripts).toHaveBeenCalledWith([blocked]);
    await syncRecorderRegistration(scripting as never, blocked);
    expect(scripting.updateContentScripts).not.toHaveBeenCalled();
    const open = recorderRegistration({ allowedSites: [], blockedSites: [] });
    await syncRecorderRegistration(scripting as never, open);
    expect(scripting.updateContentScripts).toHaveBeenCalledWith([open]);
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(1);
  });

  it('treats an empty exclude list reported as absent (as Chrome does) as unchanged', async () => {
    const scripting = fakeScripting([{ id: 'mayday-recorder', matches: ['<all_urls>'] }]);
    await syncRecorderRegistration(scripting as never, recorderRegistration({ allowedSites: [], blockedSites: [] }));
    expect(scripting.updateContentScripts).not.toHaveBeenCalled();
  });

  it('syncs one at a time, so racing syncs never register twice, and survives a failed one', async () => {
    const scripting = fakeScripting();
    const errors: unknown[] = [];
    const sync = recorderSync(scripting as never, (error) => errors.push(error));
    scripting.updateContentScripts.mockRejectedValueOnce(new Error('Invalid match pattern'));
    await Promise.all([
      sync({ allowedSites: [], blockedSites: [] }),
      sync({ allowedSites: [], blockedSites: ['*://a.example/*'] }),
      sync({ allowedSites: [], blockedSites: ['*://b.example/*'] }),
    ]);
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(errors).toHaveLength(1);
    expect((await scripting.getRegisteredContentScripts({ ids: ['mayday-recorder'] }))[0].excludeMatches).toEqual([
      '*://b.example/*',
    ]);
  });
});
