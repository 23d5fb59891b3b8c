import { NEO4J_TIMEOUT_DEFAULTS, PREDICATES, isEntityType, isPredicate, type Article, type CurationEntry, type EntityType, type Modality, type Predicate } from '@newsgraph/shared';
import type {
  EntityCount,
  EntityDetail,
  EntitySummary,
  EvidenceRecord,
  ExportEdge,
  ExportEntity,
  Neighbor,
  PathEdge,
  Publication,
  StoreStats,
  TimelinePoint,
} from '../interfaces/graph-store.ts';
import type { PathCandidates, StoreBackend, StoreWriteTransaction, StoredArticleState, WritePlan } from '../interfaces/store-backend.ts';
import { sortCountChanges, type ArticleContribution } from '../core/count-maintenance.ts';
import { mergeNeighbors, compareNeighbors } from '../core/neighbor-order.ts';
import type { EvidenceArgs, ExportArgs, NeighborArgs, PathArgs, SearchArgs, TopArgs } from '../core/query-arguments.ts';
import { chunk, type CypherStatement } from '../cypher/cypher-statement.ts';
import { LabelPrefixer, checkLabelPrefix, prefixSchemaStatement } from '../cypher/label-prefix.ts';
import { EDGE_KEYS_MIGRATION, awaitIndexesStatement, backfillEdgeKeysStatement, readEdgeKeysMarkerStatement, writeEdgeKeysMarkerStatement } from '../cypher/edge-keys.ts';
import { READ_CONSTRAINTS_35, READ_INDEXES_35, schemaItemsOf, type ExistingSchema35, type Neo4jDialect } from '../cypher/neo4j-dialect.ts';
import {
  addPublicationStatement,
  applyEdgeChangesStatement,
  applyKeyedEdgeChangesStatement,
  applyEntityChangesStatement,
  articleRow,
  createClaimsStatement,
  createMentionsStatement,
  createNameKeysStatement,
  createReportedByStatement,
  deleteArticleContentsStatement,
  deleteEmptyEdgesStatement,
  deleteOrphanEntitiesStatement,
  lockArticlesStatement,
  lockEntitiesStatement,
  readArticleHashesStatement,
  readClaimContributionsStatement,
  readMentionContributionsStatement,
  refreshEdgeDatesStatement,
  refreshEntityDatesStatement,
  upsertArticlesStatement,
  upsertEntitiesStatement,
  type EdgeChangeRow,
  type EntityChangeRow,
} from '../cypher/write-statements.ts';
import {
  coMentionedStatement,
  edgesBetweenStatement,
  entitySummariesStatement,
  evidenceStatement,
  exportEdgesPageStatement,
  exportEntitiesPageStatement,
  getArticleStatement,
  getEntityStatement,
  listPublicationsStatement,
  neighborCountsStatement,
  neighborsStatement,
  edgeWindowNeighborsStatement,
  strongNeighborsStatement,
  strongWindowNeighborsStatement,
  reportedByCountsStatement,
  reportedByNeighborsStatement,
  searchEntitiesStatement,
  shortestPathStepsStatement,
  shortestPathsStatement,
  statsStatements,
  timelineStatement,
  topEntitiesStatement,
} from '../cypher/query-statements.ts';
import { STRENGTH_TIER_FLOORS, STRENGTH_TIERS, STRENGTH_TIERS_MIGRATION, anyEdgeStatement, readMigrationMarkerStatement, writeMigrationMarkerStatement, backfillStrengthMirrorsStatement, createStrengthMirrorsStatement, deleteStrengthMirrorsStatement, syncStrengthMirrorsStatement, lowestTierToRead, pruneStrengthMirrorsStatement, strengthTierDegreesStatement, type MirrorValuesRow, type TierMoveRow } from '../cypher/strength-tiers.ts';
import { MIRROR_MONTHS_MIGRATION, backfillMirrorMonthsStatement, readMirrorMonthsMarkerStatement, rebuildMirrorMonthsStatement, refreshMirrorMonthsStatement, touchedMonths, writeMirrorMonthsMarkerStatement, type MirrorMonthsRow } from '../cypher/mirror-months.ts';
import type { DriverLike, ManagedTransactionLike, SessionLike } from './interfaces/neo4j-driver-like.ts';
import type { MigrationReport } from './migration-report.ts';
import { Neo4jCuration } from './neo4j-curation.ts';
import { Neo4jAliases } from './neo4j-aliases.ts';
import type { AliasEvent, StoredAliasEvent } from '../interfaces/alias-store.ts';
import type { ConnectionTarget } from './neo4j-errors.ts';
import { runManagedTransaction, runReadStatement, type TransactionPolicy } from './neo4j-transactions.ts';
import { asNumber, asNumberArray, asString, asStringArray, recordToObject } from './neo4j-values.ts';
import { pathCandidatesFromSteps } from './path-steps.ts';
import { claimRows, countChangeRow, mentionRows, mergeEntities, parseAttributes, reportedByRows, sortedUnique, type StoredEntity } from './neo4j-article-batch.ts';

export type Row = Record<string, unknown>;

/**
 * Path rows (one per shortest path, several per node sequence when nodes are joined by several
 * predicates) read per wanted sequence before the one-read path answer gives up (pathSequences).
 */
