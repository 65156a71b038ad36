// Fault injection (docs/card-api.md, sandbox): a queue of one-shot rules plus a latency for every API request.
import { z } from 'zod';
import { isOpId, type OpId } from '../../common/card-api/catalog/index.ts';

export const FAULT_KINDS = [
  'timeout_after_commit',
  'reset_before_commit',
  'reset_after_commit',
  'http_500',
  'http_429',
  'malformed_json',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Kinds that stop a request before anything is recorded; the others act on the answer of a handled request. */
export const BEFORE_COMMIT: ReadonlySet<FaultKind> = new Set(['reset_before_commit', 'http_500', 'http_429']);

export const faultRuleSchema = z.strictObject({
  op: z.string().refine((op) => op === '*' || isOpId(op), 'an operation id (e.g. card.activate) or *'),
  kind: z.enum(FAULT_KINDS),
  count: z.int().min(1).max(1_000_000).optional(),
});
export type FaultRule = z.infer<typeof faultRuleSchema>;

/** The body of POST /_sandbox/faults; also what setFaults() takes. */
export const faultConfigSchema = z.strictObject({
  latency_ms: z.int().min(0).max(600_000).optional(),
  next: z.array(faultRuleSchema).max(1000).optional(),
});
export type FaultConfig = z.infer<typeof faultConfigSchema>;

/** `<op>:<kind>[:<count>]`, the --fault flag; a string is the one-line complaint. */
export function parseFaultFlag(text: string): FaultRule | string {
  const match = /^([^:]+):([^:]+)(?::(\d+))?$/.exec(text);
  const where = `--fault ${JSON.stringify(text)}`;
  if (match === null) return `${where}: expected <op>:<kind>[:<count>]`;
  const [, op = '', kind = '', count] = match;
  if (op !== '*' && !isOpId(op))
    return `${where}: unknown operation ${JSON.stringify(op)} (an op id such as card.activate, or *)`;
  if (!(FAULT_KINDS as readonly string[]).includes(kind))
    return `${where}: unknown kind ${JSON.stringify(kind)} (one of ${FAULT_KINDS.join(', ')})`;
  const parsed = faultRuleSchema.safeParse({ op, kind, count: count === undefined ? undefined : Number(count) });
  return parsed.success ? parsed.data : `${where}: count must be from 1 to 1000000`;
}

export class Faults {
  latencyMs = 0;
  /** How many faults of each kind were injected so far (tests prove a fault really fired). */
  readonly injected: Partial<Record<FaultKind, number>> = {};
  #rules: { op: FaultRule['op']; kind: FaultKind; left: number }[] = [];

  /** Replaces the whole configuration: what is not given is off. */
  set(config: FaultConfig): void {
    this.latencyMs = config.latency_ms ?? 0;
    this.#rules = (config.next ?? []).map((r) => ({ op: r.op, kind: r.kind, left: r.count ?? 1 }));
  }

  clear(): void {
    this.set({});
  }

  /** The first rule matching `op` is used once; rules are consumed in order. */
  take(op: OpId): FaultKind | undefined {
    const index = this.#rules.findIndex((r) => r.op === '*' || r.op === op);
    const rule = this.#rules[index];
    if (rule === undefined) return undefined;
    rule.left -= 1;
    if (rule.left <= 0) this.#rules.splice(index, 1);
    this.injected[rule.kind] = (this.injected[rule.kind] ?? 0) + 1;
    return rule.kind;
  }

  describe(): FaultConfig {
    return { latency_ms: this.latencyMs, next: this.#rules.map((r) => ({ op: r.op, kind: r.kind, count: r.left })) };
  }
}
