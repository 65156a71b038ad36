// The vault's semantics on the in-memory vault and on KeytarVault over a fake keytar, and PIN encryption (docs/card-api.md, sensitive data).
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptPin,
  encryptPin,
  generatePinKey,
  InMemorySecret,
  KeytarVault,
  MemoryVault,
  PinDecryptError,
  PinFormatError,
  SecretMissingError,
  VaultInputError,
  VaultUnavailableError,
  vaultServiceName,
  type KeytarApi,
  type SecretVault,
} from '../../main/core/vault/index.ts';
import { rejectionOf } from '../support/thrown.ts';

/** A keytar stand-in: a Map, plus switches for a refusing or hanging Secret Service. */
function fakeKeytar(mode: { fail?: string; hang?: boolean } = {}): KeytarApi & { store: Map<string, string> } {
  const store = new Map<string, string>();
  const act = <T>(run: () => T): Promise<T> => {
    if (mode.hang === true) return new Promise<T>(() => undefined);
    if (mode.fail !== undefined) return Promise.reject(new Error(mode.fail));
    return Promise.resolve(run());
  };
  return {
    store,
    getPassword: (service, account) => act(() => store.get(`${service}/${account}`) ?? null),
    setPassword: (service, account, password) => act(() => void store.set(`${service}/${account}`, password)),
    deletePassword: (service, account) => act(() => store.delete(`${service}/${account}`)),
  };
}

describe('vault errors and names', () => {
  it('names the services for development and installed builds', () => {
    expect(vaultServiceName(true)).toBe('card-desk-dev');
    expect(vaultServiceName(false)).toBe('card-desk');
  });
  it('gives typed errors with stable codes and messages', () => {
    const unavailable = new VaultUnavailableError('no bus');
    expect(unavailable).toBeInstanceOf(Error);
    expect(unavailable.code).toBe('vault_unavailable');
    expect(unavailable.message).toBe('the OS keychain is unavailable: no bus');
    const missing = new SecretMissingError('kg-bishkek', 'merchant-secret');
    expect(missing.code).toBe('secret_missing');
    expect(missing.message).toBe('no merchant secret is set for profile kg-bishkek');
    expect(new SecretMissingError('kg-bishkek', 'pin-key').message).toBe('no PIN key is set for profile kg-bishkek');
  });
});

// The same contract, on both implementations (KeytarVault over a fake keytar).
const implementations: [string, () => SecretVault][] = [
  ['MemoryVault', () => new MemoryVault()],
  ['KeytarVault (fake keytar)', () => new KeytarVault({ development: true, load: () => fakeKeytar() })],
];

describe.each(implementations)('%s semantics', (_name, make) => {
  it('sets, reports, lends a wiped copy, replaces and clears', async () => {
    const vault = make();
    expect(await vault.status('p1', 'merchant-secret')).toBe('absent');
    const given = Buffer.from('merchant-secret-1');
    await vault.set('p1', 'merchant-secret', given);
    expect(given.toString()).toBe('merchant-secret-1'); // the caller's buffer is not touched
    given.fill(0); // nor shared with the vault
    expect(await vault.status('p1', 'merchant-secret')).toBe('present');

    let lent: Buffer | undefined;
    const seen = await vault.use('p1', 'merchant-secret').withSecret((secret) => {
      lent = secret;
      return secret.toString();
    });
    expect(seen).toBe('merchant-secret-1');
    expect(lent!.every((byte) => byte === 0)).toBe(true);

    await vault.set('p1', 'merchant-secret', Buffer.from('merchant-secret-2'));
    expect(await vault.use('p1', 'merchant-secret').withSecret((s) => s.toString())).toBe('merchant-secret-2');

    await vault.clear('p1', 'merchant-secret');
    expect(await vault.status('p1', 'merchant-secret')).toBe('absent');
    const missing = await rejectionOf(vault.use('p1', 'merchant-secret').withSecret(() => 1));
    expect(missing).toBeInstanceOf(SecretMissingError);
  });

  it('wipes the lent buffer also when the callback throws, and after an async callback settles', async () => {
    const vault = make();
    await vault.set('p1', 'merchant-secret', Buffer.from('abc'));
    let lent: Buffer | undefined;
    const thrown = await rejectionOf(
      vault.use('p1', 'merchant-secret').withSecret((s) => {
        lent = s;
        throw new Error('signer failed');
      }),
    );
    expect(thrown.message).toBe('signer failed');
    expect(lent!.every((b) => b === 0)).toBe(true);

    const during = await vault.use('p1', 'merchant-secret').withSecret(async (s) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return s.toString();
    });
    expect(during).toBe('abc');
  });

  it('keeps the items and the profiles apart; clear without an item clears the whole profile only', async () => {
    const vault = make();
    const key = generatePinKey();
    await vault.set('p1', 'merchant-secret', Buffer.from('s1'));
    await vault.set('p1', 'pin-key', key);
    await vault.set('p2', 'merchant-secret', Buffer.from('s2'));
    expect(await vault.use('p1', 'pin-key').withSecret((k) => k.equals(key))).toBe(true);

    await vault.clear('p1', 'pin-key');
    expect(await vault.status('p1', 'pin-key')).toBe('absent');
    expect(await vault.status('p1', 'merchant-secret')).toBe('present');

    await vault.set('p1', 'pin-key', key);
    await vault.clear('p1');
    expect(await vault.status('p1', 'pin-key')).toBe('absent');
    expect(await vault.status('p1', 'merchant-secret')).toBe('absent');
    expect(await vault.status('p2', 'merchant-secret')).toBe('present');
    await expect(vault.clear('p1')).resolves.toBeUndefined();
  });

  it('refuses secrets it could not give back, without echoing them', async () => {
    const vault = make();
    const secret = 'do-not-echo-me';
    const refused = [
      await rejectionOf(vault.set('p1', 'merchant-secret', Buffer.alloc(0))),
      await rejectionOf(vault.set('p1', 'merchant-secret', Buffer.from(`${secret}\u0000`))),
      await rejectionOf(vault.set('p1', 'merchant-secret', Buffer.concat([Buffer.from(secret), Buffer.from([0xc3])]))),
      await rejectionOf(vault.set('p1', 'pin-key', Buffer.from(secret))),
      await rejectionOf(vault.set('a#pin-key', 'merchant-secret', Buffer.from(secret))),
      await rejectionOf(vault.set('', 'merchant-secret', Buffer.from(secret))),
    ];
    for (const error of refused) {
      expect(error).toBeInstanceOf(VaultInputError);
      expect(error.message).not.toContain(secret);
    }
    expect(await vault.status('p1', 'merchant-secret')).toBe('absent');
    expect(await vault.status('p1', 'pin-key')).toBe('absent');
  });
});

