import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectKey, createDefaultReaders, createFetcher, ingestInputs, type ConnectTo } from '@newsgraph/ingest';
import type { ExportEdge, GraphStore, StoreStats } from '@newsgraph/graph';
import type { NewsgraphConfig } from '@newsgraph/shared';
import type { CliContext } from '../context.ts';
import { failureLine } from '../commands/ingest.ts';
import { formatTable, printError, println, safeText } from '../output.ts';
import { serveSite, type ServedSite } from './serve-site.ts';
import { printListedSummary } from '../lists/listed-summary.ts';

/** The demo site ships in the repository's `examples/site`; found by walking up from this file. */
export function findExamplesSite(start = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'examples', 'site');
    if (existsSync(join(candidate, 'feed.xml'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('examples/site not found: run the demo from a newsgraph checkout');
    dir = parent;
  }
}

/** Port the demo site prefers, so that stored article links stay valid between runs. */
export const DEMO_SITE_PORT = 8786;

export interface DemoOptions {
  /** Default DEMO_SITE_PORT; 0 for any free port. */
  sitePort?: number;
  /** Leave the demo site running (for `start`, so the explorer's article links open); the caller closes it. */
  keepSiteOpen?: boolean;
}

export interface DemoSummary {
  feedUrl: string;
  counts: { inserted: number; updated: number; unchanged: number; failed: number };
  stats: StoreStats;
  /** Present when `keepSiteOpen` was asked for. */
  site?: ServedSite;
}

/** Picks strong edges with varied predicates to show, the strongest first. */
async function sampleEdges(store: GraphStore, count: number): Promise<ExportEdge[]> {
  const edges: ExportEdge[] = [];
  for await (const edge of store.exportEdges()) if (edge.predicate !== 'REPORTED_BY') edges.push(edge);
  edges.sort((a, b) => b.articleCount - a.articleCount || b.claimCount - a.claimCount || a.subjectId.localeCompare(b.subjectId));
  const picked: ExportEdge[] = [];
  const predicates = new Set<string>();
  for (const e of edges) {
    if (picked.length < count && !predicates.has(e.predicate)) {
      predicates.add(e.predicate);
      picked.push(e);
    }
  }
  for (const e of edges) if (picked.length < count && !picked.includes(e)) picked.push(e);
  return picked;
}

/**
 * Serves examples/site on a free loopback port, crawls its feed through the whole pipeline
 * (fetch with robots.txt and politeness, article text, extraction, store) into the configured
 * store, and prints what it found and what to try next.
 */
export async function runDemo(ctx: CliContext, options: DemoOptions = {}): Promise<DemoSummary> {
  const config: NewsgraphConfig = ctx.config();
  const site = await serveSite(findExamplesSite(), options.sitePort ?? DEMO_SITE_PORT);
  let keepSite = false;
  const feedUrl = `${site.baseUrl}/feed.xml`;
  // The demo site lives on loopback, which the SSRF guard refuses by default: allow it here only.
  // When the preferred port was taken the pages still name themselves by it (stable article ids
  // across runs); the fetcher then opens its sockets to the port actually bound.
  const connectTo: ConnectTo = site.servesBaseUrl
    ? new Map()
    : new Map([[connectKey('127.0.0.1', new URL(site.baseUrl).port, 'http:'), { hostname: '127.0.0.1', port: site.boundPort }]]);
  const fetcher = createFetcher({ ...config.http, allowPrivateNetwork: true, perHostDelayMs: 0, perHostConcurrency: 4 }, { connectTo });
  const counts = { inserted: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0 };
  try {
    const store = await ctx.ingestStore();
    println(ctx, `newsgraph demo: serving examples/site at ${site.baseUrl}, crawling ${feedUrl}`);
    if (!site.servesBaseUrl) {
      println(ctx, `(port ${new URL(site.baseUrl).port} is taken, so the site runs on port ${site.boundPort}; articles keep their ${site.baseUrl} links, which open only while a newsgraph demo holds that port)`);
    }
    for await (const outcome of ingestInputs([feedUrl], { store, fetcher, readers: createDefaultReaders(), concurrency: 4, extract: await ctx.ingestExtract() })) {
      counts[outcome.status]++;
      if (outcome.status === 'failed') printError(ctx, failureLine(outcome));
    }
    const stats = await store.stats();
    const where = store.kind === 'sqlite' ? `SQLite ${relative(process.cwd(), config.db) || config.db}` : `Neo4j ${config.neo4j.uri}`;
    println(ctx, `\nstored ${counts.inserted + counts.updated + counts.unchanged} articles (${counts.inserted} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed) in ${where}`);
    println(ctx, `graph: ${stats.articles} articles, ${stats.entities} entities, ${stats.mentions} mentions, ${stats.claims} claims, ${stats.edges} edges\n`);

    const top = await store.topEntities({ limit: 10 });
    println(ctx, 'Top entities');
    println(ctx, formatTable(['articles', 'type', 'name', 'id'], top.map((t) => [t.count, t.entity.type, t.entity.name, t.entity.id])));

    println(ctx, '\nA few edges with their evidence');
    for (const edge of await sampleEdges(store, 5)) {
      const [subject, object] = [await store.getEntity(edge.subjectId), await store.getEntity(edge.objectId)];
      const [evidence] = await store.evidence({ subjectId: edge.subjectId, predicate: edge.predicate, objectId: edge.objectId, limit: 1 });
      println(ctx, `  ${safeText(subject?.name ?? edge.subjectId)} -[${edge.predicate}]-> ${safeText(object?.name ?? edge.objectId)}  (${edge.articleCount} article${edge.articleCount === 1 ? '' : 's'})`);
      if (evidence) {
        println(ctx, `    “${safeText(evidence.sentence)}”`);
        println(ctx, `    — ${safeText(evidence.article.title)} (${evidence.article.url.replace(site.baseUrl, 'examples/site')})`);
      }
    }
    await printListedSummary(ctx, store);
    println(ctx, `
Next, try:
  pnpm newsgraph query search Russia
  pnpm newsgraph query neighbors Russia --predicate SUPPLIES
  pnpm newsgraph query evidence Iran Russia
  pnpm newsgraph query path "Antony Blinken" Iran
  pnpm newsgraph query listed                      # entities on an imported sanctions list
  pnpm newsgraph export --format graphml --out newsgraph.graphml
  pnpm start            # the demo, then the explorer in your browser`);
    if (counts.failed > 0) ctx.fail(1);
    keepSite = options.keepSiteOpen === true;
    return { feedUrl, counts, stats, ...(keepSite ? { site } : {}) };
  } finally {
    await fetcher.close();
    if (!keepSite) await site.close();
  }
}
