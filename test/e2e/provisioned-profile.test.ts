// Browser test of a profile the administrator provisioned (the CLI's import): its connection shows locked with
// its source, and the form still saves what the operator may change (docs/provisioning.md).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';
import { openApp, openAppIn, openPreview, openWithShortcut, type PreviewSession } from './support/preview-session.ts';

let session: PreviewSession;
let page: Page;

const BRANCH = {
  id: 'sb-branch',
  name: 'Branch sandbox',
  region: 'sandbox',
  environment: 'sandbox',
  baseUrl: 'http://127.0.0.1:9/',
  merchantId: 42,
  scheme: 'jws-hs512',
};

beforeAll(async () => {
  const dataDir = tempDir('card-desk-e2e-provisioned-');
  const file = join(dataDir, 'branch.json');
  writeFileSync(file, JSON.stringify({ version: 1, profiles: [BRANCH] }));
  const imported = await runCli(['profile', 'import', file, '--data-dir', dataDir]);
  if (imported.code !== 0) throw new Error(`provisioning: ${imported.stderr}`);
  session = await openPreview({ dataDir });
  page = session.page;
});

afterAll(async () => {
  await session.close();
});

const row = (profileId: string) => page.locator(`[data-testid="profile-row"][data-profile-id="${profileId}"]`);

describe('A provisioned profile', () => {
  it('shows its connection locked with its source, and saves a new name only', async () => {
    await openApp(session);
    await openAppIn(session, 'en');
    await openWithShortcut(page, 'settings');
    await page.getByTestId('settings-tab-profiles').click();
    await row(BRANCH.id).getByTestId('profile-edit').click();
    const form = page.getByTestId('profile-form');
    const lock = form.getByTestId('profile-connection-lock');
    await expect.poll(() => lock.isVisible()).toBe(true);
    expect(await lock.getAttribute('data-source')).toBe('provisioned');
    expect(await lock.textContent()).toContain('Set by the provisioning file');
    expect(await form.getByTestId('profile-base-url').getAttribute('readonly')).not.toBeNull();
    expect(await form.getByTestId('profile-merchant-id').getAttribute('readonly')).not.toBeNull();
    for (const field of ['profile-region', 'profile-environment', 'profile-scheme']) {
      expect(await form.getByTestId(field).locator('option').count()).toBe(1);
    }
    await form.getByTestId('profile-name').fill('Branch sandbox 2');
    await form.getByTestId('profile-save').click();
    await expect.poll(() => row(BRANCH.id).getByTestId('profile-row-name').textContent()).toBe('Branch sandbox 2');
  });
});
