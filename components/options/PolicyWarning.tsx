import { t } from '@/utils/extension/i18n';
import type { FieldProblem } from '@/utils/core/settings/fields';
import { problemText } from './problems';

/** Policy values Mayday ignored, named by their policy key so the admin can find them. */
export function PolicyWarning({ problems }: { problems: FieldProblem[] }) {
  if (!problems.length) return null;
  return (
    <section class="warning" role="alert" aria-labelledby="policy-problems">
      <h2 id="policy-problems">{t('optionsPolicyProblemsHeading')}</h2>
      <p>{t('optionsPolicyProblemsHint')}</p>
      <ul>
        {problems.map((problem) => (
          <li>
            <code>{problem.key}</code>: {problemText(problem)}
          </li>
        ))}
      </ul>
    </section>
  );
}
