// Attack tests: each `attack(name, run)` tries one attack on the app and records it in the figures' `attacks`
// row (test/verify/figures.ts), which `npm test` and `npm run verify` print. `run` carries out the attack and
// asserts that the defence held; when it throws, the attack counts as succeeded (a defence that could not be
// shown to hold is not one) and the test fails with the error. Attack files go in an `attacks/` folder of their
// kind of test (test/unit/attacks, test/integration/attacks, test/e2e/attacks): `npm run verify` runs those too.
import { recordAttack } from '../verify/figures.ts';

export async function attack(name: string, run: () => Promise<void> | void): Promise<void> {
  let succeeded = true;
  try {
    await run();
    succeeded = false;
  } finally {
    recordAttack(name, succeeded);
  }
}
