// Payment-card error codes (docs/card-api.md, dictionaries, ASSUMED). Any other code is shown raw.
export const CARD_ERROR_CODES = [
  'invalid_signature',
  'unknown_merchant',
  'duplicate_request_id',
  'validation_error',
  'client_not_found',
  'card_not_found',
  'request_not_found',
  'invalid_card_state',
  'insufficient_funds',
  'internal_error',
] as const;
export type CardErrorCode = (typeof CARD_ERROR_CODES)[number];
