// The security proof of the IPC surface: contract methods == channels main registers == methods the preload
// exposes == core's handlers; untrusted senders are refused before any handler runs; the lock holds over IPC.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../../main/core/services/index.ts';
import { isTrustedSender, type SenderEvent } from '../../../main/shell/guards.ts';
import { registerAppIpc, registerIpc, UNTRUSTED_SENDER, type IpcMainLike } from '../../../main/shell/ipc.ts';
import {
  channelOf,
  contract,
  EVENT_NAMES,
  eventChannelOf,
  METHOD_NAMES,
  type EventName,
  type Reply,
} from '../../../common/contract/index.ts';
import { openTestDesk } from '../../support/test-desk.ts';
import { senderEvent } from './fakes.ts';
import { signInAdmin, TEST_ADMIN } from '../../support/sign-in.ts';

type Handler = (event: SenderEvent, args: unknown) => Promise<Reply<unknown>>;

const electron = vi.hoisted(() => {
  const handlers = new Map<string, unknown>();
  const exposed = new Map<string, unknown>();
  const rendererListeners = new Map<string, unknown[]>();
  return {
    handlers,
    exposed,
    rendererListeners,
    ipcMain: {
      handle: (channel: string, listener: unknown) => handlers.set(channel, listener),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: string, args: unknown) => Promise.resolve({ ok: true, value: { channel, args } }),
      on: (channel: string, listener: unknown) =>
        rendererListeners.set(channel, [...(rendererListeners.get(channel) ?? []), listener]),
      removeListener: (channel: string, listener: unknown) =>
        rendererListeners.set(
          channel,
          (rendererListeners.get(channel) ?? []).filter((l) => l !== listener),
        ),
    },
  };
});
vi.mock('electron', () => ({
  ipcMain: electron.ipcMain,
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
}));

const CHANNEL_PREFIX = 'card-desk:';
const sorted = (names: Iterable<string>) => [...names].sort();

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

/** Every callable path of the object the preload exposed, e.g. `cards.block`, `on`. */
function flatten(value: unknown, prefix = ''): { functions: string[]; keys: string[] } {
  const functions: string[] = [];
  const keys: string[] = [];
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    keys.push(key);
    if (typeof inner === 'function') functions.push(path);
    else if (typeof inner === 'object' && inner !== null) {
      const nested = flatten(inner, path);
      functions.push(...nested.functions);
      keys.push(...nested.keys);
    } else throw new Error(`${path} is neither a function nor a group`);
  }
  return { functions, keys };
}

let services: Services;
const reports: unknown[] = [];

beforeAll(async () => {
  const desk = openTestDesk();
  services = createServices({
    desk,
    appInfo: {
      name: 'Card Desk',
      version: '0.0.0-test',
      platform: 'linux',
      development: true,
      electron: '45.0.0',
      transport: 'ipc',
    },
    report: (error) => reports.push(error),
  });
  await signInAdmin(services);
});
afterAll(async () => {
  await services.close();
});

describe('one surface: contract == main channels == preload exposure == core handlers', () => {
  it('all four sets are the same set', async () => {
    const contractMethods = sorted(Object.keys(contract));
    expect(contractMethods).toEqual(sorted(METHOD_NAMES));
    expect(contractMethods.length).toBeGreaterThan(40);

    const { ipcMain, handlers } = fakeIpcMain();
    const { channels } = registerIpc(ipcMain, services, {
      isTrusted: () => true,
      targets: () => [],
      log: () => undefined,
    });
    expect(sorted(handlers.keys())).toEqual(sorted(channels));
    for (const channel of handlers.keys()) expect(channel.startsWith(CHANNEL_PREFIX)).toBe(true);
    const registered = sorted([...handlers.keys()].map((channel) => channel.slice(CHANNEL_PREFIX.length)));

    await import('../../../preload/index.ts');
    expect([...electron.exposed.keys()]).toEqual(['cardDesk']);
    const { functions, keys } = flatten(electron.exposed.get('cardDesk'));
    const exposedMethods = sorted(functions.filter((path) => path !== 'on'));
    expect(functions).toContain('on');

    const coreHandlers = sorted(Object.keys(services.handlers));

    expect(registered).toEqual(contractMethods);
    expect(exposedMethods).toEqual(contractMethods);
    expect(coreHandlers).toEqual(contractMethods);
    // Nothing else: `on` is the only extra, and no generic door to IPC exists at any depth.
    expect(functions.length).toBe(contractMethods.length + 1);
    for (const key of keys)
      expect(key).not.toMatch(/^(invoke|send|sendSync|ipcRenderer|postMessage|require|process)$/i);
  });

  it('each exposed method invokes exactly its own channel; `on` uses its event channel and unsubscribes', async () => {
    await import('../../../preload/index.ts');
    const api = electron.exposed.get('cardDesk') as Record<
      string,
      Record<string, (args?: unknown) => Promise<unknown>>
    > & {
      on: (event: EventName, listener: (payload: unknown) => void) => () => void;
    };
    for (const method of METHOD_NAMES) {
      const [group, name] = [method.slice(0, method.indexOf('.')), method.slice(method.indexOf('.') + 1)];
      await expect(api[group]![name]!({ probe: method })).resolves.toEqual({
        channel: channelOf(method),
        args: { probe: method },
      });
    }
    for (const event of EVENT_NAMES) {
      const seen: unknown[] = [];
      const off = api.on(event, (payload) => seen.push(payload));
      const [listener] = electron.rendererListeners.get(eventChannelOf(event)) as ((e: unknown, p: unknown) => void)[];
      listener!({ sender: 'ipc internals' }, { n: 1 });
      expect(seen).toEqual([{ n: 1 }]);
      off();
      expect(electron.rendererListeners.get(eventChannelOf(event))).toEqual([]);
    }
    expect(() => api.on('not.an.event' as EventName, () => undefined)).toThrow(/unknown event/);
  });

  it('the production wiring registers on electron.ipcMain and can be undone', () => {
    const { channels, dispose } = registerAppIpc(services, {
      isTrusted: () => true,
      targets: () => [],
      log: () => undefined,
    });
    expect(sorted(electron.handlers.keys())).toEqual(sorted(channels));
    dispose();
    expect(electron.handlers.size).toBe(0);
  });
});

