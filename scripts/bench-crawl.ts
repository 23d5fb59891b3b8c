/**
 * `pnpm bench:crawl [--pages N] [--concurrency C] [--threads T] [--baseline-pages M] [--no-baselines] [--no-crawlee] [--heap-snapshots DIR]`
 *
 * The crawl pipeline end to end on one machine: a loopback server (a child process, so it does
 * not share this process's event loop) serves an RSS feed of N page URLs whose bodies are the
 * real pages of ../shared/eval/article-text/html/*.gz (gzip-encoded as a real server would), and
 * the in-process crawler runs fetch → main-text extraction → entity/claim extraction → SQLite
 * store (a temp file) at the configured concurrency, with T extraction threads (default: the
 * CLI's, defaultExtractionThreads: one per core but the main thread's, at most 4). The measured
 * run has a process of its own (as the Crawlee baseline has), started with the CLI's node flags
 * (PIPELINE_NODE_FLAGS) and warmed up on 20 pages there, so its peak RSS is its own and not the
 * baselines' leftovers.
 *
 * Printed: pages/s overall and per stage (time spent in each stage, summed over pages), RSS
 * sampled during the run and at every 1,000 pages (flat = no leak) with where it is (anonymous and
 * file-backed, each V8 heap used/total and external, native memory outside the heaps), and two baselines from the
 * same run: fetch-only at the same concurrency, and the full pipeline at concurrency 1 on the
 * main thread only.
 * A third baseline: a minimal Crawlee CheerioCrawler (@crawlee/cheerio, a dev dependency of the
 * benchmark only) in its own process, fetching and parsing the same N pages at the same
 * concurrency and reading their paragraphs — no article text, no entities, no store — with its
 * storage in memory. Its configuration: Crawlee's defaults (session pool, got-scraping headers,
 * node's default flags) except min = max concurrency = ours, one retry (our two attempts),
 * logging off, persistStorage false; it gets the same 20-page warm-up, on URLs of its own.
 * Its pages/s, CPU ms/page and peak RSS are compared with the full pipeline's.
 * Last line: {"pages","pages_per_s","cpu_ms_per_page","peak_rss_mb","rss_growth_mb","baseline_pages_per_s","ratio",
 * "crawlee_pages_per_s","crawlee_cpu_ms_per_page","crawlee_peak_rss_mb","speed_vs_crawlee","rss_vs_crawlee"} where the
 * baseline is the concurrency-1 pipeline and rss_growth_mb is the RSS change from the second RSS
 * mark (2,000 pages at the default size, after warm-up) to the last. `--no-crawlee` skips it.
 *
 * `--heap-snapshots DIR` writes a V8 heap snapshot of the measured run's main thread and of each
 * extraction thread to DIR at the end of the run (before the crawler closes): what is resident.
 *
 * Settings: one loopback host must not be throttled, so perHostDelayMs 0, perHostConcurrency =
 * concurrency, allowPrivateNetwork true, robots ignored. The 990 pages repeat for N > 990, so the
 * duplicate check runs (its cost is measured) but its verdict is ignored: every page is processed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeHeapSnapshot } from 'node:v8';
import { SQLITE_WRITER_MEMORY, SqliteStore } from '@newsgraph/graph';
import { loadConfig, type NewsgraphConfig } from '@newsgraph/shared';
import {
  createCrawlStageDeps,
  defaultExtractionThreads,
  CrawlMetrics,
  CrawlStateMemory,
  HttpFetcher,
  InProcessCrawler,
  SqliteCrawlState,
  type CrawlMemory,
} from '@newsgraph/ingest';

const here = dirname(fileURLToPath(import.meta.url));
const HTML_DIR = resolve(here, '../../shared/eval/article-text/html');

function optionValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

function arg(name: string, fallback: number, min = 1): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number.parseInt(process.argv[i + 1] ?? '', 10);
  if (!Number.isFinite(value) || value < min) {
    console.error(`--${name} needs a number of at least ${min}`);
    process.exit(2);
  }
  return value;
}

/** Child-process mode: serve the feed and pages, print the port. */
async function serve(pages: number): Promise<void> {
  const files = readdirSync(HTML_DIR).filter((f) => f.endsWith('.html.gz')).sort();
  const bodies = files.map((f) => readFileSync(join(HTML_DIR, f)));
  let origin = '';
  const feeds = new Map<number, string>();
  /** The feed of the first `n` pages (each measured run crawls exactly its own page count). */
  const feedOf = (n: number): string => {
    let feed = feeds.get(n);
    if (!feed) {
      const items: string[] = [];
      for (let i = 0; i < n; i++) items.push(`<item><title>Page ${i}</title><link>${origin}/p/${i}.html</link></item>`);
      feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title><link>${origin}/</link>${items.join('')}</channel></rss>`;
      feeds.set(n, feed);
    }
    return feed;
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/feed.xml') {
      const n = Math.min(pages, Number.parseInt(url.searchParams.get('n') ?? String(pages), 10) || pages);
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feedOf(n));
      return;
    }
    const m = /^\/p\/(\d+)\.html$/.exec(url.pathname);
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const body = bodies[Number(m[1]) % bodies.length]!;
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': body.length }).end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    origin = `http://127.0.0.1:${port}`;
    process.stdout.write(`${port}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

function benchConfig(db: string, concurrency: number): NewsgraphConfig {
  const base = loadConfig({ env: {}, cwd: tmpdir() });
  return {
    ...base,
    db,
    redisUrl: undefined,
    logLevel: 'silent',
    http: { ...base.http, allowPrivateNetwork: true, perHostDelayMs: 0, perHostConcurrency: Math.max(concurrency, 1), respectRobots: false },
    crawler: { ...base.crawler, concurrency },
  };
}

/** Memory whose duplicate check runs but never vetoes (the bench's pages repeat). */
function measuringOnlyDedupe(memory: CrawlMemory): CrawlMemory {
  return {
    getValidators: (u) => memory.getValidators(u),
    setValidators: (u, v) => memory.setValidators(u, v),
    filterUnseen: (u) => memory.filterUnseen(u),
    markSeen: (u) => memory.markSeen(u),
    // The unfinished-pages journal is part of the real pipeline's cost: keep it measured.
    ...(memory.pendingPages ? { pendingPages: memory.pendingPages } : {}),
    claimContent: async (id, text, hash) => {
      await memory.claimContent(id, text, hash);
      return null;
    },
  };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

interface PipelineRun {
  pages: number;
  seconds: number;
  stored: number;
  failed: number;
  peakRss: number;
  rssAtThousands: Array<[number, number]>;
  /** At each RSS mark: where the resident memory is (see memoryDetail). */
  detailAtMarks: Array<[number, MemoryDetail]>;
  /** Event-loop busy fraction of the main thread during the run, and of each extraction thread since it started. */
  utilization: { main: number; threads: number[] };
  stageSeconds: { extraction: number; process: number; store: number };
}

async function pipeline(origin: string, pages: number, concurrency: number, threads: number, tmp: string, label: string): Promise<PipelineRun> {
  const db = join(tmp, `${label}.db`);
  const config = benchConfig(db, concurrency);
  // The store as `newsgraph crawl` opens it (a writer's SQLite memory).
  const store = await SqliteStore.open(db, { memory: SQLITE_WRITER_MEMORY });
  const metrics = new CrawlMetrics({ defaultMetrics: false });
  const { deps, close, threadHeapStatistics, threadUtilization, writeThreadHeapSnapshots } = createCrawlStageDeps({ config, store, memory: measuringOnlyDedupe(new CrawlStateMemory(new SqliteCrawlState(join(tmp, `${label}-state.db`)))),
    metrics,
    extractionThreads: threads,
  });
  const crawler = new InProcessCrawler(deps, { concurrency, retry: { attempts: 2, baseDelayMs: 100, maxDelayMs: 1000 }, metrics });
  let peakRss = process.memoryUsage().rss;
  const rssAtThousands: Array<[number, number]> = [];
  const detailAtMarks: Array<[number, MemoryDetail]> = [];
  const step = pages >= 5000 ? 1000 : Math.max(1, Math.ceil(pages / 5));
  let nextMark = step;
  const sampler = setInterval(() => {
    const rss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rss);
    const done = crawler.jobCounts()['article-process']!.completed!;
    while (done >= nextMark) {
      rssAtThousands.push([nextMark, rss]);
      const mark = nextMark;
      void memoryDetail(crawler.jobCounts(), threadHeapStatistics).then((d) => detailAtMarks.push([mark, d]));
      nextMark += step;
    }
  }, 100);
  const started = performance.now();
  const mainLoopStart = performance.eventLoopUtilization();
  await crawler.runOnce([{ id: 'bench', url: `${origin}/feed.xml?n=${pages}`, kind: 'rss' }]);
  const seconds = (performance.now() - started) / 1000;
  const utilization = { main: performance.eventLoopUtilization(mainLoopStart).utilization, threads: threadUtilization() };
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const snapshotDir = optionValue('heap-snapshots');
  if (snapshotDir && !label.startsWith('warmup')) {
    // Live objects only (a snapshot collects garbage first): what stays resident per thread.
    const main = writeHeapSnapshot(join(snapshotDir, `${label}-main.heapsnapshot`));
    const threads = await writeThreadHeapSnapshots((i) => join(snapshotDir, `${label}-thread-${i}.heapsnapshot`));
    console.log(`  heap snapshots: ${[main, ...threads].join(', ')}`);
  }
  const counts = crawler.jobCounts();
  const failures = await crawler.failed();
  if (failures.length > 0 && !label.startsWith('warmup')) {
    const byReason = new Map<string, number>();
    for (const f of failures) {
      const reason = f.failedReason.replace(/https?:\/\/\S+/g, '<url>').slice(0, 120);
      byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    }
    console.log(`  ${label}: ${failures.length} failed jobs; most common reasons:`);
    for (const [reason, n] of [...byReason].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`    ${n} × ${reason}`);
  }
  await crawler.close();
  await close();
  const stored = (await store.stats()).articles;
  await store.close();
  const sum = async (h: { get(): Promise<{ values: Array<{ metricName?: string; value: number }> }> }) =>
    (await h.get()).values.find((v) => v.metricName?.endsWith('_sum'))?.value ?? 0;
  return {
    pages,
    seconds,
    stored,
    failed: Object.values(counts).reduce((n, c) => n + (c.failed ?? 0), 0),
    peakRss,
    rssAtThousands,
    detailAtMarks,
    utilization,
    stageSeconds: {
      extraction: await sum(metrics.extractionSeconds),
      process: await sum(metrics.processSeconds),
      store: await sum(metrics.storeWriteSeconds),
    },
  };
}

interface MemoryDetail {
  /** Linux /proc/self/status: anonymous (heaps, malloc) and file-backed (code, SQLite mmap) resident memory. */
  rssAnonMb: number;
  rssFileMb: number;
  mainHeapUsedMb: number;
  mainHeapTotalMb: number;
  mainExternalMb: number;
  /** ArrayBuffer memory of the main thread (Buffers: response bodies, gunzip output), part of external. */
  mainArrayBuffersMb: number;
  threadHeapUsedMb: number[];
  threadHeapTotalMb: number[];
  threadExternalMb: number[];
  /** Anonymous resident memory outside the V8 heaps: malloc (SQLite cache, Buffers, zlib), WebAssembly memories, stacks. */
  nativeMb: number;
  processWaiting: number;
  pageWaiting: number;
}

/** Where the resident memory is at one moment: the process's anonymous/file split, each V8 heap, the queues' backlog. */
async function memoryDetail(
  counts: Record<string, Record<string, number>>,
  threads: () => Promise<Array<{ usedHeapSize: number; totalHeapSize: number; externalMemory: number }>>,
): Promise<MemoryDetail> {
  const status = existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '';
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  const main = process.memoryUsage();
  const heaps = await threads();
  return {
    rssAnonMb: mb(kb('RssAnon')),
    rssFileMb: mb(kb('RssFile') + kb('RssShmem')),
    mainHeapUsedMb: mb(main.heapUsed),
    mainHeapTotalMb: mb(main.heapTotal),
    mainExternalMb: mb(main.external),
    mainArrayBuffersMb: mb(main.arrayBuffers),
    threadHeapUsedMb: heaps.map((h) => mb(h.usedHeapSize)),
    threadHeapTotalMb: heaps.map((h) => mb(h.totalHeapSize)),
    threadExternalMb: heaps.map((h) => mb(h.externalMemory)),
    nativeMb: mb(kb('RssAnon') - main.heapTotal - heaps.reduce((n, h) => n + h.totalHeapSize, 0)),
    processWaiting: counts['article-process']?.waiting ?? 0,
    pageWaiting: counts['page-fetch']?.waiting ?? 0,
  };
}

async function fetchOnly(origin: string, pages: number, concurrency: number, tmp: string): Promise<number> {
  const fetcher = new HttpFetcher(benchConfig(join(tmp, 'x.db'), concurrency).http);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < pages) {
        const i = next++;
        await fetcher.fetch({ url: `${origin}/p/${i}.html`, kind: 'page' });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await fetcher.close();
  return pages / seconds;
}

/**
 * Node flags of our measured run, the same the CLI starts with (packages/cli/src/main.ts and the
 * `newsgraph` script; packages/cli/test/node-flags.test.ts keeps them equal): 4 MB semi-spaces
 * instead of V8's default, which on this machine's 24 GiB is 128 MB of young generation per
 * isolate — resident memory the crawler's main thread (I/O, duplicate check, store) does not
 * need; and a heap that grows to 1.5x its live data between full collections instead of up to 4x
 * (for every thread of the process).
 */
const PIPELINE_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=50'];
/** ...and its environment: MALLOC_ARENA_MAX=2 as the CLI's shebang and scripts set it (glibc malloc arenas; docs/crawler.md). */
const PIPELINE_ENV = { MALLOC_ARENA_MAX: '2' };

/**
 * Child-process mode: the measured full pipeline in a fresh process (as the Crawlee baseline
 * runs in its own), after a 20-page warm-up in that process; prints one JSON line. Run in the
 * benchmark's own process it would carry the baselines' heap and caches into its peak RSS.
 */
async function pipelineRunChild(origin: string, pages: number, concurrency: number, threads: number, tmp: string): Promise<void> {
  await pipeline(origin, Math.min(pages, 20), 2, threads, tmp, 'warmup-own-process');
  const rssStart = process.memoryUsage().rss;
  const cpuStart = process.cpuUsage();
  const run = await pipeline(origin, pages, concurrency, threads, tmp, 'full');
  const cpu = process.cpuUsage(cpuStart);
  process.stdout.write(`${JSON.stringify({ ...run, rssStart, cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`);
}

async function runPipelineChild(origin: string, pages: number, concurrency: number, threads: number, tmp: string): Promise<PipelineRun & { rssStart: number; cpuSeconds: number }> {
  const snapshotDir = optionValue('heap-snapshots');
  const args = ['--pipeline-run', '--origin', origin, '--pages', String(pages), '--concurrency', String(concurrency), '--threads', String(threads), '--tmp', tmp, ...(snapshotDir ? ['--heap-snapshots', resolve(snapshotDir)] : [])];
  const child = spawn(process.execPath, [...PIPELINE_NODE_FLAGS, fileURLToPath(import.meta.url), ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...PIPELINE_ENV } });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
  const line = out.trim().split('\n').at(-1) ?? '';
  // Lines before the JSON are the run's failure summary.
  process.stdout.write(out.slice(0, out.lastIndexOf(line)));
  if (code !== 0 || !line.startsWith('{')) throw new Error(`pipeline run failed (exit ${code}): ${out.slice(-500)}`);
  return JSON.parse(line) as PipelineRun & { rssStart: number; cpuSeconds: number };
}

/** Child-process mode: the Crawlee baseline over `origin`; prints one JSON line. */
async function crawleeBaseline(origin: string, pages: number, concurrency: number): Promise<void> {
  const { CheerioCrawler, Configuration, log } = await import('@crawlee/cheerio');
  log.setLevel(log.LEVELS.OFF);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  let parsed = 0;
  const crawlerFor = () =>
    new CheerioCrawler(
      {
        minConcurrency: concurrency,
        maxConcurrency: concurrency,
        maxRequestRetries: 1,
        requestHandler: async ({ $ }) => {
          if ($('p').text().length > 0) parsed++;
        },
      },
      new Configuration({ persistStorage: false, purgeOnStart: true }),
    );
  // The same 20-page warm-up (module code, JIT) our pipeline gets before it is timed, on URLs of
  // their own so the measured crawl's request queue starts empty.
  await crawlerFor().run(Array.from({ length: Math.min(pages, 20) }, (_, i) => `${origin}/p/${i}.html?warmup`));
  parsed = 0;
  const crawler = crawlerFor();
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  await crawler.run(Array.from({ length: pages }, (_, i) => `${origin}/p/${i}.html`));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const cpu = process.cpuUsage(cpuStart);
  process.stdout.write(`${JSON.stringify({ pages, parsed, seconds, peakRss, cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`);
}

async function runCrawleeBaseline(origin: string, pages: number, concurrency: number): Promise<{ pages: number; parsed: number; seconds: number; peakRss: number; cpuSeconds: number }> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--crawlee-baseline', '--origin', origin, '--pages', String(pages), '--concurrency', String(concurrency)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
  const line = out.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`Crawlee baseline failed (exit ${code}): ${out.slice(-500)}`);
  return JSON.parse(line) as { pages: number; parsed: number; seconds: number; peakRss: number; cpuSeconds: number };
}

async function main(): Promise<void> {
  const pages = arg('pages', 5000);
  if (process.argv.includes('--serve-pages')) return serve(pages);
  if (process.argv.includes('--crawlee-baseline')) {
    const origin = process.argv[process.argv.indexOf('--origin') + 1]!;
    return crawleeBaseline(origin, pages, arg('concurrency', 8));
  }
  if (process.argv.includes('--pipeline-run')) {
    const origin = process.argv[process.argv.indexOf('--origin') + 1]!;
    const tmp = process.argv[process.argv.indexOf('--tmp') + 1]!;
    return pipelineRunChild(origin, pages, arg('concurrency', 8), Number.parseInt(process.argv[process.argv.indexOf('--threads') + 1] ?? '0', 10), tmp);
  }
  if (!existsSync(HTML_DIR)) {
    console.warn(`bench crawl: skipped — ${HTML_DIR} is absent (the article-text pages of ../shared)`);
    console.log(JSON.stringify({ skipped: true, reason: 'no ../shared/eval/article-text/html' }));
    return;
  }
  const concurrency = arg('concurrency', 8);
  const threads = process.argv.includes('--threads') ? arg('threads', 2, 0) : defaultExtractionThreads();
  const baselinePages = Math.min(pages, arg('baseline-pages', 500));
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve-pages', '--pages', String(pages)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolvePort, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolvePort(d.toString().trim()));
    child.once('exit', (code) => reject(new Error(`page server exited (${code})`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-bench-crawl-'));
  try {
    console.log(`crawl benchmark: ${pages} pages (990 real pages from ../shared/eval/article-text, repeated), concurrency ${concurrency}, with two baselines`);
    console.log('settings: in-process queues, perHostDelayMs 0, perHostConcurrency = concurrency, allowPrivateNetwork, robots off, SQLite temp file');
    // `--no-baselines` (iteration on the measured run and Crawlee only) skips the two baselines.
    const baselines = !process.argv.includes('--no-baselines');
    let fetchRate = Number.NaN;
    let serialRate = Number.NaN;
    if (baselines) {
      fetchRate = await fetchOnly(origin, Math.min(pages, 2000), concurrency, tmp);
      console.log(`baseline fetch only (concurrency ${concurrency}): ${fetchRate.toFixed(1)} pages/s`);
      // Warm-up (module loading, lexicons, JIT) so neither measured run pays for it.
      await pipeline(origin, Math.min(pages, 20), 2, 0, tmp, 'warmup');
      const serial = await pipeline(origin, baselinePages, 1, 0, tmp, 'serial');
      serialRate = serial.pages / serial.seconds;
      console.log(`baseline full pipeline, concurrency 1, main thread only, ${baselinePages} pages: ${serialRate.toFixed(1)} pages/s`);
    }
    const run = await runPipelineChild(origin, pages, concurrency, threads, tmp);
    const rssStart = run.rssStart;
    const rate = run.pages / run.seconds;
    console.log(`full pipeline, concurrency ${concurrency}, ${threads} extraction threads: ${run.pages} pages in ${run.seconds.toFixed(1)} s = ${rate.toFixed(1)} pages/s (${run.stored} stored, ${run.failed} failed)`);
    // Stage times are wall time per page (queueing for a thread included), summed over pages.
    const perStage = (name: string, s: number) =>
      console.log(`  ${name.padEnd(28)} ${((s / run.pages) * 1000).toFixed(1)} ms/page (${(run.pages / s).toFixed(1)} pages/s if run one at a time)`);
    console.log(`  CPU (all threads) ${((run.cpuSeconds / run.pages) * 1000).toFixed(1)} ms/page`);
    console.log(`  event loops busy: main ${(run.utilization.main * 100).toFixed(0)} %, extraction threads ${run.utilization.threads.map((u) => `${(u * 100).toFixed(0)} %`).join(', ') || '–'}`);
    perStage('main-text extraction', run.stageSeconds.extraction);
    perStage('entity extraction + store', run.stageSeconds.process);
    perStage('  of which store writes', run.stageSeconds.store);
    console.log(`  RSS after warm-up ${mb(rssStart)} MB, peak ${mb(run.peakRss)} MB (own process, ${Object.entries(PIPELINE_ENV).map(([k, v]) => `${k}=${v}`).join(' ')} node ${PIPELINE_NODE_FLAGS.join(' ')})`);
    for (const [n, rss] of run.rssAtThousands) {
      const d = run.detailAtMarks.find(([m]) => m === n)?.[1];
      const where = d
        ? ` (anon ${d.rssAnonMb}, file ${d.rssFileMb}; main heap ${d.mainHeapUsedMb}/${d.mainHeapTotalMb}, external ${d.mainExternalMb} (buffers ${d.mainArrayBuffersMb}); threads ${d.threadHeapUsedMb.map((u, i) => `${u}/${d.threadHeapTotalMb[i]}, external ${d.threadExternalMb[i]}`).join('; ')}; native (anon outside the heaps) ${d.nativeMb}; waiting: ${d.pageWaiting} pages, ${d.processWaiting} articles)`
        : '';
      console.log(`  RSS after ${String(n).padStart(5)} pages: ${mb(rss)} MB${where}`);
    }
    // Growth after warm-up: from the second mark (thread heaps, lexicons and SQLite caches are
    // filled by then) to the last one. Flat memory keeps this near zero however many pages run.
    const first = run.rssAtThousands[1]?.[1] ?? run.rssAtThousands[0]?.[1] ?? rssStart;
    const last = run.rssAtThousands[run.rssAtThousands.length - 1]?.[1] ?? run.peakRss;
    const growth = mb(last - first);
    if (baselines) console.log(`speed-up over concurrency 1: ${(rate / serialRate).toFixed(2)}x; pipeline vs fetch only: ${(rate / fetchRate).toFixed(2)}x`);
    let crawlee: Record<string, number> = {};
    if (!process.argv.includes('--no-crawlee')) {
      const baseline = await runCrawleeBaseline(origin, pages, concurrency);
      const crawleeRate = baseline.pages / baseline.seconds;
      console.log(
        `baseline Crawlee CheerioCrawler (own process, concurrency ${concurrency}, fetch + parse only): ${baseline.pages} pages in ${baseline.seconds.toFixed(1)} s = ${crawleeRate.toFixed(1)} pages/s, peak RSS ${mb(baseline.peakRss)} MB, CPU ${((baseline.cpuSeconds / baseline.pages) * 1000).toFixed(1)} ms/page (${baseline.parsed} parsed)`,
      );
      console.log(`full pipeline vs Crawlee: ${(rate / crawleeRate).toFixed(2)}x the pages/s, ${(run.peakRss / baseline.peakRss).toFixed(2)}x the peak RSS`);
      crawlee = {
        crawlee_pages_per_s: Math.round(crawleeRate * 10) / 10,
        crawlee_cpu_ms_per_page: Math.round((baseline.cpuSeconds / baseline.pages) * 10000) / 10,
        crawlee_peak_rss_mb: mb(baseline.peakRss),
        speed_vs_crawlee: Math.round((rate / crawleeRate) * 100) / 100,
        rss_vs_crawlee: Math.round((run.peakRss / baseline.peakRss) * 100) / 100,
      };
    }
    console.log(
      JSON.stringify({
        pages: run.pages,
        pages_per_s: Math.round(rate * 10) / 10,
        cpu_ms_per_page: Math.round((run.cpuSeconds / run.pages) * 10000) / 10,
        peak_rss_mb: mb(run.peakRss),
        rss_growth_mb: growth,
        ...(baselines ? { baseline_pages_per_s: Math.round(serialRate * 10) / 10, ratio: Math.round((rate / serialRate) * 100) / 100 } : {}),
        ...crawlee,
      }),
    );
  } finally {
    child.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
