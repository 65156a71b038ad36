// Regions and their defaults (docs/card-api.md, transport). A profile may override the base URL and the scheme.
import type { Scheme } from './schemes.ts';

export const REGIONS = ['KG', 'KZ', 'UZ', 'sandbox'] as const;
export type Region = (typeof REGIONS)[number];
export const ENVIRONMENTS = ['production', 'test', 'sandbox'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const DEFAULT_SCHEME: Record<Region, Scheme> = {
  KG: 'sha256-body', // DOC
  KZ: 'jws-hs512', // DOC
  UZ: 'sha256-body', // DOC
  sandbox: 'sha256-body', // the embedded sandbox verifies both
};

/** Known base URLs per region and environment (docs/card-api.md, transport); undefined where none is known. */
const BASE_URLS: Partial<Record<Region, Partial<Record<Environment, string>>>> = {
  KG: { production: 'https://api.freedompay.kg', test: 'https://test-api.freedompay.kg' /* ASSUMED */ },
  KZ: { production: 'https://api.freedompay.kz', test: 'https://test-api.freedompay.kz' },
  UZ: { production: 'https://api.freedompay.uz' },
};

export function defaultBaseUrl(region: Region, environment: Environment): string | undefined {
  return BASE_URLS[region]?.[environment];
}
