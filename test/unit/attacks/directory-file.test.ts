// Attack: someone with a copy of the data folder (or another user of the machine) reads the search directory,
// looking for the names, phones, national ids and card numbers the operator worked with. The file holds only
// sealed rows and keyed hashes, is the owner's alone, and is deleted when a policy turns the directory off
// (docs/architecture.md, data and security).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTORY_FILE, DirectoryService, vaultKeySource } from '../../../main/core/directory/index.ts';
import { MemoryVault } from '../../../main/core/vault/index.ts';
import { attack } from '../../support/attack.ts';
import { tempDir } from '../../support/temp-dir.ts';

const PAN = '4400430123456789';
const SECRETS = [
  'Aigerim',
  'AIGERIM',
  'aigerim',
  'Nurlanova',
  'nurlanova',
  '77011237012',
  '1237012',
  '900401400123',
  PAN,
  '445566',
];
const done = (result: Record<string, unknown>) => ({ kind: 'done' as const, key: 'k', result });

let umask: number;
beforeAll(() => {
  umask = process.umask(0o002);
});
afterAll(() => {
  process.umask(umask);
});

async function filledDirectory(dir: string, policy: { enabled: boolean; retentionDays: number }) {
  const service = new DirectoryService({
    dataDir: dir,
    keys: vaultKeySource(new MemoryVault(), 'a'.repeat(32)),
    policy: () => policy,
    report: (error) => {
      throw error;
    },
  });
  const body = {
    product_id: 1000,
    client: { phone: 77011237012, first_name: 'Aigerim', last_name: 'Nurlanova', person_id: '900401400123' },
  };
  await service.settled('sandbox', 'client.create', body, done({ client_id: 'c-1' }));
  await service.settled(
    'sandbox',
    'card.info',
    { card_id: 'card-9' },
    done({
      card: { card_id: 'card-9', card_mask: '440043******6789', status: 'active', client_id: 'c-1' },
    }),
  );
  await service.settled(
    'sandbox',
    'card.secret',
    { card_id: 'card-9' },
    done({ pan: PAN, cvv: '445', expiry: '12/29' }),
  );
  await service.settled('sandbox', 'client.update', { client_id: 'c-1', client: { phone: 77014455660 } }, done({}));
  return service;
}

describe('the search directory on disk', () => {
  it('holds no name, phone, national id or card number in the clear, and only its owner may read it', () =>
    attack('directory file: a copy of the data folder is read for names, phones, IINs and card numbers', async () => {
      const dir = tempDir();
      const service = await filledDirectory(dir, { enabled: true, retentionDays: 30 });
      // The search works, so the data is there: only not readable.
      expect((await service.search('sandbox', PAN, null, 20)).entries.map((e) => e.id)).toEqual(['card-9']);
      expect((await service.search('sandbox', 'nurl', null, 20)).entries.map((e) => e.phone)).toEqual(['*******5660']);
      service.close();
      const files = readdirSync(dir).filter((f) => f.startsWith(DIRECTORY_FILE));
      expect(files).toContain(DIRECTORY_FILE);
      for (const file of files) {
        expect(statSync(join(dir, file)).mode & 0o077).toBe(0);
        const bytes = readFileSync(join(dir, file));
        for (const secret of [...SECRETS, '77014455660']) {
          expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${file}`).toBe(false);
          expect(bytes.includes(Buffer.from(secret, 'utf16le')), `${secret} (UTF-16) in ${file}`).toBe(false);
        }
      }
    }));

  it('is deleted, and nothing more is kept, once a policy turns the directory off', () =>
    attack('directory file: data stays on disk after a policy turned the directory off', async () => {
      const dir = tempDir();
      const policy = { enabled: true, retentionDays: 30 };
      const service = await filledDirectory(dir, policy);
      expect(existsSync(join(dir, DIRECTORY_FILE))).toBe(true);
      policy.enabled = false;
      expect(await service.search('sandbox', 'nurl', null, 20)).toEqual({
        enabled: false,
        entries: [],
        nextCursor: null,
      });
      expect(existsSync(join(dir, DIRECTORY_FILE))).toBe(false);
      await service.settled(
        'sandbox',
        'client.create',
        { client: { first_name: 'Other' } },
        done({ client_id: 'c-2' }),
      );
      expect(existsSync(join(dir, DIRECTORY_FILE))).toBe(false);
      expect(await service.client('sandbox', 'c-1')).toEqual({ known: false, enabled: false });
      service.close();
    }));
});
