import { useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import type { MessageKey } from '@/utils/core/i18n';
import { sendMessage } from '@/utils/extension/messaging';
import type { ConnectionTestResult } from '@/utils/core/delivery/connection-test';
import { CONNECTOR_TYPES, isUnencrypted, type Settings, type Secrets } from '@/utils/core/settings/schema';
import { CheckField, Section, SelectField, TextField, type FieldApi } from './fields';
import type { ConnectionCheck, ConnectionProblem } from '@/utils/core/delivery/connectors/helpdesk';

const TYPE_NAMES: Record<Settings['connectorType'], MessageKey> = {
  webhook: 'connectorWebhook',
  glpi: 'connectorGlpi',
  zammad: 'connectorZammad',
  rt: 'connectorRt',
  redmine: 'connectorRedmine',
  itop: 'connectorItop',
};
const URL_HINTS: Record<Settings['connectorType'], MessageKey> = {
  webhook: 'optionsEndpointUrlHint',
  glpi: 'optionsUrlHintGlpi',
  zammad: 'optionsUrlHintZammad',
  rt: 'optionsUrlHintRt',
  redmine: 'optionsUrlHintRedmine',
  itop: 'optionsUrlHintItop',
};
const TOKEN_LABELS: Record<Settings['connectorType'], MessageKey> = {
  webhook: 'optionsToken',
  glpi: 'optionsTokenGlpi',
  zammad: 'optionsToken',
  rt: 'optionsToken',
  redmine: 'optionsTokenRedmine',
  itop: 'optionsTokenItop',
};
const TOKEN_HINTS: Partial<Record<Settings['connectorType'], MessageKey>> = {
  webhook: 'optionsTokenHint',
  itop: 'optionsTokenHintItop',
};
const CHECK_STATES: Record<string, MessageKey> = {
  true: 'connectionCheckOk',
  false: 'connectionCheckMissing',
  null: 'connectionCheckUnknown',
};

/** The options page's words for each connection-test problem. */
const CONNECTION_PROBLEM_MESSAGES = {
  unreachable: 'connectionUnreachable',
  'bad-token': 'connectionBadToken',
  'no-right': 'connectionNoRight',
  'wrong-queue': 'connectionWrongQueue',
  'wrong-project': 'connectionWrongProject',
  'wrong-organisation': 'connectionWrongOrganisation',
  'needs-change': 'connectionNeedsChange',
  other: 'connectionOther',
} as const satisfies Record<ConnectionProblem, MessageKey>;

function testResultText(result: ConnectionTestResult): string {
  switch (result.kind) {
    case 'ok':
      return t('testOk', result.status);
    case 'unauthorized':
      return t('testUnauthorized', result.status);
    case 'not-found':
      return t('testNotFound');
    case 'refused':
      return t('testRefused', result.status);
    case 'server':
      return t('testServer', result.status);
    case 'unreachable':
      return t('testUnreachable', result.detail);
    case 'timeout':
      return t('testTimeout', result.seconds);
    case 'not-configured':
      return t('testNotConfigured');
    case 'helpdesk':
      return result.result.ok
        ? t('connectionOk')
        : t(CONNECTION_PROBLEM_MESSAGES[result.result.problem], result.result.detail);
  }
}

/** What a helpdesk's test looked at, each with what to change in the helpdesk when it is wrong. */
function testChecks(result: ConnectionTestResult): { state: string; text: string }[] {
  if (result.kind !== 'helpdesk') return [];
  return (result.result.checks ?? []).map((check: ConnectionCheck) => ({
    state: t(CHECK_STATES[String(check.ok)]),
    text: t(check.message, ...(check.substitutions ?? [])),
  }));
}

type TestState =
  | { kind: 'idle' }
  | { kind: 'testing' }
  | { kind: 'done'; ok: boolean; text: string; checks: { state: string; text: string }[] };

/** `readValues` validates the whole form and marks its problems; null when there are any. */
export function ConnectorSection({
  api,
  readValues,
}: {
  api: FieldApi;
  readValues: () => { settings: Settings; secrets: Secrets } | null;
}) {
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const type = api.form.connectorType;

  async function runTest() {
    const values = readValues();
    if (!values) return setTest({ kind: 'done', ok: false, text: t('optionsFixFirst'), checks: [] });
    setTest({ kind: 'testing' });
    const result = await sendMessage('testConnection', values).catch((error: Error): ConnectionTestResult => ({
      kind: 'unreachable',
      detail: error.message,
    }));
    setTest({
      kind: 'done',
      ok: result.kind === 'ok' || (result.kind === 'helpdesk' && result.result.ok),
      text: testResultText(result),
      checks: testChecks(result),
    });
  }

  return (
    <Section id="connector" title={t('optionsEndpointHeading')}>
      <SelectField
        api={api}
        name="connectorType"
        label={t('optionsConnectorType')}
        options={CONNECTOR_TYPES.map((v) => [v, t(TYPE_NAMES[v])])}
      />
      <TextField api={api} name="endpointUrl" type="url" label={t('optionsEndpointUrl')} hint={t(URL_HINTS[type])} />
      {isUnencrypted(api.form.endpointUrl.trim()) && (
        <p class="warning" role="status">
          {t('optionsUnencrypted')}
        </p>
      )}
      <TextField
        api={api}
        name="plainHttpHosts"
        multiline
        label={t('optionsPlainHttpHosts')}
        hint={t('optionsPlainHttpHostsHint')}
      />
      <TextField
        api={api}
        name="token"
        type="password"
        label={t(TOKEN_LABELS[type])}
        hint={t(TOKEN_HINTS[type] ?? 'optionsTokenHintOther')}
      />
      {type === 'webhook' && (
        <>
          <SelectField
            api={api}
            name="webhookFormat"
            label={t('optionsWebhookFormat')}
            options={[
              ['json', t('formatJson')],
              ['multipart', t('formatMultipart')],
            ]}
          />
          <TextField
            api={api}
            name="webhookSigningSecret"
            type="password"
            label={t('optionsSigningSecret')}
            hint={t('optionsSigningSecretHint')}
          />
        </>
      )}
      {type === 'glpi' && (
        <TextField
          api={api}
          name="glpiAppToken"
          type="password"
          label={t('optionsGlpiAppToken')}
          hint={t('optionsGlpiAppTokenHint')}
        />
      )}
      {type === 'zammad' && (
        <>
          <TextField api={api} name="zammadGroup" label={t('optionsZammadGroup')} hint={t('optionsZammadGroupHint')} />
          <TextField
            api={api}
            name="zammadCustomer"
            label={t('optionsZammadCustomer')}
            hint={t('optionsZammadCustomerHint')}
          />
        </>
      )}
      {type === 'rt' && (
        <TextField api={api} name="rtQueue" label={t('optionsRtQueue')} hint={t('optionsRtQueueHint')} />
      )}
      {type === 'redmine' && (
        <>
          <TextField
            api={api}
            name="redmineProjectId"
            label={t('optionsRedmineProject')}
            hint={t('optionsRedmineProjectHint')}
          />
          <TextField
            api={api}
            name="redmineTrackerId"
            label={t('optionsRedmineTracker')}
            hint={t('optionsRedmineTrackerHint')}
          />
          <CheckField
            api={api}
            name="redmineSwitchUser"
            label={t('optionsRedmineSwitchUser')}
            hint={t('optionsRedmineSwitchUserHint')}
          />
        </>
      )}
      {type === 'itop' && (
        <>
          <TextField api={api} name="itopUser" label={t('optionsItopUser')} hint={t('optionsItopUserHint')} />
          <TextField
            api={api}
            name="itopOrganization"
            label={t('optionsItopOrganization')}
            hint={t('optionsItopOrganizationHint')}
          />
        </>
      )}
      <button type="button" class="secondary" onClick={() => void runTest()} disabled={test.kind === 'testing'}>
        {t('optionsTestConnection')}
      </button>
      <p role="status" class={`status${test.kind === 'done' ? (test.ok ? ' ok' : ' bad') : ''}`}>
        {test.kind === 'testing' ? t('optionsTesting') : test.kind === 'done' ? test.text : ''}
      </p>
      {test.kind === 'done' && test.checks.length > 0 && (
        <ul class="checks" aria-label={t('connectionChecksHeading')}>
          {test.checks.map((check) => (
            <li key={check.text}>
              <b>{check.state}</b> {check.text}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
