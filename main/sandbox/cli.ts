// `card-desk sandbox`: start, print one line on stdout, run until SIGINT/SIGTERM.
import { isLoopbackHost } from './loopback.ts';
import { parseSandboxArgs, USAGE } from './args.ts';
import { StateFileError } from './persistence.ts';
import { SandboxConfigError, startSandbox, type RunningSandbox } from './sandbox.ts';

const PREFIX = 'card-desk sandbox:';

/** Resolves with the exit code: 0 after a signal, 2 for bad flags or a refused configuration, 1 otherwise. */
export async function sandboxMain(argv: string[]): Promise<number> {
  const parsed = parseSandboxArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${PREFIX} ${parsed.message} (see --help)\n`);
    return 2;
  }
  const { host } = parsed.options;
  if (host !== undefined && !isLoopbackHost(host)) {
    process.stderr.write(
      `${PREFIX} --host ${host} refused: the sandbox listens only on loopback (127.0.0.0/8, ::1, localhost)\n`,
    );
    return 2;
  }

  let sandbox: RunningSandbox;
  try {
    sandbox = await startSandbox(parsed.options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${PREFIX} ${message}\n`);
    return error instanceof SandboxConfigError || error instanceof StateFileError ? 2 : 1;
  }
  if (parsed.generatedSecret !== undefined)
    process.stderr.write(`sandbox merchant 1 secret ${parsed.generatedSecret}\n`);
  process.stdout.write(`Card API sandbox listening on ${sandbox.url}\n`);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  try {
    await sandbox.close();
  } catch (error) {
    process.stderr.write(
      `${PREFIX} state not saved on exit: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  return 0;
}
