// The client.create body (docs/card-api.md, "client.create body"). Every ASSUMED field is here and only here.
import { z } from 'zod';
import * as f from './fields.ts';

const rid = { request_id: f.requestId };

// docs/card-api.md, payment-card catalog, DOC. Country, person id, document and address1 are required for product 1000 only (ASSUMED for 2000/3000).
const newClient = z.strictObject({
  phone: f.phoneDigits,
  type: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '1 individual, 2 legal entity, 3 entrepreneur' }),
  resident: z.union([z.literal(1), z.literal(2)], { error: '1 resident, 2 non-resident' }),
  first_name: f.latinName,
  last_name: f.latinName,
  middle_name: f.latinName.optional(),
  birthdate: f.birthdate.optional(),
  email: z.email({ error: 'must be an e-mail address' }).optional(),
  country: f.isoCountry3.optional(),
  person_id: z.string().trim().min(1).max(32).optional(),
  language: f.isoLanguage2.optional(),
  document: f.pdfDocument.optional(),
  external_user_id: z.string().trim().min(1).max(64).optional(),
  address1: f.address.optional(),
  address2: f.address.optional(),
  identification_info: f.identificationInfo.optional(),
});
const REQUIRED_FOR_WALLET = ['country', 'person_id', 'document', 'address1'] as const;

function requireWalletFields(
  body: { product_id: number; client: Record<string, unknown> },
  ctx: z.RefinementCtx,
): void {
  if (body.product_id !== 1000) return;
  for (const key of REQUIRED_FOR_WALLET) {
    if (body.client[key] === undefined) {
      ctx.addIssue({ code: 'custom', path: ['client', key], message: 'required for product 1000' });
    }
  }
}

const clientDraftShape = {
  product_id: f.productId,
  branch_id: z.string().trim().min(1).max(32).optional(),
  client: newClient,
};
/** The client.create body as an operator fills it in (the form and the IPC contract): no request_id. */
export const clientDraft = z.strictObject(clientDraftShape).superRefine(requireWalletFields);
export const clientCreate = z.strictObject({ ...rid, ...clientDraftShape }).superRefine(requireWalletFields);
