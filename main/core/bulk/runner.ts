// Runs bulk jobs with bounded concurrency, exactly once across crashes.
// Every write of a row is sent with a journal tag `bulk:<job>:<row>:<step>`. A resumed job (after pause, a
// restart or a SIGKILL) asks the journal before sending: a step that is done is not sent again; one whose
// outcome is open is settled through Request status (CardApiClient.reconcile); only a step the server
// provably never received (not_received) is sent anew. results.jsonl is a cache of finished rows.
import { setTimeout as delay } from 'node:timers/promises';
import type { CardApiClient } from '../card-api/client.ts';
import type { OpId, RequestOf } from '../../../common/card-api/catalog/index.ts';
import { DeskError } from '../errors.ts';
import type { Journal, JournalEntry } from '../journal/index.ts';
import { isFinal } from '../journal/journal.ts';
import type { JobMeta, JobStore, RowResult } from './job-store.ts';
import { RateMeter, type BulkProgress } from '../../../common/bulk/progress.ts';
import { progressOf, type JobRunner } from './runner-types.ts';
import { sendGate } from './send-gate.ts';
import type { RowInput, ValidRow } from './validate.ts';
import { runAs, type Actor } from '../operators/actor.ts';

function actorOf(meta: { operatorId?: string; approverId?: string }): Actor {
  return {
    operatorId: meta.operatorId ?? '',
    ...(meta.approverId === undefined ? {} : { approverId: meta.approverId }),
  };
}

export interface RunnerDeps {
  store: JobStore;
  journal: Journal;
  client: (profileId: string) => Promise<CardApiClient>;
  assertAllowed: (profileId: string, opId: OpId) => void;
  onProgress?: (progress: BulkProgress) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<unknown>;
  /** How long a row keeps settling an open outcome before it is left for the next resume. */
  settleTimeoutMs?: number;
}

type StepResult =
  | { kind: 'done'; result: Record<string, unknown> }
  | { kind: 'failed'; code: string; message: string }
  | { kind: 'open'; reason: string }
  | { kind: 'unreachable'; reason: string };

/** Rows worked on at once per request slot at the bank. */
const ROWS_PER_SLOT = 2;

/** The job stops by itself, leaving the row for a resume: the bank is not reached, or an outcome is still open. */
class Halt extends Error {}

interface Control {
  pause: boolean;
  cancel: boolean;
  /** The process is closing: stop like a pause but leave the job `running`, to resume at the next start. */
  stop: boolean;
  halt?: string;
  done: Promise<JobMeta>;
}

const PROGRESS_EVERY_MS = 250;

