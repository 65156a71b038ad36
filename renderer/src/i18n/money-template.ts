// Money without the polyfilled NumberFormat on every value (docs/operator-ui.md, "Speed on a small PC"). The
// polyfill spends most of a statement row's formatting in decimal arithmetic, yet the shape of an amount in one
// locale and currency (where the sign, the symbol, the group and decimal marks go) never changes. It is read
// once from formatToParts; each value is then only rounded (half away from zero, as Intl does, on the shortest
// decimal text of the number) and grouped. A template that does not give the formatter's own text for every
// probe below is not used, and the formatter formats each value as before.

export interface MoneyTemplate {
  format: (value: number) => string;
}

const NUMERIC = new Set(['integer', 'group', 'decimal', 'fraction']);
const PROBES = [
  0, 1, 7.5, 12.34, 999.995, 1000, 1234.5, 12_345.678, 99_999.999, 1_234_567.891, 0.005, 1.005, 2.675, -0.5, -0.001,
  -1234.56, -98_765.4321, 123_456_789_012.34,
];
const LARGEST = 1e15;

interface Shape {
  prefix: string;
  suffix: string;
}

/** The text around the number, for one sign; undefined when the number is not one run of numeric parts. */
function shapeOf(parts: Intl.NumberFormatPart[]): Shape | undefined {
  const first = parts.findIndex((part) => NUMERIC.has(part.type));
  const last = parts.findLastIndex((part) => NUMERIC.has(part.type));
  if (first < 0 || parts.slice(first, last + 1).some((part) => !NUMERIC.has(part.type))) return undefined;
  const text = (from: number, to: number) =>
    parts
      .slice(from, to)
      .map((part) => part.value)
      .join('');
  return { prefix: text(0, first), suffix: text(last + 1, parts.length) };
}

/** `abs` with `min`…`max` fraction digits, rounded half away from zero; undefined for an exponent form. */
function digitsOf(abs: number, min: number, max: number): [string, string] | undefined {
  const text = String(abs);
  if (text.includes('e')) return undefined;
  let [int = '0', fraction = ''] = text.split('.');
  if (fraction.length > max) {
    const up = fraction.charCodeAt(max) >= 53; // '5'
    fraction = fraction.slice(0, max);
    if (up) {
      const width = int.length + fraction.length;
      const next = (BigInt(int + fraction) + 1n).toString().padStart(width, '0');
      int = next.slice(0, next.length - fraction.length);
      fraction = next.slice(next.length - fraction.length);
    }
  }
  while (fraction.length > min && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return [int, fraction.padEnd(min, '0')];
}

function grouped(int: string, separator: string, minimum: number): string {
  if (int.length < 3 + minimum) return int;
  let out = int.slice(0, ((int.length - 1) % 3) + 1);
  for (let i = out.length; i < int.length; i += 3) out += separator + int.slice(i, i + 3);
  return out;
}

/** The template of `formatter`, or undefined where its text cannot be reproduced exactly. */
export function moneyTemplate(formatter: Intl.NumberFormat): MoneyTemplate | undefined {
  const options = formatter.resolvedOptions();
  const min = options.minimumFractionDigits ?? 0;
  const max = options.maximumFractionDigits ?? 0;
  if (options.numberingSystem !== 'latn' || options.notation !== 'standard') return undefined;
  const sample = formatter.formatToParts(1_234_567.5);
  const positive = shapeOf(sample);
  const negative = shapeOf(formatter.formatToParts(-1_234_567.5));
  if (positive === undefined || negative === undefined) return undefined;
  const separator = sample.find((part) => part.type === 'group')?.value ?? '';
  const decimal = sample.find((part) => part.type === 'decimal')?.value ?? '';
  const minimum = formatter.formatToParts(1234).some((part) => part.type === 'group') ? 1 : 2;
  const format = (value: number): string => {
    const digits =
      Number.isFinite(value) && Math.abs(value) < LARGEST ? digitsOf(Math.abs(value), min, max) : undefined;
    if (digits === undefined) return formatter.format(value);
    const [int, fraction] = digits;
    const shape = value < 0 || Object.is(value, -0) ? negative : positive;
    const number = grouped(int, separator, minimum) + (fraction === '' ? '' : decimal + fraction);
    return shape.prefix + number + shape.suffix;
  };
  return PROBES.every((value) => format(value) === formatter.format(value)) ? { format } : undefined;
}
