// The browser preview's server over raw loopback HTTP, for the preview server tests
// (test/unit/preview-server-*.test.ts): a real desk in a temp data folder, the test administrator signed in, and
// a session token traded for a link's code as the page does.
import { request } from 'node:http';
import { startPreview, type Preview } from '../../main/preview/index.ts';
import { signInAdmin } from './sign-in.ts';

export const TEST_PROFILE = JSON.stringify({
  version: 1,
  profiles: [
    {
      id: 'kz-test',
      name: 'Almaty test',
      region: 'KZ',
      environment: 'test',
      baseUrl: 'https://test-api.example.kz',
      merchantId: 7,
    },
  ],
});

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => unknown;
}

export function codeOf(link: string): string {
  return new URLSearchParams(new URL(link).hash.slice(1)).get('code') ?? '';
}

export class PreviewHttp {
  /** A session token, as the page gets it by trading a link's code. */
  token = '';

  readonly preview: Preview;

  private constructor(preview: Preview) {
    this.preview = preview;
  }

  static async start(dataDir: string, rendererDir: string): Promise<PreviewHttp> {
    const preview = await startPreview({ port: 0, dataDir, rendererDir });
    await signInAdmin(preview.services);
    const http = new PreviewHttp(preview);
    http.token = await http.exchange(codeOf(preview.newLink()));
    return http;
  }

  /** A raw HTTP request: exact path (no normalisation) and any Host/Origin header. */
  raw(
    path: string,
    options: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: this.preview.port, path, method: options.method ?? 'GET', headers: options.headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text,
              json: () => JSON.parse(text) as unknown,
            });
          });
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  }

  /** What the page does with a link's code: trades it for a session token. */
  async exchange(code: string): Promise<string> {
    const answer = await this.raw('/auth/exchange', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const reply = answer.json() as { ok: boolean; value?: { token: string } };
    if (!reply.ok || reply.value === undefined) throw new Error(`exchange refused: ${answer.text}`);
    return reply.value.token;
  }

  api(method: string, args: unknown = {}, headers: Record<string, string> = {}): Promise<Answer> {
    return this.raw(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Card-Desk-Token': this.token, ...headers },
      body: JSON.stringify(args),
    });
  }

  async value<T>(method: string, args: unknown = {}): Promise<T> {
    const answer = await this.api(method, args);
    const reply = answer.json() as { ok: boolean; value?: T; error?: unknown };
    if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
    return reply.value as T;
  }
}
