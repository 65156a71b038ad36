// Date inputs give calendar days ("2026-03-01"); the journal is searched by epoch milliseconds. A day means the
// operator's local day: from its first millisecond to its last.
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] | undefined {
  const match = DAY.exec(date);
  if (match === null) return undefined;
  return [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
}

export function isCalendarDay(date: string): boolean {
  const p = parts(date);
  if (p === undefined) return false;
  const d = new Date(p[0], p[1], p[2]);
  return d.getFullYear() === p[0] && d.getMonth() === p[1] && d.getDate() === p[2];
}

/** Local midnight at the start of the day, or undefined for an empty or invalid day. */
export function dayStart(date: string): number | undefined {
  const p = parts(date);
  return p === undefined ? undefined : new Date(p[0], p[1], p[2]).getTime();
}

/** The last millisecond of the local day (the next local midnight minus one: right across DST changes too). */
export function dayEnd(date: string): number | undefined {
  const p = parts(date);
  return p === undefined ? undefined : new Date(p[0], p[1], p[2] + 1).getTime() - 1;
}

/** `20260301-1432`, for export file names. */
export function fileStamp(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}`;
}
