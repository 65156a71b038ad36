// The browser tests' operators (docs/architecture.md, operators and roles): the preview's contract called by the
// test itself, to sign the test administrator in before a page loads, and the dual-control choice provisioned
// before the preview starts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApprovableMethod } from '../../../common/contract/index.ts';
import { runCli } from '../../support/run-cli.ts';
import { TEST_ADMIN } from '../../support/sign-in.ts';

export type Call = (
  method: string,
  args: unknown,
) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

/** The preview's contract as a script calls it: it trades one printed link for a token of its own. */
export async function previewApi(url: string, link: string): Promise<Call> {
  const code = new URL(link).hash.slice('#code='.length);
  const json = { 'Content-Type': 'application/json' };
  const exchanged = await fetch(new URL('/auth/exchange', url), {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ code }),
  });
  const { value } = (await exchanged.json()) as { value: { token: string } };
  return async (method, args) => {
    const response = await fetch(new URL(`/api/${method}`, url), {
      method: 'POST',
      headers: { ...json, 'x-card-desk-token': value.token },
      body: JSON.stringify(args),
    });
    return (await response.json()) as Awaited<ReturnType<Call>>;
  };
}

/** Signs TEST_ADMIN in (created at the first start) unless they are signed in and unlocked already. */
export async function signInAdmin(call: Call): Promise<void> {
  const state = await call('session.state', {});
  const { firstStart, operator, locked } = state.value as {
    firstStart: boolean;
    operator: { id: string } | null;
    locked: boolean;
  };
  if (operator?.id === TEST_ADMIN.operatorId && !locked) return;
  if (operator !== null && operator.id !== TEST_ADMIN.operatorId) await call('session.signOut', {});
  const reply = firstStart
    ? await call('session.createFirstOperator', TEST_ADMIN)
    : await call('session.signIn', { operatorId: TEST_ADMIN.operatorId, secret: TEST_ADMIN.secret });
  if (!reply.ok) throw new Error(`signing the test administrator in: ${reply.error?.code ?? '?'}`);
}

/** An administrator's provisioning file carrying only the dual control choice (`card-desk profile import`). */
export async function provisionDualControl(dataDir: string, dualControl: readonly ApprovableMethod[]): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'e2e-dual-control.json');
  writeFileSync(file, JSON.stringify({ version: 1, profiles: [], policy: { dualControl } }));
  const imported = await runCli(['profile', 'import', file, '--data-dir', dataDir]);
  if (imported.code !== 0) throw new Error(`provisioning the dual control choice: ${imported.stderr}`);
}
