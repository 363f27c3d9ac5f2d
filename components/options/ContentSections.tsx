/** What the organisation shows on the report page, and what the report page asks. */
import { t } from '@/utils/extension/i18n';
import { CheckField, ChoicesField, Section, SelectField, TextField, type FieldApi } from './fields';

export function OrganisationSection({ api }: { api: FieldApi }) {
  return (
    <Section id="organisation" title={t('optionsOrganisationHeading')}>
      <TextField api={api} name="organisationName" label={t('optionsOrganisationName')} />
      <TextField
        api={api}
        name="supportContact"
        label={t('optionsSupportContact')}
        hint={t('optionsSupportContactHint')}
      />
      <TextField api={api} name="helpText" multiline label={t('optionsHelpText')} hint={t('optionsHelpTextHint')} />
    </Section>
  );
}

export function ReportFormSection({ api }: { api: FieldApi }) {
  return (
    <Section id="report-form" title={t('optionsReportHeading')}>
      <TextField
        api={api}
        name="categories"
        multiline
        label={t('optionsCategories')}
        hint={t('optionsCategoriesHint')}
      />
      <TextField api={api} name="urgencies" multiline label={t('optionsUrgencies')} hint={t('optionsUrgenciesHint')} />
      <ChoicesField
        api={api}
        name="requiredFields"
        label={t('optionsRequired')}
        options={[
          ['category', t('composeCategory')],
          ['urgency', t('composeUrgency')],
        ]}
      />
      <SelectField
        api={api}
        name="requesterSource"
        label={t('optionsRequesterSource')}
        hint={t('optionsRequesterSourceHint')}
        options={[
          ['asked', t('optionsRequesterAsked')],
          ['profile', t('optionsRequesterProfile')],
          ['none', t('optionsRequesterNone')],
        ]}
      />
      <CheckField api={api} name="requesterRequired" label={t('optionsRequesterRequired')} />
    </Section>
  );
}
