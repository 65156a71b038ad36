// The contract's public surface: what main, the preload, the preview and the renderer import.
import type { z } from 'zod';
import * as f from '../card-api/catalog/fields.ts';
import type { ResultOf } from '../card-api/catalog/index.ts';
import type { clientDraft } from '../card-api/catalog/payment-cards.ts';

export * from './contract.ts';
export * from './events.ts';
export * from './method.ts';
export * from './views.ts';
export * from './rights.ts';
export * from './secret-pair.ts';
export { buildBridge, CardDeskError, channelOf, eventChannelOf, splitMethod } from './bridge.ts';
export type { CardDeskApi, Transport } from './bridge.ts';
export { MAX_PAGE_LIMIT, MAX_RESULT_ROWS, PAGE_LIMIT } from './methods/records.ts';
export { BLOCK_REASONS, CLOSE_REASONS, REVEAL_REASONS, UNBLOCK_REASONS } from './methods/card-api.ts';
export { DIRECTORY_PAGE } from './methods/directory.ts';
export type {
  DirectoryAddress,
  DirectoryClientCard,
  DirectoryClientView,
  DirectoryHit,
  DirectorySearchView,
} from './methods/directory.ts';
export { PRINT_LAYOUTS, type PrintLayout } from './methods/print.ts';

// Shapes and dictionaries the screens use.
export { ATTENTION_STATES, ENTRY_STATES, isOpenState, OPEN_STATES, type EntryState } from '../journal/states.ts';
export { clientDraft } from '../card-api/catalog/payment-cards.ts';
export { BULK_FORMATS, type BulkFormat } from '../bulk/formats.ts';
export type { BulkProblem } from '../bulk/problems.ts';
export type { BulkProgress } from '../bulk/progress.ts';
export { LANGUAGES, LOCKABLE_SETTINGS, OPERATION_GROUPS } from '../settings/schema.ts';
export type { AllowedGroup, Language, LockableSetting } from '../settings/schema.ts';
export type CardView = z.infer<typeof f.card>;
export type AccountView = z.infer<typeof f.account>;
export type StatementOperation = z.infer<typeof f.operation>;
export type LimitView = z.infer<typeof f.limit>;
export type GiftProduct = ResultOf<'gift.products'>['product_list'][number];
export type GiftCardState = ResultOf<'gift.status'>;
export type ClientDraft = z.input<typeof clientDraft>;
export const CARD_STATUSES = f.CARD_STATUSES;
export const CLIENT_PRODUCTS = f.CLIENT_PRODUCTS;
export const GIFT_CARD_STATUSES = f.GIFT_CARD_STATUSES;
export const LIMIT_TRANSACTION_TYPES = f.LIMIT_TRANSACTION_TYPES;
export const MAX_DOCUMENT_BYTES = f.MAX_DOCUMENT_BYTES;
