/** Tools as toggle buttons, then the edits that act on everything drawn. */
import { t } from '@/utils/extension/i18n';
import type { MessageKey } from '@/utils/core/i18n';
import { TOOLS, type Tool } from '@/utils/core/annotate/shapes';

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
  onTool: (tool: Tool) => void;
  onUndo: () => void;
  onRedo: () => void;
  onClear: () => void;
  onRemove: () => void;
}

export function Toolbar(props: ToolbarProps) {
  return (
    <div class="shot-tools" role="toolbar" aria-label={t('editorToolbar')}>
      {TOOLS.map((tool, i) => (
        <button
          type="button"
          class={tool === props.tool ? '' : 'secondary'}
          aria-pressed={tool === props.tool}
          aria-keyshortcuts={String(i + 1)}
          onClick={() => props.onTool(tool)}
        >
          {t(TOOL_NAMES[tool])}
        </button>
      ))}
      <span class="shot-tools-gap" />
      <button
        type="button"
        class="secondary"
        onClick={props.onUndo}
        disabled={!props.canUndo}
        aria-keyshortcuts="Control+Z"
      >
        {t('editorUndo')}
      </button>
      <button
        type="button"
        class="secondary"
        onClick={props.onRedo}
        disabled={!props.canRedo}
        aria-keyshortcuts="Control+Y"
      >
        {t('editorRedo')}
      </button>
      <button type="button" class="secondary" onClick={props.onClear} disabled={!props.canClear}>
        {t('editorClear')}
      </button>
      <button type="button" class="secondary" onClick={props.onRemove}>
        {t('editorRemove')}
      </button>
    </div>
  );
}
