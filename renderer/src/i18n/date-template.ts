// A table cell's date and time without the polyfilled DateTimeFormat on every value (docs/operator-ui.md,
// "Speed on a small PC"): the polyfill spends ~100 µs on one date, and a scrolled statement shows new ones in
// every row. The order of the fields and the marks between them are read once from formatToParts. The zone's
// offset is asked of the formatter itself, at both ends of the value's UTC day once a second value of that day
// comes, and kept for the day when both agree (no zone changes its offset and back within a day); the first
// value of a day, and every value of a day of a change, is formatted by the formatter. Only numeric fields on a
// 24-hour clock in Latin digits are written by hand, and a template that does not give the formatter's own text
// for the probes below is not used.

export type DateTemplate = (date: Date) => string;

const DAY = 86_400_000;
const FIELDS = new Set(['year', 'month', 'day', 'hour', 'minute', 'literal']);
const PROBES = [
  Date.UTC(2026, 0, 1, 0, 0),
  Date.UTC(2026, 5, 30, 23, 59),
  Date.UTC(2026, 11, 31, 19, 10),
  Date.UTC(1999, 11, 31, 23, 45),
];

const pad = (n: number): string => (n < 10 ? `0${String(n)}` : String(n));

/** Minutes the formatter's zone is ahead of UTC at `time`, read from the formatter's own day, hour and minute. */
function offsetAt(formatter: Intl.DateTimeFormat, time: number): number | undefined {
  const parts = formatter.formatToParts(time);
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const utc = new Date(time);
  const [day, utcDay] = [field('day'), utc.getUTCDate()];
  const minutes = field('hour') * 60 + field('minute') - (utc.getUTCHours() * 60 + utc.getUTCMinutes());
  // Zones are at most a day apart from UTC: the local day is the UTC day, the one after or the one before.
  const ahead = day === utcDay + 1 || (day === 1 && utcDay >= 28);
  const behind = day === utcDay - 1 || (utcDay === 1 && day >= 28);
  const offset = day === utcDay ? minutes : ahead ? minutes + 1440 : behind ? minutes - 1440 : Number.NaN;
  return Number.isFinite(offset) ? offset : undefined;
}

export function dateTemplate(formatter: Intl.DateTimeFormat): DateTemplate | undefined {
  const options = formatter.resolvedOptions();
  if (options.numberingSystem !== 'latn' || options.calendar !== 'gregory') return undefined;
  if (options.hourCycle !== 'h23' || options.second !== undefined) return undefined;
  const digits = [options.year, options.month, options.day, options.hour, options.minute];
  if (digits.some((field) => field !== '2-digit')) return undefined;
  const shape = formatter.formatToParts(PROBES[0]);
  if (!shape.every((part) => FIELDS.has(part.type))) return undefined;
  // Per UTC day: 'once' after its first value (formatted by the formatter: a sparse statement costs what it did),
  // then the offset for the whole day, or null on a day when the offset changes.
  const offsets = new Map<number, number | null | 'once'>();
  const offsetOfDay = (day: number): number | null => {
    const known = offsets.get(day);
    if (typeof known === 'number' || known === null) return known;
    if (offsets.size >= 1000) offsets.clear();
    if (known === undefined) {
      offsets.set(day, 'once');
      return null;
    }
    const start = offsetAt(formatter, day * DAY);
    const end = offsetAt(formatter, day * DAY + DAY - 60_000);
    const offset = start !== undefined && start === end ? start : null;
    offsets.set(day, offset);
    return offset;
  };
  const format = (date: Date): string => {
    const time = date.getTime();
    const offset = offsetOfDay(Math.floor(time / DAY));
    if (offset === null) return formatter.format(date);
    const local = new Date(time + offset * 60_000);
    let out = '';
    for (const part of shape) {
      if (part.type === 'literal') out += part.value;
      else if (part.type === 'year') out += pad(local.getUTCFullYear() % 100);
      else if (part.type === 'month') out += pad(local.getUTCMonth() + 1);
      else if (part.type === 'day') out += pad(local.getUTCDate());
      else if (part.type === 'hour') out += pad(local.getUTCHours());
      else out += pad(local.getUTCMinutes());
    }
    return out;
  };
  // Twice each: the second value of a day is the first written by hand.
  const same = (time: number) =>
    format(new Date(time)) === format(new Date(time)) && format(new Date(time)) === formatter.format(time);
  return PROBES.every(same) ? format : undefined;
}