function str(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function cardIds(result: Record<string, unknown>): string[] {
  const cards = result.cards;
  if (!Array.isArray(cards)) return [];
  return cards
    .map((c: unknown) => str((c as Record<string, unknown> | null)?.card_id))
    .filter((id) => id !== undefined);
}

export class BulkRunner implements JobRunner {
  private readonly deps: RunnerDeps;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<unknown>;
  private readonly controls = new Map<string, Control>();

  constructor(deps: RunnerDeps) {
    this.deps = deps;
    this.now = deps.now ?? Date.now;
    this.sleep = deps.sleep ?? delay;
  }

  isRunning(jobId: string): boolean {
    return this.controls.has(jobId);
  }

  /** Runs (or resumes) a job until it completes, is paused or cancelled, or halts; resolves with its meta. */
  run(jobId: string): Promise<JobMeta> {
    const running = this.controls.get(jobId);
    if (running) return running.done;
    const meta = this.deps.store.meta(jobId); // an unknown job is refused here, typed (bulk_job_not_found)
    const unlock = this.deps.store.lock(jobId);
    const control: Control = { pause: false, cancel: false, stop: false, done: Promise.resolve(undefined as never) };
    // As the operator who started the job, in whatever process runs or resumes it (operators/actor.ts).
    const execute = () => this.execute(jobId, control);
    const started = meta.operatorId === undefined ? execute() : runAs(actorOf(meta), execute);
    control.done = started.finally(() => {
      this.controls.delete(jobId);
      unlock();
    });
    this.controls.set(jobId, control);
    return control.done;
  }

  /** Rows in flight finish; no new row starts. */
  pause(jobId: string): void {
    const control = this.controls.get(jobId);
    if (control) control.pause = true;
  }

  cancel(jobId: string): void {
    const control = this.controls.get(jobId);
    if (control) control.cancel = true;
  }

  /** Lets every running job finish its rows in flight and stop, still marked running; resolves when they have. */
  async stopAll(): Promise<void> {
    const running = [...this.controls.values()];
    for (const control of running) control.stop = true;
    await Promise.allSettled(running.map((c) => c.done));
  }

  progressOf(meta: JobMeta, results: Map<number, RowResult>, rate: number | null, reason?: string): BulkProgress {
    return progressOf(meta, results, rate, reason);
  }

  private async execute(jobId: string, control: Control): Promise<JobMeta> {
    const { store } = this.deps;
    let meta = store.meta(jobId);
    if (meta.state === 'completed' || meta.state === 'cancelled') return meta;
    store.clearCancel(jobId);
    meta = { ...meta, state: 'running', updatedAt: this.now() };
    store.save(meta);
    // The job's concurrency bounds its requests at the bank. More rows than that are worked on at once, so
    // that journaling a row's next step overlaps other rows' requests instead of idling a slot (docs/bulk.md).
    const client = (await this.deps.client(meta.profileId)).gated(sendGate(meta.concurrency));
    const rows = store.rows(jobId);
    const results = store.results(jobId);
    const tagged = this.taggedEntries(jobId);
    const queue = rows.filter((r) => !results.has(r.row));
    const resultFile = store.resultWriter(jobId);
    const rate = new RateMeter(this.now());
    let lastEmit = 0;
    const emit = (force = false): void => {
      const now = this.now();
      if (!force && now - lastEmit < PROGRESS_EVERY_MS) return;
      lastEmit = now;
      this.deps.onProgress?.(this.progressOf(meta, results, rate.perMinute(now), control.halt));
    };
    emit(true);

    const worker = async (): Promise<void> => {
      for (;;) {
        if (control.pause || control.cancel || control.stop || control.halt !== undefined) return;
        if (store.cancelRequested(jobId)) {
          control.cancel = true;
          return;
        }
        const next = queue.shift();
        if (next === undefined) return;
        try {
          const result = await this.runRow(jobId, meta, client, next, tagged, () => control.stop);
          resultFile.append(result);
          results.set(result.row, result);
          rate.mark(this.now());
          emit();
        } catch (error) {
          if (!(error instanceof Halt)) throw error;
          control.halt ??= error.message;
        }
      }
    };
    const workers = Math.min(meta.concurrency * ROWS_PER_SLOT, Math.max(1, queue.length));
    try {
      await Promise.all(Array.from({ length: workers }, worker));
    } finally {
      resultFile.close();
    }

    const state: JobMeta['state'] =
      results.size === meta.total ? 'completed' : control.cancel ? 'cancelled' : control.stop ? 'running' : 'paused';
    meta = { ...meta, state, updatedAt: this.now() };
    store.save(meta);
    emit(true);
    return meta;
  }

  /** The latest journal entry of each of this job's tags (a step sent anew after not_received has two). */
  private taggedEntries(jobId: string): Map<string, JournalEntry> {
    const out = new Map<string, JournalEntry>();
    // Oldest first: a later entry of the same tag replaces an earlier one.
    for (const entry of this.deps.journal.byTagPrefix(`bulk:${jobId}:`)) {
      if (entry.tag !== undefined) out.set(entry.tag, entry);
    }
    return out;
  }

  private async runRow(
    jobId: string,
    meta: JobMeta,
    client: CardApiClient,
    row: ValidRow,
    tagged: Map<string, JournalEntry>,
    stopping: () => boolean,
  ): Promise<RowResult> {
    const input: RowInput = row.input;
    const tag = (step: string): string => `bulk:${jobId}:${String(row.row)}:${step}`;
    const run = <Id extends OpId>(step: string, opId: Id, body: Omit<RequestOf<Id>, 'request_id'>) => {
      this.deps.assertAllowed(meta.profileId, opId);
      return this.step(client, tag(step), tagged.get(tag(step)), opId, body, stopping);
    };
    const failed = (code: string, message: string, extra: Partial<RowResult> = {}): RowResult => ({
      row: row.row,
      status: 'failed',
      ...extra,
      error: { code, message },
    });

    if (input.format === 'cards') {
      const issued = await run('bulk', 'card.issueBulk', { product_id: input.productId, quantity: input.quantity });
      if (issued.kind === 'failed') return failed(issued.code, issued.message);
      const cards = await this.masks(client, cardIds(issued.result));
      return { row: row.row, status: 'done', cards };
    }

    const created = await run('client', 'client.create', input.draft);
    if (created.kind === 'failed') return failed(created.code, created.message);
    const clientId = str(created.result.client_id);
    if (clientId === undefined) return failed('no_client_id', 'the bank answered without a client id');
    const card =
      input.card.kind === 'virtual'
        ? await run('card', 'card.issue', { client_id: clientId })
        : await run('card', 'card.issuePlastic', {
            client_id: clientId,
            embossed_name: input.card.embossedName,
            ...(input.card.branchId === undefined ? {} : { branch_id: input.card.branchId }),
          });
    if (card.kind === 'failed') return failed(card.code, card.message, { clientId });
    return { row: row.row, status: 'done', clientId, cards: await this.masks(client, cardIds(card.result)) };
  }

  /** Masked numbers for the result file (reads: safe to repeat); a card whose read fails keeps its id only. */
  private async masks(client: CardApiClient, ids: string[]): Promise<NonNullable<RowResult['cards']>> {
    const out: NonNullable<RowResult['cards']> = [];
    for (const cardId of ids) {
      const info = await client.read('card.info', { card_id: cardId });
      const mask =
        info.kind === 'done' ? str((info.result.card as Record<string, unknown> | undefined)?.card_mask) : undefined;
      out.push({ cardId, ...(mask === undefined ? {} : { cardMask: mask }) });
    }
    return out;
  }

  /** One write of a row, exactly once: reuse what the journal knows, settle what is open, send only if never received. */
  private async step<Id extends OpId>(
    client: CardApiClient,
    tag: string,
    known: JournalEntry | undefined,
    opId: Id,
    body: Omit<RequestOf<Id>, 'request_id'>,
    stopping: () => boolean,
  ): Promise<Extract<StepResult, { kind: 'done' | 'failed' }>> {
    let entry = known;
    const giveUpAt = this.now() + (this.deps.settleTimeoutMs ?? 120_000);
    for (let attempt = 0; ; attempt++) {
      if (entry === undefined || entry.state === 'not_received') {
        const outcome = await client.execute(client.prepare(opId, body), { tag });
        if (outcome.kind === 'done') return { kind: 'done', result: outcome.result };
        if (outcome.kind === 'failed') return { kind: 'failed', code: outcome.code, message: outcome.description };
        if (outcome.kind === 'transport') throw new Halt(`the bank was not reached: ${outcome.reason}`);
        entry = this.deps.journal.get(outcome.key);
        continue;
      }
      if (entry.state === 'done') return { kind: 'done', result: entry.result ?? {} };
      if (entry.state === 'failed') {
        return { kind: 'failed', code: entry.error?.code ?? 'failed', message: entry.error?.description ?? '' };
      }
      // Open (sending, pending, unknown): ask the bank what became of it.
      const state = await client.reconcile(entry);
      entry = this.deps.journal.get(entry.key);
      if (entry === undefined) throw new DeskError('internal_error', `journal lost ${tag}`);
      if (isFinal(state)) continue;
      if (this.now() > giveUpAt) throw new Halt(`outcomes still unknown (${tag}); resume later to settle them`);
      // Closing the process does not wait for a bank that does not answer: the row is settled at the next start.
      if (stopping()) throw new Halt('stopped while an outcome was being settled');
      await this.sleep(Math.min(5_000, 250 * 2 ** Math.min(attempt, 5)));
    }
  }
}
