import { afterEach, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { ConfigError, PREDICATES, loadConfig, type ArticleDocument, type NewsgraphConfig } from '@newsgraph/shared';
import * as w from '../src/cypher/write-statements.ts';
import { EDGE_KEYS_MIGRATION } from '../src/cypher/edge-keys.ts';
import { MIRROR_MONTHS_MIGRATION, backfillMirrorMonthsStatement } from '../src/cypher/mirror-months.ts';
import { STRENGTH_TIERS, STRENGTH_TIERS_MIGRATION, anyEdgeStatement, readMigrationMarkerStatement, writeMigrationMarkerStatement } from '../src/cypher/strength-tiers.ts';
import { Neo4jStore } from '../src/neo4j/neo4j-store.ts';
import { Neo4jConnectionError } from '../src/neo4j/neo4j-errors.ts';
import { runReadOnlyCypher } from '../src/cypher/run-read-only-cypher.ts';
import { WriteCypherError } from '../src/cypher/read-only-guard.ts';
import { FakeDriver, FakeNeo4jError, type RecordedCall, type Rows } from './neo4j-fake-driver.ts';
import { baseDocuments, editedA3, hostileDocument, ID } from './store-fixtures.ts';

/**
 * The driver-facing half of the Neo4j store, against a fake driver: connection checks and error
 * messages, sessions and access modes, batching and lock order of writes, re-runnable write
 * transactions, integer and temporal conversion. (The Cypher itself is checked in
 * cypher-statements.test.ts and against a real server in neo4j-store.int.test.ts.)
 */

function config(overrides: Partial<NewsgraphConfig['neo4j']> = {}): NewsgraphConfig {
  const base = loadConfig({ env: { NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 's3cret-pw' }, cwd: '/nonexistent' });
  return { ...base, neo4j: { ...base.neo4j, ...overrides } };
}

const opened: Neo4jStore[] = [];
async function connect(fake: FakeDriver, overrides: Partial<NewsgraphConfig['neo4j']> = {}): Promise<Neo4jStore> {
  const store = await Neo4jStore.connect(config(overrides), { createDriver: () => fake });
  opened.push(store);
  return store;
}

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

/**
 * Which builder made a recorded statement, by its exact text (every builder's text for every
 * predicate and entity type): a drifted statement is 'other' and fails the tests below. The
 * text itself is pinned by cypher-statement-snapshots.test.ts.
 */
const KINDS = (() => {
  const texts = new Map<string, string>();
  const add = (name: string, s: { cypher: string }) => texts.set(s.cypher, name);
  const none: never[] = [];
  add('readHashes', w.readArticleHashesStatement(none));
  add('lockArticles', w.lockArticlesStatement(none));
  add('readMentionContributions', w.readMentionContributionsStatement(none));
  add('readClaimContributions', w.readClaimContributionsStatement(none));
  add('lockEntities', w.lockEntitiesStatement(none));
  add('deleteContents', w.deleteArticleContentsStatement(none));
  add('upsertArticles', w.upsertArticlesStatement(none));
  add('upsertEntities', w.upsertEntitiesStatement(none));
  add('nameKeys', w.createNameKeysStatement(none));
  add('mentions', w.createMentionsStatement(none));
  add('claims', w.createClaimsStatement(none));
  add('reportedBy', w.createReportedByStatement(none));
  for (const p of PREDICATES) {
    add('applyKeyedEdgeChanges', w.applyKeyedEdgeChangesStatement(p, none));
    add('applyEdgeChanges', w.applyEdgeChangesStatement(p, none));
    add('deleteEmptyEdges', w.deleteEmptyEdgesStatement(p, none));
    add('refreshEdgeDates', w.refreshEdgeDatesStatement(p, none));
  }
  add('applyEntityChanges', w.applyEntityChangesStatement(none));
  add('deleteOrphans', w.deleteOrphanEntitiesStatement(none));
  add('refreshEntityDates', w.refreshEntityDatesStatement(none));
  return texts;
})();

const kind = (call: RecordedCall): string => KINDS.get(call.cypher) ?? 'other';

/** A recorded statement as one line: builder, predicate or label in the text, parameters (Integers as int(n)). */
function line(call: RecordedCall): string {
  const render = (v: unknown): unknown =>
    neo4j.isInt(v) ? `int(${v.toString()})` : Array.isArray(v) ? v.map(render) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, render(x)])) : v;
  const type = /\[r:([A-Z_]+)[\] ]|ON CREATE SET e:([A-Za-z]+)/.exec(call.cypher);
  return `${kind(call)}${type ? ` ${type[1] ?? type[2]}` : ''} ${JSON.stringify(render(call.params))}`;
}

const rowsOf = (call: RecordedCall): unknown[] => (call.params.rows ?? call.params.ids ?? []) as unknown[];

/** A fake that remembers article hashes written through it, like a database would. */
function statefulFake(): FakeDriver {
  const fake = new FakeDriver();
  fake.respond((cypher, params) => {
    if (cypher.startsWith('UNWIND $ids AS wantedId MATCH (a:Article {id: wantedId}) RETURN') || cypher.includes('MERGE (a:Article {id: wantedId}) SET a._lock')) {
      // The database state is what earlier statements wrote, minus rolled-back attempts.
      const hashes = new Map<string, string>();
      for (const c of fake.calls) {
        if (c.rolledBack || kind(c) !== 'upsertArticles') continue;
        for (const row of c.params.rows as Array<{ id: string; props: { contentHash: string } }>) hashes.set(row.id, row.props.contentHash);
      }
      const ids = params.ids as string[];
      const known = cypher.includes('MERGE') ? ids : ids.filter((id) => hashes.has(id));
      return known.map((id) => ({ id, contentHash: hashes.get(id) ?? null }));
    }
    return undefined;
  });
  return fake;
}

