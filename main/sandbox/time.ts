// Date formats of the two envelopes (docs/card-api.md, envelopes). The sandbox speaks UTC.

/** RFC 3339 without fractions, e.g. 2026-01-31T10:00:00Z. */
export function rfc3339(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Gift envelope `YYYY-MM-DD hh:mm:ss`. */
export function giftDatetime(at: number): string {
  return new Date(at).toISOString().slice(0, 19).replace('T', ' ');
}
