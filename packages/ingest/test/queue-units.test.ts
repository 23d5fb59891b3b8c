import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../src/http/fetch-error.ts';
import { InputError } from '@newsgraph/shared';
import { createRedisConnection } from '../src/queue/queue-crawler.ts';
import { HostBusyError, GatedFetcher } from '../src/queue/gated-fetcher.ts';
import { MemoryHostGate } from '../src/queue/memory-host-gate.ts';
import { MemoryJobQueue } from '../src/queue/memory-job-queue.ts';
import { RedisHostGate } from '../src/queue/redis-host-gate.ts';
import { classifyFailure, retryDelayMs, RetryableJobError } from '../src/queue/retry-policy.ts';
import { pageJobId } from '../src/queue/queue-names.ts';
import { DEFAULT_RETRY_OPTIONS, retrySpanMs } from '../src/queue/interfaces/retry-options.ts';
import type { Fetcher, FetchRequest, FetchResponse } from '../src/interfaces/fetcher.ts';
import { startTestRedis, type TestRedis } from './support/redis-server.ts';

const retry = { attempts: 3, baseDelayMs: 5, maxDelayMs: 40 };

describe('retry policy', () => {
  it('retries timeouts, network errors, 429 and 5xx; fails 4xx and bad input at once', () => {
    expect(classifyFailure(new FetchError('http://x/', 'timeout', 'timed out')).retryable).toBe(true);
    expect(classifyFailure(new FetchError('http://x/', 'http-status', 'HTTP 503', { status: 503 })).retryable).toBe(true);
    expect(classifyFailure(new FetchError('http://x/', 'http-status', 'HTTP 404', { status: 404 }))).toEqual({
      retryable: false,
      reason: 'http-status',
      retryAfterMs: null,
    });
    expect(classifyFailure(new InputError('http://x/', 'not a feed')).retryable).toBe(false);
    expect(classifyFailure(new Error('SQLITE_BUSY')).retryable).toBe(true);
  });

  it('backs off exponentially with jitter in the upper half under the cap, never shorter than Retry-After', () => {
    const err = new Error('boom');
    expect(retryDelayMs(1, err, retry, () => 0)).toBe(2); // half of 5, floored
    expect(retryDelayMs(1, err, retry, () => 0.999)).toBeLessThan(5);
    expect(retryDelayMs(3, err, retry, () => 0)).toBe(10);
    expect(retryDelayMs(3, err, retry, () => 0.999)).toBeGreaterThanOrEqual(19);
    expect(retryDelayMs(10, err, retry, () => 0.999)).toBeLessThan(40);
    expect(retryDelayMs(10, err, retry, () => 0)).toBe(20);
    const limited = new RetryableJobError(new FetchError('http://x/', 'http-status', 'HTTP 429', { status: 429, retryAfterMs: 30 }));
    expect(limited.message).toBe('[http-status] http://x/: HTTP 429');
    expect(retryDelayMs(1, limited, retry, () => 0)).toBe(30);
    // A Retry-After shorter than the backoff does not shorten it; one longer than the cap is capped.
    const short = new FetchError('http://x/', 'http-status', 'HTTP 503', { status: 503, retryAfterMs: 1 });
    expect(retryDelayMs(3, short, retry, () => 0)).toBe(10);
    const huge = new FetchError('http://x/', 'http-status', 'HTTP 503', { status: 503, retryAfterMs: 86_400_000 });
    expect(retryDelayMs(1, huge, retry, () => 0)).toBe(40);
  });

  it('the default schedule spans hours, not the 40-75 s of five quick tries', () => {
    // Before: 5 attempts of full-jitter 5 s · 2^n; the whole schedule could be over in under a minute.
    const span = retrySpanMs(DEFAULT_RETRY_OPTIONS);
    expect(span.minMs).toBeGreaterThanOrEqual(4 * 3_600_000);
    expect(span.maxMs).toBeLessThanOrEqual(12 * 3_600_000);
    let total = 0;
    for (let attempt = 1; attempt < DEFAULT_RETRY_OPTIONS.attempts; attempt++) total += retryDelayMs(attempt, new Error('down'), DEFAULT_RETRY_OPTIONS, () => 0);
    expect(total).toBeGreaterThanOrEqual(span.minMs - DEFAULT_RETRY_OPTIONS.attempts);
  });

  it('derives page job ids from the canonical URL, without ":" (BullMQ forbids it)', () => {
    expect(pageJobId('https://a.example/x')).toBe(pageJobId('https://a.example/x'));
    expect(pageJobId('https://a.example/x')).not.toBe(pageJobId('https://a.example/y'));
    expect(pageJobId('https://a.example/x')).not.toContain(':');
  });
});

