/**
 * Store benchmark: `pnpm bench:store [--relationships N] [--queries N] [--seed N] [--dir PATH] [--keep]`.
 *
 * Writes a deterministic synthetic news stream with realistic skew (hub countries, Zipf tails of
 * people and companies) and measures entity, mention and claim upserts per second, then
 * neighbour and up-to-4-hop path latencies on the resulting graph. Runs on SQLite, and also on
 * Neo4j when NEO4J_URI is set. Every phase starts from an empty store on both: a fresh file on
 * SQLite, a fresh label prefix on Neo4j (its own nodes, constraints and indexes: Neo4j Community
 * has one user database, so a prefix is its "fresh database"; use a scratch server, the run
 * leaves its data behind). Baselines measured in the same run: naive one-transaction-per-row
 * claim inserts, neighbours aggregated from claims at query time, and SQLite itself for Neo4j's
 * write rate. Prints a table, then one JSON line.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { loadConfig, seededRandom, type ArticleDocument } from '@newsgraph/shared';
import {
  openStore,
  SqliteStore,
  syntheticDocuments,
  type GraphStore,
  type WorkloadOptions,
  type WorkloadSummary,
} from '@newsgraph/graph';

const { values } = parseArgs({
  options: {
    relationships: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '500' },
    seed: { type: 'string', default: '42' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const relationships = Number(values.relationships);
const queryCount = Number(values.queries);
const seed = Number(values.seed);
if (!Number.isInteger(relationships) || relationships < 100) {
  console.error(`--relationships ${values.relationships}: must be a whole number ≥ 100`);
  process.exit(2);
}
if (!Number.isInteger(queryCount) || queryCount < 10) {
  console.error(`--queries ${values.queries}: must be a whole number ≥ 10`);
  process.exit(2);
}

const TARGETS = { claim_upserts_per_s: 50_000, neighbors_p95_ms: 20, paths_p95_ms: 200 };
/** Neo4j at 1M relationships beside SQLite in the same run (issue 11). */
const NEO4J_TARGETS = { claim_upserts_vs_sqlite: 0.2, neighbors_p95_ms: 10, neighbors_since_p95_ms: 30, paths_p95_ms: 50 };
const WRITE_BATCH = 10_000;

const baseDir = values.dir ?? mkdtempSync(join(tmpdir(), 'newsgraph-bench-store-'));
mkdirSync(baseDir, { recursive: true });
const log = (message: string) => process.stderr.write(`${message}\n`);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits));

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/**
 * Writes the stream in batches; returns its summary, elapsed (wall) seconds and this process's
 * CPU seconds spent in the store calls. The CPU figure is reported too because the benchmark
 * machine may be shared: wall time then measures the neighbours as much as the store.
 */
async function writeStream(store: GraphStore, options: WorkloadOptions, onEntity?: (id: string) => void) {
  const summary: WorkloadSummary = { articles: 0, entityUpserts: 0, mentions: 0, claims: 0 };
  let batch: ArticleDocument[] = [];
  let writing = 0;
  let cpu = 0;
  const write = async (docs: typeof batch) => {
    const t = performance.now();
    const c = cpuMs();
    await store.writeArticles(docs);
    writing += performance.now() - t;
    cpu += cpuMs() - c;
  };
  for (const doc of syntheticDocuments(options, summary, onEntity)) {
    batch.push(doc);
    if (batch.length >= WRITE_BATCH) {
      await write(batch);
      batch = [];
      if (summary.articles % 20_000 === 0) log(`  ${options.idPrefix}: ${summary.articles} articles, ${summary.claims} claims`);
    }
  }
  if (batch.length > 0) await write(batch);
  // Generation time is excluded: only the store's work is measured. (For a remote store such as
  // Neo4j the CPU figure only covers the client side.)
  return { summary, seconds: writing / 1000, cpuSeconds: cpu / 1000 };
}

/** Query targets with the skew of the stream itself (hubs often) mixed with uniform picks. */
class TargetSampler {
  private readonly reservoir: string[] = [];
  private readonly all = new Set<string>();
  private seen = 0;
  private readonly random = seededRandom(seed + 1);
  observe = (id: string): void => {
    this.all.add(id);
    this.seen += 1;
    if (this.reservoir.length < 5000) this.reservoir.push(id);
    else {
      const j = Math.floor(this.random() * this.seen);
      if (j < 5000) this.reservoir[j] = id;
    }
  };
  take(n: number): string[] {
    const uniform = [...this.all];
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const pool = i % 2 === 0 ? this.reservoir : uniform;
      out.push(pool[Math.floor(this.random() * pool.length)]!);
    }
    return out;
  }
}