describe('Neo4jStore.connect', () => {
  it('verifies connectivity, reads the server version and passes no database unless one is configured', async () => {
    const fake = new FakeDriver();
    fake.version = '4.4.30';
    const store = await connect(fake);
    expect(store.kind).toBe('neo4j');
    expect(store.dialect.family).toBe('neo4j-4');
    expect(fake.calls[0]!.cypher).toBe('CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition');
    expect(fake.sessionConfigs.length).toBeGreaterThan(0);
    expect(fake.sessionConfigs.every((c) => !('database' in c))).toBe(true);

    const withDb = new FakeDriver();
    await connect(withDb, { database: 'news', uri: 'neo4j://127.0.0.1:7688' });
    expect(withDb.sessionConfigs.length).toBeGreaterThan(0);
    expect(withDb.sessionConfigs.every((c) => c.database === 'news')).toBe(true);
  });

  it('shares one driver per target and closes it with the last store', async () => {
    const fake = new FakeDriver();
    let created = 0;
    const cfg = config({ uri: 'bolt://127.0.0.1:7999' });
    const a = await Neo4jStore.connect(cfg, { createDriver: () => (created++, fake) });
    const b = await Neo4jStore.connect(cfg, { createDriver: () => (created++, fake) });
    expect(created).toBe(1);
    await a.close();
    expect(fake.closed).toBe(false);
    await b.close();
    expect(fake.closed).toBe(true);
  });

  it.each([
    [new FakeNeo4jError('The client is unauthorized due to authentication failure.', 'Neo.ClientError.Security.Unauthorized'), /refused the credentials of user "neo4j": check NEO4J_USER and NEO4J_PASSWORD/],
    [new FakeNeo4jError('Could not perform discovery. No routing servers available.', 'ServiceUnavailable'), /cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:7687: .*is the server running/],
    [new FakeNeo4jError('Too many failed attempts', 'Neo.ClientError.Security.AuthenticationRateLimit'), /blocking logins/],
    [new Error('socket hang up'), /cannot use Neo4j at bolt:\/\/127\.0\.0\.1:7687: socket hang up/],
  ])('says what is wrong when connectivity fails (%s)', async (error, message) => {
    const fake = new FakeDriver();
    fake.verifyError = error;
    const failure = await connect(fake).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Neo4jConnectionError);
    expect((failure as Error).message).toMatch(message);
    expect((failure as Error).message).not.toContain('s3cret-pw');
    expect(fake.closed).toBe(true);
  });

  it('names a missing database and an unsupported server version', async () => {
    const missing = new FakeDriver();
    missing.beforeRun = () => {
      throw new FakeNeo4jError('Database does not exist. Database name: nope.', 'Neo.ClientError.Database.DatabaseNotFound');
    };
    await expect(connect(missing, { database: 'nope' })).rejects.toThrow(/has no database "nope": check NEO4J_DATABASE/);
    const old = new FakeDriver();
    old.version = '4.0.12';
    await expect(connect(old)).rejects.toThrow(/Neo4j 4\.0\.12 is not supported/);
    expect(old.closed).toBe(true);
  });

  it('reports a URI the driver cannot use, and a missing URI, naming the setting', async () => {
    const cfg = config({ uri: 'bolt://[::1' });
    await expect(Neo4jStore.connect(cfg, { createDriver: () => { throw new Error('Illegal URI: bolt://[::1'); } })).rejects.toThrow(/NEO4J_URI bolt:\/\/\[::1 is not a usable Neo4j URI/);
    await expect(Neo4jStore.connect(config({ uri: undefined }))).rejects.toThrow(ConfigError);
  });
});

