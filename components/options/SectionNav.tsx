/**
 * The options page's side navigation: one link per section, marked when the section holds unsaved
 * changes or values locked by policy. The marks are read from the fields each section renders, so a
 * field added to a section is counted without any list to keep up to date.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import type { MessageKey } from '@/utils/core/i18n';
import { Icon } from '../shared/Icon';

/** In page order; each id is a Section's id (fields.tsx). */
const OPTION_SECTIONS: [id: string, label: MessageKey][] = [
  ['connector', 'optionsNavHelpdesk'],
  ['organisation', 'optionsNavOrganisation'],
  ['report-form', 'optionsReportHeading'],
  ['collection', 'optionsCollectHeading'],
  ['sites', 'optionsSitesHeading'],
  ['privacy', 'optionsPrivacyHeading'],
  ['transfer', 'optionsTransferHeading'],
];

export type SectionMarks = Record<string, { unsaved?: boolean; locked?: number }>;

/** For each section: whether one of the edited fields is in it, and how many locked fields it shows. */
export function sectionMarks(doc: Document, editedKeys: string[]): SectionMarks {
  const marks: SectionMarks = {};
  const sectionOf = (el: Element | null) => el?.closest('section[data-section]')?.getAttribute('data-section');
  for (const key of editedKeys) {
    const id = sectionOf(doc.getElementById(`field-${key}`));
    if (id) marks[id] = { ...marks[id], unsaved: true };
  }
  for (const note of doc.querySelectorAll('.locked-note')) {
    const id = sectionOf(note);
    if (id) marks[id] = { ...marks[id], locked: (marks[id]?.locked ?? 0) + 1 };
  }
  return marks;
}

/** The section whose heading was last scrolled past, for aria-current. */
function useCurrentSection(): string {
  const [current, setCurrent] = useState(OPTION_SECTIONS[0][0]);
  useEffect(() => {
    const scroller = document.querySelector('.options-sections');
    if (!scroller) return;
    const update = () => {
      const top = scroller.getBoundingClientRect().top + 24;
      let at = OPTION_SECTIONS[0][0];
      for (const [id] of OPTION_SECTIONS) {
        const heading = document.getElementById(`section-${id}`);
        if (heading && heading.getBoundingClientRect().top <= top) at = id;
      }
      setCurrent(at);
    };
    scroller.addEventListener('scroll', update, { passive: true });
    return () => scroller.removeEventListener('scroll', update);
  }, []);
  return current;
}

export function SectionNav({ marks }: { marks: SectionMarks }) {
  const current = useCurrentSection();
  return (
    <nav class="options-nav" aria-label={t('optionsNavLabel')}>
      <ul>
        {OPTION_SECTIONS.map(([id, label]) => (
          <li key={id}>
            <a href={`#section-${id}`} aria-current={id === current ? 'true' : undefined}>
              <span class="nav-text">{t(label)}</span>
              {marks[id]?.unsaved && (
                <span class="nav-mark unsaved">
                  <span aria-hidden="true">●</span>
                  <span class="sr-only">{t('optionsUnsavedSection')}</span>
                </span>
              )}
              {marks[id]?.locked ? (
                <span class="nav-mark locked">
                  <Icon name="lock" />
                  <span class="sr-only">{t('optionsLockedSection')}</span>
                </span>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
