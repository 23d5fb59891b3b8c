import { describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { allStatements } from './cypher-statement-samples.ts';

/** The alias index's statements, exactly (the rest are in cypher-statement-snapshots.test.ts). */
const statements = new Map(allStatements('id-1'));
const render = (value: unknown): unknown => {
  if (neo4j.isInt(value)) return `int(${value.toString()})`;
  if (Array.isArray(value)) return value.map(render);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v)]));
  return value;
};
const show = (name: string): string => {
  const s = statements.get(name);
  if (!s) throw new Error(`no sample statement ${name}`);
  return `${s.cypher}\n${JSON.stringify(render(s.params), null, 1)}`;
};

describe('alias index Cypher, exactly', () => {
  it('sends exactly this text and these parameters', () => {
    expect(show('articleExists')).toMatchInlineSnapshot(`
      "MATCH (a:Article {id: $articleId}) RETURN a.id AS id
      {
       "articleId": "id-1"
      }"
    `);
    expect(show('deleteAliasRecord')).toMatchInlineSnapshot(`
      "OPTIONAL MATCH (l:AliasLearning {articleId: $articleId}) DELETE l WITH count(*) AS done OPTIONAL MATCH (e:AliasEvent {articleId: $articleId}) DELETE e RETURN count(*) AS deleted
      {
       "articleId": "id-1"
      }"
    `);
    expect(show('createAliasLearning')).toMatchInlineSnapshot(`
      "MERGE (c:AliasCounter {name: $counter}) SET c.seq = coalesce(c.seq, 0) + 1 CREATE (l:AliasLearning {articleId: $articleId, seq: c.seq, learning: $learning}) RETURN l.seq AS seq
      {
       "counter": "alias-learning",
       "articleId": "id-1",
       "learning": "id-1"
      }"
    `);
    expect(show('createAliasEvents')).toMatchInlineSnapshot(`
      "UNWIND $events AS ev CREATE (:AliasEvent {articleId: $articleId, seq: $seq, entityId: ev.entityId, kind: ev.kind, alias: ev.alias, reason: ev.reason})
      {
       "articleId": "id-1",
       "seq": "int(7)",
       "events": [
        {
         "entityId": "id-1",
         "kind": "resolved",
         "alias": "id-1",
         "reason": "id-1"
        }
       ]
      }"
    `);
    expect(show('aliasLearnings')).toMatchInlineSnapshot(`
      "MATCH (l:AliasLearning) WHERE l.seq > $afterSeq RETURN l.seq AS seq, l.articleId AS articleId, l.learning AS learning ORDER BY seq LIMIT $limit
      {
       "afterSeq": "int(3)",
       "limit": "int(10)"
      }"
    `);
    expect(show('aliasLearningsOf')).toMatchInlineSnapshot(`
      "UNWIND $articleIds AS wanted MATCH (l:AliasLearning {articleId: wanted}) RETURN l.seq AS seq, l.articleId AS articleId, l.learning AS learning ORDER BY seq
      {
       "articleIds": [
        "id-1",
        "id-12"
       ]
      }"
    `);
    expect(show('aliasEvents')).toMatchInlineSnapshot(`
      "UNWIND $entityIds AS wanted MATCH (e:AliasEvent {entityId: wanted}) WHERE $articleIds IS NULL OR e.articleId IN $articleIds RETURN e.entityId AS entityId, e.seq AS seq, e.articleId AS articleId, e.kind AS kind, e.alias AS alias, e.reason AS reason ORDER BY seq DESC, kind, alias, entityId LIMIT $limit
      {
       "entityIds": [
        "id-1",
        "id-12"
       ],
       "articleIds": [
        "id-1",
        "id-12"
       ],
       "limit": "int(10)"
      }"
    `);
  });
});
