/**
 * Annotating the screenshot before it is sent: highlight, arrow, text label, black-out, with undo,
 * redo, clear and removal. The model lives in utils/annotate; this renders it and dispatches.
 * Every edit hands the flattened image (or null once removed) to onChange.
 */
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import { inertOutside } from '@/utils/ui/inert-outside';
import type { MessageKey } from '@/utils/core/i18n';
import type { Flattened } from '@/utils/core/annotate/flatten';
import { canRedo, canUndo, edit, emptyHistory } from '@/utils/core/annotate/history';
import { shapeFromDrag, textShape, type Point, type Shape, type Tool } from '@/utils/core/annotate/shapes';
import { DrawingArea } from './DrawingArea';
import { flattenOnPage, loadImage } from './image';
import { LabelField } from './LabelField';
import { Toolbar } from './Toolbar';
import './editor.css';

export type EditorImage = Flattened;

export interface ScreenshotEditorProps {
  image: EditorImage;
  onChange: (result: EditorImage | null) => void;
}

const ADDED: Record<Shape['kind'], MessageKey> = {
  highlight: 'editorAddedHighlight',
  arrow: 'editorAddedArrow',
  text: 'editorAddedText',
  blackout: 'editorAddedBlackout',
};

export function ScreenshotEditor({ image, onChange }: ScreenshotEditorProps) {
  const [history, dispatch] = useReducer(edit, emptyHistory);
  const [tool, setTool] = useState<Tool>('highlight');
  const [labelAt, setLabelAt] = useState<Point | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [img, setImg] = useState<HTMLImageElement | null>(null);
  const [broken, setBroken] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  // A larger view on demand: the editor fills the window until Escape or the same button.
  const [full, setFull] = useState(false);
  const area = useRef<HTMLDivElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const { shapes, removed } = history.present;
  const size = { width: image.width, height: image.height };

  useEffect(() => {
    loadImage(image.dataUrl).then(setImg, () => setBroken(true));
  }, [image.dataUrl]);

  // Every change after the first render, undoing back to the start included.
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) return void (mounted.current = true);
    if (removed) onChange(null);
    else if (img) onChange(flattenOnPage(img, image, shapes));
  }, [history.present]);

  const focusArea = () => area.current?.querySelector<HTMLElement>('.shot-area')?.focus();

  // The full-window view is a modal dialog: the page behind is inert, focus moves in (to the
  // drawing area) and, when the view closes, back to where it was (the Full window button).
  useEffect(() => {
    const editor = area.current;
    if (!full || !editor) return;
    const opener = editor.ownerDocument.activeElement as HTMLElement | null;
    const restore = inertOutside(editor);
    document.documentElement.classList.add('shot-full-open');
    focusArea();
    // On the document, so that Escape works wherever focus is; a drawing or a label takes it first.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setFull(false);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.documentElement.classList.remove('shot-full-open');
      restore();
      if (opener?.isConnected) opener.focus();
    };
  }, [full]);

  // The button pressed disappears with the view: focus follows to the view that replaces it.
  const wasRemoved = useRef(false);
  useEffect(() => {
    if (removed) undoButton.current?.focus();
    else if (wasRemoved.current) focusArea();
    wasRemoved.current = removed;
  }, [removed]);

  function add(shape: Shape | null) {
    if (!shape) return setAnnouncement(t('editorTooSmall'));
    dispatch({ type: 'add', shape });
    setAnnouncement(t(ADDED[shape.kind]));
  }

  function step(type: 'undo' | 'redo' | 'clear' | 'remove') {
    if ((type === 'undo' && !canUndo(history)) || (type === 'redo' && !canRedo(history))) return;
    dispatch({ type });
    if (type === 'remove') setFull(false);
    const words: Record<typeof type, MessageKey> = {
      undo: 'editorUndone',
      redo: 'editorRedone',
      clear: 'editorCleared',
      remove: 'editorRemoved',
    };
    setAnnouncement(t(words[type]));
  }

  function labelDone(text: string | null) {
    if (text !== null && labelAt) add(textShape(labelAt, text));
    setLabelAt(null);
    focusArea();
  }

  const live = (
    <p class="shot-live" aria-live="polite">
      {announcement}
    </p>
  );
  if (removed)
    return (
      <section class="shot-editor">
        <p>{t('editorRemovedLong')}</p>
        <button type="button" class="secondary" ref={undoButton} onClick={() => step('undo')}>
          {t('editorUndo')}
        </button>
        {live}
      </section>
    );
  if (broken) return <p role="alert">{t('editorBroken')}</p>;
  return (
    <section
      class={`shot-editor${full ? ' full' : ''}`}
      ref={area}
      role={full ? 'dialog' : undefined}
      aria-modal={full ? 'true' : undefined}
      aria-label={full ? t('editorFullWindowDialog') : undefined}
      aria-describedby={full ? 'shot-full-hint' : undefined}
    >
      <Toolbar
        tool={tool}
        canUndo={canUndo(history)}
        canRedo={canRedo(history)}
        canClear={shapes.length > 0}
        helpOpen={helpOpen}
        full={full}
        onTool={setTool}
        onUndo={() => step('undo')}
        onRedo={() => step('redo')}
        onClear={() => step('clear')}
        onRemove={() => step('remove')}
        onHelp={() => setHelpOpen((open) => !open)}
        onFull={() => setFull((on) => !on)}
      />
      {/* Hidden until asked for; the drawing area still names it as its description. */}
      <p class="hint shot-help" id="shot-hint" hidden={!helpOpen}>
        {t('editorHint')}
      </p>
      {full && (
        <p class="hint" id="shot-full-hint">
          {t('editorFullWindowHint')}
        </p>
      )}
      {labelAt && <LabelField onDone={labelDone} />}
      <DrawingArea
        img={img}
        size={size}
        shapes={shapes}
        tool={tool}
        labelAt={labelAt}
        describedBy="shot-hint"
        tall={image.height > image.width * 2}
        onPlace={(from, to) => tool !== 'text' && add(shapeFromDrag(tool, from, to))}
        onLabel={setLabelAt}
        onTool={setTool}
        onHistory={step}
        onAnnounce={setAnnouncement}
      />
      {live}
    </section>
  );
}
