/** What Mayday collects, where, and how it protects what it collects. */
import { t } from '@/utils/extension/i18n';
import { CheckField, ChoicesField, Section, TextField, type FieldApi } from './fields';

export function CollectionSection({ api }: { api: FieldApi }) {
  return (
    <Section id="collection" title={t('optionsCollectHeading')}>
      <CheckField api={api} name="collectScreenshot" label={t('optionsCollectScreenshot')} />
      <ChoicesField
        api={api}
        name="consoleLevels"
        label={t('optionsConsoleLevels')}
        options={[
          ['error', t('levelError')],
          ['warn', t('levelWarn')],
          ['info', t('levelInfo')],
          ['log', t('levelLog')],
          ['debug', t('levelDebug')],
        ]}
      />
      <CheckField api={api} name="collectNetwork" label={t('optionsCollectNetwork')} />
      <CheckField api={api} name="collectSteps" label={t('optionsCollectSteps')} />
      <CheckField api={api} name="collectEnvironment" label={t('optionsCollectEnvironment')} />
    </Section>
  );
}

export function SitesSection({ api }: { api: FieldApi }) {
  return (
    <Section id="sites" title={t('optionsSitesHeading')}>
      <TextField
        api={api}
        name="allowedSites"
        multiline
        label={t('optionsAllowedSites')}
        hint={t('optionsAllowedSitesHint')}
      />
      <TextField
        api={api}
        name="blockedSites"
        multiline
        label={t('optionsBlockedSites')}
        hint={t('optionsBlockedSitesHint')}
      />
    </Section>
  );
}

export function PrivacySection({ api }: { api: FieldApi }) {
  return (
    <Section id="privacy" title={t('optionsPrivacyHeading')}>
      <CheckField
        api={api}
        name="maskAllInputs"
        label={t('optionsMaskAllInputs')}
        hint={t('optionsMaskAllInputsHint')}
      />
      <CheckField
        api={api}
        name="showForeignFrames"
        label={t('optionsShowForeignFrames')}
        hint={t('optionsShowForeignFramesHint')}
      />
      <TextField
        api={api}
        name="redactionPatterns"
        multiline
        label={t('optionsRedactionPatterns')}
        hint={t('optionsRedactionPatternsHint')}
      />
      <TextField
        api={api}
        name="maskSelectors"
        multiline
        label={t('optionsMaskSelectors')}
        hint={t('optionsMaskSelectorsHint')}
      />
      <TextField
        api={api}
        name="sentReportRetentionDays"
        numeric
        label={t('optionsRetention')}
        hint={t('optionsRetentionHint')}
      />
    </Section>
  );
}
