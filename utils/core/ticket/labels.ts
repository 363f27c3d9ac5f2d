/** Message keys for the ticket's enums, shared by report.html, the ticket body and the viewer. */
import type { MessageKey } from '../i18n';
import type { ConsoleEntry, StepEntry } from '../wire/page-protocol';
import type { Level } from './facts';
import type { ReportSection } from '../model/ticket';

/** Plural headings: filter labels and counts. */
export const LEVEL_KEYS: Record<Level, MessageKey> = {
  error: 'levelError',
  warn: 'levelWarn',
  info: 'levelInfo',
  log: 'levelLog',
  debug: 'levelDebug',
};

/** A plain console call needs no label; the other kinds say how the entry arose. */
export const KIND_KEYS: Record<ConsoleEntry['kind'], MessageKey | null> = {
  console: null,
  error: 'kindError',
  rejection: 'kindRejection',
  resource: 'kindResource',
  csp: 'kindCsp',
};

export const STEP_KEYS: Record<StepEntry['kind'], MessageKey> = {
  click: 'stepClick',
  navigation: 'stepNavigation',
  submit: 'stepSubmit',
  input: 'stepInput',
};

/** The parts of a report that can be left out: the review panel's headings, the technician's notes. */
export const SECTION_KEYS: Record<ReportSection, MessageKey> = {
  screenshot: 'sectionScreenshot',
  console: 'sectionConsole',
  network: 'sectionNetwork',
  steps: 'sectionSteps',
  environment: 'sectionEnvironment',
};
