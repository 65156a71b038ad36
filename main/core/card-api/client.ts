// The Card API client: validate, serialize once, sign those bytes, journal, send, and settle every write as
// done, failed, pending or unknown-and-being-reconciled (docs/card-api.md, signing, safe retry).
import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { journalParams } from '../journal/redact.ts';
import type { Journal, JournalEntry } from '../journal/index.ts';
import type { EntryState } from '../journal/records.ts';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff.ts';
import { fullPath, isOpId, operations, type OpId, type RequestOf } from '../../../common/card-api/catalog/index.ts';
import { interpret, type Interpretation } from './interpret.ts';
import { recordOutcome } from './journal-outcome.ts';
import type { Outcome, StatusAnswer } from '../../../common/card-api/outcome.ts';
import { prepareCall, type PreparedCall } from './prepare.ts';
import { knownFields } from './known-fields.ts';
import { finishedOutcome, statusAnswerOf } from './request-status.ts';
import { signatureHeaders, type SecretSource } from './signing.ts';
import type { ClientOptions, Connection, SendGate } from './client-options.ts';
import { exchange, targetOf, type Exchange, type Target } from './transport.ts';
import { describeProblems, fieldProblems } from '../../../common/card-api/validation.ts';

export type { ClientOptions, ClientTiming, Connection, SendGate } from './client-options.ts';

export const DEFAULT_DEADLINE_MS = 15_000;

export class CardApiClient {
  readonly connection: Connection;
  private readonly secrets: SecretSource;
  private readonly journal: Journal;
  private readonly deadlineMs: number;
  private readonly pollCeilingMs: number;
  private readonly maxResends: number;
  private readonly readAttempts: number;
  private readonly notReceivedGraceMs: number;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<unknown>;
  private readonly log: ClientOptions['log'];
  private readonly baseUrl: URL;
  /** Each operation's URL and dispatcher, worked out at its first call. */
  private readonly targets = new Map<OpId, Target>();
  /** Writes this process is delivering right now; reconciliation leaves them alone. */
  private readonly inFlight: Set<string>;
  private readonly options: ClientOptions;

  constructor(options: ClientOptions) {
    this.options = options;
    this.connection = options.connection;
    this.secrets = options.secrets;
    this.journal = options.journal;
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.pollCeilingMs = options.pollCeilingMs ?? 30_000;
    this.maxResends = options.maxResends ?? 2;
    this.readAttempts = options.readAttempts ?? 2;
    this.notReceivedGraceMs = options.notReceivedGraceMs ?? 5_000;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? delay;
    this.log = options.log;
    this.baseUrl = new URL(options.connection.baseUrl);
    this.inFlight = options.delivering ?? new Set();
  }

  /** The same client whose exchanges wait for `gate`; it shares this one's writes in flight. */
  gated(gate: SendGate): CardApiClient {
    return new CardApiClient({ ...this.options, delivering: this.inFlight, sendGate: gate });
  }

  /** Validates the caller's body (throws ValidationError naming the field), assigns ids, serializes once. */
  prepare<Id extends OpId>(opId: Id, input: Omit<RequestOf<Id>, 'request_id'>): PreparedCall {
    return prepareCall(opId, input);
  }

  /** Prepares and runs one operation. Validation errors are thrown before anything is sent or journaled. */
  async call<Id extends OpId>(opId: Id, input: Omit<RequestOf<Id>, 'request_id'>): Promise<Outcome> {
    if (operations[opId].access === 'read') return this.read(opId, input);
    return this.execute(this.prepare(opId, input));
  }

  /** A read: no side effects, so each attempt gets fresh ids; every failure is a transport failure. */
  async read<Id extends OpId>(opId: Id, input: Omit<RequestOf<Id>, 'request_id'>): Promise<Outcome> {
    return this.logged(opId, await this.readOnce(opId, input));
  }

  private async readOnce<Id extends OpId>(opId: Id, input: Omit<RequestOf<Id>, 'request_id'>): Promise<Outcome> {
    const op = operations[opId];
    let lastReason = '';
    let key = '';
    for (let attempt = 0; attempt < this.readAttempts; attempt++) {
      if (attempt > 0) await this.sleep(backoffDelay(attempt, { ...DEFAULT_BACKOFF, random: this.random }));
      const prepared = this.prepare(opId, input);
      key = prepared.key;
      const seen = interpret(op.api, await this.send(prepared, await this.sign(prepared)));
      if (seen.kind === 'business') {
        return { kind: 'failed', key, code: seen.code, description: seen.description };
      }
      if (seen.kind === 'ok') {
        const parsed = op.response.safeParse(seen.fields);
        if (parsed.success) return { kind: 'done', key, result: parsed.data };
        lastReason = `unexpected answer: ${describeProblems(fieldProblems(parsed.error))}`;
      } else {
        lastReason = seen.reason;
      }
    }
    return { kind: 'transport', key, reason: lastReason };
  }

