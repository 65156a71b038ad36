// The operator PIN form: the contract's PIN format, the new PIN typed twice, and the current PIN required
// once a PIN is set (main checks it).
import { z } from 'zod';
import { contract } from '../../../../../common/contract/index.ts';

const shape = contract['session.setPin'].args.shape;

export function pinFormSchema(pinSet: boolean) {
  return z
    .object({
      currentPin: pinSet ? shape.newPin : z.string(),
      newPin: shape.newPin,
      repeatPin: z.string(),
    })
    .refine((form) => form.repeatPin === form.newPin, { path: ['repeatPin'], message: 'the PINs differ' });
}
export type PinFormValues = z.infer<ReturnType<typeof pinFormSchema>>;
