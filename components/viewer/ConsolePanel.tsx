import { useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import { filterConsole, LEVELS, levelCounts, type Level } from '@/utils/core/ticket/facts';
import { formatClock } from '@/utils/core/ticket/format';
import { KIND_KEYS, LEVEL_KEYS } from '@/utils/core/ticket/labels';
import type { Ticket } from '@/utils/core/model/ticket';

export function ConsolePanel({ ticket }: { ticket: Ticket }) {
  const counts = levelCounts(ticket.console);
  const present = LEVELS.filter((level) => counts[level] > 0);
  const [levels, setLevels] = useState<ReadonlySet<Level>>(new Set(LEVELS));
  const [text, setText] = useState('');
  const shown = filterConsole(ticket.console, levels, text);
  const offset = ticket.environment.utcOffsetMinutes;

  function toggle(level: Level, on: boolean) {
    const next = new Set(levels);
    if (on) next.add(level);
    else next.delete(level);
    setLevels(next);
  }

  return (
    <section id="console" aria-labelledby="console-h">
      <h2 id="console-h">{t('reportConsole')}</h2>
      {ticket.console.length === 0 ? (
        <p class="muted">{t('reportNoConsole')}</p>
      ) : (
        <>
          <p class="origin">{t('reportConsoleByPage')}</p>
          <div class="filters" role="group" aria-label={t('reportShowLevels')}>
            {present.map((level) => (
              <label key={level}>
                <input
                  type="checkbox"
                  checked={levels.has(level)}
                  onChange={(e) => toggle(level, (e.target as HTMLInputElement).checked)}
                />{' '}
                {t(LEVEL_KEYS[level])} ({counts[level]})
              </label>
            ))}
            <label>
              {t('viewerFilterText')}{' '}
              <input type="search" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
            </label>
          </div>
          {shown.length === 0 && <p class="muted">{t('viewerNoMatch')}</p>}
          <ol class="console">
            {shown.map((entry) => {
              const kind = KIND_KEYS[entry.kind];
              return (
                <li key={ticket.console.indexOf(entry)} class={`lv-${entry.level}`}>
                  <span class="mono">{formatClock(entry.time, offset, true)}</span>
                  <span>
                    <span class="lv badge">{entry.level}</span>
                    {entry.count > 1 && <span class="times"> ×{entry.count}</span>}
                  </span>
                  <div class="body">
                    {kind && <span class="badge">{t(kind)}</span>}
                    <pre>{entry.message}</pre>
                    {entry.source && <div class="src">{entry.source}</div>}
                    {entry.stack && (
                      <details>
                        <summary>{t('reportStack')}</summary>
                        <pre>{entry.stack}</pre>
                      </details>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
