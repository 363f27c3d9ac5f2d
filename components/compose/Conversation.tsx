/**
 * A sent report's conversation with the helpdesk: its status, the technicians' public replies, what
 * the person added, and Add information (text and optionally a screenshot), delivered through the
 * outbox. New replies are announced in the live region.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import { sendMessage, type Conversation as ConversationState } from '@/utils/extension/messaging';
import { failureMessage } from '@/utils/ui/failure-message';
import { replyByline, statusText, timeText } from '@/utils/ui/follow-up-text';
import { bytesToBase64 } from '@/utils/core/encoding';

const POLL_MS = 5000;

type Added = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string; bad?: boolean };

export function Conversation({ reportId }: { reportId: string }) {
  const [state, setState] = useState<ConversationState | null>(null);
  const [text, setText] = useState('');
  const [added, setAdded] = useState<Added>({ kind: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** One id per addition, kept until it is stored: pressing again never adds it twice. */
  const pendingId = useRef<string | null>(null);
  const seenReplies = useRef<Set<string> | null>(null);

  useEffect(() => {
    const load = async () => {
      const next = await sendMessage('getConversation', reportId).catch(() => null);
      if (!next) return;
      const replies = next.report.followUp?.replies ?? [];
      if (seenReplies.current) {
        const fresh = replies.filter((r) => !seenReplies.current!.has(r.id));
        if (fresh.length) {
          const latest = fresh.at(-1)!;
          setAnnouncement(t('conversationNewReply', latest.author || '—', latest.text.slice(0, 200)));
        }
      }
      seenReplies.current = new Set(replies.map((r) => r.id));
      if (next.report.followUp?.unread) void sendMessage('markRepliesRead', [reportId]);
      setState(next);
    };
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [reportId]);

  // Opened from a notification or the popup: the page starts at the conversation, once.
  const focused = useRef(false);
  useEffect(() => {
    if (!state || focused.current || location.hash !== '#conversation') return;
    focused.current = true;
    heading.current?.focus();
    heading.current?.scrollIntoView();
  }, [state]);

  if (!state) return null;
  const followUp = state.report.followUp;
  const items = [
    ...(followUp?.replies ?? []).map((r) => ({ key: `r${r.id}`, at: Date.parse(r.at), reply: r, addition: undefined })),
    ...state.additions.map((a) => ({ key: `a${a.id}`, at: a.createdAt, reply: undefined, addition: a })),
  ].sort((a, b) => a.at - b.at);

  async function add(event: Event) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!text.trim() && !file) return setAdded({ kind: 'done', text: t('conversationEmpty'), bad: true });
    setAdded({ kind: 'busy' });
    pendingId.current ??= crypto.randomUUID();
    const result = await sendMessage('addInformation', {
      reportId,
      id: pendingId.current,
      text,
      file: file
        ? {
            filename: file.name,
            contentType: file.type,
            data: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
          }
        : undefined,
    }).catch((error: Error) => ({
      ok: false as const,
      failure: { kind: 'invalid-report' as const, retryable: false as const, detail: error.message },
    }));
    if (!result.ok) return setAdded({ kind: 'done', text: failureMessage(result.failure), bad: true });
    pendingId.current = null;
    setText('');
    if (fileInput.current) fileInput.current.value = '';
    setState(result.conversation);
    const mine = result.conversation.additions.at(-1);
    setAdded({
      kind: 'done',
      text:
        mine?.state === 'sent'
          ? t('conversationAdded')
          : mine?.state === 'failed'
            ? t('conversationFailed', mine.lastFailure ? failureMessage(mine.lastFailure) : '')
            : t('conversationQueued'),
      bad: mine?.state === 'failed',
    });
  }

  return (
    <section id="conversation" class="conversation" aria-labelledby="conversation-h">
      <h2 id="conversation-h" ref={heading} tabIndex={-1}>
        {t('conversationHeading')}
      </h2>
      {followUp && <p>{t('conversationStatus', statusText(followUp.status))}</p>}
      <p aria-live="polite" class="status">
        {announcement}
      </p>
      {items.length === 0 && <p class="muted">{t('conversationNoReply')}</p>}
      <ol class="messages">
        {items.map((item) =>
          item.reply ? (
            <li key={item.key} class="reply">
              <p class="muted">{replyByline(item.reply.author, item.reply.at)}</p>
              <p style={{ whiteSpace: 'pre-line' }}>{item.reply.text}</p>
            </li>
          ) : (
            <li key={item.key} class="mine">
              <p class="muted">
                {t('conversationYou', timeText(item.addition.createdAt))}
                {item.addition.files > 0 && ` · ${t('conversationFileAttached')}`}
                {' · '}
                {item.addition.state === 'sent'
                  ? t('conversationAdded')
                  : item.addition.state === 'failed'
                    ? t(
                        'conversationFailed',
                        item.addition.lastFailure ? failureMessage(item.addition.lastFailure) : '',
                      )
                    : t('conversationQueued')}
              </p>
              <p style={{ whiteSpace: 'pre-line' }}>{item.addition.text}</p>
            </li>
          ),
        )}
      </ol>
      {followUp?.closed && <p>{t('conversationClosedNote')}</p>}
      {state.canAdd && (
        <form onSubmit={(event) => void add(event)} noValidate aria-labelledby="add-h">
          <h3 id="add-h">{t('conversationAddHeading')}</h3>
          <div class="field">
            <label for="add-text">{t('conversationAddLabel')}</label>
            <textarea id="add-text" value={text} maxLength={5000} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="add-file">{t('conversationFileLabel')}</label>
            <input id="add-file" type="file" accept="image/png,image/jpeg" ref={fileInput} />
          </div>
          <div class="actions">
            <button type="submit" disabled={added.kind === 'busy'}>
              {t('conversationSend')}
            </button>
          </div>
          <p aria-live="polite" class={`status${added.kind === 'done' ? (added.bad ? ' bad' : ' ok') : ''}`}>
            {added.kind === 'busy' ? t('statusSending') : added.kind === 'done' ? added.text : ''}
          </p>
        </form>
      )}
    </section>
  );
}
