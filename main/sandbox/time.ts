// Date formats of the two envelopes (docs/card-api.md, envelopes). The sandbox speaks UTC.

/** The last second formatted: every answer carries one, and most answers fall in the same second. */
let last: { second: number; text: string } | undefined;

/** RFC 3339 without fractions, e.g. 2026-01-31T10:00:00Z. */
export function rfc3339(at: number): string {
  const second = Math.floor(at / 1000);
  if (last?.second !== second) {
    last = { second, text: new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  }
  return last.text;
}

/** Gift envelope `YYYY-MM-DD hh:mm:ss`. */
export function giftDatetime(at: number): string {
  return new Date(at).toISOString().slice(0, 19).replace('T', ' ');
}