const PATH_ROWS_PER_CANDIDATE = 4;

export interface Neo4jBackendOptions {
  /** Database name; omitted: the server's default (and the only choice on Neo4j 3.5). */
  database?: string;
  /** Rows per UNWIND statement, the size of export pages, and (×4) rows per write transaction. */
  batchSize: number;
  dialect: Neo4jDialect;
  /** Called once by close(): releases the shared driver. */
  release?: () => Promise<void>;
  /** Prefix of every node label and schema name (cypher/label-prefix.ts); default none. */
  labelPrefix?: string;
  /** Timeouts and retry limit (default NEO4J_TIMEOUT_DEFAULTS), and the server named in errors. */
  policy?: TransactionPolicy;
  target?: ConnectionTarget;
}

export async function run(tx: ManagedTransactionLike, statement: CypherStatement): Promise<Row[]> {
  const result = await tx.run(statement.cypher, statement.params);
  return result.records.map(recordToObject);
}

/** The refreshed dates of an edge (a row of refreshEdgeDatesStatement), or nothing. */
function pick(row: Row | undefined): Row {
  return row ? { firstSeen: row.firstSeen, lastSeen: row.lastSeen } : {};
}

function summary(r: Row): EntitySummary {
  return { id: String(r.id), type: entityType(r.type), name: String(r.name ?? ''), aliases: asStringArray(r.aliases), articleCount: asNumber(r.articleCount) };
}

function entityType(value: unknown): EntityType {
  if (!isEntityType(value)) throw new Error(`Neo4j returned an entity with unknown type ${JSON.stringify(value)}`);
  return value;
}

function predicate(value: unknown): Predicate {
  if (!isPredicate(value)) throw new Error(`Neo4j returned an unknown predicate ${JSON.stringify(value)}`);
  return value;
}

function neighborOf(r: Row): Neighbor {
  return {
    entity: summary(r),
    predicate: predicate(r.predicate),
    direction: r.direction === 'in' ? 'in' : 'out',
    articleCount: asNumber(r.edgeArticleCount),
    claimCount: asNumber(r.claimCount),
    firstSeen: asString(r.firstSeen),
    lastSeen: asString(r.lastSeen),
  };
}

/**
 * The Neo4j backend of the store core. Model (see docs/graph-model.md): `(:Entity:<Type>)`,
 * `(:Article)-[:MENTIONS]->(:Entity)`, `(:Article)-[:REPORTED_BY]->(:Entity)`,
 * `(:Article)-[:HAS_CLAIM]->(:Claim)-[:SUBJECT|OBJECT]->(:Entity)`, and one aggregated
 * relationship per predicate between entities, kept exact by the core's count plan.
 */
export class Neo4jBackend implements StoreBackend {
  readonly kind = 'neo4j' as const;
  readonly dialect: Neo4jDialect;
  readonly batchSize: number;
  readonly writeGroupRows: number;
  readonly #driver: DriverLike;
  readonly #database: string | undefined;
  readonly #release: (() => Promise<void>) | undefined;
  readonly labelPrefix: string;
  readonly #prefixer: LabelPrefixer;
  #closed = false;
  readonly #curation: Neo4jCuration;
  readonly #aliases: Neo4jAliases;
  readonly #policy: TransactionPolicy;
  readonly #target: ConnectionTarget;

  constructor(driver: DriverLike, options: Neo4jBackendOptions) {
    this.labelPrefix = options.labelPrefix === undefined ? '' : checkLabelPrefix(options.labelPrefix);
    this.#prefixer = new LabelPrefixer(this.labelPrefix);
    this.#driver = driver;
    this.#database = options.database;
    this.batchSize = options.batchSize;
    this.writeGroupRows = options.batchSize * 4;
    this.dialect = options.dialect;
    this.#release = options.release;
    this.#policy = options.policy ?? { ...NEO4J_TIMEOUT_DEFAULTS };
    this.#target = options.target ?? { uri: 'neo4j', user: 'neo4j', database: options.database };
    this.#curation = new Neo4jCuration({ read: (statement) => this.#read(statement), write: (work) => this.write(work), run: (tx, statement) => this.#run(tx, statement) });
    this.#aliases = new Neo4jAliases({ read: (statement) => this.#read(statement), write: (work) => this.write(work), run: (tx, statement) => this.#run(tx, statement) });
  }

  // ---------------------------------------------------------------- plumbing

  #session(mode: 'READ' | 'WRITE'): SessionLike {
    if (this.#closed) throw new Error('Neo4jStore is closed');
    return this.#driver.session(this.#database ? { database: this.#database, defaultAccessMode: mode } : { defaultAccessMode: mode });
  }

