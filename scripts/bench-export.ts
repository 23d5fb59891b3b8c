/**
 * Export benchmark: `pnpm bench export [--relationships N] [--seed N]`.
 *
 * Fills a SQLite store with the deterministic synthetic news stream, then measures each export
 * format (GraphML, neo4j-admin CSV, node-link JSON): time, output size, throughput and peak RSS
 * growth. Baselines measured in the same run: reading the store's export streams without
 * writing anything (the floor), and building the JSON document in memory the naive way
 * (what streaming avoids). Prints a table, then one JSON line.
 */
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { exportGraph, SqliteStore, syntheticDocuments, type ExportFormat, type GraphStore } from '@newsgraph/graph';

const { values } = parseArgs({
  options: {
    relationships: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '7' },
  },
});
const relationships = Number(values.relationships);
const seed = Number(values.seed);
if (!Number.isInteger(relationships) || relationships < 100) {
  console.error(`--relationships ${values.relationships}: must be a whole number ≥ 100`);
  process.exit(2);
}

/** Runs `work` while sampling RSS; returns seconds and the peak RSS growth in MiB. */
async function measure<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakMiB: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, seconds: (performance.now() - started) / 1000, peakMiB: (peak - base) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-export-'));
try {
  const store: GraphStore = await SqliteStore.open(join(dir, 'graph.db'));
  let batch = [];
  for (const doc of syntheticDocuments({ relationships, seed })) {
    batch.push(doc);
    if (batch.length === 500) {
      await store.writeArticles(batch);
      batch = [];
    }
  }
  if (batch.length) await store.writeArticles(batch);
  const stats = await store.stats();
  console.log(`store: ${stats.entities} entities, ${stats.edges} edges, ${stats.claims} claims (${relationships} synthetic relationships, seed ${seed})`);

  const floor = await measure(async () => {
    let n = 0;
    for await (const _ of store.exportEntities()) n++;
    for await (const _ of store.exportEdges()) n++;
    return n;
  });
  const naive = await measure(async () => {
    const nodes = [];
    for await (const e of store.exportEntities()) nodes.push(e);
    const links = [];
    for await (const e of store.exportEdges()) links.push(e);
    return JSON.stringify({ nodes, links }).length;
  });

  const rows: Array<{ format: string; seconds: number; mib: number; peakMiB: number; recordsPerSecond: number; vsFloor: number }> = [];
  const records = stats.entities + stats.edges;
  rows.push({ format: 'read only (floor)', seconds: floor.seconds, mib: 0, peakMiB: floor.peakMiB, recordsPerSecond: records / floor.seconds, vsFloor: 1 });
  rows.push({ format: 'json in memory (naive)', seconds: naive.seconds, mib: naive.result / 2 ** 20, peakMiB: naive.peakMiB, recordsPerSecond: records / naive.seconds, vsFloor: naive.seconds / floor.seconds });
  for (const format of ['graphml', 'csv', 'json'] as ExportFormat[]) {
    const out = format === 'csv' ? join(dir, 'csv') : join(dir, `graph.${format}`);
    const run = await measure(() => exportGraph(store, { format, out }));
    const bytes = format === 'csv' ? readdirSync(out).reduce((sum, f) => sum + statSync(join(out, f)).size, 0) : statSync(out).size;
    rows.push({ format, seconds: run.seconds, mib: bytes / 2 ** 20, peakMiB: run.peakMiB, recordsPerSecond: records / run.seconds, vsFloor: run.seconds / floor.seconds });
  }
  await store.close();

  console.log('\nformat                   seconds   output MiB   peak RSS +MiB   records/s   time vs floor');
  for (const r of rows) {
    console.log(
      `${r.format.padEnd(24)} ${r.seconds.toFixed(2).padStart(7)}   ${r.mib.toFixed(1).padStart(10)}   ${r.peakMiB.toFixed(1).padStart(13)}   ${Math.round(r.recordsPerSecond).toString().padStart(9)}   ${r.vsFloor.toFixed(2).padStart(13)}`,
    );
  }
  const json = Object.fromEntries(rows.map((r) => [r.format, { seconds: +r.seconds.toFixed(3), outputMiB: +r.mib.toFixed(2), peakRssMiB: +r.peakMiB.toFixed(1), recordsPerSecond: Math.round(r.recordsPerSecond) }]));
  console.log(JSON.stringify({ bench: 'export', relationships, entities: stats.entities, edges: stats.edges, results: json }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
