/**
 * Small line icons drawn inline (no icon font, no request). Always decorative: the button or text
 * beside them carries the name, so they are hidden from assistive technology.
 */
const PATHS = {
  highlight: 'M4 6h16v12H4z',
  arrow: 'M5 19 19 5M9 5h10v10',
  text: 'M5 6V4h14v2M12 4v16M9 20h6',
  blackout: 'M4 7h16v10H4z',
  undo: 'M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'm15 14 5-5-5-5M20 9H10a6 6 0 0 0 0 12h3',
  clear: 'M7 21h10M5 13l6-6 7 7-4 4H9z',
  remove: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  keyboard: 'M3 6h18v12H3zM7 10h.01M11 10h.01M15 10h.01M7 14h10',
  expand: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  lock: 'M6 11h12v9H6zM8 11V8a4 4 0 0 1 8 0v3',
  review: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  send: 'M4 12 20 4l-6 16-3-7z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  const filled = name === 'blackout';
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