describe('MemoryVault', () => {
  it('is labelled as memory', () => {
    expect(new MemoryVault().kind).toBe('memory');
  });
  it('can play an unavailable keychain', async () => {
    const vault = new MemoryVault({ unavailable: 'test says so' });
    expect(await vault.status('p1', 'merchant-secret')).toBe('unavailable');
    await expect(vault.set('p1', 'merchant-secret', Buffer.from('x'))).rejects.toBeInstanceOf(VaultUnavailableError);
    await expect(vault.use('p1', 'merchant-secret').withSecret(() => 1)).rejects.toThrow(
      'the OS keychain is unavailable: test says so',
    );
    vault.setUnavailable(undefined);
    await vault.set('p1', 'merchant-secret', Buffer.from('x'));
    expect(await vault.status('p1', 'merchant-secret')).toBe('present');
  });
});

describe('KeytarVault failure handling (fake keytar)', () => {
  it('stores the merchant secret as UTF-8 and the PIN key as base64 under the expected accounts', async () => {
    const keytar = fakeKeytar();
    const vault = new KeytarVault({ development: false, load: () => keytar });
    const key = randomBytes(32);
    await vault.set('kz-almaty', 'merchant-secret', Buffer.from('ключ'));
    await vault.set('kz-almaty', 'pin-key', key);
    expect(Object.fromEntries(keytar.store)).toEqual({
      'card-desk/kz-almaty': 'ключ',
      'card-desk/kz-almaty#pin-key': key.toString('base64'),
    });
  });

  it('turns a keytar that cannot load into unavailable, once, without throwing from status', async () => {
    let loads = 0;
    const vault = new KeytarVault({
      development: true,
      load: () => {
        loads += 1;
        throw new Error("Cannot find module 'keytar'");
      },
    });
    expect(await vault.status('p1', 'merchant-secret')).toBe('unavailable');
    const error = await rejectionOf(vault.set('p1', 'merchant-secret', Buffer.from('s')));
    expect(error).toBeInstanceOf(VaultUnavailableError);
    expect(error.message).toMatch(/^the OS keychain is unavailable: the keytar module could not be loaded/);
    await expect(vault.use('p1', 'merchant-secret').withSecret(() => 1)).rejects.toBeInstanceOf(VaultUnavailableError);
    await expect(vault.clear('p1')).rejects.toBeInstanceOf(VaultUnavailableError);
    expect(loads).toBe(1);
  });

  it('turns a refusing Secret Service into unavailable', async () => {
    const vault = new KeytarVault({ development: true, load: () => fakeKeytar({ fail: 'Cannot autolaunch D-Bus' }) });
    expect(await vault.status('p1', 'pin-key')).toBe('unavailable');
    await expect(vault.set('p1', 'pin-key', generatePinKey())).rejects.toThrow(
      'the OS keychain is unavailable: could not store the secret (Cannot autolaunch D-Bus)',
    );
  });

  it('gives up on a keychain that does not answer (a prompt nobody answers)', async () => {
    const vault = new KeytarVault({ development: true, timeoutMs: 30, load: () => fakeKeytar({ hang: true }) });
    const started = Date.now();
    expect(await vault.status('p1', 'merchant-secret')).toBe('unavailable');
    const error = await rejectionOf(vault.use('p1', 'merchant-secret').withSecret(() => 1));
    expect(error).toBeInstanceOf(VaultUnavailableError);
    expect(error.message).toMatch(/did not answer within 30 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('never lets a library message carry the secret into the error', async () => {
    const secret = 'echoed-secret-value';
    const echoing: KeytarApi = {
      getPassword: () => Promise.resolve(null),
      setPassword: (_s, _a, password) => Promise.reject(new Error(`refused to store ${password}`)),
      deletePassword: () => Promise.resolve(false),
    };
    const vault = new KeytarVault({ development: true, load: () => echoing });
    const error = await rejectionOf(vault.set('p1', 'merchant-secret', Buffer.from(secret)));
    expect(error).toBeInstanceOf(VaultUnavailableError);
    expect(error.message).toBe(
      'the OS keychain is unavailable: could not store the secret (refused to store [redacted])',
    );
  });
});

describe('InMemorySecret (CLI --secret-stdin)', () => {
  it('lends its secret and can be disposed', async () => {
    const source = new InMemorySecret('abc');
    expect(await source.withSecret((s) => s.toString())).toBe('abc');
    source.dispose();
    expect(await source.withSecret((s) => s.every((b) => b === 0))).toBe(true);
  });
});

describe('PIN encryption (docs/card-api.md, sensitive data, AES-256-GCM)', () => {
  const key = generatePinKey();

  it('generates 32-byte random keys', () => {
    expect(key.length).toBe(32);
    expect(generatePinKey().equals(key)).toBe(false);
  });

  it('round-trips and lays out iv[12] | ciphertext | tag[16] in base64', () => {
    const encrypted = encryptPin('1234', key);
    const bytes = Buffer.from(encrypted, 'base64');
    expect(bytes.toString('base64')).toBe(encrypted);
    expect(bytes.length).toBe(12 + 4 + 16);
    expect(decryptPin(encrypted, key)).toBe('1234');
    expect(Buffer.from(encryptPin('123456789012', key), 'base64').length).toBe(12 + 12 + 16);

    // Independent check of the layout with node:crypto directly.
    const iv = bytes.subarray(0, 12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const expected = Buffer.concat([iv, cipher.update('1234'), cipher.final(), cipher.getAuthTag()]);
    expect(bytes.equals(expected)).toBe(true);
  });

  it('uses a fresh IV each time', () => {
    const a = encryptPin('0000', key);
    const b = encryptPin('0000', key);
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64').subarray(0, 12).equals(Buffer.from(b, 'base64').subarray(0, 12))).toBe(false);
  });

  it('detects tampering with any part, and a wrong key', () => {
    const encrypted = Buffer.from(encryptPin('987654', key), 'base64');
    for (const index of [0, 11, 12, 17, encrypted.length - 16, encrypted.length - 1]) {
      const altered = Buffer.from(encrypted);
      altered[index] = altered[index]! ^ 0x01;
      expect(() => decryptPin(altered.toString('base64'), key)).toThrow(PinDecryptError);
    }
    expect(() => decryptPin(encrypted.toString('base64'), generatePinKey())).toThrow(PinDecryptError);
    expect(() => decryptPin(encrypted.subarray(0, 20).toString('base64'), key)).toThrow(PinDecryptError);
    expect(() => decryptPin('not base64!', key)).toThrow(PinDecryptError);
  });

  it('refuses PINs that are not 4 to 12 digits, without echoing them', () => {
    for (const pin of ['123', '1234567890123', '12a4', ' 1234', '1234\n', '١٢٣٤', '', '12.34']) {
      let caught: unknown;
      try {
        encryptPin(pin, key);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(PinFormatError);
      const error = caught as PinFormatError;
      expect(error.code).toBe('pin_invalid');
      expect(error.message).toBe('a PIN is 4 to 12 digits');
      const everything = JSON.stringify(
        Object.getOwnPropertyNames(error).map((name) => (error as unknown as Record<string, unknown>)[name]),
      );
      if (pin.trim().length > 0) expect(everything).not.toContain(pin.trim());
    }
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => encryptPin('1234', randomBytes(16))).toThrow(PinFormatError);
    expect(() => encryptPin('1234', randomBytes(16))).toThrow('a PIN key is 32 bytes');
  });

  it('encrypts with the PIN key lent by the vault', async () => {
    const vault = new MemoryVault();
    const pinKey = generatePinKey();
    await vault.set('p1', 'pin-key', pinKey);
    const encrypted = await vault.use('p1', 'pin-key').withSecret((k) => encryptPin('4321', k));
    expect(decryptPin(encrypted, pinKey)).toBe('4321');
  });
});