describe('sender check', () => {
  it('an untrusted sender gets untrusted_sender, the dispatcher never runs, and it is logged', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const dispatch = vi.fn(services.dispatch);
    const log = vi.fn();
    const trusted = new Set([7]);
    registerIpc(
      ipcMain,
      { dispatch, events: services.events },
      {
        isTrusted: (event) => isTrustedSender(event, trusted),
        targets: () => [],
        log,
      },
    );
    const untrusted = [
      senderEvent({ id: 8 }),
      senderEvent({ id: 7, subFrame: true }),
      senderEvent({ id: 7, url: 'file:///tmp/index.html' }),
      senderEvent({ id: 7, url: 'http://127.0.0.1:5173/' }),
      senderEvent({ id: 7, noFrame: true }),
    ];
    for (const method of ['app.info', 'vault.setSecret', 'cards.revealSecret', 'session.signIn'] as const) {
      for (const event of untrusted) {
        const reply = await handlers.get(channelOf(method))!(event, { profileId: 'sandbox', secret: 'x' });
        expect(reply).toEqual(UNTRUSTED_SENDER);
        expect(reply).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
      }
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
    const ok = await handlers.get(channelOf('app.info'))!(senderEvent({ id: 7 }), {});
    expect(ok).toMatchObject({ ok: true, value: { transport: 'ipc' } });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('app.info', {});
  });

  it('arguments are parsed in main: malformed input is refused with invalid_arguments', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, services, { isTrusted: () => true, targets: () => [], log: () => undefined });
    const reply = await handlers.get(channelOf('cards.block'))!(senderEvent(), {
      cardId: 1,
      reason: 'bored',
      extra: true,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
  });
});

describe('events', () => {
  it('every contract event is forwarded on its channel to the trusted windows, and dispose stops it', () => {
    const { ipcMain } = fakeIpcMain();
    const sent: [string, unknown][] = [];
    const { dispose } = registerIpc(ipcMain, services, {
      isTrusted: () => true,
      targets: () => [{ send: (channel, payload) => sent.push([channel, payload]) }],
      log: () => undefined,
    });
    services.events.emit('requests.changed', { requestId: 'r1', op: 'card.block', state: 'done' });
    services.events.emit('requests.checkScheduled', { requestId: 'r1', nextCheckAt: 1, attempt: 2, checking: false });
    services.events.emit('session.lockChanged', { locked: true, reason: 'os' });
    services.events.emit('profiles.switched', { profileId: 'sandbox' });
    const progress = {
      jobId: 'j1',
      state: 'running' as const,
      total: 3,
      done: 1,
      failed: 0,
      remaining: 2,
      ratePerMinute: null,
      etaSeconds: null,
    };
    services.events.emit('bulk.progress', progress);
    expect(sent.map(([channel]) => channel)).toEqual(EVENT_NAMES.map(eventChannelOf));
    expect(sent[2]).toEqual([eventChannelOf('session.lockChanged'), { locked: true, reason: 'os' }]);
    dispose();
    services.events.emit('profiles.switched', { profileId: 'sandbox' });
    expect(sent).toHaveLength(EVENT_NAMES.length);
  });
});

describe('the lock is enforced in main, through the IPC handler', () => {
  it('while locked every method but the whileLocked few is refused with session_locked', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, services, { isTrusted: () => true, targets: () => [], log: () => undefined });
    const call = (method: (typeof METHOD_NAMES)[number], args: unknown = {}) =>
      handlers.get(channelOf(method))!(senderEvent(), args);

    expect(await call('session.lock')).toMatchObject({ ok: true, value: { locked: true } });

    expect(await call('profiles.list')).toEqual({
      ok: false,
      error: { code: 'session_locked', message: expect.any(String) as string },
    });
    expect(await call('vault.setSecret', { profileId: 'sandbox', secret: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'session_locked' },
    });
    for (const method of METHOD_NAMES.filter((m) => !contract[m].whileLocked)) {
      expect(await call(method)).toMatchObject({ ok: false, error: { code: 'session_locked' } });
    }
    expect(await call('session.state')).toMatchObject({ ok: true, value: { locked: true } });
    const signIn = (secret: string) => call('session.signIn', { operatorId: TEST_ADMIN.operatorId, secret });
    expect(await signIn('00000000')).toMatchObject({
      ok: false,
      error: { code: 'operator_unknown_or_wrong_secret' },
    });
    expect(await signIn(TEST_ADMIN.secret)).toMatchObject({ ok: true, value: { locked: false } });
    expect(await call('profiles.list')).toMatchObject({ ok: true });
    expect(reports).toEqual([]);
  });
});
