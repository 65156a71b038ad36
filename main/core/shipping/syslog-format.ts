// RFC 5424 syslog messages with one structured-data element, in RFC 6587 octet-counted frames
// (docs/architecture.md, "Shipping to the log server"). Small and strict on purpose: header fields are printable
// US-ASCII within their RFC lengths, SD names are safe, SD values escape `"`, `\` and `]`.
import { SYSLOG_FACILITIES } from '../../../common/settings/syslog.ts';

export type Facility = (typeof SYSLOG_FACILITIES)[number];

/** RFC 5424 severities used here. */
export const SEVERITY = { warning: 4, notice: 5, info: 6 } as const;
export type Severity = (typeof SEVERITY)[keyof typeof SEVERITY];

export interface SyslogMessage {
  facility: Facility;
  severity: Severity;
  /** Epoch ms of the event. */
  at: number;
  hostname: string;
  appName: string;
  procId: string;
  msgId: string;
  /** The SD-ID and its params, in order; a param whose value is null is left out. */
  sdId: string;
  params: [string, string | number | boolean | null][];
  /** Free text after the structured data (UTF-8, with the BOM RFC 5424 asks for). */
  msg?: string;
}

const NILVALUE = '-';

/** PRINTUSASCII (33..126) cut to `max`, or the NILVALUE when nothing is left. */
export function headerField(value: string, max: number): string {
  const printable = value.replace(/[^\x21-\x7e]/g, '_').slice(0, max);
  return printable === '' ? NILVALUE : printable;
}

/** SD-NAME: printable US-ASCII except `=`, space, `]` and `"`, at most 32 characters. */
export function sdName(value: string): string {
  const name = value.replace(/[^\x21-\x7e]|[=\]"]/g, '_').slice(0, 32);
  if (name === '') throw new Error('an SD name must not be empty');
  return name;
}

/** PARAM-VALUE: UTF-8 with `"`, `\` and `]` escaped by a backslash (RFC 5424, 6.3.3). */
export function sdValue(value: string): string {
  return value.replace(/["\\\]]/g, (c) => `\\${c}`);
}

const BOM = '\ufeff';

export function formatSyslog(m: SyslogMessage): string {
  const pri = (SYSLOG_FACILITIES.indexOf(m.facility) + 16) * 8 + m.severity;
  const header = [
    `<${String(pri)}>1`,
    new Date(m.at).toISOString(),
    headerField(m.hostname, 255),
    headerField(m.appName, 48),
    headerField(m.procId, 128),
    headerField(m.msgId, 32),
  ].join(' ');
  const params = m.params
    .filter(([, value]) => value !== null)
    .map(([name, value]) => ` ${sdName(name)}="${sdValue(String(value))}"`)
    .join('');
  const sd = `[${sdName(m.sdId)}${params}]`;
  return m.msg === undefined || m.msg === '' ? `${header} ${sd}` : `${header} ${sd} ${BOM}${m.msg}`;
}

/** RFC 6587 octet counting: the message's length in bytes, a space, the message. */
export function octetFrame(message: string): Buffer {
  const body = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${String(body.length)} `, 'ascii'), body]);
}
