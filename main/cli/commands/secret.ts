// `card-desk secret set|status|clear|test <profile id>`: write-only secret handling through the keychain.
import type { ConnectionTest } from '../../../common/contract/index.ts';
import { withDesk } from '../desk-context.ts';
import { readSecretFromStdin } from '../secret-input.ts';
import { EXIT, parseOptions, UsageError, writeJson } from '../usage.ts';

export async function secretCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseOptions(
    rest,
    { 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
    true,
  );
  const [id, ...extra] = positionals;
  if (id === undefined) throw new UsageError(`secret ${action ?? ''}: missing profile id`);
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  const dataDir = values['data-dir'];
  switch (action) {
    case 'set': {
      const secret = await readSecretFromStdin();
      return withDesk(dataDir, async (desk) => {
        try {
          await desk.setSecret(id, secret);
        } finally {
          secret.fill(0);
        }
        process.stdout.write(`merchant secret stored in the OS keychain for ${id}\n`);
        return EXIT.done;
      });
    }
    case 'status':
      return withDesk(dataDir, async (desk) => {
        const p = await desk.profile(id);
        if (values.json === true) writeJson({ profile: id, secret: p.secret, pinKey: p.pinKey, store: p.secretStore });
        else process.stdout.write(`${id}: merchant secret ${p.secret}, PIN key ${p.pinKey}\n`);
        return EXIT.done;
      });
    case 'clear':
      return withDesk(dataDir, async (desk) => {
        await desk.clearSecret(id);
        process.stdout.write(`merchant secret cleared for ${id}\n`);
        return EXIT.done;
      });
    case 'test':
      return withDesk(dataDir, async (desk) => {
        const test = await desk.testConnection(id);
        if (values.json === true) writeJson(test);
        else process.stdout.write(`${id}: ${describeTest(test)}\n`);
        if (test.result === 'signature_accepted') return EXIT.done;
        return test.result === 'unreachable' ? EXIT.transport : EXIT.businessError;
      });
    default:
      throw new UsageError(`secret: expected set, status, clear or test, got ${JSON.stringify(action ?? '')}`);
  }
}

function describeTest(test: ConnectionTest): string {
  switch (test.result) {
    case 'signature_accepted':
      return 'signature accepted (the server knows the merchant and the secret is right)';
    case 'invalid_signature':
      return `signature refused: the secret is wrong (${test.description})`;
    case 'unknown_merchant':
      return `the server does not know this merchant Auth-Id (${test.description})`;
    case 'unreachable':
      return `the server could not be reached: ${test.reason}`;
    case 'unexpected':
      return `unexpected answer: ${test.description}`;
  }
}
