import neo4j from 'neo4j-driver';
import type { CurationEntry } from '@newsgraph/shared';
import type { CypherStatement } from './cypher-statement.ts';
import type { NameKeyRow } from './write-statements.ts';

/**
 * The curation log in Neo4j: one `(:CurationEntry)` node per action, unique on `id` and `seq`,
 * the action as a JSON string (Neo4j properties cannot hold maps). Every value is a parameter.
 */

const ENTRY_FIELDS = 'c {.id, .seq, .at, .author, .reason, .action, .undoneAt, .undoneBy, .undoReason} AS entry';

export function curationLogStatement(): CypherStatement {
  return { cypher: `MATCH (c:CurationEntry) RETURN ${ENTRY_FIELDS} ORDER BY c.seq`, params: {} };
}

/**
 * The next `seq` is read and used in one statement; two curators appending at the same instant
 * make the uniqueness constraint on `seq` refuse the second, which is reported, never merged.
 */
export function appendCurationStatement(entry: Omit<CurationEntry, 'seq'>): CypherStatement {
  return {
    cypher:
      'OPTIONAL MATCH (last:CurationEntry) WITH coalesce(max(last.seq), 0) + 1 AS next ' +
      'CREATE (c:CurationEntry {id: $id, seq: next, at: $at, author: $author, reason: $reason, action: $action}) ' +
      `RETURN ${ENTRY_FIELDS}`,
    params: { id: entry.id, at: entry.at, author: entry.author, reason: entry.reason, action: JSON.stringify(entry.action) },
  };
}

export function markCurationUndoneStatement(id: string, undoneAt: string, undoneBy: string, undoReason: string): CypherStatement {
  return {
    cypher:
      'MATCH (c:CurationEntry {id: $id}) WHERE c.undoneAt IS NULL ' +
      'SET c.undoneAt = $undoneAt, c.undoneBy = $undoneBy, c.undoReason = $undoReason ' +
      `RETURN ${ENTRY_FIELDS}`,
    params: { id, undoneAt, undoneBy, undoReason },
  };
}

export function curationRevisionStatement(): CypherStatement {
  return { cypher: 'OPTIONAL MATCH (c:CurationEntry) RETURN coalesce(max(c.seq), 0) AS last, count(c.undoneAt) AS undone', params: {} };
}

export function articleIdsMentioningStatement(entityIds: string[], limit: number): CypherStatement {
  return {
    cypher: 'UNWIND $ids AS wantedId MATCH (a:Article)-[:MENTIONS]->(:Entity {id: wantedId}) WITH DISTINCT a RETURN a.id AS id ORDER BY id LIMIT $limit',
    params: { ids: entityIds, limit: neo4j.int(limit) },
  };
}

/** The old name joins the aliases (and stays searchable); the new name's search keys are added. */
export function renameEntityStatement(id: string, name: string, keys: NameKeyRow[]): CypherStatement {
  return {
    cypher:
      'MATCH (e:Entity {id: $id}) ' +
      'WITH e, [x IN coalesce(e.aliases, []) WHERE x <> $name] + CASE WHEN e.name = $name OR e.name IN coalesce(e.aliases, []) THEN [] ELSE [e.name] END AS aliases ' +
      'SET e.name = $name, e.aliases = aliases, ' +
      "e.aliasesText = reduce(text = '', x IN aliases | CASE WHEN text = '' THEN x ELSE text + '\\n' + x END) " +
      'WITH e UNWIND $keys AS row MERGE (k:NameKey {key: row.key, entityId: row.entityId}) ' +
      'ON CREATE SET k.full = row.full ON MATCH SET k.full = k.full OR row.full ' +
      'RETURN count(*) AS keys',
    params: { id, name, keys },
  };
}
