/**
 * Ordered schema migrations of the SQLite store. Each runs once, in its own transaction, and
 * sets `PRAGMA user_version` to its version; never edit a released migration, append a new one.
 *
 * Design notes (why the tables look like this):
 * - `edges` holds one row per (subject, predicate, object) with counts and first/last dates,
 *   maintained on write, so neighbour and path queries never aggregate claims.
 * - `edge_articles` and `article_entities` are the per-article contributions behind those
 *   aggregates; they make replacing an article exact (subtract what it added) and answer
 *   date-windowed queries. Their primary keys lead with the entity/edge and the date, so
 *   first/last-seen and timelines are index range scans.
 * - The hot per-claim tables (edges, edge_articles, article_entities, claims, mentions) carry no
 *   foreign keys: each would cost a lookup per row written, and the write path keeps them
 *   consistent (the test suite checks there are no dangling references).
 * - Entities get an integer row id (`rid`) that every per-claim table uses instead of the text
 *   id, and dates are stored as epoch milliseconds there: small integer keys make the b-trees
 *   that are written millions of times smaller and their comparisons cheap.
 * - Few secondary indexes on purpose: every index is paid on each of millions of claim writes.
 *   An article's entity row ids are kept on its row (`entity_rids`), which is what replacing it and
 *   co-mention queries read instead of an article → entity index.
 * - `entity_names` holds folded search keys (name, aliases and the words inside them) for
 *   prefix search by range scan.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
);

CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  canonical_url TEXT NOT NULL,
  title TEXT NOT NULL,
  outlet TEXT,
  author TEXT,
  published_at TEXT,
  fetched_at TEXT NOT NULL,
  language TEXT,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  source_id TEXT,
  event_ms INTEGER NOT NULL,
  entity_rids TEXT NOT NULL
);
CREATE INDEX articles_event ON articles (event_ms);

CREATE TABLE entities (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  aliases TEXT NOT NULL,
  attributes TEXT NOT NULL,
  article_count INTEGER NOT NULL,
  mention_count INTEGER NOT NULL,
  first_ms INTEGER,
  last_ms INTEGER
);

CREATE TABLE entity_names (
  key TEXT NOT NULL,
  rid INTEGER NOT NULL REFERENCES entities (rid) ON DELETE CASCADE,
  is_full INTEGER NOT NULL,
  PRIMARY KEY (key, rid)
) WITHOUT ROWID;
CREATE INDEX entity_names_rid ON entity_names (rid);

CREATE TABLE article_entities (
  rid INTEGER NOT NULL,
  event_ms INTEGER NOT NULL,
  article_seq INTEGER NOT NULL,
  mention_count INTEGER NOT NULL,
  PRIMARY KEY (rid, event_ms, article_seq)
) WITHOUT ROWID;

-- Mention and claim ids are (article seq << 16) + position, so an article's rows are one
-- rowid range: no extra index to find or delete them. Evidence finds claims through
-- edge_articles, so claims need no index of their own either.
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  entity_rid INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL
);

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  subject_rid INTEGER NOT NULL,
  predicate TEXT NOT NULL,
  object_rid INTEGER NOT NULL,
  sentence TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL
);

CREATE TABLE edge_articles (
  subject_rid INTEGER NOT NULL,
  predicate TEXT NOT NULL,
  object_rid INTEGER NOT NULL,
  event_ms INTEGER NOT NULL,
  article_seq INTEGER NOT NULL,
  claim_count INTEGER NOT NULL,
  PRIMARY KEY (subject_rid, predicate, object_rid, event_ms, article_seq)
) WITHOUT ROWID;

CREATE TABLE edges (
  subject_rid INTEGER NOT NULL,
  predicate TEXT NOT NULL,
  object_rid INTEGER NOT NULL,
  article_count INTEGER NOT NULL,
  claim_count INTEGER NOT NULL,
  first_ms INTEGER NOT NULL,
  last_ms INTEGER NOT NULL,
  PRIMARY KEY (subject_rid, predicate, object_rid)
) WITHOUT ROWID;
CREATE INDEX edges_object ON edges (object_rid, predicate, subject_rid);
-- Strongest neighbours of hubs without reading all their edges. Partial, so the long tail of
-- single-article edges (most inserts) never touches them.
CREATE INDEX edges_subject_strong ON edges (subject_rid, article_count) WHERE article_count >= 2;
CREATE INDEX edges_object_strong ON edges (object_rid, article_count) WHERE article_count >= 2;

CREATE TABLE publications (
  article_id TEXT NOT NULL REFERENCES articles (id),
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  outlet TEXT,
  published_at TEXT,
  fetched_at TEXT NOT NULL,
  sort_date TEXT NOT NULL,
  PRIMARY KEY (article_id, url)
) WITHOUT ROWID;
`,
  },
  {
    version: 2,
    name: 'claim modality and antecedent, REPORTED_BY',
    // modality NULL means asserted (the common case costs nothing). Negated and hypothetical
    // claims are not in edge_articles (they are no edge), so modal_claims is what finds them
    // for evidence. An article's REPORTED_BY entities: reporter_rids on its row (the first is
    // its outlet) and article_reporters keyed like article_entities for the derived neighbours.
    sql: `
ALTER TABLE claims ADD COLUMN modality TEXT;
ALTER TABLE claims ADD COLUMN antecedent TEXT;
ALTER TABLE articles ADD COLUMN reporter_rids TEXT NOT NULL DEFAULT '[]';

CREATE TABLE modal_claims (
  subject_rid INTEGER NOT NULL,
  predicate TEXT NOT NULL,
  object_rid INTEGER NOT NULL,
  article_seq INTEGER NOT NULL,
  PRIMARY KEY (subject_rid, predicate, object_rid, article_seq)
) WITHOUT ROWID;

CREATE TABLE article_reporters (
  rid INTEGER NOT NULL,
  event_ms INTEGER NOT NULL,
  article_seq INTEGER NOT NULL,
  PRIMARY KEY (rid, event_ms, article_seq)
) WITHOUT ROWID;
`,
  },
  {
    version: 3,
    name: 'curation log',
    // One row per curation action (see @newsgraph/shared curation.ts), never deleted: undoing
    // marks the row. The action is JSON validated on the way in and on the way out.
    sql: `
CREATE TABLE curation_log (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  reason TEXT NOT NULL,
  action TEXT NOT NULL,
  undone_at TEXT,
  undone_by TEXT,
  undo_reason TEXT
);
`,
  },
  {
    version: 4,
    name: 'alias index',
    // What each article taught the cross-document alias index (the extractor's JSON), replayed in
    // seq order to rebuild it: AUTOINCREMENT so that a re-recorded article always gets a larger
    // seq than any reader has seen. alias_events say what the index did with an article's names,
    // read per entity (getEntity) and per article (evidence). A store from before starts empty.
    sql: `
CREATE TABLE alias_learning (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id TEXT NOT NULL UNIQUE,
  learning TEXT NOT NULL
);

CREATE TABLE alias_events (
  entity_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  alias TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (entity_id, seq, kind, alias)
) WITHOUT ROWID;
CREATE INDEX alias_events_article ON alias_events (article_id);
`,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
