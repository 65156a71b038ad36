import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { managedPolicyPath, readManagedPolicy } from '../../main/core/settings/managed-policy.ts';
import {
  looksLikeSecret,
  MAX_PROVISIONING_BYTES,
  parseProvisioning,
  ProvisioningError,
  readProvisioningFile,
} from '../../main/core/settings/provisioning.ts';
import { thrownBy } from '../support/thrown.ts';

// The issue's example, verbatim.
const ISSUE_EXAMPLE = `{"version": 1,
 "profiles": [{"id": "kg-bishkek", "name": "Bishkek branch", "region": "KG", "environment": "production",
               "baseUrl": "https://api.freedompay.kg", "merchantId": 12345, "scheme": "sha256-body",
               "allowedOperations": ["clients", "cards", "cards.secret", "gift", "bulk"]}],
 "policy": {"locked": ["idleLockMinutes", "kiosk"], "idleLockMinutes": 5, "kiosk": true, "language": "ru"}}
`;

/** One field per line, so line numbers are easy to state: line 1 `{`, line 2 version, line 3 `"profiles": [`… */
function kiosk(profile: Record<string, unknown>, policy?: Record<string, unknown>, extraTop = ''): string {
  const lines = ['{', '  "version": 1,', '  "profiles": [', '    {'];
  const entries = Object.entries(profile);
  entries.forEach(([k, v], i) =>
    lines.push(`      ${JSON.stringify(k)}: ${JSON.stringify(v)}${i < entries.length - 1 ? ',' : ''}`),
  );
  lines.push('    }', `  ]${policy || extraTop ? ',' : ''}`);
  if (policy) {
    lines.push('  "policy": {');
    const ps = Object.entries(policy);
    ps.forEach(([k, v], i) =>
      lines.push(`    ${JSON.stringify(k)}: ${JSON.stringify(v)}${i < ps.length - 1 ? ',' : ''}`),
    );
    lines.push(`  }${extraTop ? ',' : ''}`);
  }
  if (extraTop) lines.push(`  ${extraTop}`);
  lines.push('}');
  return lines.join('\n');
}

const BISHKEK = {
  id: 'kg-bishkek', // line 5
  name: 'Bishkek branch', // line 6
  region: 'KG', // line 7
  environment: 'production', // line 8
  baseUrl: 'https://api.freedompay.kg', // line 9
  merchantId: 12345, // line 10
};

const refusal = (text: string, source = 'kiosk.json'): ProvisioningError =>
  thrownBy(() => parseProvisioning(text, source), ProvisioningError);

describe('parseProvisioning: accepted files', () => {
  it("parses the issue's example", () => {
    const p = parseProvisioning(ISSUE_EXAMPLE, 'kiosk.json');
    expect(p.version).toBe(1);
    expect(p.profiles).toEqual([
      {
        id: 'kg-bishkek',
        name: 'Bishkek branch',
        region: 'KG',
        environment: 'production',
        baseUrl: 'https://api.freedompay.kg',
        merchantId: 12345,
        scheme: 'sha256-body',
        allowedOperations: ['clients', 'cards', 'cards.secret', 'gift', 'bulk'],
      },
    ]);
    expect(p.policy).toEqual({ locked: ['idleLockMinutes', 'kiosk'], idleLockMinutes: 5, kiosk: true, language: 'ru' });
  });

  it('fills base URL, scheme and groups from the region', () => {
    const kz = { id: 'kz-almaty', name: 'Almaty', region: 'KZ', environment: 'test', merchantId: 7 };
    const [profile] = parseProvisioning(kiosk(kz), 'kiosk.json').profiles;
    expect(profile).toMatchObject({ baseUrl: 'https://test-api.freedompay.kz', scheme: 'jws-hs512' });
    expect(profile?.allowedOperations).toEqual(['clients', 'cards', 'cards.secret', 'gift', 'bulk']);
  });

  it('tolerates a BOM and loopback http; a file with only a version is empty but valid', () => {
    const local = { ...BISHKEK, region: 'sandbox', environment: 'sandbox', baseUrl: 'http://127.0.0.1:8080' };
    expect(parseProvisioning(`\uFEFF${kiosk(local)}`, 'k.json').profiles[0]?.baseUrl).toBe('http://127.0.0.1:8080');
    expect(parseProvisioning('{"version":1}', 'k.json')).toEqual({ version: 1, profiles: [] });
  });
});