describe('Neo4jStore writes', () => {
  it('writes a batch in one managed transaction with one statement per kind, rows sorted by key', async () => {
    const fake = statefulFake();
    const store = await connect(fake);
    const results = await store.writeArticles(baseDocuments());
    expect(results.map((r) => r.status)).toEqual(['inserted', 'inserted', 'inserted', 'inserted']);
    const writes = fake.committed().filter((c) => kind(c) !== 'other');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((c) => c.mode === 'WRITE')).toBe(true);
    const counts = new Map<string, number>();
    for (const c of writes) counts.set(kind(c), (counts.get(kind(c)) ?? 0) + 1);
    expect(counts.get('claims')).toBe(1);
    expect(counts.get('mentions')).toBe(1);
    expect(counts.get('upsertArticles')).toBe(1);
    expect(writes.map(kind)).not.toContain('other');
    // One statement for the entities of every type.
    expect(counts.get('upsertEntities')).toBe(1);
    // New articles only add: one change statement per predicate, nothing to refresh or delete.
    // On 5.x each predicate's rows are first looked up by edge key; what that does not find (here: all, a new store) is merged by its ends.
    const predicatesWritten = new Set(baseDocuments().flatMap((d) => d.claims.map((c) => c.predicate))).size;
    expect(counts.get('applyKeyedEdgeChanges')).toBe(predicatesWritten);
    expect(counts.get('applyEdgeChanges')).toBe(predicatesWritten);
    expect(counts.get('applyEntityChanges')).toBe(1);
    for (const k of ['deleteEmptyEdges', 'refreshEdgeDates', 'deleteOrphans', 'refreshEntityDates', 'deleteContents', 'readMentionContributions']) expect(counts.has(k), k).toBe(false);
    const trade = writes.filter((c) => kind(c) === 'applyEdgeChanges' && c.cypher.includes('[r:TRADES_WITH]')).flatMap((c) => rowsOf(c) as Array<Record<string, unknown>>);
    // China and Russia trade in two articles, stored once as (china, russia): one row adding 2 articles, 2 claims.
    expect(trade).toEqual([
      { subjectId: ID.china, objectId: ID.russia, articles: neo4j.int(2), units: neo4j.int(2), addedFirst: '2024-02-21T08:00:00.000Z', addedLast: '2024-03-15T12:00:00.000Z', removedFirst: null, removedLast: null, key: `${ID.china}>${ID.russia}` },
    ]);
    const china = (writes.find((c) => kind(c) === 'applyEntityChanges')!.params.rows as Array<Record<string, unknown>>).find((r) => r.entityId === ID.china)!;
    expect(china).toMatchObject({ articles: neo4j.int(4), addedFirst: '2024-01-10T09:00:00.000Z', addedLast: '2024-03-15T12:00:00.000Z' });

    const claims = writes.find((c) => kind(c) === 'claims')!.params.rows as Array<{ subjectId: string; objectId: string; predicate: string; start: unknown }>;
    expect(claims).toHaveLength(9);
    const keys = claims.map((c) => `${c.subjectId} ${c.objectId} ${c.predicate}`);
    expect(keys).toEqual([...keys].sort());
    // Symmetric predicates are stored with the smaller id as subject.
    const metWith = claims.find((c) => c.predicate === 'MET_WITH' && [c.subjectId, c.objectId].includes(ID.blinken))!;
    expect([metWith.subjectId, metWith.objectId]).toEqual([ID.blinken, ID.yellen]);
    expect(neo4j.isInt(claims[0]!.start)).toBe(true);
    const locked = writes.find((c) => kind(c) === 'lockEntities')!.params.ids as string[];
    expect(locked).toEqual([...locked].sort());
    expect(fake.openSessions).toBe(0);
  });

  it('finds stored edges by key on 4.3 and later, and merges every edge change by its ends on 3.5 (no relationship indexes)', async () => {
    const modern = statefulFake();
    // The key lookup finds the China-Russia trade edge: only the other edges are merged by their ends.
    modern.respond((cypher, params) =>
      cypher === w.applyKeyedEdgeChangesStatement('TRADES_WITH', []).cypher
        ? (params.rows as Array<{ subjectId: string; objectId: string }>).map((r) => ({ subjectId: r.subjectId, objectId: r.objectId, fromTier: 0, toTier: 0 }))
        : undefined,
    );
    const modernStore = await connect(modern);
    await modernStore.writeArticles(baseDocuments());
    // Stores share a driver per target: close this one so that the 3.5 store gets its own fake.
    await modernStore.close();
    const merged = modern.committed().filter((c) => kind(c) === 'applyEdgeChanges');
    expect(merged.some((c) => c.cypher.includes('[r:TRADES_WITH]'))).toBe(false);
    expect(merged.some((c) => c.cypher.includes('[r:VISITED]'))).toBe(true);
    const legacy = statefulFake();
    legacy.version = '3.5.35';
    await (await connect(legacy)).writeArticles(baseDocuments());
    const kinds = legacy.committed().map(kind);
    expect(kinds).not.toContain('applyKeyedEdgeChanges');
    expect(kinds.filter((k) => k === 'applyEdgeChanges').length).toBe(new Set(baseDocuments().flatMap((d) => d.claims.map((c) => c.predicate))).size);
  });

  it('never sends more rows than the batch size in one statement', async () => {
    const fake = statefulFake();
    const store = await connect(fake, { batchSize: 2 });
    await store.writeArticles(baseDocuments());
    const writes = fake.committed().filter((c) => kind(c) !== 'other');
    expect(writes.length).toBeGreaterThan(10);
    for (const c of writes) expect(rowsOf(c).length, kind(c)).toBeLessThanOrEqual(2);
    const claims = writes.filter((c) => kind(c) === 'claims').flatMap((c) => rowsOf(c));
    expect(claims).toHaveLength(9);
  });

  it('writes the same article twice in one call as two transactions, the second seeing the first', async () => {
    const fake = statefulFake();
    const store = await connect(fake);
    const [a1, a2] = baseDocuments();
    const results = await store.writeArticles([a1!, a2!, baseDocuments()[0]!]);
    expect(results.map((r) => r.status)).toEqual(['inserted', 'inserted', 'unchanged']);
    expect(fake.committed().filter((c) => kind(c) === 'readHashes').map((c) => c.params.ids)).toEqual([['art-a1', 'art-a2'], ['art-a1']]);
  });

  it('writes nothing for an unchanged article', async () => {
    const fake = statefulFake();
    const store = await connect(fake);
    await store.writeArticles(baseDocuments());
    const before = fake.calls.length;
    const again = await store.writeArticle(baseDocuments()[0]!);
    expect(again.status).toBe('unchanged');
    expect(fake.calls.slice(before).map(kind)).toEqual(['readHashes']);
  });

  it('replaces a changed article by the count plan: its stored contribution out, the new one in, then only what lost a contribution is refreshed', async () => {
    const fake = statefulFake();
    const old = baseDocuments()[2]!;
    fake.respond((cypher, params) => {
      if (kind({ cypher } as RecordedCall) === 'readMentionContributions') {
        expect(params.ids).toEqual(['art-a3']);
        return old.entities.map((e) => ({ articleId: 'art-a3', seenAt: '2024-02-21T08:00:00.000Z', entityId: e.id, mentions: old.mentions.filter((m) => m.entityId === e.id).length }));
      }
      if (kind({ cypher } as RecordedCall) === 'readClaimContributions') {
        return [
          { articleId: 'art-a3', subjectId: ID.iran, predicate: 'SUPPLIES', objectId: ID.russia, claims: 2 },
          { articleId: 'art-a3', subjectId: ID.china, predicate: 'TRADES_WITH', objectId: ID.russia, claims: 1 },
        ];
      }
      return undefined;
    });
    const store = await connect(fake);
    await store.writeArticle(old);
    const before = fake.calls.length;
    const result = await store.writeArticle(editedA3());
    expect(result).toEqual({ articleId: 'art-a3', status: 'updated' });
    const calls = fake.calls.slice(before).filter((c) => !['upsertArticles', 'nameKeys', 'mentions', 'claims', 'upsertEntities'].includes(kind(c)));
    // Exactly these statements with these parameters, in this order (rows written by the
    // generic statements above are checked elsewhere).
    expect(calls.map(line)).toMatchInlineSnapshot(`
      [
        "readHashes {"ids":["art-a3"]}",
        "lockArticles {"ids":["art-a3"]}",
        "readMentionContributions {"ids":["art-a3"]}",
        "readClaimContributions {"ids":["art-a3"],"edgeModalities":["asserted","planned"]}",
        "lockEntities {"ids":["country:CN","country:IR","country:RU","goods:drones"]}",
        "deleteContents {"ids":["art-a3"]}",
        "applyKeyedEdgeChanges SUPPLIES {"rows":[{"subjectId":"country:IR","objectId":"country:RU","articles":"int(0)","units":"int(-1)","addedFirst":"2024-02-21T08:00:00.000Z","addedLast":"2024-02-21T08:00:00.000Z","removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z","key":"country:IR>country:RU"}]}",
        "applyEdgeChanges SUPPLIES {"rows":[{"subjectId":"country:IR","objectId":"country:RU","articles":"int(0)","units":"int(-1)","addedFirst":"2024-02-21T08:00:00.000Z","addedLast":"2024-02-21T08:00:00.000Z","removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z","key":"country:IR>country:RU"}]}",
        "deleteEmptyEdges SUPPLIES {"rows":[{"subjectId":"country:IR","objectId":"country:RU","articles":"int(0)","units":"int(-1)","addedFirst":"2024-02-21T08:00:00.000Z","addedLast":"2024-02-21T08:00:00.000Z","removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"}]}",
        "refreshEdgeDates SUPPLIES {"predicate":"SUPPLIES","edgeModalities":["asserted","planned"],"rows":[{"subjectId":"country:IR","objectId":"country:RU","articles":"int(0)","units":"int(-1)","addedFirst":"2024-02-21T08:00:00.000Z","addedLast":"2024-02-21T08:00:00.000Z","removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"}]}",
        "applyKeyedEdgeChanges TRADES_WITH {"rows":[{"subjectId":"country:CN","objectId":"country:RU","articles":"int(-1)","units":"int(-1)","addedFirst":null,"addedLast":null,"removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z","key":"country:CN>country:RU"}]}",
        "applyEdgeChanges TRADES_WITH {"rows":[{"subjectId":"country:CN","objectId":"country:RU","articles":"int(-1)","units":"int(-1)","addedFirst":null,"addedLast":null,"removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z","key":"country:CN>country:RU"}]}",
        "deleteEmptyEdges TRADES_WITH {"rows":[{"subjectId":"country:CN","objectId":"country:RU","articles":"int(-1)","units":"int(-1)","addedFirst":null,"addedLast":null,"removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"}]}",
        "refreshEdgeDates TRADES_WITH {"predicate":"TRADES_WITH","edgeModalities":["asserted","planned"],"rows":[{"subjectId":"country:CN","objectId":"country:RU","articles":"int(-1)","units":"int(-1)","addedFirst":null,"addedLast":null,"removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"}]}",
        "applyEntityChanges {"rows":[{"entityId":"country:CN","articles":"int(-1)","units":"int(-1)","addedFirst":null,"addedLast":null,"removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"},{"entityId":"country:IR","articles":"int(0)","units":"int(-1)","addedFirst":"2024-02-21T08:00:00.000Z","addedLast":"2024-02-21T08:00:00.000Z","removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"},{"entityId":"country:RU","articles":"int(0)","units":"int(-2)","addedFirst":"2024-02-21T08:00:00.000Z","addedLast":"2024-02-21T08:00:00.000Z","removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"},{"entityId":"goods:drones","articles":"int(-1)","units":"int(-1)","addedFirst":null,"addedLast":null,"removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"}]}",
        "deleteOrphans {"rows":[{"entityId":"country:CN","articles":"int(-1)","units":"int(-1)","addedFirst":null,"addedLast":null,"removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"},{"entityId":"country:IR","articles":"int(0)","units":"int(-1)","addedFirst":"2024-02-21T08:00:00.000Z","addedLast":"2024-02-21T08:00:00.000Z","removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"},{"entityId":"country:RU","articles":"int(0)","units":"int(-2)","addedFirst":"2024-02-21T08:00:00.000Z","addedLast":"2024-02-21T08:00:00.000Z","removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"},{"entityId":"goods:drones","articles":"int(-1)","units":"int(-1)","addedFirst":null,"addedLast":null,"removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"}]}",
        "refreshEntityDates {"rows":[{"entityId":"country:CN","articles":"int(-1)","units":"int(-1)","addedFirst":null,"addedLast":null,"removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"},{"entityId":"country:IR","articles":"int(0)","units":"int(-1)","addedFirst":"2024-02-21T08:00:00.000Z","addedLast":"2024-02-21T08:00:00.000Z","removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"},{"entityId":"country:RU","articles":"int(0)","units":"int(-2)","addedFirst":"2024-02-21T08:00:00.000Z","addedLast":"2024-02-21T08:00:00.000Z","removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"},{"entityId":"goods:drones","articles":"int(-1)","units":"int(-1)","addedFirst":null,"addedLast":null,"removedFirst":"2024-02-21T08:00:00.000Z","removedLast":"2024-02-21T08:00:00.000Z"}]}",
      ]
    `);
  });

  it('keeps an entity first name, adds new names as aliases and writes search keys only for new names', async () => {
    const fake = statefulFake();
    fake.respond((cypher, params) => {
      if (cypher.includes('MATCH (e:Entity {id: wantedId}) SET e._lock')) {
        return (params.ids as string[])
          .filter((id) => id === ID.china)
          .map((id) => ({ id, type: 'Country', name: 'China', aliases: ['PRC'], attributes: '{"iso":"CN"}' }));
      }
      return undefined;
    });
    const store = await connect(fake);
    const doc = baseDocuments()[0]!;
    const china = doc.entities.find((e) => e.id === ID.china)!;
    china.name = "People's Republic of China";
    china.aliases = ['PRC', 'Zhōngguó'];
    china.attributes = { capital: 'Beijing' };
    await store.writeArticle(doc);
    const upserts = fake.calls.filter((c) => kind(c) === 'upsertEntities').flatMap((c) => rowsOf(c) as Array<Record<string, unknown>>);
    const row = upserts.find((r) => r.id === ID.china)!;
    expect(row.name).toBe('China');
    expect(row.aliases).toEqual(['PRC', "People's Republic of China", 'Zhōngguó']);
    expect(JSON.parse(row.attributes as string)).toEqual({ iso: 'CN', capital: 'Beijing' });
    const keys = fake.calls.filter((c) => kind(c) === 'nameKeys').flatMap((c) => rowsOf(c) as Array<{ entityId: string; key: string; full: boolean }>);
    const chinaKeys = keys.filter((k) => k.entityId === ID.china).map((k) => `${k.key}${k.full ? '*' : ''}`);
    expect(chinaKeys.sort()).toEqual(["bank of china", "china", "of china", "people's republic of china*", "republic of china", "s republic of china", 'zhongguo*'].filter((k) => !k.includes('bank')).sort());
  });

  it('re-runs the whole write transaction after a transient error (deadlock), committing it once', async () => {
    const fake = statefulFake();
    let failures = 0;
    fake.beforeRun = (call) => {
      if (kind(call) === 'claims' && failures === 0) {
        failures++;
        throw new FakeNeo4jError('ForsetiClient can not acquire ExclusiveLock', 'Neo.TransientError.Transaction.DeadlockDetected');
      }
    };
    const store = await connect(fake);
    const results = await store.writeArticles(baseDocuments().slice(0, 2));
    expect(failures).toBe(1);
    expect(results.map((r) => r.status)).toEqual(['inserted', 'inserted']);
    expect(fake.calls.filter((c) => kind(c) === 'claims' && c.rolledBack)).toHaveLength(1);
    expect(fake.committed().filter((c) => kind(c) === 'claims')).toHaveLength(1);
  });

  it('refuses a bad document before writing anything, naming it', async () => {
    const fake = statefulFake();
    const store = await connect(fake);
    const bad: ArticleDocument = { ...baseDocuments()[1]!, claims: [{ ...baseDocuments()[1]!.claims[0]!, predicate: 'HACKS' as never }] };
    const before = fake.calls.length;
    await expect(store.writeArticles([baseDocuments()[0]!, bad])).rejects.toThrow(/docs\[1\] \(article art-a2\).*predicate "HACKS" is not a predicate/);
    expect(fake.calls.length).toBe(before);
  });

  it('passes hostile names and ids only as parameters', async () => {
    const fake = statefulFake();
    const store = await connect(fake);
    await store.writeArticle(hostileDocument());
    for (const c of fake.calls) {
      expect(c.cypher).not.toMatch(/DROP TABLE|O'Brien|DETACH DELETE n\b/);
    }
    expect(JSON.stringify(fake.calls.map((c) => c.params))).toContain('DROP TABLE');
  });
});

