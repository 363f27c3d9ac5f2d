/**
 * The admin's settings page: every setting grouped by section, policy-locked values read-only,
 * problems next to their field, nothing saved unless everything is valid. Sections are listed in
 * a side navigation that marks unsaved and locked ones; the Save bar sits below the scrolling
 * sections, never over a field.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/extension/i18n';
import {
  getEffectiveSettings,
  getUserSecrets,
  saveUserValues,
  watchEffectiveSettings,
  type EffectiveSettings,
} from '@/utils/extension/settings';
import type { FieldProblem } from '@/utils/core/settings/fields';
import { formFrom, formPatch, readForm, type FormState } from '@/utils/core/settings/form';
import type { PolicyKey } from '@/utils/core/settings/schema';
import type { PolicyValues } from '@/utils/core/settings/transfer';
import { CollectionSection, PrivacySection, SitesSection } from './CollectionSections';
import { ConnectorSection } from './ConnectorSection';
import { SectionNav, sectionMarks, type SectionMarks } from './SectionNav';
import { OrganisationSection, ReportFormSection } from './ContentSections';
import type { FieldApi } from './fields';
import { PolicyWarning } from './PolicyWarning';
import { TransferSection } from './TransferSection';

type Status = '' | 'saved' | 'not-saved';

/** The form as loaded: effective values, the user's own secrets, policy secrets left out. */
async function loadForm(): Promise<{ effective: EffectiveSettings; form: FormState }> {
  const [effective, secrets] = await Promise.all([getEffectiveSettings(), getUserSecrets()]);
  return { effective, form: formFrom(effective.settings, secrets, effective.locked) };
}

/** The browser profile's address needs "identity.email", requested only when this source is chosen. */
async function askProfilePermission(): Promise<boolean> {
  try {
    return await browser.permissions.request({ permissions: ['identity', 'identity.email'] as never });
  } catch {
    // Firefox has no such permission: its people are asked on the report page.
    return false;
  }
}

export function OptionsPage() {
  const [effective, setEffective] = useState<EffectiveSettings | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [status, setStatus] = useState<Status>('');
  const [unsaved, setUnsaved] = useState(false);
  const [marks, setMarks] = useState<SectionMarks>({});
  // Fields typed in since the last load or save survive a policy change arriving meanwhile.
  const edited = useRef(new Set<keyof FormState>());
  const current = useRef<FormState | null>(null);
  current.current = form;

  useEffect(() => {
    document.title = t('optionsTitle');
    const reload = async () => {
      const loaded = await loadForm();
      const unlocked = [...edited.current].filter((key) => !loaded.effective.locked.includes(key));
      const kept = Object.fromEntries(unlocked.map((key) => [key, current.current?.[key]]));
      setEffective(loaded.effective);
      setForm({ ...loaded.form, ...kept });
    };
    void reload();
    return watchEffectiveSettings(() => void reload());
  }, []);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  // Which sections hold unsaved or locked fields, read from the fields rendered in each.
  useLayoutEffect(() => {
    const next = sectionMarks(document, [...edited.current]);
    if (JSON.stringify(next) !== JSON.stringify(marks)) setMarks(next);
  });

  if (!effective || !form) return <main class="options">{t('composeLoading')}</main>;
  const locked = effective.locked;

  const api: FieldApi = {
    form,
    set(key, value) {
      edited.current.add(key);
      setForm((f) => f && { ...f, [key]: value });
      setStatus('');
      setUnsaved(true);
    },
    problem: (key) => problems.find((p) => p.key === key),
    locked: (key) => locked.includes(key),
  };

  /** Validates the whole form, marks the problems and moves focus to the first one. */
  function readValues() {
    const read = readForm(form!, locked);
    setProblems(read.ok ? [] : read.problems);
    if (read.ok) return { settings: read.settings, secrets: read.secrets };
    // The first field marked in page order, once the marks are rendered.
    setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return null;
  }

  async function save(event: Event) {
    event.preventDefault();
    const values = readValues();
    // Invalid values stay in their fields for correction; nothing is written.
    if (!values) return setStatus('not-saved');
    // Asked while the click still counts as the person's gesture; refused, the report page asks instead.
    if (values.settings.requesterSource === 'profile') await askProfilePermission();
    await saveUserValues(values.settings, values.secrets, locked);
    edited.current.clear();
    setUnsaved(false);
    setStatus('saved');
  }

  function applyImport(values: PolicyValues): number {
    const free = Object.fromEntries(Object.entries(values).filter(([key]) => !locked.includes(key as PolicyKey)));
    for (const key of Object.keys(free)) edited.current.add(key as keyof FormState);
    setForm((f) => f && { ...f, ...formPatch(free) });
    setStatus('');
    if (Object.keys(free).length) setUnsaved(true);
    return Object.keys(values).length - Object.keys(free).length;
  }

  return (
    <main class="options">
      <header class="options-head">
        <h1>{t('optionsTitle')}</h1>
      </header>
      <div class="options-body">
        <SectionNav marks={marks} />
        <div class="options-sections">
          <PolicyWarning problems={effective.problems} />
          <form id="options-form" onSubmit={(e) => void save(e)} noValidate>
            <ConnectorSection api={api} readValues={readValues} />
            <OrganisationSection api={api} />
            <ReportFormSection api={api} />
            <CollectionSection api={api} />
            <SitesSection api={api} />
            <PrivacySection api={api} />
          </form>
          <TransferSection extensionId={browser.runtime.id} readValues={readValues} applyImport={applyImport} />
        </div>
      </div>
      <div class="save-bar">
        <button type="submit" form="options-form">
          {t('optionsSave')}
        </button>
        {unsaved && <p class="unsaved">{t('optionsUnsaved')}</p>}
        <p role="status" class={`status${status === 'saved' ? ' ok' : status ? ' bad' : ''}`}>
          {status === 'saved' ? t('optionsSaved') : status === 'not-saved' ? t('optionsNotSaved') : ''}
        </p>
      </div>
    </main>
  );
}
