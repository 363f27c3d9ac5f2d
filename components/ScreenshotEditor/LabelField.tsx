/** Asks for a label's words; Enter adds it, Escape or the second button drops it. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import { LABEL_MAX } from '@/utils/core/annotate/shapes';

export function LabelField({ onDone }: { onDone: (text: string | null) => void }) {
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="shot-label"
      onSubmit={(e) => (e.preventDefault(), onDone(text))}
      onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onDone(null))}
    >
      <label for="shot-label-text">{t('editorLabelText')}</label>
      <input
        id="shot-label-text"
        type="text"
        ref={input}
        value={text}
        maxLength={LABEL_MAX}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
      />
      <button type="submit">{t('editorLabelAdd')}</button>
      <button type="button" class="secondary" onClick={() => onDone(null)}>
        {t('editorLabelCancel')}
      </button>
    </form>
  );
}