describe('parseProvisioning: refusals name the field and the line', () => {
  it('reports a syntax error with line and column', () => {
    const text = '{\n  "version": 1,\n  "profiles": [\n    {"id": "a" "name": "b"}\n  ]\n}';
    const e = refusal(text);
    expect(e.code).toBe('provisioning_invalid');
    expect(e.source).toBe('kiosk.json');
    expect(e.line).toBe(4);
    expect(e.column).toBe(16); // the `"name"` where a comma was expected
    expect(e.field).toBeUndefined();
    expect(e.message).toBe('kiosk.json line 4, column 16: syntax error: a comma is expected');
  });

  it('refuses trailing commas and comments (strict JSON) at their place', () => {
    const trailing = refusal('{\n  "version": 1,\n}');
    expect([trailing.line, trailing.column]).toEqual([2, 15]);
    expect(trailing.message).toContain('trailing comma');
    const comment = refusal('{\n  // kiosk\n  "version": 1\n}');
    expect([comment.line, comment.column]).toEqual([2, 3]);
    expect(comment.message).toContain('comments are not allowed');
  });

  it('refuses a wrong version', () => {
    const e = refusal('{\n  "version": 2\n}');
    expect(e.field).toBe('version');
    expect(e.line).toBe(2);
    expect(e.message).toBe('kiosk.json line 2, version: version must be 1');
  });

  it('refuses plain http to a non-loopback host', () => {
    const e = refusal(kiosk({ ...BISHKEK, baseUrl: 'http://api.freedompay.kg' }));
    expect(e.field).toBe('profiles[0].baseUrl');
    expect(e.line).toBe(9);
    expect(e.message).toBe(
      'kiosk.json line 9, profiles[0].baseUrl: base URL must use https: (plain http only for loopback): http://api.freedompay.kg',
    );
  });

  it('refuses credentials in a base URL without echoing them', () => {
    const e = refusal(kiosk({ ...BISHKEK, baseUrl: 'http://admin:hunter2@api.freedompay.kg' }));
    expect(e.field).toBe('profiles[0].baseUrl');
    expect(e.line).toBe(9);
    expect(e.message).not.toContain('hunter2');
    expect(JSON.stringify(e.problems)).not.toContain('hunter2');
  });

  it('refuses an unknown region', () => {
    const e = refusal(kiosk({ ...BISHKEK, region: 'RU' }));
    expect(e.field).toBe('profiles[0].region');
    expect(e.line).toBe(7);
  });

  it('refuses unknown fields at the key, at the top level and in a profile', () => {
    const inProfile = refusal(kiosk({ ...BISHKEK, colour: 'blue' }));
    expect(inProfile.field).toBe('profiles[0].colour');
    expect(inProfile.line).toBe(11);
    expect(inProfile.message).toContain('unknown field');
    const top = refusal(kiosk(BISHKEK, undefined, '"extra": true'));
    expect(top.field).toBe('extra');
    expect(top.line).toBe(13);
  });

  it('refuses duplicate profile ids at the second id', () => {
    const text = `{
  "version": 1,
  "profiles": [
    {"id": "kg-bishkek", "name": "A", "region": "KG", "environment": "production", "merchantId": 1},
    {"id": "kg-osh", "name": "B", "region": "KG", "environment": "production", "merchantId": 2},
    {"id": "kg-bishkek", "name": "C", "region": "KG", "environment": "production", "merchantId": 3}
  ]
}`;
    const e = refusal(text);
    expect(e.field).toBe('profiles[2].id');
    expect(e.line).toBe(6);
    expect(e.message).toContain('duplicate profile id "kg-bishkek" (first at line 4)');
    expect(e.problems).toHaveLength(1);
  });

  it('refuses duplicate keys in an object', () => {
    const e = refusal('{\n  "version": 1,\n  "version": 1\n}');
    expect(e.field).toBe('version');
    expect(e.line).toBe(3);
    expect(e.message).toContain('duplicate key');
  });

  it('refuses the sandbox id, even when the profile has other problems', () => {
    const e = refusal(kiosk({ ...BISHKEK, id: 'sandbox' }));
    expect(e.field).toBe('profiles[0].id');
    expect(e.line).toBe(5);
    expect(e.message).toContain('built-in sandbox');
    const withOther = refusal(kiosk({ ...BISHKEK, id: 'sandbox', merchantId: -1 }));
    expect(withOther.problems.map((p) => p.field)).toEqual(['profiles[0].id', 'profiles[0].merchantId']);
    expect(withOther.message).toContain('(and 1 more)');
  });

  it.each([
    ['secret', 'secret'],
    ['merchantSecret', 'merchantSecret'],
    ['PASSWORD', 'PASSWORD'],
    ['passphrase', 'passphrase'],
    ['apiToken', 'apiToken'],
    ['pinKey', 'pinKey'],
    ['pin_key', 'pin_key'],
    ['privateKey', 'privateKey'],
    ['sign', 'sign'],
    ['signature', 'signature'],
  ])('refuses a secret-looking key in a profile (%s) without its value', (key) => {
    const e = refusal(kiosk({ ...BISHKEK, [key]: 'V4LUE-s3cr3t' }));
    expect(e.field).toBe(`profiles[0].${key}`);
    expect(e.line).toBe(11);
    expect(e.message).toContain(
      `secrets are never put in a provisioning file: remove profiles[0].${key} (line 11); set it with \`card-desk secret set kg-bishkek\``,
    );
    expect(e.message).not.toContain('V4LUE');
    expect(JSON.stringify(e.problems)).not.toContain('V4LUE');
    expect(e.problems).toHaveLength(1); // not also reported as an unknown field
  });

  it('refuses a secret-looking key anywhere, nested or at the top level, before other problems', () => {
    const nested = refusal(kiosk(BISHKEK, { language: 'ru', extra: { deep: [{ Token: 'V4LUE' }] } }));
    expect(nested.field).toBe('policy.extra.deep[0].Token');
    expect(nested.line).toBe(15);
    expect(nested.message).toContain('card-desk secret set <profile id>');
    expect(nested.message).not.toContain('V4LUE');
    expect(nested.problems.map((p) => p.field)).toEqual(['policy.extra.deep[0].Token', 'policy.extra']);
    const top = refusal(kiosk({ ...BISHKEK, region: 'RU' }, undefined, '"secret": "V4LUE"'));
    expect(top.field).toBe('secret');
    expect(top.line).toBe(13);
    expect(JSON.stringify(top.problems)).not.toContain('V4LUE');
  });

  it('tells secret-looking names from ordinary ones', () => {
    expect(looksLikeSecret('scheme')).toBe(false);
    expect(looksLikeSecret('merchantId')).toBe(false);
    expect(looksLikeSecret('design')).toBe(false);
    expect(looksLikeSecret('signKey')).toBe(true);
    expect(looksLikeSecret('client_secret')).toBe(true);
  });

  it('refuses a file over the size limit', () => {
    const big = `{"version": 1, "pad": "${'x'.repeat(MAX_PROVISIONING_BYTES)}"}`;
    const e = refusal(big);
    expect(e.message).toMatch(/^kiosk\.json: the file is too large \(1\.0 MB\); a provisioning file is at most 1 MB$/);
  });

  it('refuses a non-object top level and an empty file', () => {
    expect(refusal('[{"version": 1}]').message).toBe(
      'kiosk.json line 1, column 1: the top level must be a JSON object',
    );
    expect(refusal('\n  "v"').line).toBe(2);
    expect(refusal('  \n').message).toBe('kiosk.json: the file is empty');
  });

  it('refuses a locked key without a value at its place in the list', () => {
    const e = refusal(kiosk(BISHKEK, { locked: ['kiosk', 'language'], kiosk: true }));
    expect(e.field).toBe('policy.locked[1]');
    expect(e.line).toBe(14);
    expect(e.message).toContain('language is locked but has no value');
  });

  it('refuses an idle lock above 15 minutes', () => {
    const e = refusal(kiosk(BISHKEK, { idleLockMinutes: 16 }));
    expect(e.field).toBe('policy.idleLockMinutes');
    expect(e.line).toBe(14);
    expect(e.message).toBe('kiosk.json line 14, policy.idleLockMinutes: at most 15 minutes');
  });

  it('collects every problem in order, the message showing the first and how many more', () => {
    const e = refusal(kiosk({ ...BISHKEK, region: 'RU', baseUrl: 'ftp://x' }, { kiosk: 'yes' }));
    expect(e.problems.map((p) => [p.field, p.line])).toEqual([
      ['profiles[0].region', 7],
      ['profiles[0].baseUrl', 9],
      ['policy.kiosk', 14],
    ]);
    expect(e.message).toMatch(/^kiosk\.json line 7, profiles\[0\]\.region: .* \(and 2 more\)$/);
  });

  it('refuses a deeply nested file without crashing', () => {
    const deep = `{"version": 1, "x": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(refusal(deep).code).toBe('provisioning_invalid');
  });

  it('keeps "__proto__" as an ordinary (unknown) key', () => {
    const e = refusal('{"version": 1, "__proto__": {"policy": {"kiosk": true}}}');
    expect(e.field).toBe('__proto__');
    expect(e.message).toContain('unknown field');
  });
});

describe('readProvisioningFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'card-desk-prov-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a file, names it in refusals, and refuses unreadable ones with the OS reason', () => {
    const good = join(dir, 'kiosk.json');
    writeFileSync(good, `\uFEFF${ISSUE_EXAMPLE}`);
    expect(readProvisioningFile(good).profiles[0]?.id).toBe('kg-bishkek');

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"version": 3}');
    expect(() => readProvisioningFile(bad)).toThrow(`${bad} line 1, version: version must be 1`);

    const missing = join(dir, 'missing.json');
    expect(() => readProvisioningFile(missing)).toThrow(/cannot read the file: ENOENT/);
    expect(() => readProvisioningFile(dir)).toThrow(ProvisioningError);
  });

  it('refuses oversize and non-UTF-8 files', () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, Buffer.alloc(MAX_PROVISIONING_BYTES + 10, 0x20));
    expect(() => readProvisioningFile(big)).toThrow(/too large/);
    const latin = join(dir, 'latin.json');
    writeFileSync(latin, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    expect(() => readProvisioningFile(latin)).toThrow(/not UTF-8/);
  });
});

describe('managed policy', () => {
  it('lives at a fixed place per OS that no variable of ours relocates', () => {
    expect(managedPolicyPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\CardDesk\\policy.json',
    );
    expect(managedPolicyPath('win32', {})).toBe('C:\\ProgramData\\CardDesk\\policy.json');
    expect(managedPolicyPath('win32', { ProgramData: 'C:\\Users\\op\\fake' })).toBe(
      'C:\\ProgramData\\CardDesk\\policy.json',
    );
    expect(managedPolicyPath('darwin', {})).toBe('/Library/Application Support/CardDesk/policy.json');
    expect(managedPolicyPath('linux', {})).toBe('/etc/card-desk/policy.json');
    expect(managedPolicyPath('freebsd', {})).toBe('/etc/card-desk/policy.json');
    const env = { CARD_DESK_POLICY: '/tmp/x.json', CARD_DESK_MANAGED_POLICY: '/tmp/x.json', XDG_CONFIG_HOME: '/tmp' };
    expect(managedPolicyPath('linux', env)).toBe('/etc/card-desk/policy.json');
    expect(managedPolicyPath('darwin', env)).toBe('/Library/Application Support/CardDesk/policy.json');
  });

  const dir = mkdtempSync(join(tmpdir(), 'card-desk-managed-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('is nothing when absent, the provisioning when valid, and a reported (not thrown) problem when malformed', () => {
    expect(readManagedPolicy(join(dir, 'absent', 'policy.json'))).toEqual({});

    const good = join(dir, 'policy.json');
    writeFileSync(good, '{"version": 1, "policy": {"locked": ["kiosk"], "kiosk": true}}');
    expect(readManagedPolicy(good)).toEqual({
      provisioning: { version: 1, profiles: [], policy: { locked: ['kiosk'], kiosk: true } },
    });

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"version": 1,\n "policy": {"locked": ["kiosk"]}}');
    const read = readManagedPolicy(bad);
    expect(read.provisioning).toBeUndefined();
    expect(read.problem).toBeInstanceOf(ProvisioningError);
    expect(read.problem?.line).toBe(2);
    expect(read.problem?.field).toBe('policy.locked[0]');

    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect(readManagedPolicy(folder).problem?.message).toMatch(/not a regular file|cannot read/);
  });
});
