// Repeats of one refused approval are folded in the audit (docs/architecture.md, operators and roles). A
// signed-in operator can send the same refused approval as fast as the bridge carries it (their own id is refused
// before any secret is checked, a locked-out approver at once), and each would be an audit record: one record a
// minute per kind of refusal, with how many like it were refused since the record before, keeps the trail whole
// and its size bounded. The keys are bounded too: maker, method, an approver that is an account (or none), code.

export const FOLD_MS = 60_000;

export class RefusalFold {
  readonly #last = new Map<string, { at: number; folded: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /**
   * One more refusal of this kind. Undefined when it is folded (a record of its kind was written less than
   * FOLD_MS ago); otherwise write a record now, naming the returned count of refusals folded since the last one.
   */
  admit(key: string): number | undefined {
    const now = this.#now();
    const seen = this.#last.get(key);
    if (seen !== undefined && now - seen.at < FOLD_MS) {
      seen.folded++;
      return undefined;
    }
    this.#last.set(key, { at: now, folded: 0 });
    return seen?.folded ?? 0;
  }
}