  /**
   * A write: journaled before it leaves, its outcome after. `tag` names the work item it belongs to (a bulk
   * job's row and step), so that a resumed job finds it in the journal instead of sending it again.
   */
  async execute(prepared: PreparedCall, options: { tag?: string } = {}): Promise<Outcome> {
    const { key, opId } = prepared;
    // Signing first: a vault that cannot sign refuses before anything is journaled.
    const headers = await this.sign(prepared);
    this.journal.recordIntent({
      key,
      op: opId,
      at: this.now(),
      connection: this.connection,
      bodySha256: createHash('sha256').update(prepared.bytes).digest('hex'),
      params: journalParams(opId, prepared.body),
      deadlineMs: this.deadlineMs,
      ...(options.tag === undefined ? {} : { tag: options.tag }),
    });
    // With group commit the intent shares one fdatasync with every other write in flight.
    await this.journal.durableNow();
    this.inFlight.add(key);
    try {
      const outcome = await this.deliver(prepared, headers);
      recordOutcome(this.journal, outcome, this.now());
      await this.journal.committed(); // shared with the turn's other writes; told to the screens
      return this.logged(opId, outcome);
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** What Request status says about a key. */
  async requestStatus(key: string): Promise<StatusAnswer> {
    // Polls are not logged one by one.
    return statusAnswerOf(await this.readOnce('request.status', { request_id: key }));
  }

  /**
   * Settles one open journal entry through Request status (after a restart or on demand). Entries this
   * client is delivering right now are left alone. With `wait: false` a request still processing is left
   * pending after one look instead of being polled (for a quick pass at start). Returns the state afterwards.
   */
  async reconcile(entry: JournalEntry, { wait = true }: { wait?: boolean } = {}): Promise<EntryState> {
    if (this.inFlight.has(entry.key)) return entry.state;
    const status = await this.requestStatus(entry.key);
    let outcome: Outcome;
    if (status.kind === 'found' && status.requestStatus === 'process' && !wait) {
      outcome = { kind: 'pending', key: entry.key };
    } else if (status.kind === 'found') {
      outcome = await this.fromStatus(entry.key, entry.op, status);
    } else if (status.kind === 'not-found') {
      // Until every copy it may have sent could have arrived, "not found" proves nothing.
      const settled = this.now() > entry.updatedAt + entry.deadlineMs + this.notReceivedGraceMs;
      if (!settled) return entry.state;
      this.journal.recordOutcome({
        key: entry.key,
        at: this.now(),
        state: 'not_received',
        reason: 'the server never received it',
      });
      await this.journal.committed();
      return 'not_received';
    } else {
      return entry.state;
    }
    recordOutcome(this.journal, outcome, this.now());
    await this.journal.committed();
    return this.journal.get(entry.key)?.state ?? entry.state;
  }

  /** The request's headers: signed once over the exact bytes; a re-send reuses them unchanged. */
  private async sign(prepared: PreparedCall): Promise<Record<string, string>> {
    const path = fullPath(prepared.opId);
    const signature = await this.secrets.withSecret((secret) =>
      signatureHeaders(
        { scheme: this.connection.scheme, path, merchantId: this.connection.merchantId, body: prepared.bytes },
        secret,
      ),
    );
    return { 'Content-Type': 'application/json', 'Request-Id': prepared.key, ...signature };
  }

  private send(prepared: PreparedCall, headers: Record<string, string>): Promise<Exchange> {
    let target = this.targets.get(prepared.opId);
    if (target === undefined) {
      target = targetOf(new URL(fullPath(prepared.opId), this.baseUrl));
      this.targets.set(prepared.opId, target);
    }
    const input = { target, headers, body: prepared.bytes, deadlineMs: this.deadlineMs };
    const send = (): Promise<Exchange> => exchange(input);
    return this.options.sendGate?.(send) ?? send();
  }

  /**
   * Sends, and on an unknown outcome asks Request status: a known request adopts the server's truth; one the
   * server never got is re-sent as the same bytes under the same ids (the server rejects a second copy).
   */
  private async deliver(prepared: PreparedCall, headers: Record<string, string>): Promise<Outcome> {
    const { key } = prepared;
    const op = operations[prepared.opId];
    let mayHaveArrived = false;
    for (let resend = 0; ; resend++) {
      const seen: Interpretation = interpret(op.api, await this.send(prepared, headers));
      if (seen.kind === 'ok') return this.accepted(prepared, seen);
      if (seen.kind === 'business') {
        // To a re-sent copy, a refusal may only mean an earlier copy arrived late (the gift API answers a
        // repeated Request-Id with its generic -1): Request status tells which, and its truth wins.
        if (mayHaveArrived) return this.adoptStatus(key, prepared.opId, seen);
        return { kind: 'failed', key, code: seen.code, description: seen.description };
      }
      if (seen.kind === 'refused' && !mayHaveArrived) return { kind: 'transport', key, reason: seen.reason };
      mayHaveArrived = true;
      this.journal.recordOutcome({ key, at: this.now(), state: 'unknown', reason: seen.reason });
      const status = await this.requestStatus(key);
      if (status.kind === 'found') return this.fromStatus(key, prepared.opId, status);
      if (status.kind === 'unreachable')
        return { kind: 'unknown', key, reason: `${seen.reason}; Request status unreachable: ${status.reason}` };
      if (resend >= this.maxResends)
        return { kind: 'unknown', key, reason: `${seen.reason}; not yet known to the server` };
      const wait =
        seen.kind === 'unknown' && seen.retryAfterMs !== undefined
          ? seen.retryAfterMs
          : backoffDelay(resend, { ...DEFAULT_BACKOFF, random: this.random });
      await this.sleep(wait);
    }
  }

  private async accepted(prepared: PreparedCall, seen: Extract<Interpretation, { kind: 'ok' }>): Promise<Outcome> {
    const op = operations[prepared.opId];
    if (op.mode === 'sync') return { kind: 'done', key: prepared.key, result: knownFields(op.response, seen.fields) };
    return this.pollToFinal(prepared.key, prepared.opId);
  }

  private async adoptStatus(
    key: string,
    op: OpId,
    refusal: Extract<Interpretation, { kind: 'business' }>,
  ): Promise<Outcome> {
    const status = await this.requestStatus(key);
    if (status.kind === 'found') return this.fromStatus(key, op, status);
    // Unknown to the server after it answered: the refusal was this copy's own, and nothing happened.
    if (status.kind === 'not-found' && refusal.code !== 'duplicate_request_id')
      return { kind: 'failed', key, code: refusal.code, description: refusal.description };
    return { kind: 'unknown', key, reason: 'an earlier copy arrived but Request status did not answer' };
  }

  /** `op` is the operation of `key` (the caller knows it: no journal read per answer). */
  private async fromStatus(
    key: string,
    op: string,
    status: Extract<StatusAnswer, { kind: 'found' }>,
  ): Promise<Outcome> {
    const finished = finishedOutcome(key, status);
    if (finished === undefined) return this.pollToFinal(key, op);
    const toResult = isOpId(op) ? operations[op].resultFromStatus : undefined;
    return finished.kind === 'done' && toResult !== undefined
      ? { ...finished, result: toResult(finished.result) }
      : finished;
  }

  /**
   * Polls Request status with backoff and jitter until success or error, or leaves it pending at the ceiling.
   * `pending` is journaled once the first look finds it still processing: a write the first look settles goes
   * straight to its outcome, one journal write fewer (until then its entry is open as `sending` or `unknown`,
   * which reconciliation settles the same way).
   */
  private async pollToFinal(key: string, op: string): Promise<Outcome> {
    const giveUpAt = this.now() + this.pollCeilingMs;
    for (let attempt = 0; ; attempt++) {
      const status = await this.requestStatus(key);
      if (status.kind === 'found' && status.requestStatus !== 'process') return this.fromStatus(key, op, status);
      if (attempt === 0) this.journal.recordOutcome({ key, at: this.now(), state: 'pending' });
      const wait = backoffDelay(attempt, { ...DEFAULT_BACKOFF, random: this.random });
      if (this.now() + wait > giveUpAt) return { kind: 'pending', key };
      await this.sleep(wait);
    }
  }

  /** One line per call: operation, id, profile, outcome; never a body or a result. */
  private logged(opId: OpId, outcome: Outcome): Outcome {
    const detail = outcome.kind === 'failed' ? ` ${outcome.code}` : 'reason' in outcome ? ` (${outcome.reason})` : '';
    const who = this.connection.profileId ?? String(this.connection.merchantId);
    this.log?.info(`${opId} ${outcome.key} ${who}: ${outcome.kind}${detail}`);
    return outcome;
  }
}
