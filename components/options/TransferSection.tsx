/** Export the settings (as a settings file or a policy file) and import one back into the form. */
import { useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import type { Secrets, Settings } from '@/utils/core/settings/schema';
import {
  chromePolicyFile,
  exportValues,
  firefoxPolicyFile,
  importSettings,
  FIREFOX_ADDON_ID,
  type PolicyValues,
} from '@/utils/core/settings/transfer';
import { problemText } from './problems';
import { Section } from './fields';

interface Props {
  extensionId: string;
  /** The form's values, validated; null (with problems marked) when they are not valid. */
  readValues: () => { settings: Settings; secrets: Secrets } | null;
  /** Puts imported values in the form; returns how many were skipped because policy locks them. */
  applyImport: (values: PolicyValues) => number;
}

type Note = { ok: boolean; text: string; details?: string[] };

function download(filename: string, content: unknown) {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(content, null, 2)}\n`], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function TransferSection({ extensionId, readValues, applyImport }: Props) {
  const [withSecrets, setWithSecrets] = useState(false);
  const [note, setNote] = useState<Note | null>(null);

  function exportAs(kind: 'settings' | 'chrome' | 'firefox') {
    const read = readValues();
    if (!read) return setNote({ ok: false, text: t('optionsFixFirst') });
    const values = exportValues(read.settings, withSecrets ? read.secrets : null);
    if (kind === 'settings') download('mayday-settings.json', values);
    if (kind === 'chrome') download('mayday-chrome-policy.json', chromePolicyFile(values, extensionId));
    if (kind === 'firefox') download('policies.json', firefoxPolicyFile(values));
    setNote(null);
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = importSettings(await file.text(), [extensionId, FIREFOX_ADDON_ID]);
    if (result.ok) {
      const skipped = applyImport(result.values);
      return setNote({ ok: true, text: t(skipped ? 'importDoneLocked' : 'importDone') });
    }
    if (result.reason === 'not-json') return setNote({ ok: false, text: t('importNotJson') });
    if (result.reason === 'no-settings') return setNote({ ok: false, text: t('importNoSettings') });
    setNote({
      ok: false,
      text: t('importInvalid'),
      details: result.problems.map((p) => `${p.key}: ${problemText(p)}`),
    });
  }

  return (
    <Section id="transfer" title={t('optionsTransferHeading')}>
      <p class="hint">{t('optionsTransferHint')}</p>
      <div class="field check">
        <input
          type="checkbox"
          id="export-secrets"
          checked={withSecrets}
          onChange={(e) => setWithSecrets(e.currentTarget.checked)}
          aria-describedby="export-secrets-hint"
        />
        <div>
          <label for="export-secrets">{t('optionsIncludeSecrets')}</label>
          <p class="hint" id="export-secrets-hint">
            {t('optionsIncludeSecretsHint')}
          </p>
        </div>
      </div>
      <div class="buttons">
        <button type="button" class="secondary" onClick={() => exportAs('settings')}>
          {t('optionsExportSettings')}
        </button>
        <button type="button" class="secondary" onClick={() => exportAs('chrome')}>
          {t('optionsExportChrome')}
        </button>
        <button type="button" class="secondary" onClick={() => exportAs('firefox')}>
          {t('optionsExportFirefox')}
        </button>
      </div>
      <div class="field">
        <label for="import-file">{t('optionsImport')}</label>
        <p class="hint" id="import-file-hint">
          {t('optionsImportHint')}
        </p>
        <input
          type="file"
          id="import-file"
          accept=".json,application/json"
          aria-describedby="import-file-hint"
          onChange={(e) => void importFile(e.currentTarget)}
        />
      </div>
      <div role="status" class={`status${note ? (note.ok ? ' ok' : ' bad') : ''}`}>
        {note?.text}
        {note?.details && (
          <ul>
            {note.details.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}
