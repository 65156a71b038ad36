// The embedded default: a "Sandbox" profile that points at the sandbox main starts on a random loopback port.
import { DEFAULT_SCHEME } from '../../../common/card-api/regions.ts';
import { EMBEDDED_PROFILE_ID, OPERATION_GROUPS, type Profile } from '../../../common/settings/schema.ts';

/** The embedded sandbox's merchant id. */
export const EMBEDDED_MERCHANT_ID = 1;
/** Replaced by the running sandbox's URL at run time; stored so the profile always validates. */
export const EMBEDDED_PLACEHOLDER_URL = 'http://127.0.0.1/';
export const EMBEDDED_STATE_FILE = 'sandbox-state.json';

export function embeddedProfile(): Profile {
  return {
    id: EMBEDDED_PROFILE_ID,
    name: 'Sandbox',
    region: 'sandbox',
    environment: 'sandbox',
    baseUrl: EMBEDDED_PLACEHOLDER_URL,
    merchantId: EMBEDDED_MERCHANT_ID,
    scheme: DEFAULT_SCHEME.sandbox,
    allowedOperations: [...OPERATION_GROUPS],
    embedded: true,
  };
}

/** Starts the simulator for the embedded profile (given by the composition root: core never imports it). */
export type EmbeddedSandboxStarter = (options: {
  merchant: { id: number; secret: string };
  stateFile: string;
}) => Promise<{ url: string; close(): Promise<void> }>;
