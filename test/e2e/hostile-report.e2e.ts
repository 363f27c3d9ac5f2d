/**
 * Pages that try to change or break their own report: the screenshot is taken before the page can
 * notice anything, and values no page could have cost only their own part of the report.
 */
import { describe, expect, it } from 'vitest';
import { useRig } from '../support/rig';
import { countPixels, delivered, reportOn, SCREENSHOT_RIG, send } from '../support/screenshots';

const rig = useRig(SCREENSHOT_RIG);

describe('a page that changes what it shows when a report starts', () => {
  it('is shown as it was: the screenshot is taken before the page is told anything', async () => {
    const { compose } = await reportOn(rig, 'hostile-flip.html');
    await send(compose, 'The page was red');
    const { image } = await delivered(rig);
    expect(image).not.toBeNull();
    const all = image!.width * image!.height;
    expect(countPixels(image!, [0, 200, 0])).toBe(0);
    expect(countPixels(image!, [220, 0, 0])).toBeGreaterThan(all / 2);
  });
});