describe('MemoryJobQueue', () => {
  it('de-duplicates job ids, retries retryable failures, fails unrecoverable ones at once', async () => {
    const calls = new Map<string, number>();
    const queue = new MemoryJobQueue<{ kind: string }>(
      'test',
      async (job) => {
        const n = (calls.get(job.id) ?? 0) + 1;
        calls.set(job.id, n);
        if (job.data.kind === 'flaky' && n < 3) throw new FetchError('http://x/flaky', 'network', 'reset');
        if (job.data.kind === 'bad') throw new FetchError('http://x/bad', 'http-status', 'HTTP 404', { status: 404 });
        if (job.data.kind === 'always') throw new FetchError('http://x/always', 'timeout', 'timed out');
      },
      { concurrency: 2, retry },
    );
    expect(queue.add('ok', { kind: 'ok' })).toBe(true);
    expect(queue.add('ok', { kind: 'ok' })).toBe(false);
    queue.add('flaky', { kind: 'flaky' });
    queue.add('bad', { kind: 'bad' });
    queue.add('always', { kind: 'always' });
    await queue.idle();
    expect(calls.get('ok')).toBe(1);
    expect(calls.get('flaky')).toBe(3);
    expect(calls.get('bad')).toBe(1);
    expect(calls.get('always')).toBe(3);
    expect(queue.add('ok', { kind: 'ok' })).toBe(false); // completed ids stay known
    const failed = queue.failed().map((j) => [j.id, j.attemptsMade, j.failedReason]);
    expect(failed).toEqual([
      ['bad', 1, '[http-status] http://x/bad: HTTP 404'],
      ['always', 3, '[timeout] http://x/always: timed out'],
    ]);
    expect(queue.counts()).toMatchObject({ completed: 2, failed: 2, waiting: 0, active: 0, delayed: 0 });
    expect(queue.retry('bad')).toBe(true);
    await queue.idle();
    expect(calls.get('bad')).toBe(2);
    await queue.close();
  });

  it('has() knows queued, completed and failed ids; forget() lets finished ones be added again, never running ones', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const queue = new MemoryJobQueue<{ kind: string }>(
      'test',
      async (job) => {
        if (job.data.kind === 'slow') await gate;
        if (job.data.kind === 'bad') throw new InputError('x', 'bad input');
      },
      { concurrency: 1, retry },
    );
    queue.add('slow', { kind: 'slow' });
    queue.add('done', { kind: 'ok' });
    queue.add('bad', { kind: 'bad' });
    expect(queue.has('slow') && queue.has('done') && queue.has('bad')).toBe(true);
    expect(queue.has('never')).toBe(false);
    expect(queue.forget('slow')).toBe(false); // running
    expect(queue.forget('done')).toBe(false); // waiting
    release();
    await queue.idle();
    expect(queue.add('done', { kind: 'ok' })).toBe(false);
    expect(queue.forget('done')).toBe(true); // completed
    expect(queue.forget('bad')).toBe(true); // failed
    expect(queue.failed()).toEqual([]);
    expect(queue.has('done') || queue.has('bad')).toBe(false);
    expect(queue.forget('never')).toBe(true);
    expect(queue.add('done', { kind: 'ok' })).toBe(true);
    await queue.idle();
    await queue.close();
  });

  it('puts a job back without using an attempt when its host is busy', async () => {
    let tries = 0;
    const queue = new MemoryJobQueue<null>(
      'busy',
      async () => {
        tries++;
        if (tries <= 5) throw new HostBusyError('a.example', 1);
      },
      { concurrency: 1, retry },
    );
    queue.add('j', null);
    await queue.idle();
    expect(tries).toBe(6);
    expect(queue.failed()).toEqual([]);
    await queue.close();
  });
});

