// The run form's schema, from the contract's own `bulk.start` arguments: concurrency 1–32.
import { z } from 'zod';
import { contract } from '../../../../common/contract/index.ts';

export const DEFAULT_CONCURRENCY = 4;

export const startFormSchema = z.object({
  // NumberInput reports '' while empty: that is "required", then the contract's whole number 1–32.
  concurrency: z
    .union([z.number(), z.literal('')])
    .refine((value) => value !== '', 'required')
    .transform(Number)
    .pipe(contract['bulk.start'].args.shape.concurrency.unwrap()),
});

export type StartFormInput = z.input<typeof startFormSchema>;
export type StartFormValues = z.output<typeof startFormSchema>;
