/** The report page's parts that come from the admin settings: the organisation's note, category, urgency. */
import { t } from '@/utils/extension/i18n';
import { checkReportChoices, type ReportChoices, type ReportForm } from '@/utils/core/report/report-form';

type Field = 'category' | 'urgency';

export function missingChoices(choices: ReportChoices, form: ReportForm): Field[] {
  return checkReportChoices(choices, form).missing;
}

export function OrganisationNote({ form }: { form: ReportForm }) {
  if (!form.organisationName && !form.helpText && !form.supportContact) return null;
  return (
    <aside class="org-note" aria-label={form.organisationName || t('composeHelpFromOrganisation')}>
      {form.organisationName && (
        <p>
          <strong>{form.organisationName}</strong>
        </p>
      )}
      {form.helpText && <p style={{ whiteSpace: 'pre-line' }}>{form.helpText}</p>}
      {form.supportContact && <p class="muted">{t('composeSupportContact', form.supportContact)}</p>}
    </aside>
  );
}

function ChoiceSelect(props: {
  field: Field;
  options: string[];
  value?: string;
  missing: boolean;
  required: boolean;
  disabled: boolean;
  onChange(value: string): void;
}) {
  const { field, options, value, missing, required, disabled } = props;
  const id = `report-${field}`;
  return (
    <div class="field">
      <label for={id}>{t(field === 'category' ? 'composeCategory' : 'composeUrgency')}</label>
      <select
        id={id}
        value={value ?? ''}
        required={required}
        disabled={disabled}
        aria-invalid={missing}
        aria-describedby={missing ? `${id}-error` : undefined}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{t(required ? 'composeChoose' : 'composeChooseOptional')}</option>
        {options.map((option) => (
          <option value={option}>{option}</option>
        ))}
      </select>
      {missing && (
        <p class="field-error" id={`${id}-error`}>
          {t(field === 'category' ? 'composeCategoryRequired' : 'composeUrgencyRequired')}
        </p>
      )}
    </div>
  );
}

/** Category and urgency selects, shown only when the organisation lists values for them. */
export function ReportChoiceFields(props: {
  form: ReportForm;
  choices: ReportChoices;
  missing: Field[];
  disabled: boolean;
  onChange(next: ReportChoices): void;
}) {
  const { form, choices, missing, disabled } = props;
  const lists: [Field, string[]][] = [
    ['category', form.categories],
    ['urgency', form.urgencies],
  ];
  return (
    <>
      {lists.map(([field, options]) =>
        options.length ? (
          <ChoiceSelect
            field={field}
            options={options}
            value={choices[field]}
            missing={missing.includes(field)}
            required={form.requiredFields.includes(field)}
            disabled={disabled}
            onChange={(value) => props.onChange({ ...choices, [field]: value || undefined })}
          />
        ) : null,
      )}
    </>
  );
}
