// `card-desk operator add|list|disable|enable|reset-pin|hash-pin`: operator accounts of a workstation's data
// folder (docs/provisioning.md, operators). PINs and passphrases come from standard input only, never from an
// argument (which other users of the machine could see), and are never printed.
import type { z } from 'zod';
import type { OperatorView } from '../../../common/contract/index.ts';
import {
  operatorIdSchema,
  operatorNameSchema,
  operatorSecretSchema,
  roleSchema,
  type Role,
} from '../../../common/contract/rights.ts';
import type { Desk } from '../../core/desk.ts';
import { hashPin } from '../../core/session/pin-hash.ts';
import { withDesk } from '../desk-context.ts';
import { readSecretFromStdin } from '../secret-input.ts';
import { EXIT, parseOptions, requireOption, UsageError, writeJson } from '../usage.ts';

const OPTIONS = {
  'data-dir': { type: 'string' },
  id: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function field<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

function rolesOf(text: string): Role[] {
  const roles = text.split(',').map((r) => field(roleSchema, r.trim(), 'role'));
  return [...new Set(roles)];
}

/** The PIN or passphrase from standard input, checked like the app checks it. */
async function secretFromStdin(): Promise<string> {
  const input = await readSecretFromStdin(process.stdin, 'PIN or passphrase');
  const secret = input.toString('utf8');
  input.fill(0);
  const parsed = operatorSecretSchema.safeParse(secret);
  if (!parsed.success) throw new UsageError(`the PIN or passphrase: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

function line(o: OperatorView): string {
  const state = o.enabled ? 'enabled' : 'disabled';
  const locked = o.lockedUntil === null ? '' : `  locked until ${new Date(o.lockedUntil).toISOString()}`;
  return `${o.id}  ${o.name}  ${o.roles.join(',')}  ${state}  ${o.source}${locked}`;
}

export async function operatorCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values } = parseOptions(rest, OPTIONS);
  const id = () => field(operatorIdSchema, requireOption(values.id, 'id'), 'id');
  const inDesk = (use: (desk: Desk) => Promise<string | undefined>) =>
    withDesk(values['data-dir'], async (desk) => {
      const said = await use(desk);
      if (said !== undefined) process.stdout.write(`${said}\n`);
      return EXIT.done;
    });
  switch (action) {
    case 'add': {
      const operatorId = id();
      const name = field(operatorNameSchema, requireOption(values.name, 'name'), 'name');
      const roles = rolesOf(requireOption(values.role, 'role'));
      const secret = await secretFromStdin();
      return inDesk(async (desk) => {
        await desk.operators.add({ id: operatorId, name, roles, secret, source: 'workstation' });
        desk.audit('operator.add', { operatorId, roles: roles.join(','), cli: true });
        return `added operator ${operatorId} (${roles.join(',')})`;
      });
    }
    case 'list':
      return inDesk((desk) => {
        const all = desk.operators.list();
        if (values.json === true) {
          writeJson(all);
          return Promise.resolve(undefined);
        }
        return Promise.resolve(all.length === 0 ? 'no operators' : all.map(line).join('\n'));
      });
    case 'disable':
    case 'enable': {
      const operatorId = id();
      return inDesk((desk) => {
        if (action === 'disable') desk.operators.disable(operatorId);
        else desk.operators.enable(operatorId);
        desk.audit(`operator.${action}`, { operatorId, cli: true });
        return Promise.resolve(`${action}d operator ${operatorId}`);
      });
    }
    case 'reset-pin': {
      const operatorId = id();
      const secret = await secretFromStdin();
      return inDesk(async (desk) => {
        await desk.operators.resetSecret(operatorId, secret);
        desk.audit('operator.secret.reset', { operatorId, cli: true });
        return `new PIN or passphrase set for operator ${operatorId}`;
      });
    }
    case 'hash-pin':
      process.stdout.write(`${await hashPin(await secretFromStdin())}\n`);
      return EXIT.done;
    default:
      throw new UsageError(
        `operator: expected add, list, disable, enable, reset-pin or hash-pin, got ${JSON.stringify(action ?? '')}`,
      );
  }
}
