import { availableParallelism } from 'node:os';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { InputError, type ExtractionResult } from '@newsgraph/shared';
import type { AliasArticleLearning } from '@newsgraph/extract';
import type { ArticleExtractionOptions, ExtractedArticle } from '../interfaces/article.ts';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  url: string;
}

/**
 * V8's young generation per thread. Its default grows with the machine's memory (128 MB of
 * semi-spaces per thread on a 24 GiB machine), which is most of a thread's resident memory while
 * the thread's live data (lexicons, one page at a time) is a few tens of MB. Sixteen MB keeps
 * scavenges cheap (they copy only live objects) and the threads' memory small; measured in
 * `pnpm bench:crawl` (docs/crawler.md).
 */
export const EXTRACTION_THREAD_YOUNG_GENERATION_MB = 16;


/**
 * Extraction threads for a crawler process on `cores` cores: one core is left to the main thread
 * (fetches, decoding, the duplicate check and store writes take about a third of a page's CPU),
 * the others extract; at most 4, and none on one core. On two cores one thread measured faster
 * and half the memory of two (every thread holds its own lexicons and heap; docs/crawler.md).
 */
export function defaultExtractionThreads(cores: number = availableParallelism()): number {
  return cores > 1 ? Math.min(4, cores - 1) : 0;
}

/**
 * When every thread has this many tasks queued or running, main-text extraction of the next page
 * may run on the main thread instead (see ExtractionPool.saturated). Enough that a thread never
 * waits for work (a page's extraction and an article's entities take a few milliseconds each);
 * few enough that a page does not sit behind many others while the main thread has time.
 */
export const SPILL_TO_MAIN_AT_TASKS = 4;

/**
 * ...but only while the main thread's event loop was busy less than this fraction of the last
 * MAIN_BUSY_WINDOW_MS: it fetches, decodes and stores for every page, and a crawl whose main
 * thread is saturated by extractions it took over is no faster (measured: main 97 % busy, the
 * thread 82 %, without this limit).
 */
export const SPILL_MAX_MAIN_BUSY = 0.75;
export const MAIN_BUSY_WINDOW_MS = 1000;

/**
 * Whether the next main-text extraction should run on the main thread: only with threads, only
 * when every one of them already has `threshold` tasks or more in flight, and only while the
 * main thread has time (`mainBusy`, its event loop's busy fraction lately, below `maxMainBusy`).
 */
export function shouldSpillToMain(
  inFlightPerThread: readonly number[],
  mainBusy: number,
  threshold: number = SPILL_TO_MAIN_AT_TASKS,
  maxMainBusy: number = SPILL_MAX_MAIN_BUSY,
): boolean {
  return inFlightPerThread.length > 0 && mainBusy < maxMainBusy && inFlightPerThread.every((n) => n >= threshold);
}

interface PoolWorker {
  worker: Worker;
  inFlight: number;
  /**
   * Its alias-index replica holds what the others hold. The first threads start empty, as the
   * index does, and follow every replay; a replacement for a failed thread is seeded first.
   */
  aliasesSeeded: boolean;
}

/** Gives a new replica, page by page, every learning it needs (StoreAliasIndex.replicaSeed). */
export type ReplicaSeed = (onPage: (learnings: AliasArticleLearning[]) => void) => Promise<void>;

/**
 * A small pool of worker threads for the crawl's CPU-bound steps. One crawler process otherwise
 * runs extraction on one core however many fetches are in flight; with N threads it uses N.
 * Errors come back by message: an InputError from the extractor stays an InputError (the job
 * fails without retry), anything else is a plain Error (retried).
 */
export class ExtractionPool {
  readonly size: number;
  readonly #workers: PoolWorker[] = [];
  readonly #pending = new Map<number, Pending & { worker: PoolWorker }>();
  #nextId = 1;
  #closed = false;
  #mainWindow: { started: number; mark: EventLoopUtilization; busy: number } = { started: performance.now(), mark: performance.eventLoopUtilization(), busy: 0 };

  readonly #spillMaxMainBusy: number;
  /** Alias tasks from dispatch until their caller released them (its learning recorded). */
  #aliasWork = 0;
  #aliasIdleWaiters: Array<() => void> = [];
  /** A replacement thread's replica being seeded: no alias task starts meanwhile. */
  #seeding: Promise<void> | null = null;

