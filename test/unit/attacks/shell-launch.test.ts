// Attacks on how the packaged app is started (main/shell/launch-checks.ts, docs/packaging.md, hardening): a
// shortcut, a launcher or another local user adding a debugging switch to read the operator's session through
// DevTools or the inspector, or pointing CARD_DESK_DATA_DIR at a folder of planted settings. Electron is mocked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refusedSwitch } from '../../../main/shell/launch-checks.ts';
import { attack } from '../../support/attack.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { FakeEmitter } from '../shell/fakes.ts';

const electronModule = vi.hoisted((): Record<string, unknown> => {
  const module: Record<string, unknown> = {};
  module.default = module;
  return module;
});
vi.mock('electron', () => electronModule);

const DEFAULT_DATA_DIR = tempDir('card-desk-default-data-');

function fakeElectron(packaged: boolean) {
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: packaged,
    setName: vi.fn(),
    setPath: vi.fn(),
    getPath: vi.fn(() => DEFAULT_DATA_DIR),
    getVersion: () => '1.2.3',
    enableSandbox: vi.fn(),
    // A second instance: main.ts quits right after it has chosen its data folder.
    requestSingleInstanceLock: vi.fn(() => false),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: () => new Promise<void>(() => undefined),
  });
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
  return { app, protocol };
}

let stderr: string[];
const argv = process.argv;
beforeEach(() => {
  vi.resetModules();
  stderr = [];
  vi.spyOn(process, 'on').mockImplementation(() => process);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  process.argv = argv;
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function launch(packaged: boolean, args: string[]) {
  const electron = fakeElectron(packaged);
  Object.assign(electronModule, electron);
  process.argv = ['/opt/Card Desk/card-desk', ...args];
  await import('../../../main/shell/main.ts');
  return electron;
}

const SWITCHES = [
  '--remote-debugging-port=9222',
  '--remote-debugging-pipe',
  '--inspect',
  '--inspect=127.0.0.1:9229',
  '--inspect-brk',
  '--inspect-port=9229',
  '--js-flags=--allow-natives-syntax',
  '-remote-debugging-port=9222',
];

describe('launching the packaged app under attack', () => {
  it.each(SWITCHES)('%s: refuses to start, in one line, before anything is set up', (flag) =>
    attack(`shell: packaged app launched with ${flag}`, async () => {
      const { app, protocol } = await launch(true, ['--some-harmless', flag]);
      expect(app.exit).toHaveBeenCalledWith(2);
      expect(stderr).toEqual([`Card Desk: not starting with ${flag}: a packaged build accepts no debugging switch\n`]);
      expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
      expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
      expect(app.events()).toEqual([]);
    }),
  );

  it('refuses the Windows spellings too: /switch and any case', () =>
    attack('shell: packaged app launched with a Windows-style debugging switch', () => {
      expect(refusedSwitch(['card-desk.exe', '/remote-debugging-port=9222'], 'win32')).toBe(
        '/remote-debugging-port=9222',
      );
      expect(refusedSwitch(['card-desk.exe', '--Remote-Debugging-Pipe'], 'win32')).toBe('--Remote-Debugging-Pipe');
      expect(refusedSwitch(['card-desk.exe', '/JS-FLAGS=--expose-gc'], 'win32')).toBe('/JS-FLAGS=--expose-gc');
    }));

  it('CARD_DESK_DATA_DIR does not move a packaged app to a planted data folder', () =>
    attack('shell: CARD_DESK_DATA_DIR points a packaged app at planted data', async () => {
      vi.stubEnv('CARD_DESK_DATA_DIR', tempDir('card-desk-planted-'));
      const { app } = await launch(true, []);
      expect(app.exit).not.toHaveBeenCalled();
      expect(app.setPath).not.toHaveBeenCalled();
    }));
});

describe('a development build', () => {
  it('starts with debugging switches and honours CARD_DESK_DATA_DIR', async () => {
    const dir = tempDir('card-desk-dev-data-');
    vi.stubEnv('CARD_DESK_DATA_DIR', dir);
    const { app } = await launch(false, ['--inspect', '--remote-debugging-port=9222']);
    expect(app.exit).not.toHaveBeenCalled();
    expect(app.setPath).toHaveBeenCalledWith('userData', dir);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
  });

  it('lets ordinary arguments and values that only look like switches through', () => {
    expect(refusedSwitch(['card-desk', '--lang=ru', 'inspect', '--no-sandbox-for-x', '--', 'file.csv'], 'linux')).toBe(
      undefined,
    );
    expect(refusedSwitch(['card-desk', '/remote-debugging-port=1'], 'linux')).toBe(undefined);
    expect(refusedSwitch(['--inspect'], 'linux')).toBe(undefined); // argv[0] is the executable
  });
});
