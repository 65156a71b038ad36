// RFC 5424 messages and RFC 6587 octet-counted frames (docs/architecture.md, shipping to the log server).
import { describe, expect, it } from 'vitest';
import {
  formatSyslog,
  headerField,
  octetFrame,
  sdValue,
  type SyslogMessage,
} from '../../../main/core/shipping/syslog-format.ts';

const base: SyslogMessage = {
  facility: 'local0',
  severity: 5,
  at: Date.UTC(2026, 0, 2, 3, 4, 5, 678),
  hostname: 'teller-01',
  appName: 'card-desk',
  procId: '42',
  msgId: 'audit',
  sdId: 'card-desk@32473',
  params: [
    ['id', 'abc-1'],
    ['seq', 1],
    ['profile', null],
    ['ok', true],
  ],
};

describe('the syslog formatter', () => {
  it('writes the header, the priority of local0 and the severity, and one SD element without null params', () => {
    expect(formatSyslog(base)).toBe(
      '<133>1 2026-01-02T03:04:05.678Z teller-01 card-desk 42 audit [card-desk@32473 id="abc-1" seq="1" ok="true"]',
    );
    expect(formatSyslog({ ...base, facility: 'local7', severity: 4 }).startsWith('<188>1 ')).toBe(true);
  });

  it('escapes ", \\ and ] in values and keeps UTF-8', () => {
    expect(sdValue('a"b\\c]d')).toBe('a\\"b\\\\c\\]d');
    expect(formatSyslog({ ...base, params: [['note', 'Ақ "x"]']] })).toContain('note="Ақ \\"x\\"\\]"');
  });

  it('keeps header fields printable US-ASCII within their lengths, or the nil value', () => {
    expect(headerField('my host', 255)).toBe('my_host');
    expect(headerField('', 48)).toBe('-');
    expect(headerField('x'.repeat(40), 32)).toHaveLength(32);
    expect(formatSyslog({ ...base, hostname: 'хост' }).split(' ')[2]).toBe('____');
  });

  it('makes SD names safe: no =, space, ] or " and at most 32 characters', () => {
    const text = formatSyslog({ ...base, params: [['a= b]"c'.padEnd(40, 'x'), 'v']] });
    expect(text).toContain(` a__b__c${'x'.repeat(25)}="v"]`);
  });

  it('adds the message after a BOM', () => {
    expect(formatSyslog({ ...base, params: [], msg: 'hello' })).toMatch(/\[card-desk@32473\] \ufeffhello$/);
  });

  it('frames by the byte length, not the character count', () => {
    expect(octetFrame('Ақ').toString('utf8')).toBe('4 Ақ');
    const two = Buffer.concat([octetFrame('ab'), octetFrame('c')]).toString();
    expect(two).toBe('2 ab1 c');
  });
});