/** Wall and CPU milliseconds of each call, each list sorted. CPU time is the store's own work. */
async function timeEach<T>(items: T[], run: (item: T) => Promise<unknown>): Promise<{ wall: number[]; cpu: number[] }> {
  for (const item of items.slice(0, 20)) await run(item); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const item of items) {
    const t = performance.now();
    const c = cpuMs();
    await run(item);
    cpu.push(cpuMs() - c);
    wall.push(performance.now() - t);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

interface StoreFigures {
  entity_upserts_per_s: number;
  mention_upserts_per_s: number;
  claim_upserts_per_s: number;
  claim_upserts_per_cpu_s: number;
  articles_per_s: number;
  neighbors_p50_ms: number;
  neighbors_p95_ms: number;
  neighbors_cpu_p95_ms: number;
  neighbors_since_p95_ms: number;
  paths_p50_ms: number;
  paths_p95_ms: number;
  paths_cpu_p95_ms: number;
  paths_found_pct: number;
  relationships: number;
  edges: number;
  entities: number;
  peak_rss_mb: number;
  load_avg_1m: number;
}

async function benchStore(label: string, open: (phase: string) => Promise<GraphStore>): Promise<{ figures: StoreFigures; queryIds: string[]; main: GraphStore }> {
  const scale = Math.max(1000, Math.round(relationships / 5));
  log(`${label}: entity upserts (entity-only articles, workload scale ${scale})`);
  const entityStore = await open('entities');
  const entities = await writeStream(entityStore, { relationships: scale, seed, withClaims: false, withMentions: false, idPrefix: 'bench-entities' });
  await entityStore.close();

  log(`${label}: mention upserts`);
  const mentionStore = await open('mentions');
  const mentions = await writeStream(mentionStore, { relationships: scale, seed, withClaims: false, withMentions: true, idPrefix: 'bench-mentions' });
  await mentionStore.close();

  log(`${label}: full articles, ${relationships} claims`);
  const sampler = new TargetSampler();
  const main = await open('main');
  const full = await writeStream(main, { relationships, seed, idPrefix: 'bench-main' }, sampler.observe);
  const stats = await main.stats();

  log(`${label}: ${queryCount} neighbour queries, ${Math.ceil(queryCount / 2)} path queries`);
  const ids = sampler.take(queryCount);
  const neighbors = await timeEach(ids, (id) => main.neighbors(id, { limit: 50 }));
  const since = await timeEach(ids.slice(0, Math.ceil(queryCount / 5)), (id) => main.neighbors(id, { limit: 50, since: '2024-06-01' }));
  const pairIds = sampler.take(Math.ceil(queryCount / 2) * 2);
  const pairs = Array.from({ length: pairIds.length / 2 }, (_, i) => [pairIds[2 * i]!, pairIds[2 * i + 1]!] as const);
  let found = 0;
  const paths = await timeEach(pairs, async ([a, b]) => {
    const result = await main.shortestPaths(a, b, { maxHops: 4, limit: 5 });
    if (result.length > 0) found += 1;
  });
  const measuredPairs = pairs.length + Math.min(20, pairs.length);
  return {
    main,
    queryIds: ids,
    figures: {
      entity_upserts_per_s: Math.round(entities.summary.entityUpserts / entities.seconds),
      mention_upserts_per_s: Math.round(mentions.summary.mentions / mentions.seconds),
      claim_upserts_per_s: Math.round(full.summary.claims / full.seconds),
      claim_upserts_per_cpu_s: Math.round(full.summary.claims / full.cpuSeconds),
      articles_per_s: Math.round(full.summary.articles / full.seconds),
      neighbors_p50_ms: round(percentile(neighbors.wall, 50), 3),
      neighbors_p95_ms: round(percentile(neighbors.wall, 95), 3),
      neighbors_cpu_p95_ms: round(percentile(neighbors.cpu, 95), 3),
      neighbors_since_p95_ms: round(percentile(since.wall, 95), 3),
      paths_p50_ms: round(percentile(paths.wall, 50), 3),
      paths_p95_ms: round(percentile(paths.wall, 95), 3),
      paths_cpu_p95_ms: round(percentile(paths.cpu, 95), 3),
      paths_found_pct: round((100 * found) / measuredPairs, 1),
      relationships: stats.claims,
      edges: stats.edges,
      entities: stats.entities,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      load_avg_1m: round(loadavg()[0]!, 1),
    },
  };
}

/** Baseline 1: each claim row inserted in its own transaction (autocommit), no aggregation. */
function naiveRowInserts(file: string, rows: number): number {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  db.exec(`CREATE TABLE claims (article_id TEXT, subject_id TEXT, predicate TEXT, object_id TEXT, sentence TEXT, start INTEGER, "end" INTEGER, rule TEXT, confidence REAL);
           CREATE INDEX claims_subject ON claims (subject_id); CREATE INDEX claims_object ON claims (object_id);`);
  const insert = db.prepare('INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  let done = 0;
  const t = performance.now();
  outer: for (const doc of syntheticDocuments({ relationships: rows, seed, idPrefix: 'bench-naive' })) {
    for (const c of doc.claims) {
      insert.run(doc.article.id, c.subjectId, c.predicate, c.objectId, c.evidence.sentence, c.evidence.start, c.evidence.end, c.evidence.rule, c.evidence.confidence);
      if (++done >= rows) break outer;
    }
  }
  const seconds = (performance.now() - t) / 1000;
  db.close();
  return Math.round(done / seconds);
}

/** Baseline 2: neighbours aggregated from the claims table at query time (same graph, same ids). */
function queryTimeAggregation(file: string, ids: string[]): number[] {
  const db = new DatabaseSync(file);
  // The indexes such a design would need (built outside the timing).
  db.exec('CREATE INDEX IF NOT EXISTS bench_claims_subject ON claims (subject_rid)');
  db.exec('CREATE INDEX IF NOT EXISTS bench_claims_object ON claims (object_rid)');
  const stmt = db.prepare(`
    WITH me (rid) AS (SELECT rid FROM entities WHERE id = ?1)
    SELECT n.id, n.name, x.predicate, x.dir, x.articles, x.claims FROM (
      SELECT object_rid AS other, predicate, 'out' AS dir, count(DISTINCT id >> 16) AS articles, count(*) AS claims
        FROM claims WHERE subject_rid = (SELECT rid FROM me) GROUP BY object_rid, predicate
      UNION ALL
      SELECT subject_rid AS other, predicate, 'in' AS dir, count(DISTINCT id >> 16) AS articles, count(*) AS claims
        FROM claims WHERE object_rid = (SELECT rid FROM me) GROUP BY subject_rid, predicate
    ) AS x JOIN entities n ON n.rid = x.other
    ORDER BY x.articles DESC, n.name, n.id LIMIT 50`);
  for (const id of ids.slice(0, 20)) stmt.all(id);
  const times: number[] = [];
  for (const id of ids) {
    const t = performance.now();
    stmt.all(id);
    times.push(performance.now() - t);
  }
  db.close();
  return times.sort((a, b) => a - b);
}

const sqliteDir = join(baseDir, 'sqlite');
mkdirSync(sqliteDir, { recursive: true });
const sqlite = await benchStore('sqlite', (phase) => SqliteStore.open(join(sqliteDir, `${phase}.db`)));
const mainFile = (sqlite.main as SqliteStore).path;
await sqlite.main.close();

log('baseline: naive one-transaction-per-row claim inserts');
const naiveRows = Math.min(relationships, 50_000);
const naivePerS = naiveRowInserts(join(sqliteDir, 'naive.db'), naiveRows);
log('baseline: neighbours aggregated from claims at query time');
const aggregated = queryTimeAggregation(mainFile, sqlite.queryIds);
const baseline = {
  naive_claim_inserts_per_s: naivePerS,
  naive_rows: naiveRows,
  query_time_neighbors_p50_ms: round(percentile(aggregated, 50), 3),
  query_time_neighbors_p95_ms: round(percentile(aggregated, 95), 3),
};

let neo4j: StoreFigures | undefined;
const config = loadConfig();
if (config.neo4j.uri) {
  log('neo4j: NEO4J_URI is set; running the same workload, each phase on labels of its own (use a scratch server)');
  const run = Date.now().toString(36);
  const result = await benchStore('neo4j', async (phase) => {
    const store = await openStore(config, { labelPrefix: `Bench${run}_${phase}_` });
    await store.migrate();
    return store;
  });
  await result.main.close();
  neo4j = result.figures;
} else {
  log('neo4j: skipped (NEO4J_URI not set)');
}

const s = sqlite.figures;
const ratio = {
  claim_upserts_vs_naive_per_row: round(s.claim_upserts_per_s / baseline.naive_claim_inserts_per_s),
  ...(neo4j ? { neo4j_claim_upserts_vs_sqlite: round(neo4j.claim_upserts_per_s / s.claim_upserts_per_s, 3) } : {}),
  query_time_aggregation_vs_edges_neighbors_p95: round(baseline.query_time_neighbors_p95_ms / s.neighbors_p95_ms),
};
const meets = {
  claim_upserts_per_s: s.claim_upserts_per_s >= TARGETS.claim_upserts_per_s,
  neighbors_p95_ms: s.neighbors_p95_ms < TARGETS.neighbors_p95_ms,
  paths_p95_ms: s.paths_p95_ms < TARGETS.paths_p95_ms,
  ...(neo4j
    ? {
        neo4j_claim_upserts_vs_sqlite: neo4j.claim_upserts_per_s / s.claim_upserts_per_s >= NEO4J_TARGETS.claim_upserts_vs_sqlite,
        neo4j_neighbors_p95_ms: neo4j.neighbors_p95_ms < NEO4J_TARGETS.neighbors_p95_ms,
        neo4j_neighbors_since_p95_ms: neo4j.neighbors_since_p95_ms < NEO4J_TARGETS.neighbors_since_p95_ms,
        neo4j_paths_p95_ms: neo4j.paths_p95_ms < NEO4J_TARGETS.paths_p95_ms,
      }
    : {}),
};

const rows: Array<[string, ...string[]]> = [['metric', 'sqlite', ...(neo4j ? ['neo4j'] : []), 'target', 'baseline']];
const keys = Object.keys(s) as Array<keyof StoreFigures>;
const baselineFor: Partial<Record<keyof StoreFigures, string>> = {
  claim_upserts_per_s: `${baseline.naive_claim_inserts_per_s} (naive per-row tx)`,
  neighbors_p50_ms: `${baseline.query_time_neighbors_p50_ms} (query-time agg.)`,
  neighbors_p95_ms: `${baseline.query_time_neighbors_p95_ms} (query-time agg.)`,
};
for (const key of keys) {
  const target = key in TARGETS ? `${key.endsWith('_ms') ? '<' : '≥'} ${TARGETS[key as keyof typeof TARGETS]}` : '';
  rows.push([key, String(s[key]), ...(neo4j ? [String(neo4j[key])] : []), target, baselineFor[key] ?? '']);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
console.log(`ratios: claims ${ratio.claim_upserts_vs_naive_per_row}x naive per-row inserts; neighbours p95 ${ratio.query_time_aggregation_vs_edges_neighbors_p95}x faster than query-time aggregation`);
if (neo4j) console.log(`neo4j: claim upserts ${ratio.neo4j_claim_upserts_vs_sqlite}x SQLite's (target ≥ ${NEO4J_TARGETS.claim_upserts_vs_sqlite}); targets neighbours p95 < ${NEO4J_TARGETS.neighbors_p95_ms} ms, with since < ${NEO4J_TARGETS.neighbors_since_p95_ms} ms, paths p95 < ${NEO4J_TARGETS.paths_p95_ms} ms`);
console.log(`targets met: ${Object.entries(meets).map(([k, v]) => `${k} ${v ? 'yes' : 'NO'}`).join(', ')}`);

if (!values.keep && !values.dir) rmSync(baseDir, { recursive: true, force: true });
else log(`databases kept in ${baseDir}`);
console.log(JSON.stringify({ sqlite: s, ...(neo4j ? { neo4j } : {}), baseline, targets: TARGETS, ...(neo4j ? { neo4jTargets: NEO4J_TARGETS } : {}), meets, ratio }));