class CountingFetcher implements Fetcher {
  inFlight = 0;
  maxInFlight = 0;
  async fetch(request: FetchRequest): Promise<FetchResponse> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((r) => setTimeout(r, 20));
    this.inFlight--;
    return {
      requestedUrl: request.url,
      url: request.url,
      status: 200,
      notModified: false,
      contentType: 'text/plain',
      charset: 'utf-8',
      body: 'ok',
      bytes: 2,
      etag: null,
      lastModified: null,
    };
  }
  async close(): Promise<void> {}
}

describe('per-host politeness', () => {
  it('MemoryHostGate: one slot, then a wait of the politeness delay', async () => {
    let now = 1000;
    const gate = new MemoryHostGate({ perHostConcurrency: 1, perHostDelayMs: 500, slotTtlMs: 10_000 }, () => now);
    const slot = await gate.tryAcquire('a.example', 'one');
    expect('release' in slot).toBe(true);
    expect(await gate.tryAcquire('a.example', 'two')).toEqual({ waitMs: 500 });
    expect('release' in (await gate.tryAcquire('b.example', 'one'))).toBe(true);
    if ('release' in slot) await slot.release();
    now += 200;
    expect(await gate.tryAcquire('a.example', 'two')).toEqual({ waitMs: 300 });
    now += 300;
    expect('release' in (await gate.tryAcquire('a.example', 'two'))).toBe(true);
  });

  it('MemoryHostGate: queued requests get consecutive turns, each woken once; Crawl-delay and pauses widen them', async () => {
    let now = 0;
    const gate = new MemoryHostGate({ perHostConcurrency: 4, perHostDelayMs: 100, slotTtlMs: 10_000 }, () => now);
    const waits: number[] = [];
    for (const token of ['a', 'b', 'c', 'd']) {
      const turn = await gate.tryAcquire('h.example', token);
      waits.push('waitMs' in turn ? turn.waitMs : 0);
      if ('started' in turn) await turn.started();
    }
    expect(waits).toEqual([0, 100, 200, 300]);
    now = 100;
    expect('release' in (await gate.tryAcquire('h.example', 'b'))).toBe(true);
    // Crawl-delay 1 s (robots): the next start is at least 1 s after the last one.
    const late = await gate.tryAcquire('h.example', 'e', { crawlDelayMs: 1_000 });
    expect(late).toEqual({ waitMs: 1_000 });
    // A Retry-After pause moves every turn behind it.
    await gate.pause('h.example', 5_000);
    now = 200;
    expect(await gate.tryAcquire('h.example', 'c')).toEqual({ waitMs: 4_900 });
    expect(await gate.pausedFor('h.example')).toBe(4_900);
  });

  it('MemoryHostGate: the gap counts from when a request reached the host, and nothing is granted before it did', async () => {
    let now = 0;
    const gate = new MemoryHostGate({ perHostConcurrency: 2, perHostDelayMs: 250, slotTtlMs: 10_000 }, () => now);
    const a = await gate.tryAcquire('h.example', 'a');
    if (!('started' in a)) throw new Error('a was not granted');
    // The worker holding a's turn was slow to send (a loaded machine): its request reached the
    // host at 150. Spacing the grants (0, 250) would put the two arrivals 100 ms apart.
    now = 150;
    await a.started();
    now = 250;
    expect(await gate.tryAcquire('h.example', 'b')).toEqual({ waitMs: 150 });
    now = 400;
    const b = await gate.tryAcquire('h.example', 'b');
    expect('started' in b).toBe(true);
    // While b has not reached the host, nobody else starts, whatever the delay says.
    now = 700;
    const c = await gate.tryAcquire('h.example', 'c');
    expect('waitMs' in c).toBe(true);
    now = 800;
    if ('release' in b) await b.release(); // release implies started: b failed or ended at 800
    now = 1_000;
    expect(await gate.tryAcquire('h.example', 'c')).toEqual({ waitMs: 50 });
    now = 1_050;
    expect('started' in (await gate.tryAcquire('h.example', 'c'))).toBe(true);
  });

  describe('RedisHostGate (shared by processes)', () => {
    let redis: TestRedis;
    beforeAll(async () => {
      redis = await startTestRedis();
    });
    afterAll(async () => {
      await redis?.stop();
    });

    it('limits concurrent fetches per host across gates and enforces the delay', async () => {
      const host = `h${Date.now()}.example`;
      const a = createRedisConnection(redis.url);
      const b = createRedisConnection(redis.url);
      try {
        const options = { perHostConcurrency: 2, perHostDelayMs: 0, slotTtlMs: 5_000 };
        const gateA = new RedisHostGate(a, options);
        const gateB = new RedisHostGate(b, options);
        const s1 = await gateA.tryAcquire(host, 'one');
        if ('started' in s1) await s1.started();
        const s2 = await gateB.tryAcquire(host, 'two');
        if ('started' in s2) await s2.started();
        const s3 = await gateA.tryAcquire(host, 'three');
        expect('release' in s1 && 'release' in s2).toBe(true);
        expect('waitMs' in s3).toBe(true);
        if ('release' in s1) await s1.release();
        expect('release' in (await gateB.tryAcquire(host, 'three'))).toBe(true);

        const spaced = `s${Date.now()}.example`;
        const slow = { perHostConcurrency: 2, perHostDelayMs: 150, slotTtlMs: 5_000 };
        const first = await new RedisHostGate(a, slow).tryAcquire(spaced, 'one');
        expect('release' in first).toBe(true);
        // Until first reaches the host, nothing else is granted, even after the delay.
        await new Promise((r) => setTimeout(r, 200));
        const blocked = await new RedisHostGate(b, slow).tryAcquire(spaced, 'two');
        expect('waitMs' in blocked).toBe(true);
        // Once it did, the delay counts from then (Redis's clock), not from its grant 200 ms ago.
        if ('started' in first) await first.started();
        const second = await new RedisHostGate(b, slow).tryAcquire(spaced, 'two');
        expect('waitMs' in second && second.waitMs > 100 && second.waitMs <= 150).toBe(true);
        await new RedisHostGate(b, slow).pause(spaced, 2_000);
        expect(await new RedisHostGate(a, slow).pausedFor(spaced)).toBeGreaterThan(1_500);
        const paused = await new RedisHostGate(b, slow).tryAcquire(spaced, 'two');
        expect('waitMs' in paused && paused.waitMs > 1_500).toBe(true);

        // Through GatedFetcher: a busy host raises HostBusyError instead of waiting.
        const inner = new CountingFetcher();
        const fetcher = new GatedFetcher(inner, new RedisHostGate(a, { ...options, perHostConcurrency: 1 }));
        const other = `o${Date.now()}.example`;
        const results = await Promise.allSettled([1, 2, 3].map((i) => fetcher.fetch({ url: `http://${other}/${i}`, kind: 'page' })));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof HostBusyError)).toHaveLength(2);
        expect(inner.maxInFlight).toBe(1);
      } finally {
        a.disconnect();
        b.disconnect();
      }
    });
  });
});
