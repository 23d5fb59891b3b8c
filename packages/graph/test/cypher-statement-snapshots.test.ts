import { describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import type { CypherStatement } from '../src/cypher/cypher-statement.ts';
import { allStatements } from './cypher-statement-samples.ts';

/**
 * The exact text of every statement the Neo4j store sends, with its parameters (in the spirit
 * of neo4j/graphql's TCK tests, which snapshot Cypher and params with toMatchInlineSnapshot). A
 * drifted statement fails here and shows the difference; review a change, then update with
 * `pnpm vitest run packages/graph/test/cypher-statement-snapshots.test.ts -u`. The grammar, the
 * model names and injection are checked in cypher-statements.test.ts and cypher-grammar.test.ts.
 */

/** Neo4j Integers shown as `int(n)`, so the snapshot says which values go over Bolt as integers. */
function render(value: unknown): unknown {
  if (neo4j.isInt(value)) return `int(${value.toString()})`;
  if (Array.isArray(value)) return value.map(render);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v)]));
  return value;
}

const statements = new Map<string, CypherStatement>(allStatements('id-1'));

function show(name: string): string {
  const s = statements.get(name);
  if (!s) throw new Error(`no sample statement ${name}`);
  return `${s.cypher}\n${JSON.stringify(render(s.params), null, 1)}`;
}