describe('Neo4jStore reads', () => {
  it('converts Neo4j Integers and {low, high} objects to numbers and reads in READ sessions', async () => {
    const fake = new FakeDriver().respond((cypher) => {
      if (cypher.startsWith('MATCH (e:Entity {id: $id}) RETURN')) {
        return [{ id: ID.china, type: 'Country', name: 'China', aliases: ['PRC'], attributes: '{"iso":"CN"}', articleCount: neo4j.int(7), mentionCount: { low: 9, high: 0 }, firstSeen: '2024-01-10T09:00:00.000Z', lastSeen: null }];
      }
      if (cypher.includes('substring(m.seenAt, 0, 10)')) return [{ date: '2024-01-10', articleCount: neo4j.int(2) }];
      return undefined;
    });
    const store = await connect(fake);
    const entity = await store.getEntity(ID.china);
    expect(entity).toEqual({ id: ID.china, type: 'Country', name: 'China', aliases: ['PRC'], attributes: { iso: 'CN' }, articleCount: 7, mentionCount: 9, firstSeen: '2024-01-10T09:00:00.000Z', lastSeen: null });
    expect(await store.timeline(ID.china)).toEqual([{ date: '2024-01-10', articleCount: 2 }]);
    expect(fake.calls.filter((c) => !c.cypher.startsWith('CALL dbms')).every((c) => c.mode === 'READ')).toBe(true);
    expect(fake.openSessions).toBe(0);
  });

  // Every shortest path of a-m-b and a-n-b, as the one-read statement returns them: [predicate, forward, articleCount] per step.
  const pathRows = [
    { ids: ['a', 'm', 'b'], steps: [['VISITED', true, neo4j.int(1)], ['TRADES_WITH', true, neo4j.int(1)]] },
    { ids: ['a', 'm', 'b'], steps: [['SUPPLIES', false, neo4j.int(3)], ['TRADES_WITH', true, neo4j.int(1)]] },
    { ids: ['a', 'n', 'b'], steps: [['VISITED', true, neo4j.int(1)], ['VISITED', false, neo4j.int(1)]] },
  ];

  it('reads shortest paths and the edges they take in one statement when the enumeration is complete', async () => {
    const fake = new FakeDriver().respond((cypher, params) => {
      if (cypher.startsWith('UNWIND $ids AS wantedId MATCH (e:Entity {id: wantedId}) RETURN')) {
        return (params.ids as string[]).map((id) => ({ id, type: 'Country', name: id, aliases: [], articleCount: neo4j.int(1) }));
      }
      if (cypher.includes('allShortestPaths') && cypher.includes('AS steps')) return pathRows;
      return undefined;
    });
    const store = await connect(fake);
    const paths = await store.shortestPaths('a', 'b', { limit: 5 });
    expect(paths.map((p) => p.nodes.map((n) => n.id))).toEqual([
      ['a', 'm', 'b'],
      ['a', 'n', 'b'],
    ]);
    expect(paths[0]!.edges).toEqual([
      { subjectId: 'm', predicate: 'SUPPLIES', objectId: 'a', articleCount: 3 },
      { subjectId: 'm', predicate: 'TRADES_WITH', objectId: 'b', articleCount: 1 },
    ]);
    expect(paths[1]!.edges[1]).toEqual({ subjectId: 'b', predicate: 'VISITED', objectId: 'n', articleCount: 1 });
    expect(fake.calls.filter((c) => c.cypher.includes('allShortestPaths'))).toHaveLength(1);
    expect(fake.calls.some((c) => c.cypher.startsWith('UNWIND $pairs AS pair'))).toBe(false);
    // Both reads are one exchange each (auto-commit): the path steps, and the 4 summaries in one chunk.
    const summaries = (calls: RecordedCall[]) => calls.filter((c) => c.cypher.startsWith('UNWIND $ids AS wantedId MATCH (e:Entity'));
    expect(fake.calls.filter((c) => c.cypher.includes('allShortestPaths')).map((c) => c.autoCommit)).toEqual([true]);
    expect(summaries(fake.calls).map((c) => c.autoCommit)).toEqual([true]);
    // More ids than a batch: chunks in one managed read transaction.
    const before = fake.calls.length;
    await (await connect(fake, { batchSize: 2 })).shortestPaths('a', 'b', { limit: 5 });
    expect(summaries(fake.calls.slice(before)).map((c) => [c.params.ids, c.autoCommit ?? false])).toEqual([
      [['a', 'b'], false],
      [['m', 'n'], false],
    ]);
  });

  it('picks the best edge per step and ranks shortest paths like the SQLite store (paths beyond the one-read limit)', async () => {
    const fake = new FakeDriver().respond((cypher, params) => {
      if (cypher.startsWith('UNWIND $ids AS wantedId MATCH (e:Entity {id: wantedId}) RETURN')) {
        return (params.ids as string[]).map((id) => ({ id, type: 'Country', name: id, aliases: [], articleCount: neo4j.int(1) }));
      }
      // As many path rows as the statement's limit: the enumeration was cut, so its edges are not all known.
      if (cypher.includes('allShortestPaths') && cypher.includes('AS steps')) return Array.from({ length: neo4j.integer.toNumber(params.fetch as number) }, (_, i) => pathRows[i % 3]!);
      if (cypher.includes('allShortestPaths')) return [{ ids: ['a', 'm', 'b'] }, { ids: ['a', 'n', 'b'] }];
      if (cypher.startsWith('UNWIND $pairs AS pair')) {
        return [
          { a: 'a', b: 'm', subjectId: 'a', predicate: 'VISITED', objectId: 'm', articleCount: 1 },
          { a: 'a', b: 'm', subjectId: 'm', predicate: 'SUPPLIES', objectId: 'a', articleCount: 3 },
          { a: 'm', b: 'b', subjectId: 'm', predicate: 'TRADES_WITH', objectId: 'b', articleCount: 1 },
          { a: 'a', b: 'n', subjectId: 'a', predicate: 'VISITED', objectId: 'n', articleCount: 1 },
          { a: 'n', b: 'b', subjectId: 'n', predicate: 'VISITED', objectId: 'b', articleCount: 1 },
        ];
      }
      return undefined;
    });
    const store = await connect(fake);
    const paths = await store.shortestPaths('a', 'b', { limit: 5 });
    expect(paths.map((p) => p.nodes.map((n) => n.id))).toEqual([
      ['a', 'm', 'b'],
      ['a', 'n', 'b'],
    ]);
    expect(paths[0]!.edges[0]).toEqual({ subjectId: 'm', predicate: 'SUPPLIES', objectId: 'a', articleCount: 3 });
    expect(fake.calls.some((c) => c.cypher.startsWith('UNWIND $pairs AS pair'))).toBe(true);
    expect(await store.shortestPaths('a', 'a')).toEqual([{ nodes: [expect.objectContaining({ id: 'a' })], edges: [] }]);
  });

  describe('windowed neighbours from the strength tiers', () => {
    const row = (id: string, articles: number) => ({ id, type: 'Country', name: id, aliases: [], articleCount: neo4j.int(articles), predicate: 'SUPPLIES', direction: 'out', edgeArticleCount: neo4j.int(articles), claimCount: neo4j.int(articles), firstSeen: '2024-07-01T00:00:00.000Z', lastSeen: '2024-07-02T00:00:00.000Z' });
    const windowFake = (degrees: number[], tierRows: (tiers: string) => Rows, weak: Rows = [], all: Rows = []) =>
      new FakeDriver().respond((cypher) => {
        if (cypher.startsWith('MATCH (e:Entity {id: $id}) RETURN [COUNT')) return [{ degrees: degrees.map((d) => neo4j.int(d)) }];
        const tiers = /-\[t:([A-Z_0-9|]+)\]-/.exec(cypher);
        if (tiers && cypher.includes('t.monthArticles[i]')) return tierRows(tiers[1]!);
        if (cypher.includes('r.articleCount < $weakCeiling')) return weak;
        if (cypher.includes('OPTIONAL MATCH (c:Claim)')) return all;
        return undefined;
      });
    const weakRead = (fake: FakeDriver) => fake.calls.filter((c) => c.cypher.includes('OPTIONAL MATCH (c:Claim)')).map((c) => c.params.weakCeiling === undefined ? 'all edges' : 'weak edges');
    const since = '2024-06-01';

    it('answers from the top tiers when the limit-th windowed count reaches the lowest floor read', async () => {
      const fake = windowFake([0, 0, 3, 0, 0, 1], () => [row('x', 900), row('y', 70), row('z', 64)]);
      const store = await connect(fake);
      expect((await store.neighbors('c', { since, limit: 3 })).map((n) => [n.entity.id, n.articleCount])).toEqual([['x', 900], ['y', 70], ['z', 64]]);
      expect(fake.calls.filter((c) => c.cypher.includes('t.monthArticles[i]')).map((c) => /-\[t:([A-Z_0-9|]+)\]-/.exec(c.cypher)![1])).toEqual(['STRENGTH_TIER_3|STRENGTH_TIER_4|STRENGTH_TIER_5|STRENGTH_TIER_6']);
      expect(weakRead(fake)).toEqual([]);
    });

    it('reads lower tiers one at a time, skipping empty ones, and merges them in neighbour order', async () => {
      const fake = windowFake([5, 0, 3, 0, 0, 0], (tiers) => (tiers.startsWith('STRENGTH_TIER_3') ? [row('x', 20), row('y', 5)] : [row('w', 9), row('v', 5)]));
      const store = await connect(fake);
      // Tier 3 and up alone: the 3rd strongest windowed count is below 64, so tier 1 is read too (tier 2 is empty).
      expect((await store.neighbors('c', { since, limit: 3 })).map((n) => [n.entity.id, n.articleCount])).toEqual([['x', 20], ['w', 9], ['v', 5]]);
      expect(fake.calls.filter((c) => c.cypher.includes('t.monthArticles[i]')).map((c) => /-\[t:([A-Z_0-9|]+)\]-/.exec(c.cypher)![1])).toEqual([
        'STRENGTH_TIER_3|STRENGTH_TIER_4|STRENGTH_TIER_5|STRENGTH_TIER_6',
        'STRENGTH_TIER_1',
      ]);
    });

    it('merges the edges without a mirror, counted from their claims, when even tier 1 cannot prove the answer', async () => {
      const fake = windowFake([4, 0, 0, 0, 0, 0], () => [row('x', 3)], [row('q', 1), row('p', 1)]);
      const store = await connect(fake);
      expect((await store.neighbors('c', { since, limit: 2 })).map((n) => n.entity.id)).toEqual(['x', 'p']);
      expect(weakRead(fake)).toEqual(['weak edges']);
    });

    it('counts every edge from its claims when the mirrors are fewer than the limit, without reading the tiers', async () => {
      const fake = windowFake([2, 0, 0, 0, 0, 0], () => [row('x', 3)], [], [row('x', 3), row('q', 1)]);
      const store = await connect(fake);
      expect((await store.neighbors('c', { since, limit: 3 })).map((n) => n.entity.id)).toEqual(['x', 'q']);
      expect(weakRead(fake)).toEqual(['all edges']);
      expect(fake.calls.some((c) => c.cypher.includes('t.monthArticles[i]'))).toBe(false);
    });
  });

  it('pages exports by key so memory stays flat', async () => {
    const ids = ['e1', 'e2', 'e3', 'e4', 'e5'];
    const fake = new FakeDriver().respond((cypher, params) => {
      if (!cypher.startsWith('MATCH (e:Entity) WHERE ($after IS NULL')) return undefined;
      const after = params.after as string | null;
      const limit = (params.limit as { toNumber(): number }).toNumber();
      return ids
        .filter((id) => after === null || id > after)
        .slice(0, limit)
        .map((id) => ({ id, type: 'Goods', name: id, aliases: [], attributes: '{}', articleCount: 1, mentionCount: 2 }));
    });
    const store = await connect(fake, { batchSize: 2 });
    const seen: string[] = [];
    for await (const e of store.exportEntities()) seen.push(e.id);
    expect(seen).toEqual(ids);
    const pages = fake.calls.filter((c) => c.cypher.startsWith('MATCH (e:Entity) WHERE ($after IS NULL'));
    expect(pages.map((c) => c.params.after)).toEqual([null, 'e2', 'e4']);
  });
});

