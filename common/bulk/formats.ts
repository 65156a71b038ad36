// The two bulk CSV formats, their columns and templates:
// - "clients": one row per client to create and card to issue (virtual or plastic);
// - "cards": a quantity of unassigned cards of a product (card.issueBulk), linked to clients later.
// Column names are the API's field names, flattened (address1_city = address1.address_line1).

export const BULK_FORMATS = ['clients', 'cards'] as const;
export type BulkFormat = (typeof BULK_FORMATS)[number];

const ADDRESS_PARTS = ['country', 'postal_code', 'city', 'street', 'building'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];
/** CSV part → API field of an address (docs/card-api.md, payment-card catalog). */
export const ADDRESS_FIELD: Record<AddressPart, string> = {
  country: 'country',
  postal_code: 'postal_code',
  city: 'address_line1',
  street: 'address_line2',
  building: 'address_line3',
};
const addressColumns = (prefix: 'address1' | 'address2') => ADDRESS_PARTS.map((part) => `${prefix}_${part}`);

export interface FormatSpec {
  required: readonly string[];
  optional: readonly string[];
}

export const FORMATS: Record<BulkFormat, FormatSpec> = {
  clients: {
    required: ['product_id', 'phone', 'type', 'resident', 'first_name', 'last_name', 'card_kind'],
    optional: [
      'branch_id',
      'middle_name',
      'birthdate',
      'email',
      'country',
      'person_id',
      'language',
      'external_user_id',
      ...addressColumns('address1'),
      ...addressColumns('address2'),
      'embossed_name',
      'card_branch_id',
    ],
  },
  cards: { required: ['product_id', 'quantity'], optional: [] },
};

export function columnsOf(format: BulkFormat): string[] {
  return [...FORMATS[format].required, ...FORMATS[format].optional];
}

/** The format a header belongs to: `quantity` means unassigned cards, `first_name` clients. */
export function formatOfHeader(header: readonly string[]): BulkFormat | undefined {
  if (header.includes('quantity')) return 'cards';
  if (header.includes('first_name') || header.includes('card_kind')) return 'clients';
  return undefined;
}

const TEMPLATE_ROWS: Record<BulkFormat, Record<string, string>[]> = {
  clients: [
    {
      product_id: '2000',
      phone: '77012345678',
      type: '1',
      resident: '1',
      first_name: 'Aigerim',
      last_name: 'Nurlanova',
      birthdate: '1990-04-12',
      email: 'aigerim@example.kz',
      country: 'KAZ',
      person_id: '900412400123',
      language: 'kk',
      card_kind: 'virtual',
    },
    {
      product_id: '3000',
      phone: '996555123456',
      type: '1',
      resident: '1',
      first_name: 'Bakyt',
      last_name: 'Usenov',
      country: 'KGZ',
      address1_country: 'KGZ',
      address1_postal_code: '720001',
      address1_city: 'Bishkek',
      address1_street: 'Chui avenue',
      address1_building: '12',
      card_kind: 'plastic',
      embossed_name: 'BAKYT USENOV',
    },
  ],
  cards: [
    { product_id: '2000', quantity: '100' },
    { product_id: '3000', quantity: '25' },
  ],
};

/** A template file: the header and example rows, `;`-separated (what spreadsheets in the region expect). */
export function templateCsv(format: BulkFormat): string {
  const columns = columnsOf(format);
  const lines = [columns.join(';'), ...TEMPLATE_ROWS[format].map((row) => columns.map((c) => row[c] ?? '').join(';'))];
  return `${lines.join('\r\n')}\r\n`;
}