describe('Cypher statements, exactly', () => {
  it('covers every sample statement', () => {
    expect([...statements.keys()]).toHaveLength(93);
  });

  it('sends exactly this text and these parameters', () => {
    expect(show('readArticleHashes')).toMatchInlineSnapshot(`
      "UNWIND $ids AS wantedId MATCH (a:Article {id: wantedId}) RETURN a.id AS id, a.contentHash AS contentHash
      {
       "ids": [
        "id-1",
        "id-12"
       ]
      }"
    `);
    expect(show('lockArticles')).toMatchInlineSnapshot(`
      "UNWIND $ids AS wantedId MERGE (a:Article {id: wantedId}) SET a._lock = true REMOVE a._lock RETURN a.id AS id, a.contentHash AS contentHash
      {
       "ids": [
        "id-1",
        "id-12"
       ]
      }"
    `);
    expect(show('readMentionContributions')).toMatchInlineSnapshot(`
      "UNWIND $ids AS wantedId MATCH (a:Article {id: wantedId})-[m:MENTIONS]->(e:Entity) RETURN a.id AS articleId, a.seenAt AS seenAt, e.id AS entityId, m.count AS mentions
      {
       "ids": [
        "id-1",
        "id-12"
       ]
      }"
    `);
    expect(show('readClaimContributions')).toMatchInlineSnapshot(`
      "UNWIND $ids AS wantedId MATCH (:Article {id: wantedId})-[:HAS_CLAIM]->(c:Claim) WHERE coalesce(c.modality, 'asserted') IN $edgeModalities RETURN wantedId AS articleId, c.subjectId AS subjectId, c.predicate AS predicate, c.objectId AS objectId, count(c) AS claims
      {
       "ids": [
        "id-1",
        "id-12"
       ],
       "edgeModalities": [
        "asserted",
        "planned"
       ]
      }"
    `);
    expect(show('lockEntities')).toMatchInlineSnapshot(`
      "UNWIND $ids AS wantedId MATCH (e:Entity {id: wantedId}) SET e._lock = true REMOVE e._lock RETURN e.id AS id, e.type AS type, e.name AS name, e.aliases AS aliases, e.attributes AS attributes
      {
       "ids": [
        "id-1",
        "id-12"
       ]
      }"
    `);
    expect(show('deleteArticleContents')).toMatchInlineSnapshot(`
      "UNWIND $ids AS wantedId MATCH (a:Article {id: wantedId}) OPTIONAL MATCH (a)-[:HAS_CLAIM]->(c:Claim) DETACH DELETE c WITH DISTINCT a OPTIONAL MATCH (a)-[r:MENTIONS|FROM_SOURCE|REPORTED_BY]->() DELETE r
      {
       "ids": [
        "id-1",
        "id-12"
       ]
      }"
    `);
    expect(show('upsertArticles')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MERGE (a:Article {id: row.id}) SET a += row.props WITH a, row WHERE row.sourceId IS NOT NULL MERGE (s:Source {id: row.sourceId}) MERGE (a)-[:FROM_SOURCE]->(s)
      {
       "rows": [
        {
         "id": "id-1",
         "sourceId": "id-1",
         "props": {
          "url": "id-1",
          "canonicalUrl": "id-1",
          "title": "id-1",
          "outlet": "id-1",
          "author": "id-1",
          "publishedAt": "2024-01-01T00:00:00.000Z",
          "fetchedAt": "2024-01-01T00:00:00.000Z",
          "language": "id-1",
          "text": "id-1",
          "contentHash": "id-1",
          "sourceId": "id-1",
          "seenAt": "2024-01-01T00:00:00.000Z"
         }
        }
       ]
      }"
    `);
    expect(show('upsertEntities')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) ON CREATE SET e.type = row.type, e.name = row.name, e.articleCount = 0, e.mentionCount = 0 SET e.aliases = row.aliases, e.aliasesText = row.aliasesText, e.attributes = row.attributes FOREACH (_ IN CASE WHEN row.type = 'Person' THEN [1] ELSE [] END | SET e:Person) FOREACH (_ IN CASE WHEN row.type = 'Organization' THEN [1] ELSE [] END | SET e:Organization) FOREACH (_ IN CASE WHEN row.type = 'Country' THEN [1] ELSE [] END | SET e:Country) FOREACH (_ IN CASE WHEN row.type = 'Place' THEN [1] ELSE [] END | SET e:Place) FOREACH (_ IN CASE WHEN row.type = 'Goods' THEN [1] ELSE [] END | SET e:Goods)
      {
       "rows": [
        {
         "id": "id-1",
         "type": "Person",
         "name": "id-1",
         "aliases": [
          "id-1"
         ],
         "aliasesText": "id-1",
         "attributes": "{\\"id-1\\":\\"id-1\\"}"
        }
       ]
      }"
    `);
    expect(show('createNameKeys')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MERGE (k:NameKey {key: row.key, entityId: row.entityId}) ON CREATE SET k.full = row.full ON MATCH SET k.full = k.full OR row.full
      {
       "rows": [
        {
         "entityId": "id-1",
         "key": "id-1",
         "full": true
        }
       ]
      }"
    `);
    expect(show('deleteOrphanEntities')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MATCH (e:Entity {id: row.entityId}) WHERE coalesce(e.articleCount, 0) <= 0 OPTIONAL MATCH (k:NameKey {entityId: row.entityId}) DETACH DELETE k, e
      {
       "rows": [
        {
         "entityId": "id-1",
         "articles": "int(1)",
         "units": "int(2)",
         "addedFirst": "id-1",
         "addedLast": "id-1",
         "removedFirst": "id-1",
         "removedLast": "id-1"
        }
       ]
      }"
    `);
    expect(show('createMentions')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MATCH (a:Article {id: row.articleId}) MATCH (e:Entity {id: row.entityId}) CREATE (a)-[:MENTIONS {count: row.count, starts: row.starts, ends: row.ends, texts: row.texts, seenAt: row.seenAt}]->(e)
      {
       "rows": [
        {
         "articleId": "id-1",
         "entityId": "id-1",
         "count": "int(1)",
         "starts": [
          "int(0)"
         ],
         "ends": [
          "int(3)"
         ],
         "texts": [
          "id-1"
         ],
         "seenAt": "id-1"
        }
       ]
      }"
    `);
    expect(show('createClaims')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MATCH (a:Article {id: row.articleId}) MATCH (s:Entity {id: row.subjectId}) MATCH (o:Entity {id: row.objectId}) CREATE (a)-[:HAS_CLAIM]->(c:Claim {articleId: row.articleId, subjectId: row.subjectId, predicate: row.predicate, objectId: row.objectId, sentence: row.sentence, start: row.start, \`end\`: row.\`end\`, rule: row.rule, confidence: row.confidence, modality: row.modality, antecedentSentence: row.antecedentSentence, antecedentStart: row.antecedentStart, antecedentEnd: row.antecedentEnd, seenAt: row.seenAt}) CREATE (c)-[:SUBJECT]->(s) CREATE (c)-[:OBJECT]->(o)
      {
       "rows": [
        {
         "articleId": "id-1",
         "subjectId": "id-1",
         "predicate": "MET_WITH",
         "objectId": "id-1",
         "sentence": "id-1",
         "start": "int(0)",
         "end": "int(5)",
         "rule": "id-1",
         "confidence": 0.5,
         "modality": "negated",
         "antecedentSentence": "id-1",
         "antecedentStart": "int(0)",
         "antecedentEnd": "int(3)",
         "seenAt": "id-1"
        }
       ]
      }"
    `);
    expect(show('createReportedBy')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MATCH (a:Article {id: row.articleId}) MATCH (e:Entity {id: row.entityId}) CREATE (a)-[:REPORTED_BY {rank: row.rank}]->(e)
      {
       "rows": [
        {
         "articleId": "id-1",
         "entityId": "id-1",
         "rank": "int(0)"
        }
       ]
      }"
    `);
    expect(show('applyKeyedEdgeChanges')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MATCH (s:Entity)-[r:SUPPLIES {key: row.key}]->(o:Entity) USING INDEX r:SUPPLIES(key) WHERE s.id = row.subjectId AND o.id = row.objectId WITH s, o, r, row, r.articleCount AS before SET r.articleCount = before + row.articles, r.claimCount = coalesce(r.claimCount, 0) + row.units, r.firstSeen = CASE WHEN row.addedFirst IS NOT NULL AND (r.firstSeen IS NULL OR row.addedFirst < r.firstSeen) THEN row.addedFirst ELSE r.firstSeen END, r.lastSeen = CASE WHEN row.addedLast IS NOT NULL AND (r.lastSeen IS NULL OR row.addedLast > r.lastSeen) THEN row.addedLast ELSE r.lastSeen END WITH s, o, r, row, CASE WHEN before >= 4096 THEN 6 WHEN before >= 1024 THEN 5 WHEN before >= 256 THEN 4 WHEN before >= 64 THEN 3 WHEN before >= 16 THEN 2 WHEN before >= 4 THEN 1 ELSE 0 END AS fromTier, CASE WHEN before + row.articles >= 4096 THEN 6 WHEN before + row.articles >= 1024 THEN 5 WHEN before + row.articles >= 256 THEN 4 WHEN before + row.articles >= 64 THEN 3 WHEN before + row.articles >= 16 THEN 2 WHEN before + row.articles >= 4 THEN 1 ELSE 0 END AS toTier RETURN s.id AS subjectId, o.id AS objectId, fromTier, toTier, r.articleCount AS articleCount, r.claimCount AS claimCount, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
      {
       "rows": [
        {
         "subjectId": "id-1",
         "objectId": "id-1",
         "articles": "int(1)",
         "units": "int(2)",
         "addedFirst": "id-1",
         "addedLast": "id-1",
         "removedFirst": "id-1",
         "removedLast": "id-1",
         "key": "id-1>id-1"
        }
       ]
      }"
    `);
    expect(show('backfillEdgeKeys')).toMatchInlineSnapshot(`
      "MATCH (s:Entity)-[r:VISITED]->(o:Entity) WHERE r.key IS NULL SET r.key = s.id + $separator + o.id RETURN count(r) AS keyed
      {
       "separator": ">"
      }"
    `);
    expect(show('readEdgeKeysMarker')).toMatchInlineSnapshot(`
      "MATCH (m:StoreMeta {key: $key}) RETURN m.version AS version
      {
       "key": "edge-keys"
      }"
    `);
    expect(show('writeEdgeKeysMarker')).toMatchInlineSnapshot(`
      "MERGE (m:StoreMeta {key: $key}) SET m.version = $version
      {
       "key": "edge-keys",
       "version": "int(1)"
      }"
    `);
    expect(show('awaitIndexes')).toMatchInlineSnapshot(`
      "CALL db.awaitIndexes(30)
      {}"
    `);
    expect(show('applyEdgeChanges')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MATCH (s:Entity {id: row.subjectId}) MATCH (o:Entity {id: row.objectId}) MERGE (s)-[r:SUPPLIES]->(o) WITH s, o, r, row, coalesce(r.articleCount, 0) AS before SET r.articleCount = before + row.articles, r.claimCount = coalesce(r.claimCount, 0) + row.units, r.firstSeen = CASE WHEN row.addedFirst IS NOT NULL AND (r.firstSeen IS NULL OR row.addedFirst < r.firstSeen) THEN row.addedFirst ELSE r.firstSeen END, r.lastSeen = CASE WHEN row.addedLast IS NOT NULL AND (r.lastSeen IS NULL OR row.addedLast > r.lastSeen) THEN row.addedLast ELSE r.lastSeen END, r.key = row.key WITH s, o, r, row, CASE WHEN before >= 4096 THEN 6 WHEN before >= 1024 THEN 5 WHEN before >= 256 THEN 4 WHEN before >= 64 THEN 3 WHEN before >= 16 THEN 2 WHEN before >= 4 THEN 1 ELSE 0 END AS fromTier, CASE WHEN before + row.articles >= 4096 THEN 6 WHEN before + row.articles >= 1024 THEN 5 WHEN before + row.articles >= 256 THEN 4 WHEN before + row.articles >= 64 THEN 3 WHEN before + row.articles >= 16 THEN 2 WHEN before + row.articles >= 4 THEN 1 ELSE 0 END AS toTier WHERE fromTier > 0 OR toTier > 0 RETURN s.id AS subjectId, o.id AS objectId, fromTier, toTier, r.articleCount AS articleCount, r.claimCount AS claimCount, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
      {
       "rows": [
        {
         "subjectId": "id-1",
         "objectId": "id-1",
         "articles": "int(1)",
         "units": "int(2)",
         "addedFirst": "id-1",
         "addedLast": "id-1",
         "removedFirst": "id-1",
         "removedLast": "id-1",
         "key": "id-1>id-1"
        }
       ]
      }"
    `);
    expect(show('deleteEmptyEdges')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MATCH (:Entity {id: row.subjectId})-[r:MET_WITH]->(:Entity {id: row.objectId}) WHERE r.articleCount <= 0 DELETE r
      {
       "rows": [
        {
         "subjectId": "id-1",
         "objectId": "id-1",
         "articles": "int(1)",
         "units": "int(2)",
         "addedFirst": "id-1",
         "addedLast": "id-1",
         "removedFirst": "id-1",
         "removedLast": "id-1"
        }
       ]
      }"
    `);
    expect(show('refreshEdgeDates')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MATCH (s:Entity {id: row.subjectId})-[r:MET_WITH]->(o:Entity {id: row.objectId}) WHERE r.firstSeen >= row.removedFirst OR r.lastSeen <= row.removedLast MATCH (s)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(o) WHERE c.predicate = $predicate AND coalesce(c.modality, 'asserted') IN $edgeModalities WITH s, o, r, min(c.seenAt) AS firstSeen, max(c.seenAt) AS lastSeen SET r.firstSeen = firstSeen, r.lastSeen = lastSeen RETURN s.id AS subjectId, o.id AS objectId, firstSeen, lastSeen
      {
       "predicate": "MET_WITH",
       "edgeModalities": [
        "asserted",
        "planned"
       ],
       "rows": [
        {
         "subjectId": "id-1",
         "objectId": "id-1",
         "articles": "int(1)",
         "units": "int(2)",
         "addedFirst": "id-1",
         "addedLast": "id-1",
         "removedFirst": "id-1",
         "removedLast": "id-1"
        }
       ]
      }"
    `);
    expect(show('applyEntityChanges')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MATCH (e:Entity {id: row.entityId}) SET e.articleCount = coalesce(e.articleCount, 0) + row.articles, e.mentionCount = coalesce(e.mentionCount, 0) + row.units, e.firstSeen = CASE WHEN row.addedFirst IS NOT NULL AND (e.firstSeen IS NULL OR row.addedFirst < e.firstSeen) THEN row.addedFirst ELSE e.firstSeen END, e.lastSeen = CASE WHEN row.addedLast IS NOT NULL AND (e.lastSeen IS NULL OR row.addedLast > e.lastSeen) THEN row.addedLast ELSE e.lastSeen END
      {
       "rows": [
        {
         "entityId": "id-1",
         "articles": "int(1)",
         "units": "int(2)",
         "addedFirst": "id-1",
         "addedLast": "id-1",
         "removedFirst": "id-1",
         "removedLast": "id-1"
        }
       ]
      }"
    `);
    expect(show('refreshEntityDates')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MATCH (e:Entity {id: row.entityId}) WHERE e.firstSeen >= row.removedFirst OR e.lastSeen <= row.removedLast MATCH (:Article)-[m:MENTIONS]->(e) WITH e, min(m.seenAt) AS firstSeen, max(m.seenAt) AS lastSeen SET e.firstSeen = firstSeen, e.lastSeen = lastSeen
      {
       "rows": [
        {
         "entityId": "id-1",
         "articles": "int(1)",
         "units": "int(2)",
         "addedFirst": "id-1",
         "addedLast": "id-1",
         "removedFirst": "id-1",
         "removedLast": "id-1"
        }
       ]
      }"
    `);
    expect(show('addPublication')).toMatchInlineSnapshot(`
      "MATCH (a:Article {id: $articleId}) WHERE a.contentHash IS NOT NULL MERGE (a)-[:REPUBLISHED_AS]->(p:Publication {articleId: $articleId, url: $url}) SET p.title = $title, p.outlet = $outlet, p.publishedAt = $publishedAt, p.fetchedAt = $fetchedAt, p.sortDate = $sortDate RETURN a.id AS id
      {
       "articleId": "id-1",
       "url": "id-1",
       "title": "id-1",
       "outlet": "id-1",
       "publishedAt": null,
       "fetchedAt": "id-1",
       "sortDate": "id-1"
      }"
    `);
    expect(show('getArticle')).toMatchInlineSnapshot(`
      "MATCH (a:Article {id: $id}) WHERE a.contentHash IS NOT NULL RETURN properties(a) AS article
      {
       "id": "id-1"
      }"
    `);
    expect(show('searchEntities')).toMatchInlineSnapshot(`
      "MATCH (k:NameKey) WHERE k.key STARTS WITH $prefix WITH k.entityId AS entityId, max(CASE WHEN k.key = $prefix AND k.full THEN 1 ELSE 0 END) AS exact MATCH (e:Entity {id: entityId}) WHERE $types IS NULL OR e.type IN $types RETURN e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases, coalesce(e.articleCount, 0) AS articleCount, exact ORDER BY exact DESC, articleCount DESC, name ASC, id ASC LIMIT $limit
      {
       "prefix": "id-1",
       "types": [
        "Person"
       ],
       "limit": "int(5)"
      }"
    `);
    expect(show('getEntity')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id}) RETURN e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases, e.attributes AS attributes, coalesce(e.articleCount, 0) AS articleCount, coalesce(e.mentionCount, 0) AS mentionCount, e.firstSeen AS firstSeen, e.lastSeen AS lastSeen
      {
       "id": "id-1"
      }"
    `);
    expect(show('strongNeighbors')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})-[t:STRENGTH_TIER_4|STRENGTH_TIER_5|STRENGTH_TIER_6]-(n:Entity) WITH e, t, n, t.predicate AS predicate, CASE WHEN startNode(t) = e THEN 'out' ELSE 'in' END AS direction WHERE ($predicates IS NULL OR predicate IN $predicates) AND ($types IS NULL OR n.type IN $types) AND ($direction = 'both' OR $direction = direction OR predicate IN $symmetric) RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases, coalesce(n.articleCount, 0) AS articleCount, predicate, direction, t.articleCount AS edgeArticleCount, t.claimCount AS claimCount, t.firstSeen AS firstSeen, t.lastSeen AS lastSeen ORDER BY edgeArticleCount DESC, name ASC, id ASC, predicate ASC, direction ASC LIMIT $limit
      {
       "id": "id-1",
       "types": [
        "Country"
       ],
       "direction": "out",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": null,
       "until": null,
       "limit": "int(3)",
       "predicates": [
        "VISITED",
        "SUPPLIES"
       ]
      }"
    `);
    expect(show('strongNeighborsAll')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})-[t:STRENGTH_TIER_1|STRENGTH_TIER_2|STRENGTH_TIER_3|STRENGTH_TIER_4|STRENGTH_TIER_5|STRENGTH_TIER_6]-(n:Entity) WITH e, t, n, t.predicate AS predicate, CASE WHEN startNode(t) = e THEN 'out' ELSE 'in' END AS direction WHERE ($predicates IS NULL OR predicate IN $predicates) AND ($types IS NULL OR n.type IN $types) AND ($direction = 'both' OR $direction = direction OR predicate IN $symmetric) RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases, coalesce(n.articleCount, 0) AS articleCount, predicate, direction, t.articleCount AS edgeArticleCount, t.claimCount AS claimCount, t.firstSeen AS firstSeen, t.lastSeen AS lastSeen ORDER BY edgeArticleCount DESC, name ASC, id ASC, predicate ASC, direction ASC LIMIT $limit
      {
       "id": "id-1",
       "types": null,
       "direction": "both",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": null,
       "until": null,
       "limit": "int(50)",
       "predicates": null
      }"
    `);
    expect(show('strengthTierDegrees5')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id}) RETURN [COUNT { (e)-[:STRENGTH_TIER_1]-() }, COUNT { (e)-[:STRENGTH_TIER_2]-() }, COUNT { (e)-[:STRENGTH_TIER_3]-() }, COUNT { (e)-[:STRENGTH_TIER_4]-() }, COUNT { (e)-[:STRENGTH_TIER_5]-() }, COUNT { (e)-[:STRENGTH_TIER_6]-() }] AS degrees
      {
       "id": "id-1"
      }"
    `);
    expect(show('strengthTierDegreesLegacy')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id}) RETURN [size((e)-[:STRENGTH_TIER_1]-()), size((e)-[:STRENGTH_TIER_2]-()), size((e)-[:STRENGTH_TIER_3]-()), size((e)-[:STRENGTH_TIER_4]-()), size((e)-[:STRENGTH_TIER_5]-()), size((e)-[:STRENGTH_TIER_6]-())] AS degrees
      {
       "id": "id-1"
      }"
    `);
    expect(show('deleteStrengthMirrors')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MATCH (:Entity {id: row.subjectId})-[t:STRENGTH_TIER_2]->(:Entity {id: row.objectId}) WHERE t.predicate = $predicate DELETE t
      {
       "predicate": "SUPPLIES",
       "rows": [
        {
         "subjectId": "id-1",
         "objectId": "id-12"
        }
       ]
      }"
    `);
    expect(show('createStrengthMirrors')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MATCH (s:Entity {id: row.subjectId}) MATCH (o:Entity {id: row.objectId}) CREATE (s)-[t:STRENGTH_TIER_3 {predicate: $predicate}]->(o) SET t.articleCount = row.articleCount, t.claimCount = row.claimCount, t.firstSeen = row.firstSeen, t.lastSeen = row.lastSeen
      {
       "predicate": "SUPPLIES",
       "rows": [
        {
         "subjectId": "id-1",
         "objectId": "id-12",
         "articleCount": "int(64)",
         "claimCount": "int(70)",
         "firstSeen": "id-1",
         "lastSeen": "id-1"
        }
       ]
      }"
    `);
    expect(show('syncStrengthMirrors')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MATCH (s:Entity {id: row.subjectId})-[t:STRENGTH_TIER_1|STRENGTH_TIER_2|STRENGTH_TIER_3|STRENGTH_TIER_4|STRENGTH_TIER_5|STRENGTH_TIER_6]->(o:Entity {id: row.objectId}) WHERE t.predicate = $predicate SET t.articleCount = row.articleCount, t.claimCount = row.claimCount, t.firstSeen = row.firstSeen, t.lastSeen = row.lastSeen
      {
       "predicate": "MET_WITH",
       "rows": [
        {
         "subjectId": "id-1",
         "objectId": "id-12",
         "articleCount": "int(5)",
         "claimCount": "int(6)",
         "firstSeen": null,
         "lastSeen": "id-1"
        }
       ]
      }"
    `);
    expect(show('backfillStrengthMirrors')).toMatchInlineSnapshot(`
      "MATCH (s:Entity)-[r:VISITED]->(o:Entity) WHERE r.articleCount >= $floor AND r.articleCount < $ceiling AND NOT (s)-[:STRENGTH_TIER_2 {predicate: $predicate}]->(o) CREATE (s)-[t:STRENGTH_TIER_2 {predicate: $predicate}]->(o) SET t.articleCount = r.articleCount, t.claimCount = r.claimCount, t.firstSeen = r.firstSeen, t.lastSeen = r.lastSeen
      {
       "predicate": "VISITED",
       "floor": "int(16)",
       "ceiling": "int(64)"
      }"
    `);
    expect(show('backfillStrengthMirrorsTop')).toMatchInlineSnapshot(`
      "MATCH (s:Entity)-[r:VISITED]->(o:Entity) WHERE r.articleCount >= $floor AND NOT (s)-[:STRENGTH_TIER_6 {predicate: $predicate}]->(o) CREATE (s)-[t:STRENGTH_TIER_6 {predicate: $predicate}]->(o) SET t.articleCount = r.articleCount, t.claimCount = r.claimCount, t.firstSeen = r.firstSeen, t.lastSeen = r.lastSeen
      {
       "predicate": "VISITED",
       "floor": "int(4096)"
      }"
    `);
    expect(show('pruneStrengthMirrors')).toMatchInlineSnapshot(`
      "MATCH (s:Entity)-[t:STRENGTH_TIER_1]->(o:Entity) OPTIONAL MATCH (s)-[r:VISITED|MET_WITH|URGED|SUPPLIES|SHIPPED_VIA|SANCTIONS|TRADES_WITH|HOLDS_ROLE|PART_OF|LOCATED_IN|REPORTED_BY|NATIONAL_OF]->(o) WHERE type(r) = t.predicate WITH t, r WHERE r IS NULL OR r.articleCount < $floor OR r.articleCount >= $ceiling DELETE t
      {
       "floor": "int(4)",
       "ceiling": "int(16)"
      }"
    `);
    expect(show('pruneStrengthMirrorsTop')).toMatchInlineSnapshot(`
      "MATCH (s:Entity)-[t:STRENGTH_TIER_6]->(o:Entity) OPTIONAL MATCH (s)-[r:VISITED|MET_WITH|URGED|SUPPLIES|SHIPPED_VIA|SANCTIONS|TRADES_WITH|HOLDS_ROLE|PART_OF|LOCATED_IN|REPORTED_BY|NATIONAL_OF]->(o) WHERE type(r) = t.predicate WITH t, r WHERE r IS NULL OR r.articleCount < $floor DELETE t
      {
       "floor": "int(4096)"
      }"
    `);
    expect(show('readMigrationMarker')).toMatchInlineSnapshot(`
      "MATCH (m:StoreMeta {key: $key}) RETURN m.version AS version
      {
       "key": "strength-tiers"
      }"
    `);
    expect(show('anyEdge')).toMatchInlineSnapshot(`
      "MATCH (:Entity)-[r:VISITED|MET_WITH|URGED|SUPPLIES|SHIPPED_VIA|SANCTIONS|TRADES_WITH|HOLDS_ROLE|PART_OF|LOCATED_IN|REPORTED_BY|NATIONAL_OF|STRENGTH_TIER_1|STRENGTH_TIER_2|STRENGTH_TIER_3|STRENGTH_TIER_4|STRENGTH_TIER_5|STRENGTH_TIER_6]->(:Entity) RETURN 1 AS found LIMIT 1
      {}"
    `);
    expect(show('writeMigrationMarker')).toMatchInlineSnapshot(`
      "MERGE (m:StoreMeta {key: $key}) SET m.version = $version
      {
       "key": "strength-tiers",
       "version": "int(1)"
      }"
    `);
    expect(show('neighbors')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})-[r:VISITED]-(n:Entity) WITH e, r, n, type(r) AS predicate, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction WHERE ($types IS NULL OR n.type IN $types) AND ($direction = 'both' OR $direction = direction OR predicate IN $symmetric) RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases, coalesce(n.articleCount, 0) AS articleCount, predicate, direction, r.articleCount AS edgeArticleCount, r.claimCount AS claimCount, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen ORDER BY edgeArticleCount DESC, name ASC, id ASC, predicate ASC, direction ASC LIMIT $limit
      {
       "id": "id-1",
       "types": [
        "Country"
       ],
       "direction": "out",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": null,
       "until": null,
       "limit": "int(3)"
      }"
    `);
    expect(show('strongWindowNeighbors')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})-[t:STRENGTH_TIER_2|STRENGTH_TIER_3|STRENGTH_TIER_4|STRENGTH_TIER_5|STRENGTH_TIER_6]-(n:Entity) WITH e, t, n, t.predicate AS predicate, CASE WHEN startNode(t) = e THEN 'out' ELSE 'in' END AS direction WHERE ($predicates IS NULL OR predicate IN $predicates) AND ($types IS NULL OR n.type IN $types) AND ($direction = 'both' OR $direction = direction OR predicate IN $symmetric) WITH n, t, predicate, direction, CASE direction WHEN 'out' THEN e.id ELSE n.id END AS subjectId, CASE direction WHEN 'out' THEN n.id ELSE e.id END AS objectId OPTIONAL MATCH (l:Claim) WHERE l.subjectId = subjectId AND l.predicate = predicate AND l.objectId = objectId AND l.seenAt >= $tailStart AND l.seenAt <= $until AND coalesce(l.modality, 'asserted') IN $edgeModalities WITH n, t, predicate, direction, subjectId, objectId, [count(l), count(DISTINCT l.articleId), min(l.seenAt), max(l.seenAt)] AS lPart WITH n, predicate, direction, [i IN range(0, size(coalesce(t.months, [])) - 1) WHERE t.months[i] >= $fullFrom AND t.months[i] < $fullTo | [t.monthClaims[i], t.monthArticles[i], t.monthFirst[i], t.monthLast[i]]] + [lPart] AS ps WITH n, predicate, direction, reduce(a = 0, x IN ps | a + x[0]) AS claimCount, reduce(a = 0, x IN ps | a + x[1]) AS edgeArticleCount, reduce(m = null, x IN ps | CASE WHEN x[2] IS NULL OR (m IS NOT NULL AND m <= x[2]) THEN m ELSE x[2] END) AS firstSeen, reduce(m = null, x IN ps | CASE WHEN x[3] IS NULL OR (m IS NOT NULL AND m >= x[3]) THEN m ELSE x[3] END) AS lastSeen WHERE claimCount > 0 RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases, coalesce(n.articleCount, 0) AS articleCount, predicate, direction, edgeArticleCount, claimCount, firstSeen, lastSeen ORDER BY edgeArticleCount DESC, name ASC, id ASC, predicate ASC, direction ASC LIMIT $limit
      {
       "id": "id-1",
       "types": null,
       "direction": "in",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": "2024-01-01T00:00:00.000Z",
       "until": "2024-02-01T23:59:59.999Z",
       "limit": "int(50)",
       "predicates": [
        "SUPPLIES"
       ],
       "edgeModalities": [
        "asserted",
        "planned"
       ],
       "fullFrom": "2024-01",
       "fullTo": "2024-02",
       "tailStart": "2024-02-01T00:00:00.000Z"
      }"
    `);
    expect(show('strongWindowNeighborsOneTier')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})-[t:STRENGTH_TIER_1]-(n:Entity) WITH e, t, n, t.predicate AS predicate, CASE WHEN startNode(t) = e THEN 'out' ELSE 'in' END AS direction WHERE ($predicates IS NULL OR predicate IN $predicates) AND ($types IS NULL OR n.type IN $types) AND ($direction = 'both' OR $direction = direction OR predicate IN $symmetric) WITH n, t, predicate, direction, CASE direction WHEN 'out' THEN e.id ELSE n.id END AS subjectId, CASE direction WHEN 'out' THEN n.id ELSE e.id END AS objectId WITH n, predicate, direction, [i IN range(0, size(coalesce(t.months, [])) - 1) WHERE t.months[i] >= $fullFrom | [t.monthClaims[i], t.monthArticles[i], t.monthFirst[i], t.monthLast[i]]] AS ps WITH n, predicate, direction, reduce(a = 0, x IN ps | a + x[0]) AS claimCount, reduce(a = 0, x IN ps | a + x[1]) AS edgeArticleCount, reduce(m = null, x IN ps | CASE WHEN x[2] IS NULL OR (m IS NOT NULL AND m <= x[2]) THEN m ELSE x[2] END) AS firstSeen, reduce(m = null, x IN ps | CASE WHEN x[3] IS NULL OR (m IS NOT NULL AND m >= x[3]) THEN m ELSE x[3] END) AS lastSeen WHERE claimCount > 0 RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases, coalesce(n.articleCount, 0) AS articleCount, predicate, direction, edgeArticleCount, claimCount, firstSeen, lastSeen ORDER BY edgeArticleCount DESC, name ASC, id ASC, predicate ASC, direction ASC LIMIT $limit
      {
       "id": "id-1",
       "types": null,
       "direction": "both",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": "2024-01-01T00:00:00.000Z",
       "until": null,
       "limit": "int(50)",
       "predicates": null,
       "edgeModalities": [
        "asserted",
        "planned"
       ],
       "fullFrom": "2024-01"
      }"
    `);
    expect(show('strongWindowNeighborsPartialMonths')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})-[t:STRENGTH_TIER_3|STRENGTH_TIER_4|STRENGTH_TIER_5|STRENGTH_TIER_6]-(n:Entity) WITH e, t, n, t.predicate AS predicate, CASE WHEN startNode(t) = e THEN 'out' ELSE 'in' END AS direction WHERE ($predicates IS NULL OR predicate IN $predicates) AND ($types IS NULL OR n.type IN $types) AND ($direction = 'both' OR $direction = direction OR predicate IN $symmetric) WITH n, t, predicate, direction, CASE direction WHEN 'out' THEN e.id ELSE n.id END AS subjectId, CASE direction WHEN 'out' THEN n.id ELSE e.id END AS objectId OPTIONAL MATCH (h:Claim) WHERE h.subjectId = subjectId AND h.predicate = predicate AND h.objectId = objectId AND h.seenAt >= $since AND h.seenAt < $headEnd AND coalesce(h.modality, 'asserted') IN $edgeModalities WITH n, t, predicate, direction, subjectId, objectId, [count(h), count(DISTINCT h.articleId), min(h.seenAt), max(h.seenAt)] AS hPart OPTIONAL MATCH (l:Claim) WHERE l.subjectId = subjectId AND l.predicate = predicate AND l.objectId = objectId AND l.seenAt >= $tailStart AND l.seenAt <= $until AND coalesce(l.modality, 'asserted') IN $edgeModalities WITH n, t, predicate, direction, subjectId, objectId, hPart, [count(l), count(DISTINCT l.articleId), min(l.seenAt), max(l.seenAt)] AS lPart WITH n, predicate, direction, [i IN range(0, size(coalesce(t.months, [])) - 1) WHERE t.months[i] >= $fullFrom AND t.months[i] < $fullTo | [t.monthClaims[i], t.monthArticles[i], t.monthFirst[i], t.monthLast[i]]] + [hPart, lPart] AS ps WITH n, predicate, direction, reduce(a = 0, x IN ps | a + x[0]) AS claimCount, reduce(a = 0, x IN ps | a + x[1]) AS edgeArticleCount, reduce(m = null, x IN ps | CASE WHEN x[2] IS NULL OR (m IS NOT NULL AND m <= x[2]) THEN m ELSE x[2] END) AS firstSeen, reduce(m = null, x IN ps | CASE WHEN x[3] IS NULL OR (m IS NOT NULL AND m >= x[3]) THEN m ELSE x[3] END) AS lastSeen WHERE claimCount > 0 RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases, coalesce(n.articleCount, 0) AS articleCount, predicate, direction, edgeArticleCount, claimCount, firstSeen, lastSeen ORDER BY edgeArticleCount DESC, name ASC, id ASC, predicate ASC, direction ASC LIMIT $limit
      {
       "id": "id-1",
       "types": null,
       "direction": "both",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": "2024-01-15T12:00:00.000Z",
       "until": "2024-03-10T23:59:59.999Z",
       "limit": "int(50)",
       "predicates": null,
       "edgeModalities": [
        "asserted",
        "planned"
       ],
       "fullFrom": "2024-02",
       "fullTo": "2024-03",
       "headEnd": "2024-02-01T00:00:00.000Z",
       "tailStart": "2024-03-01T00:00:00.000Z"
      }"
    `);
    expect(show('strongWindowNeighborsWithinMonth')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})-[t:STRENGTH_TIER_1|STRENGTH_TIER_2|STRENGTH_TIER_3|STRENGTH_TIER_4|STRENGTH_TIER_5|STRENGTH_TIER_6]-(n:Entity) WITH e, t, n, t.predicate AS predicate, CASE WHEN startNode(t) = e THEN 'out' ELSE 'in' END AS direction WHERE ($predicates IS NULL OR predicate IN $predicates) AND ($types IS NULL OR n.type IN $types) AND ($direction = 'both' OR $direction = direction OR predicate IN $symmetric) WITH n, t, predicate, direction, CASE direction WHEN 'out' THEN e.id ELSE n.id END AS subjectId, CASE direction WHEN 'out' THEN n.id ELSE e.id END AS objectId OPTIONAL MATCH (h:Claim) WHERE h.subjectId = subjectId AND h.predicate = predicate AND h.objectId = objectId AND h.seenAt >= $since AND h.seenAt <= $until AND coalesce(h.modality, 'asserted') IN $edgeModalities WITH n, t, predicate, direction, subjectId, objectId, [count(h), count(DISTINCT h.articleId), min(h.seenAt), max(h.seenAt)] AS hPart WITH n, predicate, direction, [hPart] AS ps WITH n, predicate, direction, reduce(a = 0, x IN ps | a + x[0]) AS claimCount, reduce(a = 0, x IN ps | a + x[1]) AS edgeArticleCount, reduce(m = null, x IN ps | CASE WHEN x[2] IS NULL OR (m IS NOT NULL AND m <= x[2]) THEN m ELSE x[2] END) AS firstSeen, reduce(m = null, x IN ps | CASE WHEN x[3] IS NULL OR (m IS NOT NULL AND m >= x[3]) THEN m ELSE x[3] END) AS lastSeen WHERE claimCount > 0 RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases, coalesce(n.articleCount, 0) AS articleCount, predicate, direction, edgeArticleCount, claimCount, firstSeen, lastSeen ORDER BY edgeArticleCount DESC, name ASC, id ASC, predicate ASC, direction ASC LIMIT $limit
      {
       "id": "id-1",
       "types": null,
       "direction": "both",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": "2024-01-15T00:00:00.000Z",
       "until": "2024-01-20T23:59:59.999Z",
       "limit": "int(50)",
       "predicates": null,
       "edgeModalities": [
        "asserted",
        "planned"
       ]
      }"
    `);
    expect(show('strongWindowNeighborsUntil')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})-[t:STRENGTH_TIER_2|STRENGTH_TIER_3|STRENGTH_TIER_4|STRENGTH_TIER_5|STRENGTH_TIER_6]-(n:Entity) WITH e, t, n, t.predicate AS predicate, CASE WHEN startNode(t) = e THEN 'out' ELSE 'in' END AS direction WHERE ($predicates IS NULL OR predicate IN $predicates) AND ($types IS NULL OR n.type IN $types) AND ($direction = 'both' OR $direction = direction OR predicate IN $symmetric) WITH n, t, predicate, direction, CASE direction WHEN 'out' THEN e.id ELSE n.id END AS subjectId, CASE direction WHEN 'out' THEN n.id ELSE e.id END AS objectId WITH n, predicate, direction, [i IN range(0, size(coalesce(t.months, [])) - 1) WHERE t.months[i] < $fullTo | [t.monthClaims[i], t.monthArticles[i], t.monthFirst[i], t.monthLast[i]]] AS ps WITH n, predicate, direction, reduce(a = 0, x IN ps | a + x[0]) AS claimCount, reduce(a = 0, x IN ps | a + x[1]) AS edgeArticleCount, reduce(m = null, x IN ps | CASE WHEN x[2] IS NULL OR (m IS NOT NULL AND m <= x[2]) THEN m ELSE x[2] END) AS firstSeen, reduce(m = null, x IN ps | CASE WHEN x[3] IS NULL OR (m IS NOT NULL AND m >= x[3]) THEN m ELSE x[3] END) AS lastSeen WHERE claimCount > 0 RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases, coalesce(n.articleCount, 0) AS articleCount, predicate, direction, edgeArticleCount, claimCount, firstSeen, lastSeen ORDER BY edgeArticleCount DESC, name ASC, id ASC, predicate ASC, direction ASC LIMIT $limit
      {
       "id": "id-1",
       "types": null,
       "direction": "both",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": null,
       "until": "2024-03-31T23:59:59.999Z",
       "limit": "int(50)",
       "predicates": null,
       "edgeModalities": [
        "asserted",
        "planned"
       ],
       "fullTo": "2024-04"
      }"
    `);
    expect(show('rebuildMirrorMonths')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MATCH (:Entity {id: row.subjectId})-[t:STRENGTH_TIER_1|STRENGTH_TIER_2|STRENGTH_TIER_3|STRENGTH_TIER_4|STRENGTH_TIER_5|STRENGTH_TIER_6]->(:Entity {id: row.objectId}) WHERE t.predicate = $predicate OPTIONAL MATCH (c:Claim) WHERE c.subjectId = row.subjectId AND c.predicate = $predicate AND c.objectId = row.objectId AND c.seenAt IS NOT NULL AND coalesce(c.modality, 'asserted') IN $edgeModalities WITH t, substring(c.seenAt, 0, 7) AS month, count(c) AS claims, count(DISTINCT c.articleId) AS articles, min(c.seenAt) AS first, max(c.seenAt) AS last WITH t, collect(CASE WHEN claims > 0 THEN month END) AS months, collect(CASE WHEN claims > 0 THEN articles END) AS monthArticles, collect(CASE WHEN claims > 0 THEN claims END) AS monthClaims, collect(CASE WHEN claims > 0 THEN first END) AS monthFirst, collect(CASE WHEN claims > 0 THEN last END) AS monthLast SET t.months = months, t.monthArticles = monthArticles, t.monthClaims = monthClaims, t.monthFirst = monthFirst, t.monthLast = monthLast
      {
       "predicate": "SUPPLIES",
       "rows": [
        {
         "subjectId": "id-1",
         "objectId": "id-12"
        }
       ],
       "edgeModalities": [
        "asserted",
        "planned"
       ]
      }"
    `);
    expect(show('refreshMirrorMonths')).toMatchInlineSnapshot(`
      "UNWIND $rows AS row MATCH (:Entity {id: row.subjectId})-[t:STRENGTH_TIER_1|STRENGTH_TIER_2|STRENGTH_TIER_3|STRENGTH_TIER_4|STRENGTH_TIER_5|STRENGTH_TIER_6]->(:Entity {id: row.objectId}) WHERE t.predicate = $predicate UNWIND row.months AS span OPTIONAL MATCH (c:Claim) WHERE c.subjectId = row.subjectId AND c.predicate = $predicate AND c.objectId = row.objectId AND c.seenAt >= span[1] AND c.seenAt < span[2] AND coalesce(c.modality, 'asserted') IN $edgeModalities WITH t, span[0] AS month, count(c) AS claims, count(DISTINCT c.articleId) AS articles, min(c.seenAt) AS first, max(c.seenAt) AS last WITH t, collect(CASE WHEN claims > 0 THEN [month, articles, claims, first, last] END) AS fresh, collect(month) AS refreshed WITH t, fresh, [i IN range(0, size(coalesce(t.months, [])) - 1) WHERE NOT t.months[i] IN refreshed] AS kept SET t.months = [i IN kept | t.months[i]] + [f IN fresh | f[0]], t.monthArticles = [i IN kept | t.monthArticles[i]] + [f IN fresh | f[1]], t.monthClaims = [i IN kept | t.monthClaims[i]] + [f IN fresh | f[2]], t.monthFirst = [i IN kept | t.monthFirst[i]] + [f IN fresh | f[3]], t.monthLast = [i IN kept | t.monthLast[i]] + [f IN fresh | f[4]]
      {
       "predicate": "MET_WITH",
       "rows": [
        {
         "subjectId": "id-1",
         "objectId": "id-12",
         "months": [
          [
           "2024-02",
           "2024-02-01T00:00:00.000Z",
           "2024-03-01T00:00:00.000Z"
          ]
         ]
        }
       ],
       "edgeModalities": [
        "asserted",
        "planned"
       ]
      }"
    `);
    expect(show('backfillMirrorMonths')).toMatchInlineSnapshot(`
      "MATCH (s:Entity)-[t:STRENGTH_TIER_2]->(o:Entity) WHERE t.predicate = $predicate OPTIONAL MATCH (c:Claim) WHERE c.subjectId = s.id AND c.predicate = $predicate AND c.objectId = o.id AND c.seenAt IS NOT NULL AND coalesce(c.modality, 'asserted') IN $edgeModalities WITH t, substring(c.seenAt, 0, 7) AS month, count(c) AS claims, count(DISTINCT c.articleId) AS articles, min(c.seenAt) AS first, max(c.seenAt) AS last WITH t, collect(CASE WHEN claims > 0 THEN month END) AS months, collect(CASE WHEN claims > 0 THEN articles END) AS monthArticles, collect(CASE WHEN claims > 0 THEN claims END) AS monthClaims, collect(CASE WHEN claims > 0 THEN first END) AS monthFirst, collect(CASE WHEN claims > 0 THEN last END) AS monthLast SET t.months = months, t.monthArticles = monthArticles, t.monthClaims = monthClaims, t.monthFirst = monthFirst, t.monthLast = monthLast
      {
       "predicate": "VISITED",
       "edgeModalities": [
        "asserted",
        "planned"
       ]
      }"
    `);
    expect(show('readMirrorMonthsMarker')).toMatchInlineSnapshot(`
      "MATCH (m:StoreMeta {key: $key}) RETURN m.version AS version
      {
       "key": "mirror-months"
      }"
    `);
    expect(show('writeMirrorMonthsMarker')).toMatchInlineSnapshot(`
      "MERGE (m:StoreMeta {key: $key}) SET m.version = $version
      {
       "key": "mirror-months",
       "version": "int(1)"
      }"
    `);
    expect(show('edgeWindowNeighbors')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})-[r:VISITED|MET_WITH|URGED|SUPPLIES|SHIPPED_VIA|SANCTIONS|TRADES_WITH|HOLDS_ROLE|PART_OF|LOCATED_IN|REPORTED_BY|NATIONAL_OF]-(n:Entity) WHERE r.lastSeen >= $since AND r.firstSeen <= $until WITH e, n, type(r) AS predicate, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction WHERE ($types IS NULL OR n.type IN $types) AND ($direction = 'both' OR $direction = direction OR predicate IN $symmetric) WITH n, predicate, direction, CASE direction WHEN 'out' THEN e.id ELSE n.id END AS subjectId, CASE direction WHEN 'out' THEN n.id ELSE e.id END AS objectId OPTIONAL MATCH (c:Claim) WHERE c.subjectId = subjectId AND c.predicate = predicate AND c.objectId = objectId AND c.seenAt >= $since AND c.seenAt <= $until AND coalesce(c.modality, 'asserted') IN $edgeModalities WITH n, predicate, direction, count(c) AS claimCount, count(DISTINCT c.articleId) AS edgeArticleCount, min(c.seenAt) AS firstSeen, max(c.seenAt) AS lastSeen WHERE claimCount > 0 RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases, coalesce(n.articleCount, 0) AS articleCount, predicate, direction, edgeArticleCount, claimCount, firstSeen, lastSeen ORDER BY edgeArticleCount DESC, name ASC, id ASC, predicate ASC, direction ASC LIMIT $limit
      {
       "id": "id-1",
       "types": null,
       "direction": "in",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": "2024-01-01T00:00:00.000Z",
       "until": "2024-02-01T23:59:59.999Z",
       "limit": "int(50)",
       "edgeModalities": [
        "asserted",
        "planned"
       ]
      }"
    `);
    expect(show('weakEdgeWindowNeighbors')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})-[r:SUPPLIES]-(n:Entity) WHERE r.articleCount < $weakCeiling AND r.lastSeen >= $since WITH e, n, type(r) AS predicate, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction WHERE ($types IS NULL OR n.type IN $types) AND ($direction = 'both' OR $direction = direction OR predicate IN $symmetric) WITH n, predicate, direction, CASE direction WHEN 'out' THEN e.id ELSE n.id END AS subjectId, CASE direction WHEN 'out' THEN n.id ELSE e.id END AS objectId OPTIONAL MATCH (c:Claim) WHERE c.subjectId = subjectId AND c.predicate = predicate AND c.objectId = objectId AND c.seenAt >= $since AND coalesce(c.modality, 'asserted') IN $edgeModalities WITH n, predicate, direction, count(c) AS claimCount, count(DISTINCT c.articleId) AS edgeArticleCount, min(c.seenAt) AS firstSeen, max(c.seenAt) AS lastSeen WHERE claimCount > 0 RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases, coalesce(n.articleCount, 0) AS articleCount, predicate, direction, edgeArticleCount, claimCount, firstSeen, lastSeen ORDER BY edgeArticleCount DESC, name ASC, id ASC, predicate ASC, direction ASC LIMIT $limit
      {
       "id": "id-1",
       "types": null,
       "direction": "both",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": "2024-01-01T00:00:00.000Z",
       "until": null,
       "limit": "int(50)",
       "edgeModalities": [
        "asserted",
        "planned"
       ],
       "weakCeiling": "int(4)"
      }"
    `);
    expect(show('weakEdgeWindowNeighborsUntil')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})-[r:VISITED|MET_WITH|URGED|SUPPLIES|SHIPPED_VIA|SANCTIONS|TRADES_WITH|HOLDS_ROLE|PART_OF|LOCATED_IN|REPORTED_BY|NATIONAL_OF]-(n:Entity) WHERE r.articleCount < $weakCeiling AND r.firstSeen <= $until WITH e, n, type(r) AS predicate, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction WHERE ($types IS NULL OR n.type IN $types) AND ($direction = 'both' OR $direction = direction OR predicate IN $symmetric) WITH n, predicate, direction, CASE direction WHEN 'out' THEN e.id ELSE n.id END AS subjectId, CASE direction WHEN 'out' THEN n.id ELSE e.id END AS objectId OPTIONAL MATCH (c:Claim) WHERE c.subjectId = subjectId AND c.predicate = predicate AND c.objectId = objectId AND c.seenAt <= $until AND coalesce(c.modality, 'asserted') IN $edgeModalities WITH n, predicate, direction, count(c) AS claimCount, count(DISTINCT c.articleId) AS edgeArticleCount, min(c.seenAt) AS firstSeen, max(c.seenAt) AS lastSeen WHERE claimCount > 0 RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases, coalesce(n.articleCount, 0) AS articleCount, predicate, direction, edgeArticleCount, claimCount, firstSeen, lastSeen ORDER BY edgeArticleCount DESC, name ASC, id ASC, predicate ASC, direction ASC LIMIT $limit
      {
       "id": "id-1",
       "types": null,
       "direction": "both",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": null,
       "until": "2024-03-31T23:59:59.999Z",
       "limit": "int(50)",
       "edgeModalities": [
        "asserted",
        "planned"
       ],
       "weakCeiling": "int(4)"
      }"
    `);
    expect(show('neighborCounts')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})-[r:VISITED|MET_WITH|URGED|SUPPLIES|SHIPPED_VIA|SANCTIONS|TRADES_WITH|HOLDS_ROLE|PART_OF|LOCATED_IN|REPORTED_BY|NATIONAL_OF]-(n:Entity) WITH e, r, n, type(r) AS predicate, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction WHERE ($types IS NULL OR n.type IN $types) AND ($direction = 'both' OR $direction = direction OR predicate IN $symmetric) RETURN n.type AS type, predicate, count(*) AS count
      {
       "id": "id-1",
       "types": [
        "Person"
       ],
       "direction": "both",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": null,
       "until": null,
       "limit": "int(50)"
      }"
    `);
    expect(show('neighborCountsWindow')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})<-[role:SUBJECT|OBJECT]-(c:Claim)-[other:SUBJECT|OBJECT]->(n:Entity) WHERE type(role) <> type(other) AND c.predicate IN $predicates AND coalesce(c.modality, 'asserted') IN $edgeModalities AND ($since IS NULL OR c.seenAt >= $since) AND ($until IS NULL OR c.seenAt <= $until) WITH n, c, c.predicate AS predicate, CASE type(role) WHEN 'SUBJECT' THEN 'out' ELSE 'in' END AS direction WHERE ($types IS NULL OR n.type IN $types) AND ($direction = 'both' OR $direction = direction OR predicate IN $symmetric) WITH DISTINCT n, predicate, direction RETURN n.type AS type, predicate, count(*) AS count
      {
       "id": "id-1",
       "types": null,
       "direction": "both",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": "2024-01-01T00:00:00.000Z",
       "until": null,
       "limit": "int(50)",
       "predicates": [
        "VISITED",
        "MET_WITH",
        "URGED",
        "SUPPLIES",
        "SHIPPED_VIA",
        "SANCTIONS",
        "TRADES_WITH",
        "HOLDS_ROLE",
        "PART_OF",
        "LOCATED_IN",
        "REPORTED_BY",
        "NATIONAL_OF"
       ],
       "edgeModalities": [
        "asserted",
        "planned"
       ]
      }"
    `);
    expect(show('reportedByOut')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})<-[m:MENTIONS]-(a:Article)-[:REPORTED_BY]->(n:Entity) WHERE n.id <> $id AND ($since IS NULL OR m.seenAt >= $since) AND ($until IS NULL OR m.seenAt <= $until) AND ($types IS NULL OR n.type IN $types) WITH n, count(DISTINCT a) AS edgeArticleCount, min(m.seenAt) AS firstSeen, max(m.seenAt) AS lastSeen RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases, coalesce(n.articleCount, 0) AS articleCount, 'REPORTED_BY' AS predicate, $direction AS direction, edgeArticleCount, edgeArticleCount AS claimCount, firstSeen, lastSeen ORDER BY edgeArticleCount DESC, name ASC, id ASC LIMIT $limit
      {
       "id": "id-1",
       "types": null,
       "direction": "out",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": null,
       "until": null,
       "limit": "int(50)"
      }"
    `);
    expect(show('reportedByIn')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})<-[:REPORTED_BY]-(a:Article)-[m:MENTIONS]->(n:Entity) WHERE n.id <> $id AND ($since IS NULL OR m.seenAt >= $since) AND ($until IS NULL OR m.seenAt <= $until) AND ($types IS NULL OR n.type IN $types) WITH n, count(DISTINCT a) AS edgeArticleCount, min(m.seenAt) AS firstSeen, max(m.seenAt) AS lastSeen RETURN n.id AS id, n.type AS type, n.name AS name, coalesce(n.aliases, []) AS aliases, coalesce(n.articleCount, 0) AS articleCount, 'REPORTED_BY' AS predicate, $direction AS direction, edgeArticleCount, edgeArticleCount AS claimCount, firstSeen, lastSeen ORDER BY edgeArticleCount DESC, name ASC, id ASC LIMIT $limit
      {
       "id": "id-1",
       "types": null,
       "direction": "in",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": "2024-01-01T00:00:00.000Z",
       "until": null,
       "limit": "int(50)"
      }"
    `);
    expect(show('reportedByCounts')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})<-[m:MENTIONS]-(a:Article)-[:REPORTED_BY]->(n:Entity) WHERE n.id <> $id AND ($since IS NULL OR m.seenAt >= $since) AND ($until IS NULL OR m.seenAt <= $until) AND ($types IS NULL OR n.type IN $types) WITH DISTINCT n RETURN n.type AS type, 'REPORTED_BY' AS predicate, count(*) AS count
      {
       "id": "id-1",
       "types": null,
       "direction": "both",
       "symmetric": [
        "MET_WITH",
        "TRADES_WITH"
       ],
       "since": null,
       "until": null,
       "limit": "int(50)"
      }"
    `);
    expect(show('shortestPaths')).toMatchInlineSnapshot(`
      "MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to}) MATCH p = allShortestPaths((a)-[:SUPPLIES|SHIPPED_VIA*..3]-(b)) RETURN DISTINCT [n IN nodes(p) | n.id] AS ids LIMIT $fetch
      {
       "from": "id-1",
       "to": "id-12",
       "fetch": "int(1000)"
      }"
    `);
    expect(show('shortestPathSteps')).toMatchInlineSnapshot(`
      "MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to}) MATCH p = allShortestPaths((a)-[:VISITED|MET_WITH|URGED|SUPPLIES|SHIPPED_VIA|SANCTIONS|TRADES_WITH|HOLDS_ROLE|PART_OF|LOCATED_IN|REPORTED_BY|NATIONAL_OF*..4]-(b)) WHERE all(n IN nodes(p) WHERE n:Entity) WITH nodes(p) AS ns, relationships(p) AS rs LIMIT $fetch RETURN [n IN ns | n.id] AS ids, [i IN range(0, size(rs) - 1) | [type(rs[i]), startNode(rs[i]) = ns[i], rs[i].articleCount]] AS steps
      {
       "from": "id-1",
       "to": "id-12",
       "fetch": "int(4000)"
      }"
    `);
    expect(show('edgesBetween')).toMatchInlineSnapshot(`
      "UNWIND $pairs AS pair MATCH (x:Entity {id: pair[0]})-[r:VISITED|MET_WITH|URGED|SUPPLIES|SHIPPED_VIA|SANCTIONS|TRADES_WITH|HOLDS_ROLE|PART_OF|LOCATED_IN|REPORTED_BY|NATIONAL_OF]-(y:Entity {id: pair[1]}) RETURN DISTINCT pair[0] AS a, pair[1] AS b, startNode(r).id AS subjectId, type(r) AS predicate, endNode(r).id AS objectId, r.articleCount AS articleCount
      {
       "pairs": [
        [
         "id-1",
         "id-12"
        ]
       ]
      }"
    `);
    expect(show('entitySummaries')).toMatchInlineSnapshot(`
      "UNWIND $ids AS wantedId MATCH (e:Entity {id: wantedId}) RETURN e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases, coalesce(e.articleCount, 0) AS articleCount
      {
       "ids": [
        "id-1",
        "id-12"
       ]
      }"
    `);
    expect(show('evidence')).toMatchInlineSnapshot(`
      "MATCH (x:Entity {id: $subjectId})<-[:SUBJECT|OBJECT]-(c:Claim)-[:SUBJECT|OBJECT]->(y:Entity {id: $objectId}) WHERE (($predicate IS NULL AND ((c.subjectId = $subjectId AND c.objectId = $objectId) OR (c.subjectId = $objectId AND c.objectId = $subjectId))) OR (c.predicate = $predicate AND c.subjectId = $subjectId AND c.objectId = $objectId)) AND ($modalities IS NULL OR coalesce(c.modality, 'asserted') IN $modalities) WITH DISTINCT c MATCH (a:Article)-[:HAS_CLAIM]->(c) OPTIONAL MATCH (a)-[rb:REPORTED_BY]->(outlet:Entity) WHERE rb.rank = 0 RETURN c.subjectId AS subjectId, c.predicate AS predicate, c.objectId AS objectId, c.sentence AS sentence, c.start AS claimStart, c.\`end\` AS claimEnd, c.rule AS rule, c.confidence AS confidence, coalesce(c.modality, 'asserted') AS modality, c.antecedentSentence AS antecedentSentence, c.antecedentStart AS antecedentStart, c.antecedentEnd AS antecedentEnd, a.id AS articleId, a.url AS url, a.title AS title, a.outlet AS outlet, a.publishedAt AS publishedAt, a.seenAt AS seenAt, outlet.id AS outletId, outlet.name AS outletName ORDER BY seenAt DESC, articleId ASC, claimStart ASC, predicate ASC, subjectId ASC, rule ASC LIMIT $limit
      {
       "subjectId": "id-1",
       "objectId": "id-12",
       "predicate": "VISITED",
       "modalities": [
        "negated"
       ],
       "limit": "int(100)"
      }"
    `);
    expect(show('evidenceAny')).toMatchInlineSnapshot(`
      "MATCH (x:Entity {id: $subjectId})<-[:SUBJECT|OBJECT]-(c:Claim)-[:SUBJECT|OBJECT]->(y:Entity {id: $objectId}) WHERE (($predicate IS NULL AND ((c.subjectId = $subjectId AND c.objectId = $objectId) OR (c.subjectId = $objectId AND c.objectId = $subjectId))) OR (c.predicate = $predicate AND c.subjectId = $subjectId AND c.objectId = $objectId)) AND ($modalities IS NULL OR coalesce(c.modality, 'asserted') IN $modalities) WITH DISTINCT c MATCH (a:Article)-[:HAS_CLAIM]->(c) OPTIONAL MATCH (a)-[rb:REPORTED_BY]->(outlet:Entity) WHERE rb.rank = 0 RETURN c.subjectId AS subjectId, c.predicate AS predicate, c.objectId AS objectId, c.sentence AS sentence, c.start AS claimStart, c.\`end\` AS claimEnd, c.rule AS rule, c.confidence AS confidence, coalesce(c.modality, 'asserted') AS modality, c.antecedentSentence AS antecedentSentence, c.antecedentStart AS antecedentStart, c.antecedentEnd AS antecedentEnd, a.id AS articleId, a.url AS url, a.title AS title, a.outlet AS outlet, a.publishedAt AS publishedAt, a.seenAt AS seenAt, outlet.id AS outletId, outlet.name AS outletName ORDER BY seenAt DESC, articleId ASC, claimStart ASC, predicate ASC, subjectId ASC, rule ASC LIMIT $limit
      {
       "subjectId": "id-1",
       "objectId": "id-12",
       "predicate": null,
       "modalities": null,
       "limit": "int(100)"
      }"
    `);
    expect(show('top')).toMatchInlineSnapshot(`
      "MATCH (e:Entity) WHERE ($types IS NULL OR e.type IN $types) AND e.articleCount > 0 RETURN e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases, coalesce(e.articleCount, 0) AS articleCount, e.articleCount AS count ORDER BY count DESC, name ASC, id ASC LIMIT $limit
      {
       "types": [
        "Goods"
       ],
       "since": null,
       "limit": "int(7)"
      }"
    `);
    expect(show('topSince')).toMatchInlineSnapshot(`
      "MATCH (:Article)-[m:MENTIONS]->(e:Entity) WHERE m.seenAt >= $since AND ($types IS NULL OR e.type IN $types) WITH e, count(m) AS count RETURN e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases, coalesce(e.articleCount, 0) AS articleCount, count ORDER BY count DESC, name ASC, id ASC LIMIT $limit
      {
       "types": null,
       "since": "2024-03-01T00:00:00.000Z",
       "limit": "int(20)"
      }"
    `);
    expect(show('coMentioned')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(o:Entity) WHERE o.id <> $id WITH o, count(DISTINCT a) AS count RETURN o.id AS id, o.type AS type, o.name AS name, coalesce(o.aliases, []) AS aliases, coalesce(o.articleCount, 0) AS articleCount, count ORDER BY count DESC, name ASC, id ASC LIMIT $limit
      {
       "id": "id-1",
       "limit": "int(4)"
      }"
    `);
    expect(show('timeline')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id})<-[m:MENTIONS]-(:Article) WITH substring(m.seenAt, 0, 10) AS date, count(m) AS articleCount RETURN date, articleCount ORDER BY date ASC
      {
       "id": "id-1"
      }"
    `);
    expect(show('listPublications')).toMatchInlineSnapshot(`
      "MATCH (:Article {id: $articleId})-[:REPUBLISHED_AS]->(p:Publication) RETURN p.url AS url, p.title AS title, p.outlet AS outlet, p.publishedAt AS publishedAt, p.fetchedAt AS fetchedAt, p.sortDate AS sortDate ORDER BY sortDate ASC, url ASC
      {
       "articleId": "id-1"
      }"
    `);
    expect(show('exportEntities')).toMatchInlineSnapshot(`
      "MATCH (e:Entity) WHERE ($after IS NULL OR e.id > $after) AND ($types IS NULL OR e.type IN $types) RETURN e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases, e.attributes AS attributes, coalesce(e.articleCount, 0) AS articleCount, coalesce(e.mentionCount, 0) AS mentionCount ORDER BY id ASC LIMIT $limit
      {
       "after": "id-1",
       "types": null,
       "since": null,
       "limit": "int(100)"
      }"
    `);
    expect(show('exportEntitiesSince')).toMatchInlineSnapshot(`
      "MATCH (e:Entity) WHERE ($after IS NULL OR e.id > $after) AND ($types IS NULL OR e.type IN $types) AND e.lastSeen >= $since WITH e ORDER BY e.id ASC LIMIT $limit MATCH (:Article)-[m:MENTIONS]->(e) WHERE m.seenAt >= $since WITH e, count(m) AS articleCount, sum(m.count) AS mentionCount RETURN e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases, e.attributes AS attributes, articleCount, mentionCount ORDER BY id ASC
      {
       "after": "id-1",
       "types": [
        "Person"
       ],
       "since": "2024-01-01T00:00:00.000Z",
       "limit": "int(100)"
      }"
    `);
    expect(show('exportEdges')).toMatchInlineSnapshot(`
      "MATCH (s:Entity) WHERE $after IS NULL OR s.id > $after WITH s ORDER BY s.id ASC LIMIT $limit WITH collect(s) AS subjects WITH subjects, last(subjects).id AS lastId UNWIND subjects AS s OPTIONAL MATCH (s)-[r:VISITED|MET_WITH|URGED|SUPPLIES|SHIPPED_VIA|SANCTIONS|TRADES_WITH|HOLDS_ROLE|PART_OF|LOCATED_IN|REPORTED_BY|NATIONAL_OF]->(o:Entity) WHERE ($types IS NULL OR (s.type IN $types AND o.type IN $types)) AND ($since IS NULL OR r.lastSeen >= $since) RETURN lastId, s.id AS subjectId, type(r) AS predicate, o.id AS objectId, r.articleCount AS articleCount, r.claimCount AS claimCount, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen ORDER BY subjectId ASC, predicate ASC, objectId ASC
      {
       "after": "id-1",
       "types": null,
       "since": null,
       "limit": "int(100)"
      }"
    `);
    expect(show('exportEdgesSince')).toMatchInlineSnapshot(`
      "MATCH (s:Entity) WHERE $after IS NULL OR s.id > $after WITH s ORDER BY s.id ASC LIMIT $limit WITH collect(s) AS subjects WITH subjects, last(subjects).id AS lastId UNWIND subjects AS s OPTIONAL MATCH (s)-[r:VISITED|MET_WITH|URGED|SUPPLIES|SHIPPED_VIA|SANCTIONS|TRADES_WITH|HOLDS_ROLE|PART_OF|LOCATED_IN|REPORTED_BY|NATIONAL_OF]->(o:Entity) WHERE ($types IS NULL OR (s.type IN $types AND o.type IN $types)) AND ($since IS NULL OR r.lastSeen >= $since) OPTIONAL MATCH (s)<-[:SUBJECT]-(c:Claim)-[:OBJECT]->(o) WHERE c.predicate = type(r) AND c.seenAt >= $since AND coalesce(c.modality, 'asserted') IN $edgeModalities WITH lastId, s, r, o, count(c) AS claimCount, count(DISTINCT c.articleId) AS articleCount, min(c.seenAt) AS firstSeen, max(c.seenAt) AS lastSeen RETURN lastId, s.id AS subjectId, type(r) AS predicate, o.id AS objectId, articleCount, claimCount, firstSeen, lastSeen ORDER BY subjectId ASC, predicate ASC, objectId ASC
      {
       "after": "id-1",
       "types": [
        "Person"
       ],
       "since": "2024-01-01T00:00:00.000Z",
       "limit": "int(100)",
       "edgeModalities": [
        "asserted",
        "planned"
       ]
      }"
    `);
    expect(show('stats.articles')).toMatchInlineSnapshot(`
      "MATCH (a:Article) WHERE a.contentHash IS NOT NULL RETURN count(a) AS value
      {}"
    `);
    expect(show('stats.entities')).toMatchInlineSnapshot(`
      "MATCH (e:Entity) RETURN count(e) AS value
      {}"
    `);
    expect(show('stats.mentions')).toMatchInlineSnapshot(`
      "MATCH (:Article)-[m:MENTIONS]->(:Entity) RETURN coalesce(sum(m.count), 0) AS value
      {}"
    `);
    expect(show('stats.claims')).toMatchInlineSnapshot(`
      "MATCH (c:Claim) RETURN count(c) AS value
      {}"
    `);
    expect(show('stats.edges')).toMatchInlineSnapshot(`
      "MATCH (:Entity)-[r:VISITED|MET_WITH|URGED|SUPPLIES|SHIPPED_VIA|SANCTIONS|TRADES_WITH|HOLDS_ROLE|PART_OF|LOCATED_IN|REPORTED_BY|NATIONAL_OF]->(:Entity) RETURN count(r) AS value
      {}"
    `);
  });
});