  /** `options.spillMaxMainBusy`: see SPILL_MAX_MAIN_BUSY (tests pass Infinity to take the main thread's load out of it). */
  constructor(size: number, options: { spillMaxMainBusy?: number } = {}) {
    this.size = Math.max(1, size);
    this.#spillMaxMainBusy = options.spillMaxMainBusy ?? SPILL_MAX_MAIN_BUSY;
    for (let i = 0; i < this.size; i++) this.#spawn(true);
  }

  #spawn(aliasesSeeded: boolean): void {
    const worker = new Worker(new URL('./extraction-worker.ts', import.meta.url), {
      resourceLimits: { maxYoungGenerationSizeMb: EXTRACTION_THREAD_YOUNG_GENERATION_MB },
    });
    const entry: PoolWorker = { worker, inFlight: 0, aliasesSeeded };
    type Reply = { id: number; result?: unknown; error?: { name: string; message: string; input?: string; reason?: string } };
    worker.on('message', (message: Reply) => {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      entry.inFlight--;
      if (message.error) {
        const { message: text, input, reason } = message.error;
        pending.reject(input !== undefined && reason !== undefined ? new InputError(input, reason) : new Error(text));
      } else {
        pending.resolve(message.result);
      }
    });
    // A crashed thread fails its tasks (retryable) and is replaced.
    worker.on('error', (error) => this.#failWorker(entry, error));
    worker.on('exit', (code) => {
      if (!this.#closed) this.#failWorker(entry, new Error(`extraction thread exited with code ${code}`));
    });
    worker.unref();
    this.#workers.push(entry);
  }

  #failWorker(entry: PoolWorker, error: Error): void {
    const index = this.#workers.indexOf(entry);
    if (index < 0) return;
    this.#workers.splice(index, 1);
    for (const [id, pending] of this.#pending) {
      if (pending.worker !== entry) continue;
      this.#pending.delete(id);
      pending.reject(error);
    }
    if (!this.#closed) this.#spawn(false);
  }

  #run<T>(message: Record<string, unknown>, url: string, worker = this.#leastBusy()): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('extraction pool is closed'));
    const id = this.#nextId++;
    worker.inFlight++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject, url, worker });
      worker.worker.postMessage({ id, ...message });
    });
  }

  #leastBusy(): PoolWorker {
    return this.#workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
  }

  /**
   * Entity extraction that reads and extends the alias index. Each thread keeps a replica of the
   * process's index (the store's, which the caller follows with a replicas-only StoreAliasIndex:
   * the main thread keeps no copy); what an article taught is replayed into every other seeded
   * thread, in the order the articles finish, as `ingest` would. A thread that replaced a failed
   * one is seeded from the store by `seedReplica` once no alias task is between its dispatch and
   * its `release` (the caller's: after the learning is recorded, or given up), so the seed holds
   * every learning the others hold. Call `release` exactly once (more calls are ignored).
   */
  async extractEntitiesWithAliases(
    text: string,
    options: { outlet?: string | null; title?: string | null },
    seedReplica: ReplicaSeed,
    url = 'article',
  ): Promise<{ extraction: ExtractionResult; learning: AliasArticleLearning | null; release(): void }> {
    if (this.#closed) throw new Error('extraction pool is closed');
    let worker = this.#leastBusy();
    while (this.#seeding || !worker.aliasesSeeded) {
      this.#seeding ??= this.#seed(worker, seedReplica).finally(() => (this.#seeding = null));
      await this.#seeding;
      if (this.#closed) throw new Error('extraction pool is closed');
      worker = this.#leastBusy();
    }
    this.#aliasWork++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      if (--this.#aliasWork === 0) for (const wake of this.#aliasIdleWaiters.splice(0)) wake();
    };
    try {
      const reply = await this.#run<{ extraction: ExtractionResult; learning: AliasArticleLearning | null }>(
        { op: 'entities', text, outlet: options.outlet ?? null, title: options.title ?? null, aliases: true },
        url,
        worker,
      );
      if (reply.learning) {
        for (const other of this.#workers) if (other !== worker && other.aliasesSeeded) other.worker.postMessage({ op: 'alias-replay', learnings: [reply.learning] });
      }
      return { ...reply, release };
    } catch (error) {
      release();
      throw error;
    }
  }

  async #seed(worker: PoolWorker, seedReplica: ReplicaSeed): Promise<void> {
    if (this.#aliasWork > 0) await new Promise<void>((wake) => this.#aliasIdleWaiters.push(wake));
    try {
      await seedReplica((learnings) => worker.worker.postMessage({ op: 'alias-replay', learnings }));
      worker.aliasesSeeded = true;
    } catch (error) {
      // A part-seeded replica would count the seeded part twice on the next try: a fresh thread instead.
      void worker.worker.terminate();
      throw error;
    }
  }

  /** Learnings other processes recorded (already replayed into the main index): to every seeded thread. */
  replayAliases(learnings: AliasArticleLearning[]): void {
    if (learnings.length === 0) return;
    for (const w of this.#workers) if (w.aliasesSeeded) w.worker.postMessage({ op: 'alias-replay', learnings });
  }

  /**
   * True when every thread is busy with SPILL_TO_MAIN_AT_TASKS tasks or more and the main
   * thread was busy less than SPILL_MAX_MAIN_BUSY of the last second: the threads are the
   * crawl's bottleneck and the caller may do the next main-text extraction on its own thread
   * (on two cores the main thread, which fetches, decodes and stores, measured idle a third of
   * the time while the one extraction thread was busy all the time; docs/crawler.md).
   */
  saturated(): boolean {
    return shouldSpillToMain(this.#workers.map((w) => w.inFlight), this.#mainBusy(), SPILL_TO_MAIN_AT_TASKS, this.#spillMaxMainBusy);
  }

  /** The calling (main) thread's event-loop busy fraction over the last completed window. */
  #mainBusy(): number {
    const now = performance.now();
    if (now - this.#mainWindow.started >= MAIN_BUSY_WINDOW_MS) {
      const mark = performance.eventLoopUtilization();
      this.#mainWindow = { started: now, mark, busy: performance.eventLoopUtilization(mark, this.#mainWindow.mark).utilization };
    }
    return this.#mainWindow.busy;
  }

  extractArticle(html: string, url: string, options: ArticleExtractionOptions = {}): Promise<ExtractedArticle> {
    return this.#run({ op: 'article', html, url, bodySelector: options.bodySelector }, url);
  }

  extractEntities(text: string, options: { outlet?: string | null; title?: string | null }, url = 'article'): Promise<ExtractionResult> {
    return this.#run({ op: 'entities', text, outlet: options.outlet ?? null, title: options.title ?? null }, url);
  }

  /** V8 heap statistics of each thread (for benchmarks and diagnostics: where the memory is). */
  heapStatistics(): Promise<Array<{ usedHeapSize: number; totalHeapSize: number; externalMemory: number }>> {
    return Promise.all(
      this.#workers.map(async (w) => {
        const h = await w.worker.getHeapStatistics();
        return { usedHeapSize: h.used_heap_size, totalHeapSize: h.total_heap_size, externalMemory: h.external_memory };
      }),
    );
  }

  /**
   * Writes a V8 heap snapshot of each thread to `pathOf(i)` (for diagnostics: what is resident in
   * a thread; docs/crawler.md "Memory"). Resolves to the paths written.
   */
  async writeHeapSnapshots(pathOf: (thread: number) => string): Promise<string[]> {
    const paths: string[] = [];
    // One at a time, each written by its own thread (v8.writeHeapSnapshot there).
    // Threads are unref'd: held while writing, or a caller with nothing else pending would exit meanwhile.
    for (const [i, w] of this.#workers.entries()) {
      w.worker.ref();
      try {
        paths.push(await this.#run<string>({ op: 'heap-snapshot', path: pathOf(i) }, 'heap snapshot', w));
      } finally {
        w.worker.unref();
      }
    }
    return paths;
  }

  /**
   * Busy fraction of each thread's event loop since it started (0..1): near 1, the threads are
   * the bottleneck; well below, they wait for the main thread (for benchmarks and diagnostics).
   */
  eventLoopUtilization(): number[] {
    return this.#workers.map((w) => w.worker.performance.eventLoopUtilization().utilization);
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const [id, pending] of this.#pending) {
      this.#pending.delete(id);
      pending.reject(new Error('extraction pool closed'));
    }
    await Promise.all(this.#workers.map((w) => w.worker.terminate()));
    this.#workers.length = 0;
  }
}
