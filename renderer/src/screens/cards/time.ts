// Dates as the operator types them (local calendar day and clock time) and as the Card API wants them: RFC 3339
// with the workstation's own offset, e.g. 2026-01-31T10:00:00+05:00, so the bank sees the same wall-clock moment.

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-01-31` of a Date in local time: the value of an <input type="date">. */
export function localDateInput(date: Date): string {
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `10:05` of a Date in local time: the value of an <input type="time">. */
export function localTimeInput(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** RFC 3339 with the local offset (seconds precision). */
export function localRfc3339(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${localDateInput(date)}T${localTimeInput(date)}:${pad(date.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The local moment of a date input and an optional time input; undefined when they are not a real date. */
export function parseLocal(dateInput: string, timeInput = '00:00', seconds = 0): Date | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateInput);
  const t = /^(\d{2}):(\d{2})$/.exec(timeInput);
  if (d === null || t === null) return undefined;
  const [year, month, day, hours, minutes] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  // new Date() rolls 2026-02-31 over to March: such a date was not real.
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

/** Start (00:00:00) and end (23:59:59) of local calendar days, as RFC 3339. */
export function dayStart(dateInput: string): string | undefined {
  const date = parseLocal(dateInput, '00:00', 0);
  return date && localRfc3339(date);
}

export function dayEnd(dateInput: string): string | undefined {
  const date = parseLocal(dateInput, '23:59', 59);
  return date && localRfc3339(date);
}

/** The last `days` days up to today, as date inputs. */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
  return { from: localDateInput(from), to: localDateInput(now) };
}
