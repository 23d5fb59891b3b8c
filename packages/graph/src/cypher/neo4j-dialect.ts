/**
 * The one place where Cypher differs by server version. Everything else the store sends is
 * Cypher that Neo4j 3.5, 4.4, 5.x and 2025.x all accept; only schema DDL (constraints, indexes,
 * full-text index) changed syntax between them, and 3.5 lacks relationship property indexes
 * (which decides how the store finds an edge to update: `edgeKeyIndex`).
 */

import { PREDICATES } from '@newsgraph/shared';

export type DialectFamily = 'neo4j-3.5' | 'neo4j-4' | 'neo4j-5';

export interface ServerVersion {
  major: number;
  minor: number;
  /** As reported by the server, e.g. "5.26.0", "2025.01.0", "4.4.30", "3.5.35". */
  raw: string;
}

export class UnsupportedServerVersionError extends Error {
  readonly version: string;
  constructor(version: string) {
    super(`Neo4j ${version} is not supported: newsgraph needs Neo4j 3.5, 4.3/4.4, 5.x or 2025.x and later`);
    this.name = 'UnsupportedServerVersionError';
    this.version = version;
  }
}

/** Parses a version string from `CALL dbms.components()` (or the Bolt agent, "Neo4j/5.26.0"). */
export function parseServerVersion(raw: string): ServerVersion {
  const match = /(\d+)\.(\d+)/.exec(raw);
  if (!match) throw new UnsupportedServerVersionError(raw || '(unknown version)');
  return { major: Number(match[1]), minor: Number(match[2]), raw: raw.replace(/^Neo4j\//i, '') };
}

/** Picks the dialect for a server; throws UnsupportedServerVersionError for versions we cannot speak to. */
export function dialectFamily(version: ServerVersion): DialectFamily {
  const { major, minor } = version;
  // Calendar versions (2025.01, 2026.x) continue the 5.x line.
  if (major >= 5) return 'neo4j-5';
  if (major === 4 && minor >= 3) return 'neo4j-4';
  if (major === 3 && minor === 5) return 'neo4j-3.5';
  throw new UnsupportedServerVersionError(version.raw);
}

/** One schema object the store needs. */
export interface SchemaItem {
  /** Name given to it on servers that name schema objects (4.x and later). */
  name: string;
  /** `relationship`: a property index on one relationship type (`label` is the type; 4.3 and later). */
  kind: 'unique' | 'index' | 'fulltext' | 'relationship';
  label: string;
  properties: string[];
}

/**
 * The schema: uniqueness on every key, indexes for lookups the queries do, and a full-text index
 * over entity names and aliases for researchers (`db.index.fulltext.queryNodes('entity_names', ...)`).
 */
export const SCHEMA_ITEMS: readonly SchemaItem[] = [
  { name: 'entity_id', kind: 'unique', label: 'Entity', properties: ['id'] },
  { name: 'article_id', kind: 'unique', label: 'Article', properties: ['id'] },
  { name: 'source_id', kind: 'unique', label: 'Source', properties: ['id'] },
  { name: 'entity_name', kind: 'index', label: 'Entity', properties: ['name'] },
  { name: 'name_key_key', kind: 'index', label: 'NameKey', properties: ['key'] },
  { name: 'name_key_entity_id', kind: 'index', label: 'NameKey', properties: ['entityId'] },
  // The MERGE of a search key seeks both properties: by `key` alone a common word ("anna") scans every entity that has it.
  { name: 'name_key_entity_id_key', kind: 'index', label: 'NameKey', properties: ['entityId', 'key'] },
  { name: 'entity_type', kind: 'index', label: 'Entity', properties: ['type'] },
  { name: 'article_seen_at', kind: 'index', label: 'Article', properties: ['seenAt'] },
  { name: 'article_url', kind: 'index', label: 'Article', properties: ['url'] },
  { name: 'claim_subject_id', kind: 'index', label: 'Claim', properties: ['subjectId'] },
  // The claims of one edge in a time window (query-statements.ts, strongWindowNeighborsStatement).
  { name: 'claim_edge_seen_at', kind: 'index', label: 'Claim', properties: ['subjectId', 'predicate', 'objectId', 'seenAt'] },
  { name: 'publication_url', kind: 'index', label: 'Publication', properties: ['url'] },
  { name: 'curation_entry_id', kind: 'unique', label: 'CurationEntry', properties: ['id'] },
  { name: 'curation_entry_seq', kind: 'unique', label: 'CurationEntry', properties: ['seq'] },
  // Sanctions lists (lists/neo4j-list-store.ts).
  { name: 'list_name', kind: 'unique', label: 'List', properties: ['name'] },
  { name: 'list_entry_key', kind: 'unique', label: 'ListEntry', properties: ['key'] },
  { name: 'list_entry_list', kind: 'index', label: 'ListEntry', properties: ['list'] },
  { name: 'list_version_list', kind: 'index', label: 'ListVersion', properties: ['list'] },
  // The alias index (neo4j/neo4j-aliases.ts).
  { name: 'alias_learning_article_id', kind: 'unique', label: 'AliasLearning', properties: ['articleId'] },
  { name: 'alias_learning_seq', kind: 'index', label: 'AliasLearning', properties: ['seq'] },
  { name: 'alias_event_entity_id', kind: 'index', label: 'AliasEvent', properties: ['entityId'] },
  { name: 'alias_event_article_id', kind: 'index', label: 'AliasEvent', properties: ['articleId'] },
  { name: 'alias_counter_name', kind: 'unique', label: 'AliasCounter', properties: ['name'] },
  { name: 'entity_names', kind: 'fulltext', label: 'Entity', properties: ['name', 'aliasesText'] },
  // The key of every typed edge (write-statements.ts, edgeKey): an edge between two hubs found by
  // one seek. Neo4j 3.5 has no relationship indexes; there the write expands from one end.
  ...PREDICATES.map((p): SchemaItem => ({ name: `edge_key_${p.toLowerCase()}`, kind: 'relationship', label: p, properties: ['key'] })),
];

/** The schema items a server family has: all but the relationship indexes on 3.5, which has none. */
export function schemaItemsOf(family: DialectFamily): readonly SchemaItem[] {
  return family === 'neo4j-3.5' ? SCHEMA_ITEMS.filter((item) => item.kind !== 'relationship') : SCHEMA_ITEMS;
}

export interface SchemaStatement {
  item: SchemaItem;
  cypher: string;
  params: Record<string, unknown>;
}

/** Existing schema on a 3.5 server, read with `CALL db.constraints()` and `CALL db.indexes()`. */
export interface ExistingSchema35 {
  /** `description` column of db.constraints(), e.g. "CONSTRAINT ON ( entity:Entity ) ASSERT entity.id IS UNIQUE". */
  constraints: string[];
  indexes: Array<{ indexName?: string | null; tokenNames?: string[] | null; properties?: string[] | null; type?: string | null; description?: string | null }>;
}

export interface Neo4jDialect {
  family: DialectFamily;
  version: ServerVersion;
  /**
   * Statements that bring the schema up to date. 4.x/5.x statements are idempotent by
   * themselves (IF NOT EXISTS); 3.5 has no IF NOT EXISTS, so it needs the existing schema and
   * returns only what is missing.
   */
  schemaStatements(existing?: ExistingSchema35): SchemaStatement[];
  /** Whether `schemaStatements` needs the existing schema (read with the statements below). */
  needsExistingSchema: boolean;
  /** The server has the `edge_key_<predicate>` relationship indexes (4.3 and later): edge writes seek edges by key. */
  edgeKeyIndex: boolean;
}

export const READ_CONSTRAINTS_35 = 'CALL db.constraints() YIELD description RETURN description';
export const READ_INDEXES_35 =
  'CALL db.indexes() YIELD description, indexName, tokenNames, properties, type RETURN description, indexName, tokenNames, properties, type';
export const READ_SERVER_VERSION = 'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition';

function modernStatement(item: SchemaItem, family: 'neo4j-4' | 'neo4j-5'): string {
  const props = item.properties.map((p) => `n.${p}`);
  switch (item.kind) {
    case 'unique':
      return family === 'neo4j-5'
        ? `CREATE CONSTRAINT ${item.name} IF NOT EXISTS FOR (n:${item.label}) REQUIRE ${props[0]} IS UNIQUE`
        : `CREATE CONSTRAINT ${item.name} IF NOT EXISTS ON (n:${item.label}) ASSERT ${props[0]} IS UNIQUE`;
    case 'index':
      return `CREATE INDEX ${item.name} IF NOT EXISTS FOR (n:${item.label}) ON (${props.join(', ')})`;
    case 'fulltext':
      return `CREATE FULLTEXT INDEX ${item.name} IF NOT EXISTS FOR (n:${item.label}) ON EACH [${props.join(', ')}]`;
    case 'relationship':
      return `CREATE INDEX ${item.name} IF NOT EXISTS FOR ()-[r:${item.label}]-() ON (${item.properties.map((p) => `r.${p}`).join(', ')})`;
  }
}

function constraintExists35(existing: ExistingSchema35, item: SchemaItem): boolean {
  return existing.constraints.some((description) => {
    const m = /ON\s*\(\s*\w+\s*:\s*`?(\w+)`?\s*\)\s*ASSERT\s*\(?\s*\w+\.`?(\w+)`?\s*\)?\s+IS\s+UNIQUE/i.exec(description);
    return m !== null && m[1] === item.label && m[2] === item.properties[0];
  });
}

function indexExists35(existing: ExistingSchema35, item: SchemaItem): boolean {
  return existing.indexes.some((index) => {
    const type = (index.type ?? '').toLowerCase();
    if (item.kind === 'fulltext') return index.indexName === item.name || (type.includes('fulltext') && sameList(index.properties, item.properties) && sameList(index.tokenNames, [item.label]));
    if (type.includes('fulltext')) return false;
    if (index.tokenNames && index.properties) return sameList(index.tokenNames, [item.label]) && sameList(index.properties, item.properties);
    return (index.description ?? '').replace(/\s+/g, '') === `INDEXON:${item.label}(${item.properties.join(',')})`;
  });
}

function sameList(a: readonly string[] | null | undefined, b: readonly string[]): boolean {
  return !!a && a.length === b.length && a.every((x, i) => x === b[i]);
}

function statement35(item: SchemaItem): SchemaStatement {
  switch (item.kind) {
    case 'relationship':
      throw new Error(`Neo4j 3.5 has no relationship index (${item.name})`);
    case 'unique':
      return { item, cypher: `CREATE CONSTRAINT ON (n:${item.label}) ASSERT n.${item.properties[0]} IS UNIQUE`, params: {} };
    case 'index':
      return { item, cypher: `CREATE INDEX ON :${item.label}(${item.properties.join(', ')})`, params: {} };
    case 'fulltext':
      return {
        item,
        cypher: 'CALL db.index.fulltext.createNodeIndex($name, $labels, $properties)',
        params: { name: item.name, labels: [item.label], properties: item.properties },
      };
  }
}

export function createDialect(version: ServerVersion): Neo4jDialect {
  const family = dialectFamily(version);
  if (family === 'neo4j-3.5') {
    return {
      family,
      version,
      needsExistingSchema: true,
      edgeKeyIndex: false,
      schemaStatements(existing) {
        if (!existing) throw new Error('Neo4j 3.5 schema statements need the existing constraints and indexes');
        return schemaItemsOf(family).filter((item) => (item.kind === 'unique' ? !constraintExists35(existing, item) : !indexExists35(existing, item))).map(statement35);
      },
    };
  }
  return {
    family,
    version,
    needsExistingSchema: false,
    edgeKeyIndex: true,
    schemaStatements() {
      return SCHEMA_ITEMS.map((item) => ({ item, cypher: modernStatement(item, family), params: {} }));
    },
  };
}
