// Screenshots of every main screen in all five languages at 1366×800 and 1024×700, for people to look at
// (docs/operator-ui.md, frame and navigation): test-results/screenshots/<width>x<height>/<language>-<screen>.png.
// Only with SCREENSHOTS=1 (`SCREENSHOTS=1 npx vitest run --project e2e test/e2e/screenshots.test.ts`): 160
// pictures take minutes that CI need not pay for; the layout test checks 1024×700 on every run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { CardDeskApi } from '../../common/contract/index.ts';
import { mainScreens, seedClientAndCard, settle, type Seeded } from './support/main-screens.ts';
import { openPreview, ROOT, type PreviewSession } from './support/preview-session.ts';

const OUT = join(ROOT, 'test-results', 'screenshots');
const LANGUAGES = ['en', 'ru', 'kk', 'ky', 'uz'] as const;
const SIZES = [
  { width: 1366, height: 800 },
  { width: 1024, height: 700 },
] as const;

let session: PreviewSession;
let page: Page;
let seed: Seeded;

async function reload(): Promise<void> {
  await page.goto('about:blank');
  await page.goto(await session.link());
  await page.getByTestId('active-profile-name').waitFor({ timeout: 15_000 });
}

describe.skipIf(process.env.SCREENSHOTS !== '1')('screenshots', () => {
  beforeAll(async () => {
    session = await openPreview({ viewport: SIZES[0] });
    page = session.page;
    page.setDefaultTimeout(15_000);
    await reload();
    seed = await seedClientAndCard(page);
  });

  afterAll(async () => {
    await session.close();
  });

  it('of every main screen, in every language, at both sizes', { timeout: 900_000 }, async () => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const dir = join(OUT, `${String(size.width)}x${String(size.height)}`);
      mkdirSync(dir, { recursive: true });
      for (const language of LANGUAGES) {
        await page.evaluate(
          (lng) => (window as unknown as { cardDesk: CardDeskApi }).cardDesk.settings.update({ language: lng }),
          language,
        );
        await reload();
        for (const screen of mainScreens(seed)) {
          await screen.open(page);
          await settle(page);
          await page.mouse.move(0, 0);
          await page.evaluate(() => {
            window.scrollTo(0, 0);
          });
          await page.screenshot({ path: join(dir, `${language}-${screen.name}.png`), fullPage: true });
        }
      }
    }
  });
});
