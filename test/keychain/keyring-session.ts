// vitest globalSetup for the 'keychain' project: a private D-Bus session with a throw-away gnome-keyring, so keytar
// runs against a real Secret Service and the user's own keyring is never touched (keytar needs a Secret Service on a D-Bus session).
// The session's environment is handed to the workers with `provide`, and applied there by keyring-env.ts, so it
// does not leak into the other projects' workers. Needs the apt packages dbus-daemon, dbus-bin and gnome-keyring.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { TestProject } from 'vitest/node';

export type KeyringEnv = Record<
  'DBUS_SESSION_BUS_ADDRESS' | 'XDG_RUNTIME_DIR' | 'XDG_DATA_HOME' | 'XDG_CONFIG_HOME' | 'XDG_CACHE_HOME',
  string
>;

declare module 'vitest' {
  export interface ProvidedContext {
    keyringEnv: KeyringEnv;
  }
}

const BINARIES: Record<string, string> = {
  'dbus-daemon': 'dbus-daemon (or dbus)',
  'dbus-send': 'dbus-bin (or dbus)',
  'gnome-keyring-daemon': 'gnome-keyring',
};
const READY_TIMEOUT_MS = 10_000;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = Object.keys(BINARIES).filter((name) => findOnPath(name) === undefined);
  if (missing.length > 0) {
    throw new Error(
      `keychain tests need ${missing.join(', ')} on PATH: apt-get install -y ${[
        ...new Set(missing.map((name) => BINARIES[name]!.split(' ')[0]!)),
      ].join(' ')}`,
    );
  }

  const root = mkdtempSync(join(tmpdir(), 'card-desk-keyring-'));
  const dirs = {
    run: join(root, 'run'),
    data: join(root, 'data'),
    config: join(root, 'config'),
    cache: join(root, 'cache'),
    home: join(root, 'home'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true, mode: 0o700 });

  const started: ChildProcess[] = [];
  const stopAll = async () => {
    for (const child of [...started].reverse()) await stop(child);
    started.length = 0;
    rmSync(root, { recursive: true, force: true });
  };
  // If vitest dies without teardown, still end exactly our two daemons.
  const onExit = () => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', onExit);

  try {
    // Our own bus configuration: no service directories, so nothing on this bus is ever auto-activated (no second
    // keyring, no prompter); the only Secret Service is the daemon started below.
    const busSocket = join(dirs.run, 'bus');
    const busConfig = join(root, 'session.conf');
    writeFileSync(
      busConfig,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${busSocket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
    );
    const bus = spawn('dbus-daemon', [`--config-file=${busConfig}`, '--nofork', '--print-address=1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(bus);
    const address = await firstLine(bus, 'dbus-daemon');

    const keyringEnv: KeyringEnv = {
      DBUS_SESSION_BUS_ADDRESS: address,
      XDG_RUNTIME_DIR: dirs.run,
      XDG_DATA_HOME: dirs.data,
      XDG_CONFIG_HOME: dirs.config,
      XDG_CACHE_HOME: dirs.cache,
    };
    const daemonEnv: NodeJS.ProcessEnv = { ...process.env, ...keyringEnv, HOME: dirs.home };
    delete daemonEnv.DISPLAY;
    delete daemonEnv.WAYLAND_DISPLAY;
    delete daemonEnv.GNOME_KEYRING_CONTROL;

    const keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
      env: daemonEnv,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    started.push(keyring);
    let keyringStderr = '';
    keyring.stderr.setEncoding('utf8').on('data', (chunk: string) => (keyringStderr += chunk));
    // --unlock reads the login keyring's password from stdin until end of file: a throw-away one.
    keyring.stdin.end('card-desk-throwaway-keyring-password');

    await waitForSecretService(daemonEnv, keyring, () => keyringStderr);
    project.provide('keyringEnv', keyringEnv);
  } catch (error) {
    await stopAll();
    process.removeListener('exit', onExit);
    throw error;
  }

  return async () => {
    await stopAll();
    process.removeListener('exit', onExit);
  };
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function firstLine(child: ChildProcess, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      finish(new Error(`${name} printed no address within ${READY_TIMEOUT_MS} ms: ${err.trim()}`));
    }, READY_TIMEOUT_MS);
    const finish = (error: Error | undefined, line?: string) => {
      clearTimeout(timer);
      child.stdout?.removeAllListeners('data');
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      if (error) reject(error);
      else resolve(line!);
    };
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const end = out.indexOf('\n');
      if (end >= 0) finish(undefined, out.slice(0, end).trim());
    });
    child.once('error', (error) => {
      finish(new Error(`could not start ${name}: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      finish(new Error(`${name} exited (${String(code ?? signal)}) before printing its address: ${err.trim()}`));
    });
  });
}

async function waitForSecretService(env: NodeJS.ProcessEnv, keyring: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline) {
    if (keyring.exitCode !== null || keyring.signalCode !== null) {
      throw new Error(`gnome-keyring-daemon exited (${String(keyring.exitCode ?? keyring.signalCode)}): ${stderr()}`);
    }
    last = await nameHasOwner(env);
    if (/boolean true/.test(last)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `org.freedesktop.secrets was not owned on the private bus within ${READY_TIMEOUT_MS} ms ` +
      `(is the gnome-keyring package installed?): ${last.trim()} ${stderr().trim()}`,
  );
}

function nameHasOwner(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.freedesktop.secrets',
      ],
      { env, timeout: 2_000 },
      (error, stdout, stderr) => {
        resolve(error ? `${error.message} ${stderr}` : stdout);
      },
    );
  });
}

/** Ends one child we started: SIGTERM, then SIGKILL if it has not exited after 3 s. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
