// The --state file: loaded and checked at start, saved atomically (temp file + rename) and owner-only, debounced.
// One JSON file rather than a database: docs/card-api.md, retention, says why.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writePrivateFileAtomic } from '../core/private-files.ts';
import {
  cardSchema,
  clientSchema,
  giftCardSchema,
  giftProductSchema,
  limitEntrySchema,
  outboxMessageSchema,
  requestRecordSchema,
  type SandboxState,
} from './model.ts';

const FORMAT = 'card-desk-sandbox-state';
const count = z.int().min(0);

const merchantSchema = z.object({
  id: z.int().positive(),
  clients: z.array(clientSchema),
  cards: z.array(cardSchema),
  /** In arrival order, like the Map they come from (retention.ts relies on it). */
  requests: z.array(requestRecordSchema),
  limits: z.array(z.object({ object: z.string(), entries: z.array(limitEntrySchema) })),
  gift: z.object({ balance: z.number(), products: z.array(giftProductSchema), cards: z.array(giftCardSchema) }),
});

const fileBase = z.object({
  format: z.literal(FORMAT),
  seed: z.string().regex(/^[0-9a-f]{64}$/),
  counters: z.object({ client: count, card: count, gift: count, seq: count }),
  outbox: z.array(outboxMessageSchema),
});

/** Version 2: each Request-Id with the time it was first received, in arrival order. */
const fileSchemaV2 = fileBase.extend({
  version: z.literal(2),
  merchants: z.array(merchantSchema.extend({ request_ids: z.array(z.tuple([z.string(), z.number()])) })),
});
/** Version 1 kept bare Request-Ids, for ever; still read so an existing sandbox world survives the upgrade. */
const fileSchemaV1 = fileBase.extend({
  version: z.literal(1),
  merchants: z.array(merchantSchema.extend({ seen_request_ids: z.array(z.string()) })),
});
const fileSchema = z.discriminatedUnion('version', [fileSchemaV2, fileSchemaV1]);
type StateFileContent = z.infer<typeof fileSchemaV2>;

export function serialize(state: SandboxState): string {
  const content: StateFileContent = {
    format: FORMAT,
    version: 2,
    seed: state.seed,
    counters: state.counters,
    merchants: [...state.merchants.values()].map((m) => ({
      id: m.id,
      clients: [...m.clients.values()],
      cards: [...m.cards.values()],
      requests: [...m.requests.values()],
      request_ids: [...m.seen],
      limits: [...m.limits].map(([object, entries]) => ({ object, entries })),
      gift: { balance: m.gift.balance, products: m.gift.products, cards: [...m.gift.cards.values()] },
    })),
    outbox: state.outbox,
  };
  return JSON.stringify(content);
}

/** `loadedAt`: the clock's time now; version 1 ids count as received then, so they age out one window later. */
export function deserialize(text: string, loadedAt: number): SandboxState {
  const content = fileSchema.parse(JSON.parse(text));
  return {
    seed: content.seed,
    counters: content.counters,
    merchants: new Map(
      content.merchants.map((m) => [
        m.id,
        {
          id: m.id,
          clients: new Map(m.clients.map((c) => [c.client_id, c])),
          cards: new Map(m.cards.map((c) => [c.card_id, c])),
          requests: new Map(m.requests.map((r) => [r.key, r])),
          seen: new Map<string, number>(
            'request_ids' in m ? m.request_ids : m.seen_request_ids.map((id) => [id, loadedAt]),
          ),
          limits: new Map(m.limits.map((l) => [l.object, l.entries])),
          gift: {
            balance: m.gift.balance,
            products: m.gift.products,
            cards: new Map(m.gift.cards.map((c) => [c.card_id, c])),
          },
        },
      ]),
    ),
    outbox: content.outbox,
  };
}

export class StateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateFileError';
  }
}

/** Undefined when there is no file yet; throws StateFileError (and leaves the file alone) when it is unusable. */
export function loadState(file: string, loadedAt: number): SandboxState | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return deserialize(readFileSync(file, 'utf8'), loadedAt);
  } catch (error) {
    const issue = error instanceof z.ZodError ? error.issues[0] : undefined;
    const reason =
      issue !== undefined
        ? `unexpected content at ${issue.path.map(String).join('.') || '(top)'}: ${issue.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new StateFileError(
      `sandbox state file ${file} is not usable (${reason}); refusing to start so it is not overwritten`,
    );
  }
}

export function saveState(file: string, state: SandboxState): void {
  mkdirSync(dirname(file), { recursive: true });
  writePrivateFileAtomic(file, serialize(state));
}

/** Coalesces saves: many changes within `delayMs` cost one write. */
export class DebouncedSaver {
  readonly #save: () => void;
  readonly #delayMs: number;
  #timer: NodeJS.Timeout | undefined;
  #onError: (error: unknown) => void;

  constructor(save: () => void, delayMs: number, onError: (error: unknown) => void) {
    this.#save = save;
    this.#delayMs = delayMs;
    this.#onError = onError;
  }

  schedule(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      try {
        this.#save();
      } catch (error) {
        this.#onError(error);
      }
    }, this.#delayMs);
    this.#timer.unref();
  }

  /** Writes now, whether or not a save was due. */
  flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#save();
  }
}
