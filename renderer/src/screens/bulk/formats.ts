// The columns of the two bulk formats as the help shows them (main/core/bulk/formats.ts is the rule; the
// renderer may not import main). `key` is the description's i18n key under `formats.columns`.
import type { BulkFormat } from '../../../../common/contract/index.ts';

export interface ColumnHelp {
  /** The column name(s) as they appear in the header. */
  name: string;
  required: boolean;
  key: string;
}

export const FORMAT_COLUMNS: Record<BulkFormat, readonly ColumnHelp[]> = {
  clients: [
    { name: 'product_id', required: true, key: 'product_id' },
    { name: 'phone', required: true, key: 'phone' },
    { name: 'type', required: true, key: 'type' },
    { name: 'resident', required: true, key: 'resident' },
    { name: 'first_name', required: true, key: 'first_name' },
    { name: 'last_name', required: true, key: 'last_name' },
    { name: 'card_kind', required: true, key: 'card_kind' },
    { name: 'embossed_name', required: false, key: 'embossed_name' },
    { name: 'card_branch_id', required: false, key: 'card_branch_id' },
    { name: 'branch_id', required: false, key: 'branch_id' },
    { name: 'middle_name', required: false, key: 'middle_name' },
    { name: 'birthdate', required: false, key: 'birthdate' },
    { name: 'email', required: false, key: 'email' },
    { name: 'country', required: false, key: 'country' },
    { name: 'person_id', required: false, key: 'person_id' },
    { name: 'language', required: false, key: 'language' },
    { name: 'external_user_id', required: false, key: 'external_user_id' },
    { name: 'address1_*', required: false, key: 'address1' },
    { name: 'address2_*', required: false, key: 'address2' },
  ],
  cards: [
    { name: 'product_id', required: true, key: 'cards_product_id' },
    { name: 'quantity', required: true, key: 'quantity' },
  ],
};

/** The five parts of an address column group: address1_country … address1_building. */
export const ADDRESS_PARTS = ['country', 'postal_code', 'city', 'street', 'building'] as const;
