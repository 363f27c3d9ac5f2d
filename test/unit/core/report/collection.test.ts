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
