// Synthetic journals for `npm run bench:journal` and the crash loop: a journal.db of N operations written
// straight through the journal's own row statements (fast, one transaction per 50,000), and an earlier
// version's journal.jsonl of N operations for the import. Operations spread over three years; a few dozen stay open.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { JOURNAL_FILE } from '../../main/core/journal/journal.ts';
import { JOURNAL_JSONL } from '../../main/core/journal/jsonl.ts';
import type { IntentRecord, OutcomeRecord } from '../../main/core/journal/records.ts';
import { INSERT_INTENT, intentValues, outcomeValues, UPDATE_OUTCOME } from '../../main/core/journal/rows.ts';
import { createSchema, prepareConnection } from '../../main/core/journal/schema.ts';

const OPS = ['client.create', 'card.issue', 'card.activate', 'card.block', 'card.issuePlastic', 'gift.issue'];
const PROFILES = ['kz-almaty', 'kg-bishkek', 'uz-tashkent'];
const START = Date.UTC(2024, 0, 1);
const SPAN_MS = 3 * 365 * 24 * 3600 * 1000;
const OPEN_EVERY = 25_000;

export function syntheticOperation(
  i: number,
  n: number,
): { intent: Omit<IntentRecord, 'type'>; outcome?: Omit<OutcomeRecord, 'type'> } {
  const at = START + Math.floor((i / n) * SPAN_MS);
  const key = `bench-${String(i).padStart(8, '0')}-${((i * 2654435761) >>> 0).toString(16)}`;
  const profileId = PROFILES[Math.floor(i / 7) % PROFILES.length] ?? 'kz-almaty';
  const op = OPS[(i * 7) % OPS.length] ?? 'card.issue';
  const intent = {
    key,
    op,
    at,
    connection: { baseUrl: 'https://api.example.test/', merchantId: 606, scheme: 'sha256-body' as const, profileId },
    bodySha256: 'ab'.repeat(32),
    params: { request_id: key, client_id: `cl-${String(i % 90_000)}`, card_id: `c-${String(i)}`, phone: '*******4567' },
    deadlineMs: 15_000,
    ...(i % 2 === 0 ? { tag: `bulk:job-${String(Math.floor(i / 20_000))}:${String(i % 20_000)}:card` } : {}),
  };
  if (i % OPEN_EVERY === 0) return { intent, outcome: { key, at: at + 50, state: 'unknown', reason: 'timeout' } };
  const failed = i % 50 === 0;
  return {
    intent,
    outcome: failed
      ? {
          key,
          at: at + 300,
          state: 'failed',
          error: { code: 'invalid_card_state', description: 'the card is blocked' },
        }
      : { key, at: at + 300, state: 'done', result: { request_status: 'success', card_id: `c-${String(i)}` } },
  };
}

export function fillStore(dataDir: string, n: number): void {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, JOURNAL_FILE));
  prepareConnection(db);
  createSchema(db);
  const intent = db.prepare(INSERT_INTENT);
  const update = db.prepare(UPDATE_OUTCOME);
  for (let start = 0; start < n; start += 50_000) {
    db.exec('BEGIN');
    for (let i = start; i < Math.min(n, start + 50_000); i++) {
      const op = syntheticOperation(i, n);
      intent.run(...intentValues(op.intent));
      if (op.outcome !== undefined) {
        update.run(...outcomeValues(op.outcome));
      }
    }
    db.exec('COMMIT');
  }
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
}

export async function writeJsonl(dataDir: string, n: number): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const out = createWriteStream(join(dataDir, JOURNAL_JSONL));
  let chunk = '';
  for (let i = 0; i < n; i++) {
    const op = syntheticOperation(i, n);
    chunk += `${JSON.stringify({ type: 'intent', ...op.intent })}\n`;
    if (op.outcome !== undefined) chunk += `${JSON.stringify({ type: 'outcome', ...op.outcome })}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk))
        await new Promise<void>((resolve) =>
          out.once('drain', () => {
            resolve();
          }),
        );
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(resolve);
  });
}
