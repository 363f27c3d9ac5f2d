/**
 * What the options page asks for each helpdesk, in ConnectorConfig's field names, with the label and
 * help text keys in public/_locales. Secrets are marked so the page masks them and stores them apart.
 */
import type { ConnectorConfig } from '../config';
import type { MessageKey } from '../../i18n';

export type HelpdeskType = 'glpi' | 'zammad' | 'rt' | 'redmine' | 'itop';

export interface ConnectorField<T extends HelpdeskType = HelpdeskType> {
  name: Exclude<keyof Extract<ConnectorConfig, { type: T }>, 'type'>;
  kind: 'url' | 'text' | 'secret';
  required: boolean;
  label: MessageKey;
  hint: MessageKey;
}

export const CONNECTOR_FIELDS: { [T in HelpdeskType]: ConnectorField<T>[] } = {
  glpi: [
    { name: 'url', kind: 'url', required: true, label: 'fieldGlpiUrl', hint: 'fieldGlpiUrlHint' },
    { name: 'userToken', kind: 'secret', required: true, label: 'fieldGlpiUserToken', hint: 'fieldGlpiUserTokenHint' },
    { name: 'appToken', kind: 'secret', required: false, label: 'fieldGlpiAppToken', hint: 'fieldGlpiAppTokenHint' },
  ],
  zammad: [
    { name: 'url', kind: 'url', required: true, label: 'fieldZammadUrl', hint: 'fieldZammadUrlHint' },
    { name: 'token', kind: 'secret', required: true, label: 'fieldZammadToken', hint: 'fieldZammadTokenHint' },
    { name: 'group', kind: 'text', required: true, label: 'fieldZammadGroup', hint: 'fieldZammadGroupHint' },
    { name: 'customer', kind: 'text', required: false, label: 'fieldZammadCustomer', hint: 'fieldZammadCustomerHint' },
  ],
  rt: [
    { name: 'url', kind: 'url', required: true, label: 'fieldRtUrl', hint: 'fieldRtUrlHint' },
    { name: 'token', kind: 'secret', required: true, label: 'fieldRtToken', hint: 'fieldRtTokenHint' },
    { name: 'queue', kind: 'text', required: true, label: 'fieldRtQueue', hint: 'fieldRtQueueHint' },
  ],
  redmine: [
    { name: 'url', kind: 'url', required: true, label: 'fieldRedmineUrl', hint: 'fieldRedmineUrlHint' },
    { name: 'apiKey', kind: 'secret', required: true, label: 'fieldRedmineApiKey', hint: 'fieldRedmineApiKeyHint' },
    { name: 'projectId', kind: 'text', required: true, label: 'fieldRedmineProject', hint: 'fieldRedmineProjectHint' },
    { name: 'trackerId', kind: 'text', required: false, label: 'fieldRedmineTracker', hint: 'fieldRedmineTrackerHint' },
  ],
  itop: [
    { name: 'url', kind: 'url', required: true, label: 'fieldItopUrl', hint: 'fieldItopUrlHint' },
    { name: 'user', kind: 'text', required: false, label: 'fieldItopUser', hint: 'fieldItopUserHint' },
    { name: 'password', kind: 'secret', required: false, label: 'fieldItopPassword', hint: 'fieldItopPasswordHint' },
    { name: 'token', kind: 'secret', required: false, label: 'fieldItopToken', hint: 'fieldItopTokenHint' },
    {
      name: 'organization',
      kind: 'text',
      required: true,
      label: 'fieldItopOrganization',
      hint: 'fieldItopOrganizationHint',
    },
  ],
};

/** The options page's words for each connection-test problem. */
export const CONNECTION_PROBLEM_MESSAGES = {
  unreachable: 'connectionUnreachable',
  'bad-token': 'connectionBadToken',
  'no-right': 'connectionNoRight',
  'wrong-queue': 'connectionWrongQueue',
  'wrong-project': 'connectionWrongProject',
  'wrong-organisation': 'connectionWrongOrganisation',
  'needs-change': 'connectionNeedsChange',
  other: 'connectionOther',
} as const satisfies Record<import('./helpdesk').ConnectionProblem, MessageKey>;
