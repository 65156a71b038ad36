// The one redaction function every log line passes through (docs/architecture.md, security): known secrets, card numbers
// (Luhn-valid 13–19 digit runs), CVV and PIN fields, signature headers.
import { luhnValid, maskPan } from '../../../common/card-api/pan.ts';

const SENSITIVE_KEYS =
  /^(sign|x-jws-signature|secret|passphrase|password|token|pin|cvv|cvc|pan|otp|document|authorization)$/i;
/** 12–19 digits, possibly grouped by spaces or dashes as people type card numbers. */
const DIGIT_RUN = /\b\d(?:[ -]?\d){11,18}\b/g;
/** "cvv 123", "CVV: 1234" in free text. */
const FREE_TEXT_CVV = /\b(cvv|cvc)\D{0,3}\d{3,4}\b/gi;

/** Luhn-valid card numbers become first 6 + last 4; other digit runs stay (ids; phones are masked elsewhere). */
function maskCardNumbers(text: string): string {
  return text.replace(DIGIT_RUN, (run) => {
    const digits = run.replace(/\D/g, '');
    return luhnValid(digits) ? maskPan(digits) : run;
  });
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
    return maskKeyedValues(maskCardNumbers(out)).replace(FREE_TEXT_CVV, (_m, key: string) => `${key} [redacted]`);
  }
}

/** An error as one log entry: name, code, message and the first stack frames (redacted by the log). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown (${typeof error})`;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
    .join('\n');
  const head = `${error.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${error.message}`;
  return frames === '' ? head : `${head}\n${frames}`;
}
