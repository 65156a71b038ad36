// KeytarVault against a real gnome-keyring in the private D-Bus session of keyring-session.ts.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  KeytarVault,
  SecretMissingError,
  VaultInputError,
  type KeytarApi,
  type VaultItem,
} from '../../main/core/vault/index.ts';
import { rejectionOf } from '../support/thrown.ts';

const keytar = createRequire(import.meta.url)('keytar') as KeytarApi;
const dev = new KeytarVault({ development: true });
const prod = new KeytarVault({ development: false });
const MERCHANT_SECRET = 'mk-Зелёный-ключ-ß-🔑-' + randomBytes(8).toString('hex');
const profiles = new Set<string>();

function profile(name: string): string {
  const id = `${name}-${randomBytes(4).toString('hex')}`;
  profiles.add(id);
  return id;
}

/** Copies what withSecret lends and keeps the lent buffer, to check it was wiped afterwards. */
async function read(vault: KeytarVault, id: string, item: VaultItem): Promise<{ copy: Buffer; lent: Buffer }> {
  let lent: Buffer | undefined;
  const copy = await vault.use(id, item).withSecret((secret) => {
    lent = secret;
    return Buffer.from(secret);
  });
  return { copy, lent: lent! };
}

/** Every own property of an error (message, stack, code, details…) as one string. */
function ownProperties(error: Error): string {
  const record = error as unknown as Record<string, unknown>;
  return JSON.stringify(Object.getOwnPropertyNames(error).map((name) => record[name]));
}

afterAll(async () => {
  for (const id of profiles) {
    await dev.clear(id);
    await prod.clear(id);
  }
});

describe('the private keyring session', () => {
  it('reaches this worker, and it is not the user session', () => {
    const env = inject('keyringEnv');
    expect(process.env.DBUS_SESSION_BUS_ADDRESS).toBe(env.DBUS_SESSION_BUS_ADDRESS);
    expect(env.DBUS_SESSION_BUS_ADDRESS).toMatch(/^unix:path=.*card-desk-keyring-.*\/run\/bus/);
    expect(process.env.XDG_DATA_HOME).toBe(env.XDG_DATA_HOME);
  });
});

