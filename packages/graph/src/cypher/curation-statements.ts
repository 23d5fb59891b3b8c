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

/** Name, aliases and every search key of one entity, replaced together. */
export function setEntityNamesStatement(id: string, name: string, aliases: string[], keys: Array<Pick<NameKeyRow, 'key' | 'full'>>): CypherStatement {
  return {
    cypher:
      'MATCH (e:Entity {id: $id}) SET e.name = $name, e.aliases = $aliases, e.aliasesText = $aliasesText ' +
      'WITH e OPTIONAL MATCH (k:NameKey {entityId: e.id}) DELETE k ' +
      'WITH DISTINCT e UNWIND $keys AS row CREATE (:NameKey {key: row.key, entityId: e.id, full: row.full}) ' +
      'RETURN count(*) AS keys',
    params: { id, name, aliases, aliasesText: aliases.join('\n'), keys },
  };
}
