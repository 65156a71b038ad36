// The leak scan a browser session ends with (docs/card-api.md, sensitive data): what the operator typed or was
// shown during the run must appear nowhere but where it may cross the bridge: not in the data folder, not in the
// preview's output, not in browser storage, not in any other contract call or answer.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { leaksIn, leaksInFiles, type Canaries } from '../../support/leak-scan.ts';
import { recordFigures } from '../../verify/figures.ts';

export interface IpcRecord {
  method: string;
  kind: 'request' | 'response';
  text: string;
}

/**
 * Where a secret may cross the bridge (docs/card-api.md, sensitive data): typed by the operator, a revealed card
 * shown to them, revealed card data they copy (handed to main, which owns the clipboard), or a card number they
 * search for.
 */
const ALLOWED_REQUESTS = new Set([
  'vault.setSecret',
  'cards.setPin',
  'session.createFirstOperator',
  'session.signIn',
  'session.changeSecret',
  'operators.add',
  'operators.resetSecret',
  'kiosk.exit',
  'clipboard.copySecret',
  // A whole card number typed into the search box; main matches it by keyed hash and keeps nothing of it.
  'directory.search',
]);
const ALLOWED_RESPONSES = new Set(['cards.revealSecret']);

/** A request's text without its approval, the one place an approver's secret may cross the bridge. */
function withoutApproval(record: IpcRecord): string {
  if (record.kind !== 'request') return record.text;
  try {
    const body = JSON.parse(record.text) as Record<string, unknown>;
    delete body.approval;
    return JSON.stringify(body);
  } catch {
    return record.text;
  }
}

/** Values the run typed or was shown, which must then appear nowhere else. */
function canariesOf(records: IpcRecord[]): Canaries {
  const exact: string[] = [];
  const pans: string[] = [];
  for (const r of records) {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(r.text) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (r.kind === 'request' && ALLOWED_REQUESTS.has(r.method)) {
      for (const key of ['secret', 'pin', 'newPin', 'currentPin', 'adminPin', 'newSecret', 'currentSecret']) {
        const value = body[key];
        if (typeof value === 'string' && value.length >= 4) exact.push(value);
      }
    }
    // A second operator's secret typed into an approval (dual control) must appear nowhere else either.
    const approval = body.approval as { secret?: unknown } | undefined;
    if (r.kind === 'request' && typeof approval?.secret === 'string') exact.push(approval.secret);
    const value = (body.value ?? {}) as { kind?: string; result?: { pan?: unknown } };
    if (r.kind === 'response' && r.method === 'cards.revealSecret' && typeof value.result?.pan === 'string') {
      pans.push(value.result.pan);
    }
  }
  return { exact, pans };
}

/** What the page keeps in the browser (it should keep nothing), as JSON text; '{}' when the page is gone. */
export function browserStorage(page: Page): Promise<string> {
  return page
    .evaluate(async () => {
      const databases = await indexedDB.databases();
      const caches = await globalThis.caches.keys();
      return JSON.stringify({
        local: Object.fromEntries(Object.entries(localStorage)),
        session: Object.fromEntries(Object.entries(sessionStorage)),
        cookie: document.cookie,
        databases: databases.map((d) => d.name),
        caches,
      });
    })
    .catch(() => '{}');
}

export interface SessionTrace {
  dataDir: string;
  /** Everything the preview process printed. */
  output: string;
  /** browserStorage() of the page before the browser closed. */
  storage: string;
  ipcRecords: IpcRecord[];
}

/** Scans the session's traces, records the `leaks` figure for the test file, and fails on any hit. */
export function expectNoLeaks(trace: SessionTrace): void {
  const { ipcRecords } = trace;
  const canaries = canariesOf(ipcRecords);
  const hits = [
    ...leaksInFiles(trace.dataDir, canaries),
    ...leaksIn(trace.output, canaries).map((h) => `preview output: ${h}`),
    ...(trace.storage === '{"local":{},"session":{},"cookie":"","databases":[],"caches":[]}' || trace.storage === '{}'
      ? []
      : [`browser storage is not empty: ${trace.storage.slice(0, 120)}`]),
    ...ipcRecords
      .filter((r) => !(r.kind === 'request' ? ALLOWED_REQUESTS : ALLOWED_RESPONSES).has(r.method))
      .flatMap((r) => leaksIn(withoutApproval(r), canaries).map((h) => `IPC ${r.method} ${r.kind}: ${h}`)),
  ];
  const name =
    (expect.getState().testPath ?? 'e2e')
      .split('/')
      .pop()
      ?.replace(/\.test\.ts$/, '') ?? 'e2e';
  recordFigures(`leaks-e2e-${name}`, { leaks: hits.length }, [
    `${String(ipcRecords.length)} IPC payloads, ${String(canaries.exact.length)} typed secrets/PINs, ${String(canaries.pans?.length ?? 0)} revealed card numbers scanned for`,
    ...hits.slice(0, 5),
  ]);
  expect(hits).toEqual([]);
}
