/**
 * Run by scripting.executeScript in the reported tab's isolated world before the screenshot:
 * resolves once the page is visible and has painted a frame (a tab brought to the front paints on
 * its next frames). Self-contained, as executeScript sends the function's source alone; animation
 * frames and visibility events tell the page nothing.
 */
export function paintedFrame(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    const paint = () =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          clearTimeout(timer);
          resolve();
        }),
      );
    if (document.visibilityState === 'visible') paint();
    else document.addEventListener('visibilitychange', paint, { once: true });
  });
}
