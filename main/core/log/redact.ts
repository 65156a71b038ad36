// The one redaction function every log line passes through (ARCHITECTURE §4): known secrets, card numbers
// (Luhn-valid 13–19 digit runs), CVV and PIN fields, signature headers.
import { luhnValid, maskPan } from '../card-api/pan.ts';

const SENSITIVE_KEYS = /^(sign|x-jws-signature|secret|pin|cvv|cvc|pan|otp|password|document|authorization)$/i;

/** Card numbers become first 6 + last 4; other long digit runs stay (ids, phones are masked elsewhere). */
function maskCardNumbers(text: string): string {
  return text.replace(/\b\d{13,19}\b/g, (run) => (luhnValid(run) ? maskPan(run) : run));
}

/** Values under sensitive keys in JSON-ish text: "cvv":"123", Sign: abc…, pin=1234. */
function maskKeyedValues(text: string): string {
  return text.replace(
    /(["']?)([A-Za-z-_]+)\1(\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;}&]+)/g,
    (whole, quote: string, key: string, sep: string) =>
      SENSITIVE_KEYS.test(key) ? `${quote}${key}${quote}${sep}"[redacted]"` : whole,
  );
}

export class Redactor {
  private readonly secrets = new Set<string>();

  /** A value that must never appear in a log (e.g. the embedded sandbox secret while it is in memory). */
  addSecret(value: string): void {
    if (value.length >= 4) this.secrets.add(value);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('[redacted]');
    return maskKeyedValues(maskCardNumbers(out));
  }
}
