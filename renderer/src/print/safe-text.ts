// Nothing printed may hold a whole card number (docs/operator-ui.md, "Printing"): any run of 13 to 19 digits
// (spaces or dashes between them allowed) is cut to its first 6 and last 4 digits, whatever field it came in.
// A 12-digit RRN stays whole: it is not a card number, and the operator quotes it to the bank.
const CARD_LIKE = /\d(?:[ -]?\d){12,18}/g;

export function safeText(text: string): string {
  return text.replace(CARD_LIKE, (run) => {
    const digits = run.replace(/\D/g, '');
    return `${digits.slice(0, 6)}${'•'.repeat(digits.length - 10)}${digits.slice(-4)}`;
  });
}
