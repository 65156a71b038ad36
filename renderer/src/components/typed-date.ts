// What an operator types into a date field, as the "YYYY-MM-DD" the forms and the contract use.

/** "6.12.2026", "06/12/2026", "06-12-2026" or "2026-12-06" → "2026-12-06"; null when it is no real date. */
export function parseTypedDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const local = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const value = date.toISOString().slice(0, 10);
  // 31.02.2026 rolls over to March in Date: refused rather than moved.
  return date.getUTCDate() === Number(day) && date.getUTCMonth() === Number(month) - 1 ? value : null;
}
