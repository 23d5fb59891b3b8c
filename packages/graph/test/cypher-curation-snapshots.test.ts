import { describe, expect, it } from 'vitest';
import { allStatements } from './cypher-statement-samples.ts';

/** The curation log's statements, exactly (the rest are in cypher-statement-snapshots.test.ts). */
const statements = new Map(allStatements('id-1'));
const show = (name: string): string => {
  const s = statements.get(name);
  if (!s) throw new Error(`no sample statement ${name}`);
  return `${s.cypher}\n${JSON.stringify(s.params, null, 1)}`;
};

describe('curation Cypher, exactly', () => {
  it('sends exactly this text and these parameters', () => {
    expect(show('curationLog')).toMatchInlineSnapshot(`
      "MATCH (c:CurationEntry) RETURN c {.id, .seq, .at, .author, .reason, .action, .undoneAt, .undoneBy, .undoReason} AS entry ORDER BY c.seq
      {}"
    `);
    expect(show('appendCuration')).toMatchInlineSnapshot(`
      "OPTIONAL MATCH (last:CurationEntry) WITH coalesce(max(last.seq), 0) + 1 AS next CREATE (c:CurationEntry {id: $id, seq: next, at: $at, author: $author, reason: $reason, action: $action}) RETURN c {.id, .seq, .at, .author, .reason, .action, .undoneAt, .undoneBy, .undoReason} AS entry
      {
       "id": "id-1",
       "at": "id-1",
       "author": "id-1",
       "reason": "id-1",
       "action": "{\\"kind\\":\\"note\\",\\"entity\\":\\"id-1\\",\\"text\\":\\"id-1\\"}"
      }"
    `);
    expect(show('markCurationUndone')).toMatchInlineSnapshot(`
      "MATCH (c:CurationEntry {id: $id}) WHERE c.undoneAt IS NULL SET c.undoneAt = $undoneAt, c.undoneBy = $undoneBy, c.undoReason = $undoReason RETURN c {.id, .seq, .at, .author, .reason, .action, .undoneAt, .undoneBy, .undoReason} AS entry
      {
       "id": "id-1",
       "undoneAt": "id-1",
       "undoneBy": "id-1",
       "undoReason": "id-1"
      }"
    `);
    expect(show('curationRevision')).toMatchInlineSnapshot(`
      "OPTIONAL MATCH (c:CurationEntry) RETURN coalesce(max(c.seq), 0) AS last, count(c.undoneAt) AS undone
      {}"
    `);
    expect(show('articleIdsMentioning')).toMatchInlineSnapshot(`
      "UNWIND $ids AS wantedId MATCH (a:Article)-[:MENTIONS]->(:Entity {id: wantedId}) WITH DISTINCT a RETURN a.id AS id ORDER BY id LIMIT $limit
      {
       "ids": [
        "id-1",
        "id-12"
       ],
       "limit": {
        "low": 10,
        "high": 0
       }
      }"
    `);
    expect(show('setEntityNames')).toMatchInlineSnapshot(`
      "MATCH (e:Entity {id: $id}) SET e.name = $name, e.aliases = $aliases, e.aliasesText = $aliasesText WITH e OPTIONAL MATCH (k:NameKey {entityId: e.id}) DELETE k WITH DISTINCT e UNWIND $keys AS row CREATE (:NameKey {key: row.key, entityId: e.id, full: row.full}) RETURN count(*) AS keys
      {
       "id": "id-1",
       "name": "id-1",
       "aliases": [
        "id-1"
       ],
       "aliasesText": "id-1",
       "keys": [
        {
         "key": "id-1",
         "full": true
        }
       ]
      }"
    `);
  });
});
