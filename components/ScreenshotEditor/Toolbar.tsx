/**
 * Tools as toggle buttons, then the edits that act on everything drawn, then the view's switches.
 * One Tab stop (a roving tabindex, as ARIA's toolbar pattern): arrows, Home and End move along it,
 * so Tab goes from the toolbar straight to the drawing area.
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import type { MessageKey } from '@/utils/core/i18n';
import { TOOLS, type Tool } from '@/utils/core/annotate/shapes';
import { Icon, type IconName } from '../shared/Icon';

const TOOL_NAMES: Record<Tool, MessageKey> = {
  highlight: 'editorHighlight',
  arrow: 'editorArrow',
  text: 'editorText',
  blackout: 'editorBlackout',
};

export interface ToolbarProps {
  tool: Tool;
  canUndo: boolean;
  canRedo: boolean;
  canClear: boolean;
  helpOpen: boolean;
  full: boolean;
  onTool: (tool: Tool) => void;
  onUndo: () => void;
  onRedo: () => void;
  onClear: () => void;
  onRemove: () => void;
  onHelp: () => void;
  onFull: () => void;
}

interface Item {
  icon: IconName;
  label: string;
  /** Shown instead of the label where room is short; the label stays the accessible name and starts with it. */
  short?: string;
  onClick: () => void;
  disabled?: boolean;
  pressed?: boolean;
  expanded?: boolean;
  controls?: string;
  shortcut?: string;
  primary?: boolean;
  /** Space before this button: a new group starts. */
  gap?: boolean;
}

export function Toolbar(props: ToolbarProps) {
  const bar = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState<number | null>(null);
  const items: Item[] = [
    ...TOOLS.map((tool, i) => ({
      icon: tool,
      label: t(TOOL_NAMES[tool]),
      onClick: () => props.onTool(tool),
      pressed: tool === props.tool,
      primary: tool === props.tool,
      shortcut: String(i + 1),
    })),
    {
      icon: 'undo',
      label: t('editorUndo'),
      onClick: props.onUndo,
      disabled: !props.canUndo,
      shortcut: 'Control+Z',
      gap: true,
    },
    { icon: 'redo', label: t('editorRedo'), onClick: props.onRedo, disabled: !props.canRedo, shortcut: 'Control+Y' },
    { icon: 'clear', label: t('editorClear'), onClick: props.onClear, disabled: !props.canClear },
    {
      icon: 'keyboard',
      label: t('editorKeyboardHelp'),
      onClick: props.onHelp,
      expanded: props.helpOpen,
      controls: 'shot-hint',
      gap: true,
    },
    { icon: 'expand', label: t('editorFullWindow'), onClick: props.onFull, pressed: props.full },
    { icon: 'remove', label: t('editorRemove'), short: t('editorRemoveShort'), onClick: props.onRemove },
  ];
  const toolIndex = TOOLS.indexOf(props.tool);
  const stop = current !== null && items[current] && !items[current].disabled ? current : toolIndex;

  function onKeyDown(event: KeyboardEvent) {
    const enabled = items.map((item, i) => (item.disabled ? -1 : i)).filter((i) => i >= 0);
    const at = enabled.indexOf(stop);
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? enabled[(at + 1) % enabled.length]
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? enabled[(at - 1 + enabled.length) % enabled.length]
          : event.key === 'Home'
            ? enabled[0]
            : event.key === 'End'
              ? enabled[enabled.length - 1]
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    setCurrent(next);
    bar.current?.querySelectorAll('button')[next]?.focus();
  }

  const buttons: ComponentChildren = items.map((item, i) => (
    <button
      type="button"
      class={`${item.primary ? '' : 'quiet'}${item.gap ? ' gap' : ''}`}
      tabIndex={i === stop ? 0 : -1}
      disabled={item.disabled}
      aria-pressed={item.pressed}
      aria-expanded={item.expanded}
      aria-controls={item.controls}
      aria-keyshortcuts={item.shortcut}
      aria-label={item.short && item.label}
      onFocus={() => setCurrent(i)}
      onClick={item.onClick}
    >
      <Icon name={item.icon} />
      {item.short ?? item.label}
    </button>
  ));
  return (
    <div class="shot-tools" role="toolbar" aria-label={t('editorToolbar')} ref={bar} onKeyDown={onKeyDown}>
      {buttons}
    </div>
  );
}
