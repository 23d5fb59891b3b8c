import neo4j from 'neo4j-driver';
import type { Predicate } from '@newsgraph/shared';
import { relationshipType, type CypherStatement } from './cypher-statement.ts';

/**
 * Edge keys: every typed edge carries `key`, its subject and object ids joined by
 * EDGE_KEY_SEPARATOR, indexed per relationship type (`edge_key_<predicate>`, neo4j-dialect.ts),
 * so that a write finds a stored edge between two hubs by one index seek instead of expanding
 * one hub's relationships of that type (`Expand(Into)`, whose cost grows with the hubs'
 * degrees). The key only finds candidates: every statement also compares both ends' ids, so an
 * id that contains the separator cannot make two edges share an answer.
 */
export const EDGE_KEY_SEPARATOR = '>';

export function edgeKey(subjectId: string, objectId: string): string {
  return `${subjectId}${EDGE_KEY_SEPARATOR}${objectId}`;
}

/** The store-level migration that gives edges written before keys existed their key. */
export const EDGE_KEYS_MIGRATION = { key: 'edge-keys', version: 1 } as const;

export function readEdgeKeysMarkerStatement(): CypherStatement {
  return { cypher: 'MATCH (m:StoreMeta {key: $key}) RETURN m.version AS version', params: { key: EDGE_KEYS_MIGRATION.key } };
}

export function writeEdgeKeysMarkerStatement(): CypherStatement {
  return { cypher: 'MERGE (m:StoreMeta {key: $key}) SET m.version = $version', params: { key: EDGE_KEYS_MIGRATION.key, version: neo4j.int(EDGE_KEYS_MIGRATION.version) } };
}

/**
 * Migration: the key of one predicate's edges that lack it (written by a version without keys).
 * Idempotent; the edge write also gives a key to an unkeyed edge it merges, so a store written
 * by an older newsgraph after this migration stays correct, only slower until migrated again.
 */
export function backfillEdgeKeysStatement(predicate: Predicate): CypherStatement {
  const type = relationshipType(predicate);
  return {
    cypher: `MATCH (s:Entity)-[r:${type}]->(o:Entity) WHERE r.key IS NULL SET r.key = s.id + $separator + o.id RETURN count(r) AS keyed`,
    params: { separator: EDGE_KEY_SEPARATOR },
  };
}

/**
 * Waits until every index is online. The keyed edge write names its index in a hint (the
 * planner otherwise seeks the subject and expands it), and a hint on an index still being
 * populated fails, so migrate returns only once the edge-key indexes can be used.
 */
export function awaitIndexesStatement(seconds: number): CypherStatement {
  return { cypher: `CALL db.awaitIndexes(${Math.max(1, Math.round(seconds))})`, params: {} };
}
