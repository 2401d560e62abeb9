import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const SHOTS = join(import.meta.dirname, '..', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/** Screenshots of the current page at a phone's width and a desktop's, for a person to look at. */
export async function shoot(p: Page, name: string, fullPage = true) {
  for (const [label, width, height] of [
    ['375', 375, 812],
    ['1280', 1280, 900],
  ] as const) {
    await p.setViewportSize({ width, height });
    // A full-page shot of a scrolled page draws the fixed header mid-page.
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.waitForTimeout(250);
    await p.screenshot({ path: join(SHOTS, `${name}-${label}.png`), fullPage });
  }
  await p.setViewportSize({ width: 1280, height: 900 });
}
