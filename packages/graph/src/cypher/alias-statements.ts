import neo4j from 'neo4j-driver';
import type { AliasEvent } from '../interfaces/alias-store.ts';
import type { CypherStatement } from './cypher-statement.ts';

/**
 * The alias index in Neo4j: one `(:AliasLearning {articleId, seq, learning})` per article (the
 * extractor's JSON as a string), `(:AliasEvent)` nodes for what the index did with its names, and
 * one `(:AliasCounter)` whose `seq` numbers the records (locked by the increment, so two writers
 * never get the same seq). Every value is a parameter.
 */

const COUNTER = 'alias-learning';

export function articleExistsStatement(articleId: string): CypherStatement {
  return { cypher: 'MATCH (a:Article {id: $articleId}) RETURN a.id AS id', params: { articleId } };
}

/** Removes the article's record and events: the first half of replacing them. */
export function deleteAliasRecordStatement(articleId: string): CypherStatement {
  return {
    cypher: 'OPTIONAL MATCH (l:AliasLearning {articleId: $articleId}) DELETE l WITH count(*) AS done OPTIONAL MATCH (e:AliasEvent {articleId: $articleId}) DELETE e RETURN count(*) AS deleted',
    params: { articleId },
  };
}

export function createAliasLearningStatement(articleId: string, learning: string): CypherStatement {
  return {
    cypher:
      'MERGE (c:AliasCounter {name: $counter}) SET c.seq = coalesce(c.seq, 0) + 1 ' +
      'CREATE (l:AliasLearning {articleId: $articleId, seq: c.seq, learning: $learning}) RETURN l.seq AS seq',
    params: { counter: COUNTER, articleId, learning },
  };
}

export function createAliasEventsStatement(articleId: string, seq: number, events: AliasEvent[]): CypherStatement {
  return {
    cypher: 'UNWIND $events AS ev CREATE (:AliasEvent {articleId: $articleId, seq: $seq, entityId: ev.entityId, kind: ev.kind, alias: ev.alias, reason: ev.reason})',
    params: { articleId, seq: neo4j.int(seq), events: events.map((e) => ({ entityId: e.entityId, kind: e.kind, alias: e.alias, reason: e.reason })) },
  };
}

export function aliasLearningsStatement(afterSeq: number, limit: number): CypherStatement {
  return {
    cypher: 'MATCH (l:AliasLearning) WHERE l.seq > $afterSeq RETURN l.seq AS seq, l.articleId AS articleId, l.learning AS learning ORDER BY seq LIMIT $limit',
    params: { afterSeq: neo4j.int(afterSeq), limit: neo4j.int(limit) },
  };
}

export function aliasLearningsOfStatement(articleIds: string[]): CypherStatement {
  return {
    cypher: 'UNWIND $articleIds AS wanted MATCH (l:AliasLearning {articleId: wanted}) RETURN l.seq AS seq, l.articleId AS articleId, l.learning AS learning ORDER BY seq',
    params: { articleIds },
  };
}

export function aliasEventsStatement(entityIds: string[], articleIds: string[] | null, limit: number): CypherStatement {
  return {
    cypher:
      'UNWIND $entityIds AS wanted MATCH (e:AliasEvent {entityId: wanted}) WHERE $articleIds IS NULL OR e.articleId IN $articleIds ' +
      'RETURN e.entityId AS entityId, e.seq AS seq, e.articleId AS articleId, e.kind AS kind, e.alias AS alias, e.reason AS reason ' +
      'ORDER BY seq DESC, kind, alias, entityId LIMIT $limit',
    params: { entityIds, articleIds, limit: neo4j.int(limit) },
  };
}
