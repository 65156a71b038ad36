// `card-desk policy hash-pin`: turns a kiosk admin PIN into the scrypt hash a policy file carries
// (`policy.kioskExitPinHash`), so no PIN ever sits in a file.
import { ADMIN_PIN } from '../../core/session/kiosk-exit.ts';
import { hashPin } from '../../core/session/pin-hash.ts';
import { readSecretFromStdin } from '../secret-input.ts';
import { EXIT, parseOptions, UsageError } from '../usage.ts';

export async function policyCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'hash-pin') throw new UsageError(`policy: expected "hash-pin", got ${JSON.stringify(action ?? '')}`);
  parseOptions(rest, {});
  const input = await readSecretFromStdin();
  const pin = input.toString('utf8');
  input.fill(0);
  if (!ADMIN_PIN.test(pin)) throw new UsageError('the admin PIN must be 8 to 12 digits');
  process.stdout.write(`${await hashPin(pin)}\n`);
  return EXIT.done;
}
