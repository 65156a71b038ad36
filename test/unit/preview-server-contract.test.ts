// The contract through the browser preview's server: app.info, a card through the embedded sandbox, sandbox
// profiles only, Sandbox at start, and events over SSE. A real desk in a temp data folder
// (test/support/preview-http.ts); the page itself is not needed, so a one-line index.html stands for the renderer.
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProvisioning } from '../../main/core/settings/provisioning.ts';
import { startPreview, type Preview } from '../../main/preview/index.ts';
import { PreviewHttp, TEST_PROFILE } from '../support/preview-http.ts';
import { tempDir } from '../support/temp-dir.ts';

const rendererDir = tempDir('card-desk-renderer-');
let http: PreviewHttp;
let preview: Preview;
let token: string;
const api = (...a: Parameters<PreviewHttp['api']>) => http.api(...a);
const value = <T>(method: string, args: unknown = {}) => http.value<T>(method, args);

beforeAll(async () => {
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Card Desk</title>');
  http = await PreviewHttp.start(tempDir('card-desk-preview-'), rendererDir);
  ({ preview, token } = http);
}, 60_000);

afterAll(async () => {
  await preview.close();
});

describe('the contract through the preview server', () => {
  it('answers app.info with transport preview', async () => {
    const answer = await api('app.info');
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.json()).toMatchObject({
      ok: true,
      value: { name: 'Card Desk', transport: 'preview', electron: null },
    });
  });

  it('runs a card through the embedded sandbox: create, issue, info', async () => {
    const draft = {
      product_id: 2000,
      client: { phone: 77019998877, type: 1, resident: 1, first_name: 'Asel', last_name: 'Omarova' },
    };
    const created = await value<{ kind: string; result: { client_id: string } }>('clients.create', { draft });
    expect(created.kind).toBe('done');
    const issued = await value<{ kind: string; result: { cards: { card_id: string }[] } }>('cards.issue', {
      clientId: created.result.client_id,
    });
    expect(issued.kind).toBe('done');
    const cardId = issued.result.cards[0]?.card_id;
    expect(cardId).toBeDefined();
    const info = await value<{ kind: string; result: Record<string, unknown> }>('cards.info', { cardId });
    expect(info).toMatchObject({ kind: 'done', result: { card: { card_id: cardId } } });
    const test = await value('vault.testConnection', { profileId: 'sandbox' });
    expect(test).toEqual({ result: 'signature_accepted' });
  }, 30_000);

  it('shows and reaches sandbox profiles only', async () => {
    preview.services.desk.applyProvisioning(parseProvisioning(TEST_PROFILE, 'kz-test.json'));
    expect((await preview.services.desk.profiles()).map((p) => p.id)).toContain('kz-test');

    const listed = await value<{ id: string; environment: string }[]>('profiles.list');
    expect(listed.map((p) => p.id)).toEqual(['sandbox']);

    const refused = async (method: string, args: unknown) => {
      expect((await api(method, args)).json()).toMatchObject({ ok: false, error: { code: 'preview_sandbox_only' } });
    };
    await refused('profiles.switch', { profileId: 'kz-test' });
    await refused('vault.status', { profileId: 'kz-test' });
    await refused('vault.setSecret', { profileId: 'kz-test', secret: 'nope' });
    await refused('vault.testConnection', { profileId: 'kz-test' });
    await refused('profiles.remove', { profileId: 'kz-test', confirm: true });
    await refused('journal.search', { profileId: 'kz-test' });
    // Audited actions of other profiles stay out of the preview's audit view.
    preview.services.desk.audit('secret.set', { profileId: 'kz-test' });
    preview.services.desk.audit('secret.set', { profileId: 'sandbox' });
    const audit = await value<{ entries: { profileId: string | null }[] }>('journal.audit', { action: 'secret.set' });
    expect(audit.entries.map((e) => e.profileId)).toEqual(['sandbox']);
    await refused('profiles.import', { fileName: 'again.json', content: TEST_PROFILE });
    await refused('profiles.save', {
      profile: {
        id: 'kz-test',
        name: 'Now a sandbox?',
        region: 'sandbox',
        environment: 'sandbox',
        baseUrl: 'http://127.0.0.1:9/',
        merchantId: 7,
        scheme: 'sha256-body',
        allowedOperations: ['cards'],
      },
    });
    expect(preview.services.desk.activeProfileId()).toBe('sandbox');

    // Were the desk's active profile a test one (another process's doing), card operations are refused too.
    preview.services.desk.switchProfile('kz-test');
    try {
      await refused('cards.info', { cardId: '123456' });
    } finally {
      preview.services.desk.switchProfile('sandbox');
    }
  });

  it('switches a test profile away at start: the preview uses Sandbox', async () => {
    const dir = tempDir('card-desk-preview-active-');
    const first = await startPreview({ port: 0, dataDir: dir, rendererDir });
    first.services.desk.applyProvisioning(parseProvisioning(TEST_PROFILE, 'kz-test.json'));
    first.services.desk.switchProfile('kz-test');
    await first.close();
    const second = await startPreview({ port: 0, dataDir: dir, rendererDir });
    try {
      expect(second.services.desk.activeProfileId()).toBe('sandbox');
    } finally {
      await second.close();
    }
  });

  it('streams contract events over SSE', async () => {
    const received: { event: string; payload: unknown }[] = [];
    let buffer = '';
    const stream = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: preview.port,
        path: '/api/events',
        headers: { 'X-Card-Desk-Token': token },
      });
      req.on('response', resolve);
      req.on('error', reject);
      req.end();
    });
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const arrived = new Promise<void>((resolve) => {
      stream.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of frame.split('\n')) {
            if (line.startsWith('data: '))
              received.push(JSON.parse(line.slice(6)) as { event: string; payload: unknown });
          }
          if (received.some((r) => r.event === 'requests.changed')) resolve();
        }
      });
    });
    await value('profiles.switch', { profileId: 'sandbox' });
    await value('clients.create', {
      draft: {
        product_id: 2000,
        client: { phone: 77011112233, type: 1, resident: 1, first_name: 'A', last_name: 'B' },
      },
    });
    await arrived;
    stream.destroy();
    expect(received).toContainEqual({ event: 'profiles.switched', payload: { profileId: 'sandbox' } });
    expect(received.find((r) => r.event === 'requests.changed')?.payload).toMatchObject({ op: 'client.create' });
  });
});
