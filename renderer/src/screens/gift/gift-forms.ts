// The gift screens' form schemas, built from the contract's own argument schemas: the form keeps text (ids,
// the product choice) and numbers (the phone) as the operator enters them, and hands the contract its types.
import { z } from 'zod';
import { contract } from '../../../../common/contract/index.ts';

const issueArgs = contract['gift.issue'].args.shape;
const confirmArgs = contract['gift.confirm'].args.shape;
const giftCardId = contract['gift.status'].args.shape.cardId;

/** A gift card id as typed: digits only, then the contract's positive integer. */
export const giftCardIdText = z
  .string()
  .trim()
  .regex(/^\d{1,15}$/, 'digits only')
  .transform(Number)
  .pipe(giftCardId);

const optionalGiftCardIdText = z
  .string()
  .trim()
  .regex(/^\d{0,15}$/, 'digits only')
  .transform((text) => (text === '' ? undefined : Number(text)))
  .pipe(giftCardId.optional());

export const issueFormSchema = z.object({
  cardholderName: issueArgs.cardholderName,
  // PhoneInput reports undefined until the text is a valid number of the chosen country.
  phone: z
    .number()
    .optional()
    .transform((digits, ctx) => {
      if (digits === undefined) {
        ctx.addIssue({ code: 'custom', message: 'required' });
        return z.NEVER;
      }
      return digits;
    })
    .pipe(issueArgs.phone),
  productCode: z.string().regex(/^\d+$/, 'choose a product').transform(Number).pipe(issueArgs.productCode),
  cardId: optionalGiftCardIdText,
});
export type IssueFormInput = z.input<typeof issueFormSchema>;
export type IssueFormValues = z.output<typeof issueFormSchema>;

export const confirmFormSchema = z.object({ otp: confirmArgs.otp });
export type ConfirmFormInput = z.input<typeof confirmFormSchema>;

export const lookupFormSchema = z.object({ cardId: giftCardIdText });
export type LookupFormInput = z.input<typeof lookupFormSchema>;
export type LookupFormValues = z.output<typeof lookupFormSchema>;
