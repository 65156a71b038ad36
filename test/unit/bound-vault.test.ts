import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BoundVault,
  INSTALL_ID_FILE,
  MemoryVault,
  readInstallId,
  type SecretOwner,
} from '../../main/core/vault/index.ts';
import { tempDir } from '../support/temp-dir.ts';

const INSTALL = '0123456789abcdef0123456789abcdef';
const prod: SecretOwner = { id: 'kg', environment: 'production', baseUrl: 'https://api.freedompay.kg', merchantId: 7 };
const sbx: SecretOwner = { id: 'sbx', environment: 'sandbox', baseUrl: 'http://127.0.0.1:9', merchantId: 1 };

const read = (vault: BoundVault, owner: SecretOwner, item: 'merchant-secret' | 'pin-key' = 'merchant-secret') =>
  vault
    .use(owner, item)
    .withSecret((s) => s.toString('utf8'))
    .catch((error: unknown) => (error as { code: string; message: string }).code);

describe('secrets bound to their profile', () => {
  it('are lent only while the profile keeps its environment, base URL and merchant', async () => {
    const vault = new BoundVault(new MemoryVault(), { installId: INSTALL });
    await vault.set(prod, 'merchant-secret', Buffer.from('s1'));
    expect(await read(vault, prod)).toBe('s1');
    expect(await read(vault, { ...prod, merchantId: 8 })).toBe('secret_unbound');
    expect(await read(vault, { ...prod, environment: 'test' })).toBe('secret_unbound');
    expect(await read(vault, { ...prod, baseUrl: 'https://elsewhere.example' })).toBe('secret_unbound');
    expect(await vault.status({ ...prod, merchantId: 8 }, 'merchant-secret')).toBe('absent');
    expect(await vault.status(prod, 'merchant-secret')).toBe('present');
  });

  it('the message names what changed and says to set the secret again', async () => {
    const vault = new BoundVault(new MemoryVault(), { installId: INSTALL });
    await vault.set(prod, 'merchant-secret', Buffer.from('s1'));
    const error = await vault
      .use({ ...prod, baseUrl: 'https://elsewhere.example' }, 'merchant-secret')
      .withSecret(() => 1)
      .catch((e: unknown) => e as Error);
    expect((error as Error).message).toMatch(/base URL changed; set the secret again/);
  });

  it('setting a secret for a changed profile drops what was stored for the old one', async () => {
    const vault = new BoundVault(new MemoryVault(), { installId: INSTALL });
    await vault.set(prod, 'merchant-secret', Buffer.from('s1'));
    await vault.set(prod, 'pin-key', Buffer.alloc(32, 1));
    const moved = { ...prod, baseUrl: 'https://elsewhere.example' };
    await vault.set(moved, 'merchant-secret', Buffer.from('s2'));
    expect(await read(vault, moved)).toBe('s2');
    expect(await vault.status(moved, 'pin-key')).toBe('absent');
    expect(await read(vault, prod)).toBe('secret_unbound');
  });

  it('an entry of the old format (account = profile id) is not used, and says to set it again', async () => {
    const raw = new MemoryVault();
    await raw.set('kg', 'merchant-secret', Buffer.from('legacy'));
    const vault = new BoundVault(raw, { installId: INSTALL });
    expect(await vault.status(prod, 'merchant-secret')).toBe('absent');
    const error = await vault
      .use(prod, 'merchant-secret')
      .withSecret(() => ({ code: 'lent', message: '' }))
      .catch((e: unknown) => e as { code: string; message: string });
    expect(error.code).toBe('secret_unbound');
    expect(error.message).toMatch(/earlier Card Desk/);
    await vault.set(prod, 'merchant-secret', Buffer.from('new'));
    expect(await raw.status('kg', 'merchant-secret')).toBe('absent');
    expect(await read(vault, prod)).toBe('new');
  });

  it('a record that cannot be read matches no profile', async () => {
    const raw = new MemoryVault();
    const vault = new BoundVault(raw, { installId: INSTALL });
    await vault.set(prod, 'merchant-secret', Buffer.from('s1'));
    await raw.set(`${INSTALL}.kg`, 'binding', Buffer.from('not json'));
    expect(await read(vault, prod)).toBe('secret_unbound');
  });

  it('the sandbox-only view sees, sets and deletes sandbox entries only', async () => {
    const raw = new MemoryVault();
    const full = new BoundVault(raw, { installId: INSTALL });
    const preview = new BoundVault(raw, { installId: INSTALL, sandboxOnly: true });
    await full.set(prod, 'merchant-secret', Buffer.from('s1'));
    const disguised = { ...prod, environment: 'sandbox' as const };
    expect(await read(preview, disguised)).toBe('secret_foreign');
    expect(await read(preview, prod)).toBe('secret_foreign');
    expect(await preview.status(prod, 'merchant-secret')).toBe('absent');
    await expect(preview.set(disguised, 'merchant-secret', Buffer.from('x'))).rejects.toMatchObject({
      code: 'secret_foreign',
    });
    await expect(preview.clear('kg')).rejects.toMatchObject({ code: 'secret_foreign' });
    expect(await read(full, prod)).toBe('s1');

    await preview.set(sbx, 'merchant-secret', Buffer.from('sandbox-secret'));
    expect(await read(preview, sbx)).toBe('sandbox-secret');
    await preview.clear('sbx');
    expect(await preview.status(sbx, 'merchant-secret')).toBe('absent');
  });

  it('another data folder names other entries', async () => {
    const raw = new MemoryVault();
    await new BoundVault(raw, { installId: INSTALL }).set(sbx, 'merchant-secret', Buffer.from('mine'));
    const other = new BoundVault(raw, { installId: 'f'.repeat(32) });
    expect(await read(other, sbx)).toBe('secret_missing');
  });
});

describe('the install id', () => {
  it('is created once per data folder, owner-only, and read the same by every caller', () => {
    const dir = tempDir();
    const ids = Array.from({ length: 5 }, () => readInstallId(dir));
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(readFileSync(join(dir, INSTALL_ID_FILE), 'utf8')).toBe(ids[0]);
    expect(statSync(join(dir, INSTALL_ID_FILE)).mode & 0o777).toBe(0o600);
    expect(readInstallId(tempDir())).not.toBe(ids[0]);
  });
});
