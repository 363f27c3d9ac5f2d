import { describe, expect, it } from 'vitest';
import { applyCollectionSettings, sectionsNotCollected } from '../../../../utils/core/report/collection';
import { DEFAULT_SETTINGS } from '../../../../utils/core/settings/schema';
import { sampleDraft } from '../../../support/tickets';

const everythingOff = {
  collectScreenshot: false,
  consoleLevels: [],
  collectNetwork: false,
  collectSteps: false,
  collectEnvironment: false,
  blockedSites: [],
};

function draftWithAllLevels() {
  const draft = sampleDraft();
  const recorder = draft.context!.recorder!;
  recorder.console = (['error', 'warn', 'info', 'log', 'debug'] as const).map((level, i) => ({
    level,
    kind: 'console' as const,
    message: `${level} ${i}`,
    time: i,
    count: 1,
  }));
  recorder.network = [
    { source: 'page', method: 'GET', url: 'https://intranet.example.org/api', status: 500, time: 1, count: 1 },
  ];
  recorder.steps = [{ kind: 'click', label: 'button "Save"', time: 1 }];
  recorder.dropped = { console: 3, network: 2, steps: 1 };
  return draft;
}

describe('sectionsNotCollected', () => {
  it('is empty by default and lists every switch an admin turned off, console when no level is left', () => {
    expect(sectionsNotCollected(DEFAULT_SETTINGS)).toEqual([]);
    expect(sectionsNotCollected(everythingOff)).toEqual(['screenshot', 'console', 'network', 'steps', 'environment']);
    expect(sectionsNotCollected({ ...DEFAULT_SETTINGS, consoleLevels: ['debug'] })).toEqual([]);
  });
});

describe('applyCollectionSettings', () => {
  it('keeps only the console levels the organisation collects', () => {
    const draft = applyCollectionSettings(draftWithAllLevels(), DEFAULT_SETTINGS);
    expect(draft.context!.recorder!.console.map((e) => e.level)).toEqual(['error', 'warn']);
    expect(draft.context!.recorder!.network).toHaveLength(1);
    expect(draft.notCollected).toEqual([]);
  });

  it('stores nothing of a section turned off, and remembers which ones were', () => {
    const original = draftWithAllLevels();
    const before = structuredClone(original);
    const draft = applyCollectionSettings(original, everythingOff);
    expect(draft.screenshot).toBeNull();
    expect(draft.screenshotProblem).toBe('disabled');
    expect(draft.context!.recorder).toMatchObject({
      console: [],
      network: [],
      steps: [],
      dropped: { console: 0, network: 0, steps: 0 },
    });
    expect(draft.context).toMatchObject({
      viewport: { width: 0, height: 0 },
      screen: { width: 0, height: 0 },
      devicePixelRatio: 1,
    });
    expect(draft.observed?.environment).toEqual({ userAgent: '', language: '', utcOffsetMinutes: 0, localTime: '' });
    expect(draft.observed?.network).toEqual([]);
    expect(JSON.stringify(draft)).not.toContain('Chrome/156');
    expect(draft.notCollected).toEqual(['screenshot', 'console', 'network', 'steps', 'environment']);
    expect(original).toEqual(before);
  });

  it('keeps the page itself, which every report names', () => {
    const draft = applyCollectionSettings(draftWithAllLevels(), everythingOff);
    expect(draft.page).toEqual(sampleDraft().page);
    expect(draft.context).toMatchObject({ url: sampleDraft().context!.url, title: 'Invoices' });
  });

  it('leaves a page it could not read as it is', () => {
    expect(applyCollectionSettings(sampleDraft({ context: null }), everythingOff).context).toBeNull();
  });
});

describe('applyCollectionSettings on blocked sites', () => {
  const blockedSites = ['*://*.example.org/hr/*', '*://payroll.example.net/*'];

  it('drops what a single-page app recorded on a blocked route, and requests to a blocked site', () => {
    const draft = sampleDraft();
    const recorder = draft.context!.recorder!;
    recorder.steps = [
      { kind: 'navigation', label: 'https://intranet.example.org/home', how: 'load', time: 100 },
      { kind: 'click', label: 'link "Salaries"', time: 150 },
      { kind: 'navigation', label: 'https://intranet.example.org/hr/salaries', how: 'push', time: 200 },
      { kind: 'click', label: 'button "Employee 4711"', time: 250 },
      { kind: 'navigation', label: 'https://intranet.example.org/invoices', how: 'push', time: 300 },
      { kind: 'click', label: 'button "Export"', time: 350 },
    ];
    recorder.console = [
      { level: 'error', kind: 'console', message: 'before load', time: 50, count: 1 },
      { level: 'error', kind: 'console', message: 'salary of 4711 failed', time: 260, count: 1 },
      { level: 'error', kind: 'console', message: 'export failed', time: 360, count: 1 },
    ];
    recorder.network = [
      {
        source: 'page',
        method: 'GET',
        url: 'https://intranet.example.org/api/employee/4711?ssn=1',
        status: 500,
        time: 255,
        count: 1,
      },
      { source: 'page', method: 'GET', url: 'https://payroll.example.net/api', status: 502, time: 355, count: 1 },
      {
        source: 'page',
        method: 'POST',
        url: 'https://intranet.example.org/api/export',
        status: 500,
        time: 356,
        count: 1,
      },
    ];
    draft.context!.failedResources = [
      {
        source: 'page',
        method: 'GET',
        url: 'https://intranet.example.org/hr/photo/4711.jpg',
        status: 404,
        time: 90,
        count: 1,
      },
    ];
    draft.context!.referrer = 'https://intranet.example.org/hr/salaries?employee=4711';
    draft.observed!.network = [
      {
        source: 'browser',
        method: 'GET',
        url: 'https://intranet.example.org/hr/x.js',
        error: 'net::ERR_FAILED',
        time: 60,
        count: 1,
      },
      {
        source: 'browser',
        method: 'GET',
        url: 'https://cdn.example.com/a.js',
        error: 'net::ERR_FAILED',
        time: 210,
        count: 1,
      },
      {
        source: 'browser',
        method: 'GET',
        url: 'https://cdn.example.com/b.js',
        error: 'net::ERR_FAILED',
        time: 310,
        count: 1,
      },
    ];

    const kept = applyCollectionSettings(draft, { ...DEFAULT_SETTINGS, blockedSites });
    const r = kept.context!.recorder!;
    expect(r.steps.map((s) => s.label)).toEqual([
      'https://intranet.example.org/home',
      'link "Salaries"',
      'https://intranet.example.org/invoices',
      'button "Export"',
    ]);
    expect(r.console.map((e) => e.message)).toEqual(['before load', 'export failed']);
    expect(r.network.map((e) => e.url)).toEqual(['https://intranet.example.org/api/export']);
    expect(kept.context!.failedResources).toEqual([]);
    expect(kept.context!.referrer).toBe('');
    expect(kept.observed!.network.map((e) => e.url)).toEqual(['https://cdn.example.com/b.js']);
    expect(JSON.stringify(kept)).not.toMatch(/4711|payroll|\/hr\//);
  });

  it('keeps everything when no site is blocked', () => {
    const draft = draftWithAllLevels();
    expect(applyCollectionSettings(draft, DEFAULT_SETTINGS).context!.recorder!.network).toHaveLength(1);
  });
});
