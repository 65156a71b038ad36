// Each Card API method sends the catalog operation its metadata names (docs/adding-an-operation.md, "5. Main").
// The compiler checks that every method has a handler, not that the handler runs the right operation: here the
// embedded sandbox fails the next request of the named operation with a 500 (before anything is recorded), and
// the method's call must be the one that meets it. The client then recovers as usual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_API_SCOPES, contract, METHOD_NAMES, type Scope } from '../../common/contract/index.ts';
import { createServices, type Services } from '../../main/core/services/index.ts';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.ts';
import { openTestDesk, TEST_APP_INFO } from '../support/test-desk.ts';
import { examplesFor, keysOf } from '../verify/fuzz-args.ts';
import { approval, signInAdmin } from '../support/sign-in.ts';

const CARD_API_METHODS = METHOD_NAMES.filter((m) => (CARD_API_SCOPES as readonly Scope[]).includes(contract[m].scope));
/** Ids need not exist: the fault fires on the operation's path before the sandbox looks at the body. */
const IDS = { clientId: 'cl_1', cardId: 'card_1', profileId: 'sandbox', operatorPin: '1234', kioskPin: '12345678' };

let services: Services;
let sandbox: RunningSandbox | undefined;

beforeAll(async () => {
  const desk = openTestDesk({
    startEmbedded: async ({ merchant, stateFile }) => {
      sandbox = await startSandbox({ merchants: [merchant], stateFile, asyncMs: 5 });
      return sandbox;
    },
  });
  services = createServices({
    desk,
    appInfo: TEST_APP_INFO,
    report: () => undefined,
  });
  await signInAdmin(services);
  await desk.embeddedUrl();
});
afterAll(async () => {
  await services.close();
});

describe('every Card API method sends the operation its metadata names', () => {
  it.each(CARD_API_METHODS)('%s', async (method) => {
    const op = contract[method].op;
    if (op === undefined || sandbox === undefined) throw new Error(`${method}: no op, or no sandbox`);
    const fired = () => sandbox?.stats().faultsInjected.http_500 ?? 0;
    const before = fired();
    sandbox.setFaults({ next: [{ op, kind: 'http_500', count: 1 }] });
    // The first example of each method sends without a PIN key or other set-up (cards.setPin: a generated PIN).
    // A second operator approves every method that takes an approval (dual control).
    const approved = keysOf(method).includes('approval') ? { approval: await approval(services) } : {};
    const reply = await services.dispatch(method, { ...examplesFor(method, IDS)[0], ...approved });
    sandbox.clearFaults();
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    expect(fired() - before, `${method} did not send ${op}: docs/adding-an-operation.md, "5. Main"`).toBe(1);
  });
});
