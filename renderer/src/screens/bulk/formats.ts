// The columns of the two bulk formats as the help lists them, read from the rule itself
// (common/bulk/formats.ts): required ones first, then the optional ones in template order, each address group
// as one line (address1_*). `key` is the description's i18n key under `formats.columns`.
import { ADDRESS_FIELD, FORMATS, type BulkFormat } from '../../../../common/bulk/formats.ts';

export interface ColumnHelp {
  /** The column name(s) as they appear in the header. */
  name: string;
  required: boolean;
  key: string;
}

/** The five parts of an address column group: address1_country … address1_building. */
export const ADDRESS_PARTS = Object.keys(ADDRESS_FIELD);

const ADDRESS_GROUP = /^(address[12])_/;

function columnHelp(format: BulkFormat, name: string, required: boolean): ColumnHelp {
  const group = ADDRESS_GROUP.exec(name)?.[1];
  if (group !== undefined) return { name: `${group}_*`, required, key: group };
  // The cards format's product_id is the product of the unassigned cards: it has its own description.
  return { name, required, key: format === 'cards' && name === 'product_id' ? 'cards_product_id' : name };
}

function formatColumns(format: BulkFormat): ColumnHelp[] {
  const { required, optional } = FORMATS[format];
  const columns = [
    ...required.map((name) => columnHelp(format, name, true)),
    ...optional.map((name) => columnHelp(format, name, false)),
  ];
  return columns.filter((column, i) => columns.findIndex((c) => c.name === column.name) === i);
}

export const FORMAT_COLUMNS: Record<BulkFormat, readonly ColumnHelp[]> = {
  clients: formatColumns('clients'),
  cards: formatColumns('cards'),
};
