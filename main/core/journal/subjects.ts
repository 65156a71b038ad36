// Which card and which client an operation is about, as one SQL expression each (indexed in schema.ts, so a
// card's timeline or a client's history is read through an index, docs/architecture.md, "The journal") and the
// same rule in TypeScript for the archives. An operation names its card or client in its parameters (`card_id`,
// `client_id`, or a limit's `object`); a card issued or a client created learns its id from the result.

/** Operations whose result names the one card they made. */
const ISSUES = "('card.issue', 'card.issuePlastic')";

export const CARD_OF_SQL = `coalesce(json_extract(params, '$.card_id'), CASE WHEN json_extract(params, '$.object.type') = 'card' THEN json_extract(params, '$.object.value') END, CASE WHEN op IN ${ISSUES} THEN json_extract(result, '$.cards[0].card_id') END)`;

export const CLIENT_OF_SQL = `coalesce(json_extract(params, '$.client_id'), CASE WHEN json_extract(params, '$.object.type') = 'client' THEN json_extract(params, '$.object.value') END, CASE WHEN op = 'client.create' THEN json_extract(result, '$.client_id') END)`;

/** The indexes of both, created with the schema; the queries must use the expressions literally. */
export const SUBJECT_INDEXES_SQL = `CREATE INDEX IF NOT EXISTS operations_card ON operations (${CARD_OF_SQL}, at, seq);
CREATE INDEX IF NOT EXISTS operations_client ON operations (${CLIENT_OF_SQL}, at, seq);`;

interface Subject {
  op: string;
  params: Record<string, unknown>;
  result?: Record<string, unknown> | undefined;
}

function objectOf(params: Record<string, unknown>, type: string): unknown {
  const object = params.object as { type?: unknown; value?: unknown } | undefined;
  return object?.type === type ? object.value : undefined;
}

function firstCard(result: Record<string, unknown> | undefined): unknown {
  const cards = result?.cards;
  return Array.isArray(cards) ? (cards[0] as { card_id?: unknown } | undefined)?.card_id : undefined;
}

/** The card an operation is about, as CARD_OF_SQL says. */
export function cardOf(e: Subject): unknown {
  return (
    e.params.card_id ??
    objectOf(e.params, 'card') ??
    (e.op === 'card.issue' || e.op === 'card.issuePlastic' ? firstCard(e.result) : undefined)
  );
}

/** The client an operation is about, as CLIENT_OF_SQL says. */
export function clientOf(e: Subject): unknown {
  return (
    e.params.client_id ?? objectOf(e.params, 'client') ?? (e.op === 'client.create' ? e.result?.client_id : undefined)
  );
}
