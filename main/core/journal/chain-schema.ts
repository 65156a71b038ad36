// The keyed hash chain's table (docs/architecture.md, "The audit chain"): one link per record written (each
// operation's intent and every change of its state, each audit record), in the order written. A link commits
// to the record's full content by digest and to the link before it by its MAC, so a record changed, removed,
// added or moved in the store no longer matches its link, and a link cannot be remade without the key.
export const CHAIN_DDL = `
CREATE TABLE IF NOT EXISTS chain (
  seq INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  rec INTEGER NOT NULL,
  key TEXT NOT NULL,
  change_seq INTEGER,
  row TEXT NOT NULL,
  change TEXT,
  keyed INTEGER NOT NULL,
  mac TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS chain_record ON chain (tbl, rec);
CREATE TABLE IF NOT EXISTS chain_archived (
  archive_seq INTEGER NOT NULL,
  tbl TEXT NOT NULL,
  rec INTEGER NOT NULL,
  PRIMARY KEY (tbl, rec)
) STRICT, WITHOUT ROWID;
`;
