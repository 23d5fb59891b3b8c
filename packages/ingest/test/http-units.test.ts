import { describe, expect, it } from 'vitest';
import { blockedAddressReason, blockedHostnameReason, embeddedIpv4 } from '../src/http/address-policy.ts';
import { parseRetryAfter } from '../src/http/retry-after.ts';
import { backoffDelay, retryDelay } from '../src/http/backoff.ts';
import { HostLimiter } from '../src/http/host-limiter.ts';
import { RobotsCache, type RobotsLoadResult } from '../src/http/robots-cache.ts';
import { charsetFromContentType, decodeBody, normalizeCharset } from '../src/http/charset.ts';
import { createGuardedLookup, findBlockedAddressError } from '../src/http/guarded-lookup.ts';
import type { LookupAddress } from 'node:dns';

describe('blockedAddressReason', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['127.255.0.9', /loopback/],
    ['10.20.30.40', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /metadata/],
    ['169.254.1.1', /link-local/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['0.0.0.0', /unspecified/],
    ['224.0.0.251', /multicast/],
    ['255.255.255.255', /reserved/],
    ['::1', /loopback/],
    ['::', /unspecified/],
    ['fc00::1', /unique local/],
    ['fd12:3456::1', /unique local/],
    ['fd00:ec2::254', /metadata/],
    ['fe80::1%eth0', /link-local/],
    ['ff02::1', /multicast/],
    ['::ffff:127.0.0.1', /loopback address \(IPv4 embedded/],
    ['::ffff:7f00:1', /loopback/],
    ['::ffff:169.254.169.254', /metadata/],
    ['64:ff9b::10.0.0.1', /private/],
  ])('%s is refused (%s)', (ip, reason) => {
    expect(blockedAddressReason(ip)).toMatch(reason);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '151.101.1.69'])('%s is public', (ip) => {
    expect(blockedAddressReason(ip)).toBeNull();
  });

  it('recognises embedded IPv4 and blocked host names', () => {
    expect(embeddedIpv4('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(embeddedIpv4('2001:db8::1')).toBeNull();
    expect(blockedHostnameReason('metadata.google.internal.')).toMatch(/metadata/);
    expect(blockedHostnameReason('LOCALHOST')).toMatch(/loopback/);
    expect(blockedHostnameReason('app.localhost')).toMatch(/loopback/);
    expect(blockedHostnameReason('news.example.com')).toBeNull();
  });
});

describe('guarded lookup', () => {
  const lookup = (addresses: LookupAddress[], all: boolean) =>
    new Promise<{ error: Error | null; result: unknown }>((resolve) => {
      const fn = createGuardedLookup(async () => addresses, blockedAddressReason);
      fn('host.test', { all } as never, (error, address) => resolve({ error, result: address }));
    });

  it('drops refused addresses and fails when none is left', async () => {
    const mixed = await lookup([{ address: '10.0.0.1', family: 4 }, { address: '93.184.216.34', family: 4 }], true);
    expect(mixed.error).toBeNull();
    expect(mixed.result).toEqual([{ address: '93.184.216.34', family: 4 }]);
    const single = await lookup([{ address: '93.184.216.34', family: 4 }], false);
    expect(single.result).toBe('93.184.216.34');
    const blocked = await lookup([{ address: '169.254.169.254', family: 4 }], false);
    expect(findBlockedAddressError(blocked.error)?.message).toMatch(/host\.test resolves to 169\.254\.169\.254: cloud metadata/);
    expect(findBlockedAddressError(new Error('outer', { cause: blocked.error }))).not.toBeNull();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });
});

describe('backoffDelay (full jitter)', () => {
  it('is uniform in [0, min(cap, base·2^attempt))', () => {
    expect(backoffDelay(0, 1000, 60_000, () => 0.999)).toBe(999);
    expect(backoffDelay(3, 1000, 60_000, () => 0.5)).toBe(4000);
    expect(backoffDelay(20, 1000, 60_000, () => 0.5)).toBe(30_000);
    expect(backoffDelay(2000, 1000, 60_000, () => 0.999)).toBe(59_940);
    expect(backoffDelay(5, 1000, 60_000, () => 0)).toBe(0);
    expect(backoffDelay(-1, 1000, 60_000, () => 0.5)).toBe(500);
    const samples = Array.from({ length: 2000 }, () => backoffDelay(4, 100, 10_000));
    expect(Math.max(...samples)).toBeLessThan(1600);
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(new Set(samples).size).toBeGreaterThan(100);
  });

  it('prefers the server Retry-After, bounded by the cap', () => {
    expect(retryDelay(0, 5000, 1000, 60_000, () => 0)).toBe(5000);
    expect(retryDelay(0, 3_600_000, 1000, 60_000)).toBe(60_000);
    expect(retryDelay(2, null, 1000, 60_000, () => 0.5)).toBe(2000);
  });
});

describe('HostLimiter', () => {
  function fakeClock() {
    let now = 0;
    const sleeps: number[] = [];
    return {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
      sleeps,
      advance: (ms: number) => (now += ms),
    };
  }

  it('spaces starts by the delay, or the crawl delay when larger', async () => {
    const clock = fakeClock();
    const limiter = new HostLimiter({ concurrency: 4, delayMs: 100, now: clock.now, sleep: clock.sleep });
    (await limiter.acquire('a'))();
    (await limiter.acquire('a'))();
    expect(clock.now()).toBe(100);
    (await limiter.acquire('b'))();
    expect(clock.now()).toBe(100);
    limiter.setCrawlDelay('a', 5000);
    (await limiter.acquire('a'))();
    (await limiter.acquire('a'))();
    expect(clock.now()).toBe(5200);
  });

  it('holds requests while paused (Retry-After) and caps the pause', async () => {
    const clock = fakeClock();
    const limiter = new HostLimiter({ concurrency: 1, delayMs: 0, now: clock.now, sleep: clock.sleep, maxPauseMs: 10_000 });
    limiter.pause('h', 2000);
    expect(limiter.pausedFor('h')).toBe(2000);
    (await limiter.acquire('h'))();
    expect(clock.now()).toBe(2000);
    limiter.pause('h', 10 * 24 * 3600_000);
    expect(limiter.pausedFor('h')).toBe(10_000);
  });

  it('limits concurrency per host and releases idempotently', async () => {
    const limiter = new HostLimiter({ concurrency: 2, delayMs: 0 });
    const r1 = await limiter.acquire('h');
    const r2 = await limiter.acquire('h');
    let third = false;
    const pending = limiter.acquire('h').then((release) => {
      third = true;
      return release;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBe(false);
    r1();
    r1();
    const r3 = await pending;
    expect(third).toBe(true);
    r2();
    r3();
    expect(limiter.size).toBe(0);
  });
});

describe('RobotsCache', () => {
  const ua = 'newsgraph/0.1 (+https://example.org)';
  it('caches per origin with a TTL and distinguishes 4xx, 5xx and rules', async () => {
    let now = 0;
    const cache = new RobotsCache({ userAgent: ua, ttlMs: 1000, errorTtlMs: 100, now: () => now });
    const loads: string[] = [];
    const responses: Record<string, RobotsLoadResult> = {
      'https://a.example/robots.txt': { status: 200, body: 'User-agent: newsgraph\nDisallow: /private\nCrawl-delay: 2\n\nUser-agent: *\nDisallow: /\n' },
      'https://b.example/robots.txt': { status: 404, body: '' },
      'https://c.example/robots.txt': { status: 503, body: '' },
      'https://d.example/robots.txt': { unreachable: 'ECONNREFUSED' },
    };
    const load = async (url: string) => {
      loads.push(url);
      return responses[url]!;
    };
    expect(await cache.check('https://a.example/news/1', load)).toEqual({ allowed: true, crawlDelayMs: 2000, temporary: false, reason: null, retryInMs: null });
    const refused = await cache.check('https://a.example/private/x', load);
    expect(refused).toMatchObject({ allowed: false, temporary: false });
    expect(refused.reason).toMatch(/disallowed by https:\/\/a\.example\/robots\.txt line 2/);
    expect((await cache.check('https://b.example/anything', load)).allowed).toBe(true);
    expect(await cache.check('https://c.example/x', load)).toMatchObject({ allowed: false, temporary: true });
    expect(await cache.check('https://d.example/x', load)).toMatchObject({ allowed: false, temporary: true });
    expect(loads).toHaveLength(4);
    now = 500; // error entries expire first
    await cache.check('https://a.example/y', load);
    await cache.check('https://c.example/y', load);
    expect(loads).toHaveLength(5);
    now = 2000;
    await cache.check('https://a.example/y', load);
    expect(loads).toHaveLength(6);
  });

  it('retries an unreachable robots.txt on its own short schedule and tells the page when', async () => {
    // Before: one 503 was cached for 10 minutes, longer than every page retry together.
    let now = 0;
    const cache = new RobotsCache({ userAgent: ua, errorRetryMs: 30_000, errorTtlMs: 600_000, now: () => now });
    const answers: RobotsLoadResult[] = [{ status: 503, body: '' }, { unreachable: 'ECONNRESET' }, { status: 200, body: 'User-agent: *\nDisallow:\n' }];
    let loads = 0;
    const load = async () => answers[Math.min(loads++, answers.length - 1)]!;
    const first = await cache.check('https://r.example/a', load);
    expect(first).toMatchObject({ allowed: false, temporary: true, retryInMs: 30_000 });
    now = 10_000;
    expect((await cache.check('https://r.example/a', load)).retryInMs).toBe(20_000);
    expect(loads).toBe(1);
    now = 30_000; // due: tried again, fails again, waits twice as long
    expect(await cache.check('https://r.example/a', load)).toMatchObject({ allowed: false, retryInMs: 60_000 });
    now = 90_000;
    expect(await cache.check('https://r.example/a', load)).toMatchObject({ allowed: true, temporary: false });
    expect(loads).toBe(3);
  });

  it('loads robots.txt once for concurrent checks', async () => {
    const cache = new RobotsCache({ userAgent: ua });
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 20));
      return { status: 200, body: '' };
    };
    await Promise.all(Array.from({ length: 5 }, () => cache.check('http://x.example/a', load)));
    expect(loads).toBe(1);
  });
});

describe('charset helpers', () => {
  it('normalises labels the way browsers do', () => {
    expect(normalizeCharset('ISO-8859-1')).toBe('windows-1252');
    expect(normalizeCharset('"UTF8"')).toBe('utf-8');
    expect(normalizeCharset('GB2312')).toBe('gb18030');
    expect(normalizeCharset('Shift-JIS')).toBe('shift_jis');
    expect(normalizeCharset('x-bogus')).toBeNull();
    expect(charsetFromContentType('text/html; Charset="windows-1251"')).toBe('windows-1251');
    expect(charsetFromContentType('text/html')).toBeNull();
  });

  it('falls back to windows-1252 for undecidable non-UTF-8 bytes and to UTF-8 otherwise', () => {
    expect(decodeBody(Buffer.from('plain ascii'))).toMatchObject({ charset: 'utf-8', source: 'default' });
    const bogus = decodeBody(Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x3c]), 'text/html; charset=bogus');
    expect(bogus.text).not.toContain('\ufffd');
  });
});
