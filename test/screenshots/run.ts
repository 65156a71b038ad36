// `npm run screenshots`: every main screen in all five languages at 1366×800 and 1024×700, for people to look
// at (docs/operator-ui.md, frame and navigation), saved as
// test-results/screenshots/<width>x<height>/<language>-<screen>.png. It builds the production renderer, serves
// it from the real preview (a fresh data folder, the embedded sandbox) and drives Debian Chromium through the
// screens of test/e2e/support/main-screens.ts, as the layout test does at 1024×700 on every run.
// `-- --language kk --language ru --size 1024x700` narrows the run. Not a test: CI need not pay for 160 pictures.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import type { CardDeskApi } from '../../common/contract/index.ts';
import { LANGUAGES, type Language } from '../../common/settings/schema.ts';
import { viteBuild } from '../bench/ui-bench-page.ts';
import { mainScreens, seedClientAndCard, settle } from '../e2e/support/main-screens.ts';
import { previewApi, signInAdmin } from '../e2e/support/preview-operators.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.ts';
import { startPreviewProcess } from '../support/preview-links.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'test-results', 'screenshots');
const SIZES = ['1366x800', '1024x700'];

const { values } = parseArgs({
  options: { language: { type: 'string', multiple: true }, size: { type: 'string', multiple: true } },
});
const languages = (values.language ?? LANGUAGES).map((l) => {
  if (!(LANGUAGES as readonly string[]).includes(l)) throw new Error(`a language is one of ${LANGUAGES.join(', ')}`);
  return l as Language;
});
const sizes = (values.size ?? SIZES).map((s) => {
  const [width, height] = s.split('x').map(Number);
  if (!width || !height) throw new Error(`a size is <width>x<height>, not ${s}`);
  return { width, height };
});

async function reload(page: Page, link: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(link);
  await page.getByTestId('active-profile-name').waitFor({ timeout: 30_000 });
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'card-desk-screenshots-'));
  const rendererDir = join(work, 'renderer');
  const dataDir = join(work, 'data');
  mkdirSync(dataDir);
  await viteBuild('vite.renderer.config.ts', rendererDir);
  const preview = startPreviewProcess(rendererDir, dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  let count = 0;
  try {
    const first = await preview.next();
    await signInAdmin(await previewApi(new URL(first).origin, first));
    const page = await browser.newPage({ viewport: sizes[0] });
    page.setDefaultTimeout(30_000);
    await reload(page, await preview.next());
    const screens = mainScreens(await seedClientAndCard(page));
    for (const size of sizes) {
      await page.setViewportSize(size);
      const dir = join(OUT, `${String(size.width)}x${String(size.height)}`);
      mkdirSync(dir, { recursive: true });
      for (const language of languages) {
        await page.evaluate(
          (lng) => (window as unknown as { cardDesk: CardDeskApi }).cardDesk.settings.update({ language: lng }),
          language,
        );
        await reload(page, await preview.next());
        for (const screen of screens) {
          await screen.open(page);
          await settle(page);
          await page.mouse.move(0, 0);
          await page.evaluate(() => {
            window.scrollTo(0, 0);
          });
          await page.screenshot({ path: join(dir, `${language}-${screen.name}.png`), fullPage: true });
          count++;
        }
      }
    }
  } finally {
    await browser.close();
    await preview.stop();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`${String(count)} screenshots in ${OUT}`);
}

await main();
