import { t } from '@/utils/extension/i18n';
import type { MessageKey } from '@/utils/core/i18n';
import type { FieldProblem, ProblemCode } from '@/utils/core/settings/fields';

const WORDS: Record<ProblemCode, MessageKey> = {
  'wrong-type': 'problemWrongType',
  'not-allowed-value': 'problemNotAllowedValue',
  'too-long': 'problemTooLong',
  'too-many': 'problemTooMany',
  duplicate: 'problemDuplicate',
  'empty-item': 'problemEmptyItem',
  'url-invalid': 'optionsUrlInvalid',
  'url-scheme': 'optionsUrlScheme',
  'url-insecure': 'optionsUrlInsecure',
  'host-invalid': 'problemHostInvalid',
  'project-id': 'problemProjectId',
  'digits-only': 'problemDigitsOnly',
  'pattern-invalid': 'problemPatternInvalid',
  'regex-invalid': 'problemRegexInvalid',
  'selector-invalid': 'problemSelectorInvalid',
  'out-of-range': 'problemOutOfRange',
  'not-a-number': 'problemNotANumber',
  required: 'problemRequired',
  'unknown-key': 'problemUnknownKey',
  'secret-without-endpoint': 'problemSecretWithoutEndpoint',
};

/** The sentence shown next to a field (or in the policy warning) for one problem. */
export function problemText(problem: FieldProblem): string {
  const words =
    problem.code === 'required' && problem.key === 'endpointUrl' ? t('optionsUrlEmpty') : t(WORDS[problem.code]);
  return problem.item === undefined ? words : t('problemItem', problem.item, words);
}
