/** Your email and Your name: who the helpdesk answers. Shown as the organisation decided. */
import { t } from '@/utils/extension/i18n';
import type { Requester, RequesterForm, RequesterProblem } from '@/utils/core/report/requester';
import { EMAIL_MAX, NAME_MAX } from '@/utils/core/report/requester';

export function RequesterFields(props: {
  form: RequesterForm;
  value: Requester;
  problem: RequesterProblem | null;
  disabled: boolean;
  onChange(next: Requester): void;
}) {
  const { form, value, problem, disabled } = props;
  if (form.source === 'none') return null;
  const fromProfile = form.source === 'profile';
  const describedBy = ['requester-email-hint', problem && 'requester-email-error'].filter(Boolean).join(' ');
  return (
    <fieldset class="requester">
      <legend>{t('composeRequesterHeading')}</legend>
      {/* Side by side in the form column, so the first screen still holds Send report. */}
      <div class="field-row">
        <div class="field">
          <label for="requester-email">
            {t('composeEmailLabel')}
            {!form.required && !fromProfile && ` ${t('composeOptional')}`}
          </label>
          <input
            id="requester-email"
            type="email"
            autocomplete="email"
            value={value.email}
            maxLength={EMAIL_MAX}
            readOnly={fromProfile || disabled}
            required={form.required}
            aria-invalid={problem !== null}
            aria-describedby={describedBy}
            onInput={(e) => props.onChange({ ...value, email: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="requester-name">
            {t('composeNameLabel')} {t('composeOptional')}
          </label>
          <input
            id="requester-name"
            type="text"
            autocomplete="name"
            value={value.name}
            maxLength={NAME_MAX}
            readOnly={disabled}
            onInput={(e) => props.onChange({ ...value, name: e.currentTarget.value })}
          />
        </div>
      </div>
      <p class="hint" id="requester-email-hint">
        {t(fromProfile ? 'composeEmailFromProfile' : 'composeEmailHint')}
      </p>
      {problem && (
        <p class="field-error" id="requester-email-error">
          {t(problem === 'email-required' ? 'composeEmailRequired' : 'composeEmailInvalid')}
        </p>
      )}
    </fieldset>
  );
}

/** The same checks as the background's, to mark the field before anything is sent. */
export function requesterProblem(form: RequesterForm | null, value: Requester): RequesterProblem | null {
  if (!form || form.source === 'none') return null;
  const email = value.email.trim();
  if (!email) return form.required ? 'email-required' : null;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? null : 'email-invalid';
}