describe('Neo4jStore schema', () => {
  it('runs every 5.x statement in its own write transaction and reports what it created', async () => {
    const fake = new FakeDriver();
    // A store with edges but no strength-tier marker: written by a version without the tiers.
    fake.respond((cypher): Rows | undefined => (cypher === anyEdgeStatement().cypher ? [{ found: 1 }] : undefined));
    const store = await connect(fake);
    const report = await store.migrateSchema();
    const ddl = fake.calls.filter((c) => c.cypher.startsWith('CREATE'));
    expect(ddl.map((c) => c.cypher)).toEqual(store.dialect.schemaStatements().map((s) => s.cypher));
    expect(ddl.length).toBeGreaterThan(0);
    expect(ddl.every((c) => c.mode === 'WRITE')).toBe(true);
    const schema = report.statements.filter((s) => s.name !== STRENGTH_TIERS_MIGRATION.key && s.name !== EDGE_KEYS_MIGRATION.key && s.name !== MIRROR_MONTHS_MIGRATION.key);
    expect(schema).toHaveLength(ddl.length);
    expect(report.statements.every((s) => s.created === true)).toBe(true);
    expect(report.dialect).toBe('neo4j-5');
    // A store without the strength-tier marker gets its mirrors, then the marker, last.
    expect(report.statements.map((s) => s.name)).toContain(STRENGTH_TIERS_MIGRATION.key);
    const writes = fake.calls.filter((c) => c.mode === 'WRITE').map((c) => c.cypher);
    expect(writes.filter((c) => c.includes('CREATE (s)-[t:STRENGTH_TIER_')).length).toBe(PREDICATES.length * STRENGTH_TIERS.length);
    expect(writes.at(-1)).toBe(writeMigrationMarkerStatement().cypher);
  });

  it('a new store without edges gets the strength-tier marker and no backfill', async () => {
    const fake = new FakeDriver();
    const store = await connect(fake);
    await store.migrateSchema();
    const writes = fake.calls.filter((c) => c.mode === 'WRITE').map((c) => c.cypher);
    expect(writes.filter((c) => c.includes('STRENGTH_TIER'))).toEqual([]);
    expect(writes.at(-1)).toBe(writeMigrationMarkerStatement().cypher);
  });

  it('backfills the strength tiers only once: a store with the marker costs one read', async () => {
    const fake = new FakeDriver().respond((cypher): Rows | undefined => (cypher === readMigrationMarkerStatement().cypher ? [{ version: STRENGTH_TIERS_MIGRATION.version }] : undefined));
    const store = await connect(fake);
    const report = await store.migrateSchema();
    expect(report.statements.map((s) => s.name)).not.toContain(STRENGTH_TIERS_MIGRATION.key);
    expect(fake.calls.filter((c) => c.cypher.includes('STRENGTH_TIER') || c.cypher.includes('StoreMeta {key: $key}) SET'))).toEqual([]);
  });

  it('gives the mirrors of a store without the month-list marker their month lists once, after the tiers, then the marker', async () => {
    const fake = new FakeDriver().respond((cypher): Rows | undefined => (cypher === anyEdgeStatement().cypher ? [{ found: 1 }] : undefined));
    const store = await connect(fake);
    const report = await store.migrateSchema();
    expect(report.statements.map((s) => s.name)).toContain(MIRROR_MONTHS_MIGRATION.key);
    const writes = fake.calls.filter((c) => c.mode === 'WRITE');
    const backfills = PREDICATES.flatMap((p) => STRENGTH_TIERS.map((tier) => backfillMirrorMonthsStatement(p, tier).cypher));
    const monthWrites = writes.filter((c) => c.cypher.includes('SET t.months = months'));
    expect(monthWrites.map((c) => c.cypher)).toEqual(backfills);
    // After the last tier mirror is created, and the marker right after the last month backfill.
    const lastTierCreate = writes.findLastIndex((c) => c.cypher.includes('CREATE (s)-[t:STRENGTH_TIER_'));
    const firstMonths = writes.findIndex((c) => c.cypher.includes('SET t.months = months'));
    expect(firstMonths).toBeGreaterThan(lastTierCreate);
    const marker = writes[writes.findLastIndex((c) => c.cypher.includes('SET t.months = months')) + 1]!;
    expect(marker.params.key).toBe(MIRROR_MONTHS_MIGRATION.key);

    // With the marker: one read, no month statement (a new driver: the first store shares its own).
    await store.close();
    const migrated = new FakeDriver().respond((cypher, params): Rows | undefined =>
      cypher.startsWith('MATCH (m:StoreMeta {key: $key}) RETURN') && params.key === MIRROR_MONTHS_MIGRATION.key ? [{ version: MIRROR_MONTHS_MIGRATION.version }] : cypher === anyEdgeStatement().cypher ? [{ found: 1 }] : undefined,
    );
    const again = await (await connect(migrated)).migrateSchema();
    expect(again.statements.map((s) => s.name)).not.toContain(MIRROR_MONTHS_MIGRATION.key);
    expect(migrated.calls.filter((c) => c.cypher.includes('t.months'))).toEqual([]);
  });

  it('on 3.5 reads the existing schema first and creates only what is missing', async () => {
    const fake = new FakeDriver().respond((cypher): Rows | undefined => {
      if (cypher.startsWith('CALL db.constraints()')) return [{ description: 'CONSTRAINT ON ( entity:Entity ) ASSERT entity.id IS UNIQUE' }];
      if (cypher.startsWith('CALL db.indexes()')) return [];
      return undefined;
    });
    fake.version = '3.5.35';
    const store = await connect(fake);
    const report = await store.migrateSchema();
    expect(report.existing).toEqual(['entity_id']);
    const ddl = fake.calls.filter((c) => c.mode === 'WRITE').map((c) => c.cypher);
    expect(ddl).not.toContain('CREATE CONSTRAINT ON (n:Entity) ASSERT n.id IS UNIQUE');
    expect(ddl).toContain('CREATE CONSTRAINT ON (n:Article) ASSERT n.id IS UNIQUE');
    expect(ddl.filter((c) => !c.startsWith('MATCH') && !c.startsWith('MERGE')).at(-1)).toBe('CALL db.index.fulltext.createNodeIndex($name, $labels, $properties)');
  });
});

