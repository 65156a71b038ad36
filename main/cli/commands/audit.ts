// `card-desk audit …`: the audit trail from the command line. One module per action.
import { auditShip } from './audit-ship.ts';
import { auditVerifyCommand } from './audit-verify.ts';
import { UsageError } from '../usage.ts';

export async function auditCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'ship') return auditShip(rest);
  if (action === 'verify') return auditVerifyCommand(rest);
  throw new UsageError(`audit: expected "verify" or "ship", got ${JSON.stringify(action ?? '')}`);
}