  /** Runs `work` in a managed write transaction: the driver retries it on transient errors (deadlocks, leader switches). */
  // Both go through runManagedTransaction (neo4j-transactions.ts): a server-side transaction
  // timeout, the driver's bounded retry, and a client-side deadline for a paused server.
  async write<T>(work: (tx: ManagedTransactionLike) => Promise<T>): Promise<T> {
    return runManagedTransaction(() => this.#session('WRITE'), 'WRITE', work, { policy: this.#policy, target: this.#target });
  }

  async readTx<T>(work: (tx: ManagedTransactionLike) => Promise<T>, timeoutMs?: number): Promise<T> {
    return runManagedTransaction(() => this.#session('READ'), 'READ', work, { policy: this.#policy, target: this.#target, timeoutMs });
  }

  /** Sends one of the store's statements (with the label prefix, when there is one). */
  #run(tx: ManagedTransactionLike, statement: CypherStatement): Promise<Row[]> {
    return run(tx, this.#prefixer.statement(statement));
  }

  /** One read statement, as an auto-commit transaction (runReadStatement: two messages fewer than a managed one). */
  async #read(statement: CypherStatement): Promise<Row[]> {
    const { cypher, params } = this.#prefixer.statement(statement);
    const result = await runReadStatement(() => this.#session('READ'), cypher, params, { policy: this.#policy, target: this.#target });
    return result.records.map(recordToObject);
  }

  // ---------------------------------------------------------------- schema

  async migrate(): Promise<void> {
    await this.migrateSchema();
  }

  /** Creates the constraints and indexes this server version needs; idempotent. */
  async migrateSchema(): Promise<MigrationReport> {
    let existing: ExistingSchema35 | undefined;
    if (this.dialect.needsExistingSchema) {
      existing = await this.readTx(async (tx) => {
        const constraints = await run(tx, { cypher: READ_CONSTRAINTS_35, params: {} });
        const indexes = await run(tx, { cypher: READ_INDEXES_35, params: {} });
        return {
          constraints: constraints.map((r) => String(r.description ?? '')),
          indexes: indexes.map((r) => ({
            description: asString(r.description),
            indexName: asString(r.indexName),
            tokenNames: asStringArray(r.tokenNames),
            properties: asStringArray(r.properties),
            type: asString(r.type),
          })),
        };
      });
    }
    const statements = this.dialect.schemaStatements(existing).map((st) => prefixSchemaStatement(st, this.labelPrefix));
    const report: MigrationReport = { server: this.dialect.version.raw, dialect: this.dialect.family, statements: [], existing: [] };
    const planned = new Set(statements.map((s) => s.item.name));
    if (existing) {
      report.existing = schemaItemsOf(this.dialect.family).filter((i) => !planned.has(i.name)).map((i) => i.name);
    }
    // Schema changes cannot share a transaction with each other's data on some versions: one each.
    for (const s of statements) {
      const counters = await this.write(async (tx) => {
        const result = await tx.run(s.cypher, s.params);
        return result.summary?.counters?.updates();
      });
      const added = counters ? (counters.constraintsAdded ?? 0) + (counters.indexesAdded ?? 0) > 0 : null;
      report.statements.push({ name: s.item.name, cypher: s.cypher, created: existing ? true : added });
    }
    report.statements.push(...(await this.#migrateStrengthTiers()));
    report.statements.push(...(await this.#migrateMirrorMonths()));
    report.statements.push(...(await this.#migrateEdgeKeys()));
    return report;
  }

  /**
   * Where the server has the edge-key indexes: a store written before edge keys existed gives its
   * edges their key once (edge-keys.ts; idempotent, then the marker), and every migrate waits
   * until the indexes are online, because the keyed edge write names its index in a hint.
   */
  async #migrateEdgeKeys(): Promise<MigrationReport['statements']> {
    if (!this.dialect.edgeKeyIndex) return [];
    const out: MigrationReport['statements'] = [];
    const [marker] = await this.#read(readEdgeKeysMarkerStatement());
    if (asNumber(marker?.version) < EDGE_KEYS_MIGRATION.version) {
      const statements = (await this.#read(anyEdgeStatement())).length > 0 ? PREDICATES.map(backfillEdgeKeysStatement) : [];
      for (const statement of [...statements, writeEdgeKeysMarkerStatement()]) await this.write((tx) => this.#run(tx, statement));
      out.push({ name: EDGE_KEYS_MIGRATION.key, cypher: `${statements.length} statements (cypher/edge-keys.ts)`, created: true });
    }
    await this.readTx((tx) => this.#run(tx, awaitIndexesStatement(this.#policy.txTimeoutMs / 1000)));
    return out;
  }

  /**
   * A store written before the strength tiers existed gets its mirrors (strength-tiers.ts) once:
   * stale mirrors pruned, missing ones created, each statement idempotent, then the marker; a
   * store with the marker costs one read.
   */
  async #migrateStrengthTiers(): Promise<MigrationReport['statements']> {
    const [marker] = await this.#read(readMigrationMarkerStatement());
    if (asNumber(marker?.version) >= STRENGTH_TIERS_MIGRATION.version) return [];
    // A new store has no edges (and no mirrors): the marker is all it needs.
    const hasEdges = (await this.#read(anyEdgeStatement())).length > 0;
    const statements = hasEdges ? [...STRENGTH_TIERS.map(pruneStrengthMirrorsStatement), ...PREDICATES.flatMap((p) => STRENGTH_TIERS.map((tier) => backfillStrengthMirrorsStatement(p, tier)))] : [];
    for (const statement of [...statements, writeMigrationMarkerStatement()]) await this.write((tx) => this.#run(tx, statement));
    return [{ name: STRENGTH_TIERS_MIGRATION.key, cypher: `${statements.length} statements (cypher/strength-tiers.ts)`, created: true }];
  }

  /**
   * A store whose mirrors predate their month lists (mirror-months.ts) gets them once, from the
   * claims (each statement idempotent), then the marker; after the tier migration, which may
   * have just created mirrors. A store with the marker costs one read.
   */
  async #migrateMirrorMonths(): Promise<MigrationReport['statements']> {
    const [marker] = await this.#read(readMirrorMonthsMarkerStatement());
    if (asNumber(marker?.version) >= MIRROR_MONTHS_MIGRATION.version) return [];
    const hasEdges = (await this.#read(anyEdgeStatement())).length > 0;
    const statements = hasEdges ? PREDICATES.flatMap((p) => STRENGTH_TIERS.map((tier) => backfillMirrorMonthsStatement(p, tier))) : [];
    for (const statement of [...statements, writeMirrorMonthsMarkerStatement()]) await this.write((tx) => this.#run(tx, statement));
    return [{ name: MIRROR_MONTHS_MIGRATION.key, cypher: `${statements.length} statements (cypher/mirror-months.ts)`, created: true }];
  }

  // ---------------------------------------------------------------- writes

  writeTransaction<T>(work: (tx: StoreWriteTransaction) => Promise<T>): Promise<T> {
    // Re-runnable from the start (the driver retries on transient errors): all state is per attempt.
    return this.write((tx) =>
      work({
        readStored: (wanted) => this.#readStored(tx, wanted),
        apply: (plan) => this.#apply(tx, plan),
        recordAliases: (articleId, learning, events) => this.#aliases.recordInTransaction(tx, articleId, learning, events),
      }),
    );
  }

  async #each(tx: ManagedTransactionLike, rows: readonly unknown[], statement: (part: never[]) => CypherStatement): Promise<Row[]> {
    const out: Row[] = [];
    for (const part of chunk(rows, this.batchSize)) out.push(...(await this.#run(tx, statement(part as never[]))));
    return out;
  }

  async #readStored(tx: ManagedTransactionLike, wanted: Array<{ articleId: string; contentHash: string }>): Promise<Map<string, StoredArticleState>> {
    const hashes = new Map(wanted.map((w) => [w.articleId, w.contentHash]));
    const out = new Map<string, StoredArticleState>();
    const ids = sortedUnique(hashes.keys());
    const changed: string[] = [];
    const stored = new Map<string, string | null>();
    for (const r of await this.#each(tx, ids, readArticleHashesStatement)) stored.set(String(r.id), asString(r.contentHash));
    for (const id of ids) {
      const hash = stored.get(id) ?? null;
      if (hash !== null && hash === hashes.get(id)) out.set(id, { contentHash: hash, contribution: null });
      else changed.push(id);
    }
    if (changed.length === 0) return out;
    // Lock the changed articles and re-read under the lock: another writer may have just written one.
    const replaced = new Map<string, string>();
    for (const r of await this.#each(tx, changed, lockArticlesStatement)) {
      const hash = asString(r.contentHash);
      if (hash === null) continue;
      if (hash === hashes.get(String(r.id))) out.set(String(r.id), { contentHash: hash, contribution: null });
      else replaced.set(String(r.id), hash);
    }
    if (replaced.size === 0) return out;
    const replacedIds = [...replaced.keys()];
    const contributions = new Map<string, ArticleContribution>();
    const contribution = (articleId: string, seenAt: unknown) => {
      let c = contributions.get(articleId);
      if (!c) contributions.set(articleId, (c = { articleId, eventMs: seenAt ? Date.parse(String(seenAt)) : 0, entities: [], edges: [] }));
      return c;
    };
    for (const r of await this.#each(tx, replacedIds, readMentionContributionsStatement)) {
      contribution(String(r.articleId), r.seenAt).entities.push({ entityId: String(r.entityId), mentions: asNumber(r.mentions) });
    }
    for (const r of await this.#each(tx, replacedIds, readClaimContributionsStatement)) {
      contribution(String(r.articleId), undefined).edges.push({ subjectId: String(r.subjectId), predicate: predicate(r.predicate), objectId: String(r.objectId), claims: asNumber(r.claims) });
    }
    for (const [id, hash] of replaced) {
      out.set(id, { contentHash: hash, contribution: contributions.get(id) ?? { articleId: id, eventMs: 0, entities: [], edges: [] } });
    }
    return out;
  }

  async #apply(tx: ManagedTransactionLike, unsorted: WritePlan): Promise<void> {
    // Rows in key order: concurrent writers take their locks in one order and do not deadlock.
    const plan = { ...unsorted, counts: sortCountChanges(unsorted.counts) };
    const docs = plan.documents.map((d) => d.doc);
    const updatedIds = sortedUnique(plan.documents.filter((d) => d.status === 'updated').map((d) => d.doc.article.id));
    // Entities are locked in id order before anything reads their counts: one lock order for all writers.
    const existing = new Map<string, StoredEntity>();
    for (const r of await this.#each(tx, plan.counts.entities.map((c) => c.entityId), lockEntitiesStatement)) {
      existing.set(String(r.id), { id: String(r.id), type: String(r.type), name: String(r.name ?? ''), aliases: asStringArray(r.aliases), attributes: asString(r.attributes) });
    }
    await this.#each(tx, updatedIds, deleteArticleContentsStatement);
    const articles = docs.map((d) => articleRow(d.article, d.eventDate)).sort((a, b) => (a.id < b.id ? -1 : 1));
    await this.#each(tx, articles, upsertArticlesStatement);

    const entities = mergeEntities(docs.flatMap((d) => d.entities), existing);
    await this.#each(tx, entities.rows, upsertEntitiesStatement);
    await this.#each(tx, entities.nameKeys, createNameKeysStatement);
    await this.#each(tx, mentionRows(docs), createMentionsStatement);
    await this.#each(tx, claimRows(docs), createClaimsStatement);
    await this.#each(tx, reportedByRows(docs), createReportedByStatement);

    // The plan's count changes: arithmetic on the aggregates, then the few that lost a contribution.
    const edgeRows = new Map<Predicate, Array<{ row: EdgeChangeRow; refresh: boolean }>>();
    for (const c of plan.counts.edges) {
      const list = edgeRows.get(c.predicate) ?? [];
      list.push({ row: { subjectId: c.subjectId, objectId: c.objectId, ...countChangeRow(c) }, refresh: c.datesFromRemaining });
      edgeRows.set(c.predicate, list);
    }
    for (const [p, list] of [...edgeRows.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const strong = await this.#applyEdgeChanges(tx, p, list.map((x) => x.row));
      const refreshed = list.filter((x) => x.refresh).map((x) => x.row);
      await this.#each(tx, refreshed, (part) => deleteEmptyEdgesStatement(p, part));
      const dates = new Map<string, Row>();
      for (const r of await this.#each(tx, refreshed, (part) => refreshEdgeDatesStatement(p, part))) dates.set(`${String(r.subjectId)}\u0000${String(r.objectId)}`, r);
      // The mirrors copy the edges' final dates: those refreshed from the remaining claims, else as written.
      await this.#updateStrengthMirrors(tx, p, strong.map((r) => ({ ...r, ...pick(dates.get(`${String(r.subjectId)}\u0000${String(r.objectId)}`)) })));
      await this.#updateMirrorMonths(tx, p, strong, list.map((x) => x.row));
    }
    const entityRows: EntityChangeRow[] = plan.counts.entities.map((c) => ({ entityId: c.entityId, ...countChangeRow(c) }));
    await this.#each(tx, entityRows, applyEntityChangesStatement);
    const refreshedEntities = entityRows.filter((_, i) => plan.counts.entities[i]!.datesFromRemaining);
    await this.#each(tx, refreshedEntities, deleteOrphanEntitiesStatement);
    await this.#each(tx, refreshedEntities, refreshEntityDatesStatement);
  }

  /**
   * The count changes of one predicate's edges; returns the changed edges that have or had a
   * strength-tier mirror. Where the server has the edge-key index, stored edges are found by key
   * first (one seek each, even between two hubs) and only the rest are merged by their ends.
   */
  async #applyEdgeChanges(tx: ManagedTransactionLike, p: Predicate, rows: EdgeChangeRow[]): Promise<Row[]> {
    if (!this.dialect.edgeKeyIndex) return this.#each(tx, rows, (part) => applyEdgeChangesStatement(p, part));
    const pair = (subjectId: unknown, objectId: unknown) => `${String(subjectId)}\u0000${String(objectId)}`;
    const found = await this.#each(tx, rows, (part) => applyKeyedEdgeChangesStatement(p, part));
    const foundPairs = new Set(found.map((r) => pair(r.subjectId, r.objectId)));
    const rest = rows.filter((r) => !foundPairs.has(pair(r.subjectId, r.objectId)));
    const merged = await this.#each(tx, rest, (part) => applyEdgeChangesStatement(p, part));
    return [...found.filter((r) => asNumber(r.fromTier) > 0 || asNumber(r.toTier) > 0), ...merged];
  }

  /**
   * The strength-tier mirrors (strength-tiers.ts) of changed edges that have or had one, once
   * the edges hold their final counts and dates: moved when the tier changed, else updated.
   */
  async #updateStrengthMirrors(tx: ManagedTransactionLike, p: Predicate, strong: Row[]): Promise<void> {
    const ends = (keep: (from: number, to: number) => boolean): MirrorValuesRow[] =>
      strong
        .filter((r) => keep(asNumber(r.fromTier), asNumber(r.toTier)))
        .map((r) => ({
          subjectId: String(r.subjectId),
          objectId: String(r.objectId),
          articleCount: asNumber(r.articleCount),
          claimCount: asNumber(r.claimCount),
          firstSeen: asString(r.firstSeen),
          lastSeen: asString(r.lastSeen),
        }));
    for (const tier of STRENGTH_TIERS) {
      const moved: TierMoveRow[] = ends((from, to) => from === tier && to !== tier).map(({ subjectId, objectId }) => ({ subjectId, objectId }));
      await this.#each(tx, moved, (part) => deleteStrengthMirrorsStatement(p, tier, part));
      await this.#each(tx, ends((from, to) => to === tier && from !== tier), (part) => createStrengthMirrorsStatement(p, tier, part));
    }
    await this.#each(tx, ends((from, to) => from > 0 && from === to), (part) => syncStrengthMirrorsStatement(p, part));
  }

  /**
   * The month lists (mirror-months.ts) of the mirrors the tier update left: a new or moved
   * mirror gets them from all its edge's claims, a mirror that stayed has the months this write
   * touched recomputed from their claims. After the claims of the write are in place.
   */
  async #updateMirrorMonths(tx: ManagedTransactionLike, p: Predicate, strong: Row[], changes: EdgeChangeRow[]): Promise<void> {
    const pair = (subjectId: unknown, objectId: unknown) => `${String(subjectId)}\u0000${String(objectId)}`;
    const changeOf = new Map(changes.map((c) => [pair(c.subjectId, c.objectId), c]));
    const created: TierMoveRow[] = [];
    const stayed: MirrorMonthsRow[] = [];
    for (const r of strong) {
      const from = asNumber(r.fromTier);
      const to = asNumber(r.toTier);
      const ends = { subjectId: String(r.subjectId), objectId: String(r.objectId) };
      const change = changeOf.get(pair(r.subjectId, r.objectId));
      if (to > 0 && to !== from) created.push(ends);
      else if (to > 0 && change) stayed.push({ ...ends, months: touchedMonths(change) });
    }
    await this.#each(tx, created, (part) => rebuildMirrorMonthsStatement(p, part));
    await this.#each(tx, stayed.filter((r) => r.months.length > 0), (part) => refreshMirrorMonthsStatement(p, part));
  }

  async addPublication(articleId: string, publication: Publication, sortDate: string): Promise<boolean> {
    const rows = await this.write((tx) => this.#run(tx, addPublicationStatement(articleId, publication, sortDate)));
    return rows.length > 0;
  }

  // ---------------------------------------------------------------- reads

  async getArticle(id: string): Promise<Article | null> {
    const [row] = await this.#read(getArticleStatement(id));
    if (!row) return null;
    const p = (row.article ?? {}) as Row;
    const s = (k: string) => asString(p[k]);
    return {
      id: String(p.id),
      url: s('url') ?? '',
      canonicalUrl: s('canonicalUrl') ?? '',
      title: s('title') ?? '',
      outlet: s('outlet'),
      author: s('author'),
      publishedAt: s('publishedAt'),
      fetchedAt: s('fetchedAt') ?? '',
      language: s('language'),
      text: s('text') ?? '',
      contentHash: s('contentHash') ?? '',
      sourceId: s('sourceId'),
    };
  }

  async searchEntities(args: SearchArgs): Promise<EntitySummary[]> {
    return (await this.#read(searchEntitiesStatement(args))).map(summary);
  }

  async getEntity(id: string): Promise<EntityDetail | null> {
    const [r] = await this.#read(getEntityStatement(id));
    if (!r) return null;
    return {
      id: String(r.id),
      type: entityType(r.type),
      name: String(r.name ?? ''),
      aliases: asStringArray(r.aliases),
      attributes: parseAttributes(asString(r.attributes)),
      articleCount: asNumber(r.articleCount),
      mentionCount: asNumber(r.mentionCount),
      firstSeen: asString(r.firstSeen),
      lastSeen: asString(r.lastSeen),
    };
  }

  #reportedBySides(args: NeighborArgs): Array<'out' | 'in'> {
    if (!args.reportedBy) return [];
    return args.direction === 'both' ? ['out', 'in'] : [args.direction];
  }

  async neighbors(args: NeighborArgs): Promise<Neighbor[]> {
    const edges = args.predicates?.length === 0 ? [] : await this.#edgeNeighbors(args);
    const derived: Neighbor[] = [];
    for (const side of this.#reportedBySides(args)) derived.push(...(await this.#read(reportedByNeighborsStatement(args, side))).map(neighborOf));
    return derived.length === 0 ? edges : mergeNeighbors(edges, derived.sort(compareNeighbors), args.limit);
  }

  /**
   * Typed-edge neighbours. Without a time window, from the strength tiers (strength-tiers.ts):
   * the degrees say from which tier down at least `limit` edges exist; if that many pass the
   * filters the answer is exact, else one tier lower, and the whole edge list as the last
   * resort. With a time window the same tiers give the candidates and each one's counts come
   * from its mirror's month lists, plus its claims in a partial month at either end
   * (strongWindowNeighborsStatement, mirror-months.ts); when even tier 1 cannot prove the
   * answer, the edges without a mirror (at most 3 articles each) are counted from their claims
   * in the window and merged, and an entity with fewer mirrors than the limit has all its edges
   * counted that way (edgeWindowNeighborsStatement).
   */
  async #edgeNeighbors(args: NeighborArgs): Promise<Neighbor[]> {
    if (args.since === null && args.until === null) return this.#plainEdgeNeighbors(args);
    return this.readTx(async (tx) => {
      const [row] = await this.#run(tx, strengthTierDegreesStatement(args.id, this.dialect.family));
      if (!row) return [];
      const degrees = asNumberArray(row.degrees);
      const start = lowestTierToRead(degrees, args.limit);
      // Fewer mirrors than the limit: every edge's windowed counts, from its claims in the window.
      if (start === 0) return (await this.#run(tx, edgeWindowNeighborsStatement(args, { weakOnly: false }))).map(neighborOf);
      let best: Neighbor[] = [];
      for (let tier = start; tier >= 1; tier--) {
        // The top tiers at once, then one tier at a time (disjoint reads, merged). Windowed counts
        // are at most the edges' counts: exact once the limit-th reaches the lowest floor read.
        if (tier < start && degrees[tier - 1] === 0) continue;
        const rows = await this.#run(tx, strongWindowNeighborsStatement(args, tier, tier === start ? STRENGTH_TIERS.length : tier));
        best = mergeNeighbors(best, rows.map(neighborOf), args.limit);
        if (best.length >= args.limit && best[args.limit - 1]!.articleCount >= STRENGTH_TIER_FLOORS[tier - 1]!) return best;
      }
      // Every tier was read (best holds their top edges): only the edges without a mirror are left.
      return mergeNeighbors(best, (await this.#run(tx, edgeWindowNeighborsStatement(args, { weakOnly: true }))).map(neighborOf), args.limit);
    });
  }

  /**
   * Plain neighbours: each statement, read on its own (auto-commit), proves its own answer (at
   * least `limit` rows from the tiers it read, or every edge), so the statements need no common
   * snapshot: a write between two of them can only send the read one tier lower. Two exchanges
   * with the server for most entities, against four in a managed transaction.
   */
  async #plainEdgeNeighbors(args: NeighborArgs): Promise<Neighbor[]> {
    const [row] = await this.#read(strengthTierDegreesStatement(args.id, this.dialect.family));
    if (!row) return [];
    for (let tier = lowestTierToRead(asNumberArray(row.degrees), args.limit); tier >= 1; tier--) {
      const rows = await this.#read(strongNeighborsStatement(args, tier));
      if (rows.length >= args.limit) return rows.map(neighborOf);
    }
    return (await this.#read(neighborsStatement(args))).map(neighborOf);
  }

  async neighborCounts(args: NeighborArgs): Promise<Array<{ type: EntityType; predicate: Predicate; count: number }>> {
    const rows = args.predicates?.length === 0 ? [] : await this.#read(neighborCountsStatement(args));
    for (const side of this.#reportedBySides(args)) rows.push(...(await this.#read(reportedByCountsStatement(args, side))));
    return rows.map((r) => ({ type: entityType(r.type), predicate: predicate(r.predicate), count: asNumber(r.count) }));
  }

  /**
   * Shortest paths with the edges they take, in one read (shortestPathStepsStatement); when the
   * paths outnumber PATH_ROWS_PER_CANDIDATE × `candidates` the enumeration is cut, so the
   * distinct node sequences are read instead and the core reads their edges (edgesBetween).
   */
  async pathSequences(fromId: string, toId: string, args: PathArgs, candidates: number): Promise<PathCandidates> {
    const fetch = candidates * PATH_ROWS_PER_CANDIDATE;
    const rows = await this.#read(shortestPathStepsStatement(fromId, toId, args, fetch));
    if (rows.length < fetch) return pathCandidatesFromSteps(rows, candidates);
    const sequences = (await this.#read(shortestPathsStatement(fromId, toId, args, candidates))).map((r) => asStringArray(r.ids));
    return { sequences, edges: null };
  }

  /**
   * `statement` over `rows` in chunks: one auto-commit read when they fit in one chunk (the usual
   * case), else one read transaction for every chunk (a transaction per chunk costs a begin/commit
   * exchange each).
   */
  async #readChunks<T>(rows: readonly T[], statement: (part: T[]) => CypherStatement): Promise<Row[]> {
    if (rows.length === 0) return [];
    if (rows.length <= this.batchSize) return this.#read(statement([...rows]));
    return this.readTx((tx) => this.#each(tx, rows, statement as (part: never[]) => CypherStatement));
  }

  async edgesBetween(pairs: Array<[string, string]>, predicates: Predicate[] | null): Promise<PathEdge[]> {
    const rows = await this.#readChunks(pairs, (part) => edgesBetweenStatement(part, predicates));
    return rows.map((r) => ({ subjectId: String(r.subjectId), predicate: predicate(r.predicate), objectId: String(r.objectId), articleCount: asNumber(r.articleCount) }));
  }

  async entitySummaries(ids: string[]): Promise<Map<string, EntitySummary>> {
    const rows = await this.#readChunks(sortedUnique(ids), (part) => entitySummariesStatement(part));
    return new Map(rows.map((r) => [String(r.id), summary(r)]));
  }

  async evidence(args: EvidenceArgs): Promise<EvidenceRecord[]> {
    const rows = await this.#read(evidenceStatement(args));
    return rows.map((r) => ({
      subjectId: String(r.subjectId),
      predicate: predicate(r.predicate),
      objectId: String(r.objectId),
      sentence: String(r.sentence ?? ''),
      start: asNumber(r.claimStart),
      end: asNumber(r.claimEnd),
      rule: String(r.rule ?? ''),
      confidence: asNumber(r.confidence),
      modality: String(r.modality ?? 'asserted') as Modality,
      antecedent:
        r.antecedentSentence === null || r.antecedentSentence === undefined
          ? null
          : { sentence: String(r.antecedentSentence), start: asNumber(r.antecedentStart), end: asNumber(r.antecedentEnd) },
      article: {
        id: String(r.articleId),
        url: String(r.url ?? ''),
        title: String(r.title ?? ''),
        outlet: asString(r.outlet),
        publishedAt: asString(r.publishedAt),
        outletEntity: r.outletId === null || r.outletId === undefined ? null : { id: String(r.outletId), name: String(r.outletName ?? '') },
      },
    }));
  }

  async topEntities(args: TopArgs): Promise<EntityCount[]> {
    return (await this.#read(topEntitiesStatement(args))).map((r) => ({ entity: summary(r), count: asNumber(r.count) }));
  }

  async coMentioned(id: string, limit: number): Promise<EntityCount[]> {
    return (await this.#read(coMentionedStatement(id, limit))).map((r) => ({ entity: summary(r), count: asNumber(r.count) }));
  }

  async timeline(id: string): Promise<TimelinePoint[]> {
    return (await this.#read(timelineStatement(id))).map((r) => ({ date: String(r.date), articleCount: asNumber(r.articleCount) }));
  }

  async stats(): Promise<StoreStats> {
    const statements = statsStatements();
    return this.readTx(async (tx) => {
      const value = async (s: CypherStatement) => asNumber((await this.#run(tx, s))[0]?.value);
      return {
        articles: await value(statements.articles),
        entities: await value(statements.entities),
        mentions: await value(statements.mentions),
        claims: await value(statements.claims),
        edges: await value(statements.edges),
      };
    });
  }

  async listPublications(articleId: string): Promise<Publication[]> {
    return (await this.#read(listPublicationsStatement(articleId))).map((r) => ({
      url: String(r.url),
      title: String(r.title ?? ''),
      outlet: asString(r.outlet),
      publishedAt: asString(r.publishedAt),
      fetchedAt: String(r.fetchedAt ?? ''),
    }));
  }

  async *exportEntities(args: ExportArgs): AsyncIterable<ExportEntity> {
    let after: string | null = null;
    const pageSize = Math.min(this.batchSize, 100_000);
    for (;;) {
      const rows = await this.#read(exportEntitiesPageStatement(args, after, pageSize));
      for (const r of rows) {
        yield {
          id: String(r.id),
          type: entityType(r.type),
          name: String(r.name ?? ''),
          aliases: asStringArray(r.aliases),
          attributes: parseAttributes(asString(r.attributes)),
          articleCount: asNumber(r.articleCount),
          mentionCount: asNumber(r.mentionCount),
        };
      }
      if (rows.length < pageSize) return;
      after = String(rows[rows.length - 1]!.id);
    }
  }

  async *exportEdges(args: ExportArgs): AsyncIterable<ExportEdge> {
    let after: string | null = null;
    for (;;) {
      const rows = await this.#read(exportEdgesPageStatement(args, after, Math.min(this.batchSize, 100_000)));
      if (rows.length === 0) return;
      for (const r of rows) {
        if (r.predicate === null || r.predicate === undefined) continue;
        yield {
          subjectId: String(r.subjectId),
          predicate: predicate(r.predicate),
          objectId: String(r.objectId),
          articleCount: asNumber(r.articleCount),
          claimCount: asNumber(r.claimCount),
          firstSeen: asString(r.firstSeen),
          lastSeen: asString(r.lastSeen),
        };
      }
      after = String(rows[0]!.lastId);
    }
  }

  // ---------------------------------------------------------------- curation (neo4j-curation.ts)

  curationLog(): Promise<CurationEntry[]> {
    return this.#curation.curationLog();
  }

  appendCuration(entry: Omit<CurationEntry, 'seq'>): Promise<CurationEntry> {
    return this.#curation.appendCuration(entry);
  }

  markCurationUndone(id: string, undoneAt: string, undoneBy: string, undoReason: string): Promise<CurationEntry | null> {
    return this.#curation.markCurationUndone(id, undoneAt, undoneBy, undoReason);
  }

  curationRevision(): Promise<string> {
    return this.#curation.curationRevision();
  }

  articleIdsMentioning(entityIds: string[], limit: number): Promise<string[]> {
    return this.#curation.articleIdsMentioning(entityIds, limit);
  }

  setEntityNames(id: string, name: string, aliases: string[]): Promise<boolean> {
    return this.#curation.setEntityNames(id, name, aliases);
  }

  // ---------------------------------------------------------------- alias index (neo4j-aliases.ts)

  recordAliases(articleId: string, learning: string, events: AliasEvent[]): Promise<number | null> {
    return this.#aliases.recordAliases(articleId, learning, events);
  }

  aliasLearnings(afterSeq: number, limit: number): Promise<Array<{ seq: number; articleId: string; learning: string }>> {
    return this.#aliases.aliasLearnings(afterSeq, limit);
  }

  aliasLearningsOf(articleIds: string[]): Promise<Array<{ seq: number; articleId: string; learning: string }>> {
    return this.#aliases.aliasLearningsOf(articleIds);
  }

  aliasEvents(entityIds: string[], articleIds: string[] | null, limit: number): Promise<StoredAliasEvent[]> {
    return this.#aliases.aliasEvents(entityIds, articleIds, limit);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#release?.();
  }
}
