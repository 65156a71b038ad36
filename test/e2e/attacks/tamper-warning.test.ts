// Attack: someone with the data folder changes one byte of one audit record while Card Desk is closed. The app
// verifies the chain at start and warns above every screen, naming the record (docs/architecture.md, "The audit
// chain"; docs/operator-ui.md).
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../../main/core/journal/index.ts';
import { attack } from '../../support/attack.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { openApp, openPreview, type PreviewSession } from '../support/preview-session.ts';

const dataDir = tempDir('card-desk-e2e-tamper-');
const sessions: PreviewSession[] = [];

afterAll(async () => {
  for (const session of sessions) await session.close();
});

describe('a record changed at rest', () => {
  it('warns at start, naming the record', () =>
    attack('audit chain: one byte of an audit record changed while the app was closed', async () => {
      // A first run writes a history: the test administrator's first start and sign-in are audited.
      const first = await openPreview({ dataDir });
      sessions.push(first);
      const page = await openApp(first);
      expect(await page.getByTestId('chain-broken').count()).toBe(0);
      await first.close();
      sessions.pop();

      const db = new DatabaseSync(join(dataDir, JOURNAL_FILE));
      const row = db.prepare("SELECT seq, key, details FROM audit WHERE action = 'operator.add' LIMIT 1").get() as {
        seq: number;
        key: string;
        details: string;
      };
      db.prepare('UPDATE audit SET details = ? WHERE seq = ?').run(row.details.replace('admin', 'admim'), row.seq);
      db.close();

      const second = await openPreview({ dataDir });
      sessions.push(second);
      const again = await openApp(second);
      const warning = again.getByTestId('chain-broken');
      await warning.waitFor({ timeout: 20_000 });
      expect(await warning.textContent()).toContain(row.key);
    }));
});