describe('KeytarVault on a real Secret Service', () => {
  it('is labelled as the keychain and uses the dev/production service names', () => {
    expect(dev.kind).toBe('keychain');
    expect(dev.service).toBe('card-desk-dev');
    expect(prod.service).toBe('card-desk');
    expect(new KeytarVault('card-desk').service).toBe('card-desk');
  });

  it('sets, reports, lends exactly the bytes, replaces, clears', async () => {
    const id = profile('bishkek');
    expect(await dev.status(id, 'merchant-secret')).toBe('absent');

    await dev.set(id, 'merchant-secret', Buffer.from(MERCHANT_SECRET, 'utf8'));
    expect(await dev.status(id, 'merchant-secret')).toBe('present');
    const first = await read(dev, id, 'merchant-secret');
    expect(first.copy.equals(Buffer.from(MERCHANT_SECRET, 'utf8'))).toBe(true);
    expect(first.lent.every((byte) => byte === 0)).toBe(true);
    // Stored as UTF-8 text under account = profile id.
    expect(await keytar.getPassword('card-desk-dev', id)).toBe(MERCHANT_SECRET);

    await dev.set(id, 'merchant-secret', Buffer.from('replacement-secret'));
    expect((await read(dev, id, 'merchant-secret')).copy.toString()).toBe('replacement-secret');

    await dev.clear(id, 'merchant-secret');
    expect(await dev.status(id, 'merchant-secret')).toBe('absent');
    expect(await keytar.getPassword('card-desk-dev', id)).toBeNull();
    const missing = await rejectionOf(read(dev, id, 'merchant-secret'));
    expect(missing).toBeInstanceOf(SecretMissingError);
    expect(missing.message).toBe(`no merchant secret is set for profile ${id}`);
    // Clearing what is not there is not an error.
    await expect(dev.clear(id)).resolves.toBeUndefined();
  });

  it('reads the keychain afresh on every withSecret and waits for an async callback before wiping', async () => {
    const id = profile('fresh');
    await dev.set(id, 'merchant-secret', Buffer.from('one'));
    const source = dev.use(id, 'merchant-secret');
    expect(await source.withSecret((s) => s.toString())).toBe('one');
    await dev.set(id, 'merchant-secret', Buffer.from('two'));
    expect(await source.withSecret((s) => s.toString())).toBe('two');
    const seen = await source.withSecret(async (s) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return s.toString();
    });
    expect(seen).toBe('two');
  });

  it('keeps the PIN key apart from the merchant secret, base64 under <id>#pin-key', async () => {
    const id = profile('pin');
    const pinKey = randomBytes(32);
    await dev.set(id, 'pin-key', pinKey);
    expect(await dev.status(id, 'pin-key')).toBe('present');
    expect(await dev.status(id, 'merchant-secret')).toBe('absent');
    expect(await keytar.getPassword('card-desk-dev', `${id}#pin-key`)).toBe(pinKey.toString('base64'));
    expect((await read(dev, id, 'pin-key')).copy.equals(pinKey)).toBe(true);

    await dev.set(id, 'merchant-secret', Buffer.from(MERCHANT_SECRET));
    await dev.clear(id, 'merchant-secret');
    expect(await dev.status(id, 'pin-key')).toBe('present');
    expect((await read(dev, id, 'pin-key')).copy.equals(pinKey)).toBe(true);

    await dev.set(id, 'merchant-secret', Buffer.from(MERCHANT_SECRET));
    await dev.clear(id, 'pin-key');
    expect(await dev.status(id, 'pin-key')).toBe('absent');
    expect(await dev.status(id, 'merchant-secret')).toBe('present');
    const missing = await rejectionOf(read(dev, id, 'pin-key'));
    expect(missing.message).toBe(`no PIN key is set for profile ${id}`);

    await dev.set(id, 'pin-key', pinKey);
    await dev.clear(id);
    expect(await dev.status(id, 'pin-key')).toBe('absent');
    expect(await dev.status(id, 'merchant-secret')).toBe('absent');
  });

  it('never lets the development and production services see each other', async () => {
    const id = profile('split');
    await dev.set(id, 'merchant-secret', Buffer.from('dev-secret'));
    expect(await prod.status(id, 'merchant-secret')).toBe('absent');
    await expect(prod.use(id, 'merchant-secret').withSecret(() => 1)).rejects.toBeInstanceOf(SecretMissingError);

    await prod.set(id, 'merchant-secret', Buffer.from('prod-secret'));
    expect((await read(dev, id, 'merchant-secret')).copy.toString()).toBe('dev-secret');
    expect((await read(prod, id, 'merchant-secret')).copy.toString()).toBe('prod-secret');

    await prod.clear(id);
    expect(await prod.status(id, 'merchant-secret')).toBe('absent');
    expect(await dev.status(id, 'merchant-secret')).toBe('present');
  });

  it('puts no secret in any error message', async () => {
    const id = profile('errors');
    const errors: Error[] = [];
    errors.push(await rejectionOf(dev.set(id, 'merchant-secret', Buffer.from(`${MERCHANT_SECRET}\u0000tail`))));
    errors.push(await rejectionOf(dev.set(id, 'merchant-secret', Buffer.from([0xff, 0xfe, 0x41, 0x42]))));
    errors.push(await rejectionOf(dev.set(id, 'pin-key', Buffer.from(MERCHANT_SECRET))));
    errors.push(await rejectionOf(dev.set('has#hash', 'merchant-secret', Buffer.from(MERCHANT_SECRET))));
    await dev.set(id, 'merchant-secret', Buffer.from(MERCHANT_SECRET));
    await dev.clear(id);
    errors.push(await rejectionOf(read(dev, id, 'merchant-secret')));

    expect(errors.slice(0, 4).every((error) => error instanceof VaultInputError)).toBe(true);
    expect(errors[4]).toBeInstanceOf(SecretMissingError);
    for (const error of errors) {
      expect(error.message).not.toContain(MERCHANT_SECRET);
      expect(ownProperties(error)).not.toContain(MERCHANT_SECRET);
    }
    expect(await dev.status(id, 'merchant-secret')).toBe('absent');
  });
});

describe('KeytarVault when the keychain cannot be reached', () => {
  it('answers unavailable and throws VaultUnavailableError in a child process, without crashing', () => {
    const vaultModule = pathToFileURL(fileURLToPath(new URL('../../main/core/vault/index.ts', import.meta.url))).href;
    const secret = `unreachable-${randomBytes(8).toString('hex')}`;
    const script = `
      const { KeytarVault, VaultUnavailableError } = await import(${JSON.stringify(vaultModule)});
      process.on('unhandledRejection', (error) => { console.error('unhandled', error); process.exitCode = 3; });
      const vault = new KeytarVault({ development: true });
      const attempt = async (run) => {
        try { await run(); return { ok: true }; }
        catch (error) {
          return { unavailable: error instanceof VaultUnavailableError, name: error.name, code: error.code, message: error.message };
        }
      };
      const out = {
        status: await vault.status('p1', 'merchant-secret'),
        pinStatus: await vault.status('p1', 'pin-key'),
        set: await attempt(() => vault.set('p1', 'merchant-secret', Buffer.from(process.env.TEST_SECRET))),
        use: await attempt(() => vault.use('p1', 'merchant-secret').withSecret(() => 'lent')),
        clear: await attempt(() => vault.clear('p1')),
      };
      console.log(JSON.stringify(out));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', TEST_SECRET: secret },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(child.stderr).not.toMatch(/unhandled|Error/);
    expect(child.status).toBe(0);
    const out = JSON.parse(child.stdout) as Record<string, unknown>;
    expect(out.status).toBe('unavailable');
    expect(out.pinStatus).toBe('unavailable');
    for (const step of ['set', 'use', 'clear']) {
      expect(out[step]).toMatchObject({
        unavailable: true,
        name: 'VaultUnavailableError',
        code: 'vault_unavailable',
        message: expect.stringMatching(/^the OS keychain is unavailable: /) as unknown,
      });
    }
    expect(child.stdout).not.toContain(secret);
    expect(child.stderr).not.toContain(secret);
  });
});
