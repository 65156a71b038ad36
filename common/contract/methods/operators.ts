// Operator accounts on this workstation (docs/architecture.md, "Operators and roles"). Secrets go in, never
// out: no method returns a PIN, a passphrase or its hash.
import { z } from 'zod';
import { method } from '../method.ts';
import { approvalSchema, operatorIdSchema, operatorNameSchema, operatorSecretSchema, roleSchema } from '../rights.ts';
import type { OperatorView } from '../views.ts';
import { none } from './shared.ts';

const manage = { scope: 'operators', right: 'operators' } as const;
const approval = approvalSchema.optional();
const onOperator = { operatorId: operatorIdSchema, approval };

export const operatorMethods = {
  'operators.list': method(none, manage).returns<OperatorView[]>(),
  'operators.add': method(
    z.strictObject({
      operatorId: operatorIdSchema,
      name: operatorNameSchema,
      roles: z.array(roleSchema).min(1, 'at least one role'),
      secret: operatorSecretSchema,
      approval,
    }),
    manage,
  ).returns<OperatorView>(),
  /** Disabled operators cannot sign in; their records keep naming them. An operator cannot disable themself. */
  'operators.disable': method(z.strictObject(onOperator), manage).returns<OperatorView>(),
  'operators.enable': method(z.strictObject(onOperator), manage).returns<OperatorView>(),
  /** Sets a new PIN or passphrase and clears the wrong-attempt back-off. */
  'operators.resetSecret': method(
    z.strictObject({ ...onOperator, secret: operatorSecretSchema }),
    manage,
  ).returns<OperatorView>(),
} as const;
