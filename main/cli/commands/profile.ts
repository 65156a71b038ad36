// `card-desk profile list|show|import|remove`.
import { createInterface } from 'node:readline/promises';
import type { ProfileView } from '../../../common/contract/index.ts';
import { withDesk } from '../desk-context.ts';
import { EXIT, parseOptions, UsageError, writeJson } from '../usage.ts';

const OPTIONS = { 'data-dir': { type: 'string' }, json: { type: 'boolean' }, yes: { type: 'boolean' } } as const;

export async function profileCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseOptions(rest, OPTIONS, true);
  const [target, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  const needsTarget = (what: string): string => {
    if (target === undefined) throw new UsageError(`profile ${action ?? ''}: missing ${what}`);
    return target;
  };
  const json = values.json === true;
  switch (action) {
    case 'list':
      return withDesk(values['data-dir'], async (desk) => {
        const profiles = await desk.profiles();
        if (json) writeJson(profiles);
        else for (const p of profiles) process.stdout.write(`${summary(p)}\n`);
        return EXIT.done;
      });
    case 'show': {
      const id = needsTarget('profile id');
      return withDesk(values['data-dir'], async (desk) => {
        const profile = await desk.profile(id);
        if (json) writeJson(profile);
        else process.stdout.write(details(profile));
        return EXIT.done;
      });
    }
    case 'import': {
      const file = needsTarget('provisioning file');
      return withDesk(values['data-dir'], (desk) => {
        const report = desk.importProvisioning(file);
        if (json) writeJson(report);
        else
          process.stdout.write(
            `imported ${file}: ${String(report.added.length)} added, ${String(report.updated.length)} updated, ${String(report.unchanged.length)} unchanged\n`,
          );
        return Promise.resolve(EXIT.done);
      });
    }
    case 'remove': {
      const id = needsTarget('profile id');
      if (values.yes !== true && !(await confirm(`Remove profile "${id}" and its secret from the keychain? [y/N] `))) {
        process.stderr.write('not removed\n');
        return EXIT.usage;
      }
      return withDesk(values['data-dir'], async (desk) => {
        await desk.removeProfile(id);
        process.stdout.write(`removed profile ${id}\n`);
        return EXIT.done;
      });
    }
    default:
      throw new UsageError(`profile: expected list, show, import or remove, got ${JSON.stringify(action ?? '')}`);
  }
}

/** Asks on a terminal; without one, removal needs --yes. */
async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new UsageError('profile remove: pass --yes to confirm without a terminal');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

function summary(p: ProfileView): string {
  return [
    p.id.padEnd(16),
    p.name.padEnd(24),
    `${p.region}/${p.environment}`.padEnd(20),
    `merchant ${String(p.merchantId)}`.padEnd(18),
    `secret ${p.secret}`,
  ].join(' ');
}

function details(p: ProfileView): string {
  const rows: [string, string][] = [
    ['id', p.id],
    ['name', p.name],
    ['region', p.region],
    ['environment', p.environment],
    ['base URL', p.embedded === true ? 'embedded sandbox (loopback, started on use)' : p.baseUrl],
    ['merchant Auth-Id', String(p.merchantId)],
    ['signing scheme', p.scheme],
    ['allowed operations', p.allowedOperations.join(', ')],
    ['on this workstation', p.effectiveOperations.join(', ')],
    ['merchant secret', `${p.secret}${p.secretStore === 'memory' ? ' (in memory only)' : ''}`],
    ['PIN key', p.pinKey],
  ];
  return rows.map(([k, v]) => `${k.padEnd(20)} ${v}\n`).join('');
}
