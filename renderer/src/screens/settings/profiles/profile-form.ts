// The profile form's schema, from the contract's `profiles.save` profile: the merchant id is typed as text and
// becomes the contract's integer; everything else is the contract's own field.
import { z } from 'zod';
import { contract, type ProfileView } from '../../../../../common/contract/index.ts';

const profile = contract['profiles.save'].args.shape.profile;
const shape = profile.shape;

export const REGION_OPTIONS = shape.region.options;
export const ENVIRONMENT_OPTIONS = shape.environment.options;
export const SCHEME_OPTIONS = shape.scheme.options;
export type Region = (typeof REGION_OPTIONS)[number];

export const profileFormSchema = z.object({
  id: shape.id,
  name: shape.name,
  region: shape.region,
  environment: shape.environment,
  baseUrl: shape.baseUrl,
  merchantId: z
    .string()
    .trim()
    .regex(/^\d{1,15}$/, 'digits only')
    .transform(Number)
    .pipe(shape.merchantId),
  scheme: shape.scheme,
  allowedOperations: shape.allowedOperations,
});
export type ProfileFormInput = z.input<typeof profileFormSchema>;
export type ProfileFormValues = z.output<typeof profileFormSchema>;

export function emptyProfile(): ProfileFormInput {
  return {
    id: '',
    name: '',
    region: 'KZ',
    environment: 'test',
    baseUrl: 'https://',
    merchantId: '',
    scheme: 'jws-hs512',
    allowedOperations: [...shape.allowedOperations.element.options],
  };
}

export function profileToForm(view: ProfileView): ProfileFormInput {
  return {
    id: view.id,
    name: view.name,
    region: view.region,
    environment: view.environment,
    baseUrl: view.baseUrl,
    merchantId: String(view.merchantId),
    scheme: view.scheme,
    allowedOperations: [...view.allowedOperations],
  };
}

/** i18n key of an operation group (`cards.secret` would read as a nested key). */
export const groupKey = (group: string): string => `group.${group.replace('.', '_')}`;
