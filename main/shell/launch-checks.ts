// What a packaged build refuses from the way it was launched (docs/packaging.md, hardening): switches that open a
// debugger or rewrite the JavaScript engine (anyone who can start the app could then read the operator's session
// and secrets through them), and a data folder chosen by an environment variable (which would let a launcher
// point the app at planted settings). Development builds and tests keep both.

/** Chromium's debugging port and pipe, Node's inspector (--inspect, --inspect-brk, --inspect-port, …), V8 flags. */
function isRefusedSwitch(name: string): boolean {
  return (
    name === 'remote-debugging-port' ||
    name === 'remote-debugging-pipe' ||
    name === 'js-flags' ||
    name.startsWith('inspect')
  );
}

/**
 * The first refused switch in `argv` as it was given, or undefined. Chromium reads `--name`, `-name` and, on
 * Windows, `/name`, case-insensitively there; `=value` is cut off. Every argument is checked, wherever it stands.
 */
export function refusedSwitch(
  argv: readonly string[],
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const prefix = platform === 'win32' ? /^(?:--|-|\/)/ : /^--?/;
  return argv.slice(1).find((arg) => {
    if (!prefix.test(arg)) return false;
    const name = arg.replace(prefix, '').split('=')[0] ?? '';
    return isRefusedSwitch(platform === 'win32' ? name.toLowerCase() : name);
  });
}

/** The data folder CARD_DESK_DATA_DIR asks for, honoured only outside a packaged build. */
export function dataDirFromEnv(packaged: boolean, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (packaged) return undefined;
  const dir = env.CARD_DESK_DATA_DIR;
  return dir === undefined || dir === '' ? undefined : dir;
}