describe('runReadOnlyCypher', () => {
  it('refuses writes before anything is sent, runs reads in a READ transaction with integer parameters', async () => {
    const fake = new FakeDriver().respond((cypher) =>
      cypher.startsWith('MATCH (n:Entity)') ? [{ n: 'x', when: new neo4j.types.Date(2024, 1, 10), count: neo4j.int(3) }] : undefined,
    );
    const store = await connect(fake);
    const before = fake.calls.length;
    await expect(runReadOnlyCypher(store, 'MATCH (n) DETACH DELETE n')).rejects.toThrow(WriteCypherError);
    expect(fake.calls.length).toBe(before);
    const result = await runReadOnlyCypher(store, 'MATCH (n:Entity) RETURN n LIMIT $n', { n: 5, name: 'x', ratio: 0.5 });
    expect(result).toEqual({ columns: ['n', 'when', 'count'], rows: [{ n: 'x', when: '2024-01-10', count: 3 }] });
    const call = fake.calls.at(-1)!;
    expect(call.mode).toBe('READ');
    expect(neo4j.isInt(call.params.n)).toBe(true);
    expect(call.params.ratio).toBe(0.5);
    expect(call.timeout).toBe(60_000);
  });

  it('gives a clear error on a store without Cypher', async () => {
    const sqliteLike = { kind: 'sqlite' } as never;
    await expect(runReadOnlyCypher(sqliteLike, 'MATCH (n) RETURN n')).rejects.toThrow(/query cypher: needs Neo4j \(set NEO4J_URI\)/);
  });
});
