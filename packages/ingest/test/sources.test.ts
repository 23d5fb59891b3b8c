import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '@newsgraph/shared';
import { addSource, addSources, loadSources, parseSources, removeSource, saveSources, SourcesFileError } from '../src/sources/sources-file.ts';
import { formatDurationMinutes, parseDurationMinutes, sourceIdFor, sourceIntervalMs } from '../src/sources/source-definition.ts';
import { importOpml } from '../src/sources/import-opml.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = (content?: string) => {
  const path = join(dir, `sources-${++n}.yaml`);
  if (content !== undefined) writeFileSync(path, content);
  return path;
};

const sample = `# Feeds for the sanctions desk
sources:
  # BBC world news, every quarter hour
  - id: bbc-world
    url: https://feeds.bbci.co.uk/news/world/rss.xml
    interval: 15m
    tags: [world, uk]

  - url: https://www.example.com/sitemap-news.xml   # id derived from the URL
    kind: sitemap
    intervalMinutes: 60
    selectors:
      body: "div.article-body"
    enabled: false
`;

describe('durations and ids', () => {
  it.each([
    ['15m', 15],
    ['1h', 60],
    ['1h30m', 90],
    ['90s', 1.5],
    ['2d', 2880],
    ['45', 45],
    [30, 30],
  ] as const)('%s is %d minutes', (text, minutes) => {
    expect(parseDurationMinutes(text)).toBe(minutes);
  });

  it.each(['5x', '', 'm', '1h 2q', '-5m', 0])('%j is not a duration', (text) => {
    expect(parseDurationMinutes(text)).toBeNull();
  });

  it('formats minutes back', () => {
    expect([15, 60, 90, 1440, 1.5].map(formatDurationMinutes)).toEqual(['15m', '1h', '1h30m', '1d', '90s']);
    expect(sourceIntervalMs({ intervalMinutes: 15 })).toBe(900_000);
  });

  it('derives stable, readable ids from URLs', () => {
    expect(sourceIdFor('https://feeds.bbci.co.uk/news/world/rss.xml')).toBe('feeds-bbci-co-uk-news-world-rss-xml');
    expect(sourceIdFor('https://WWW.Example.com/feed/?utm_source=x')).toBe('example-com-feed');
    expect(sourceIdFor('https://example.com/rss?section=world')).toMatch(/^example-com-rss-[0-9a-f]{6}$/);
    expect(sourceIdFor('https://example.com/rss?section=world')).not.toBe(sourceIdFor('https://example.com/rss?section=business'));
    expect(sourceIdFor(`https://example.com/${'very-long-segment/'.repeat(10)}`).length).toBeLessThanOrEqual(60);
  });
});

describe('loadSources', () => {
  it('reads ids, kinds, intervals, selectors, tags and enabled, with defaults', async () => {
    const sources = await loadSources(fresh(sample));
    expect(sources).toEqual([
      { id: 'bbc-world', url: 'https://feeds.bbci.co.uk/news/world/rss.xml', kind: 'feed', intervalMinutes: 15, selectors: {}, tags: ['world', 'uk'], enabled: true },
      {
        id: 'example-com-sitemap-news-xml',
        url: 'https://www.example.com/sitemap-news.xml',
        kind: 'sitemap',
        intervalMinutes: 60,
        selectors: { body: 'div.article-body' },
        tags: [],
        enabled: false,
      },
    ]);
  });

  it('accepts a bare list and treats a missing or empty file as no sources', async () => {
    expect(await loadSources(fresh('- url: https://a.example/feed\n'))).toHaveLength(1);
    expect(await loadSources(join(dir, 'does-not-exist.yaml'))).toEqual([]);
    expect(await loadSources(fresh(''))).toEqual([]);
    expect(await loadSources(fresh('sources:\n'))).toEqual([]);
  });

  it('reports every problem with file, line and source', () => {
    const bad = `sources:
  - id: bbc-world
    url: https://feeds.bbci.co.uk/news/world/rss.xml
    interval: 5x
  - url: ftp://files.example/feed
  - id: two
    url: https://b.example/feed
    kind: podcast
    colour: blue
  - id: bbc-world
    url: https://c.example/feed
  - url: https://B.example/feed#x
`;
    let error: SourcesFileError | undefined;
    try {
      parseSources(bad, 'sources.yaml');
    } catch (e) {
      error = e as SourcesFileError;
    }
    expect(error).toBeInstanceOf(SourcesFileError);
    expect(error).toBeInstanceOf(InputError);
    expect(error!.problems).toEqual([
      'sources.yaml:4: source "bbc-world": interval "5x" is not a duration (e.g. "15m", "1h", "1h30m", "2d")',
      'sources.yaml:5: source "ftp://files.example/feed": url "ftp://files.example/feed" is not http or https',
      'sources.yaml:9: source "two": unknown setting "colour" (known: id, url, kind, interval, intervalMinutes, selectors, tags, enabled, name, title)',
      'sources.yaml:8: source "two": kind "podcast" must be "feed" or "sitemap"',
      'sources.yaml:10: source "bbc-world": duplicate id "bbc-world" (first used on line 2)',
      'sources.yaml:12: source "https://B.example/feed#x": duplicate url https://B.example/feed#x (first listed on line 6)',
    ]);
    expect(error!.message.split('\n')[0]).toBe(error!.problems[0]);
    expect(error!.input).toBe('sources.yaml:4');
  });

  it('reports YAML syntax errors with a line', () => {
    expect(() => parseSources('sources:\n  - url: [unclosed\n', 'bad.yaml')).toThrow(/^bad\.yaml:\d+: YAML error/);
    expect(() => parseSources('sources: 42\n', 's.yaml')).toThrow('s.yaml:1: "sources" must be a list of sources');
  });
});

describe('saving, adding and removing', () => {
  it('adds a source, keeps comments, and writes atomically', async () => {
    const path = fresh(sample);
    const added = await addSource(path, { url: 'https://news.example.org/rss', interval: '30m', tags: ['sanctions'], selectors: { body: 'article' } });
    expect(added).toMatchObject({ id: 'news-example-org-rss', intervalMinutes: 30, tags: ['sanctions'] });
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('# Feeds for the sanctions desk');
    expect(text).toContain('# BBC world news, every quarter hour');
    expect(text).toContain('# id derived from the URL');
    expect(text).toContain('intervalMinutes: 60');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const sources = await loadSources(path);
    expect(sources.map((s) => s.id)).toEqual(['bbc-world', 'example-com-sitemap-news-xml', 'news-example-org-rss']);
    expect(sources[2]).toMatchObject({ selectors: { body: 'article' }, kind: 'feed' });
  });

  it('refuses duplicates and invalid input with a clear error', async () => {
    const path = fresh(sample);
    await expect(addSource(path, { url: 'https://feeds.bbci.co.uk/news/world/rss.xml?utm_source=x' })).rejects.toThrow(/already present as "bbc-world"/);
    await expect(addSource(path, { url: 'https://x.example/feed', id: 'bbc-world' })).rejects.toThrow(/id "bbc-world" is already used/);
    await expect(addSource(path, { url: 'https://x.example/feed', interval: '5x' })).rejects.toThrow('https://x.example/feed: interval "5x" is not a duration');
    await expect(addSource(path, { url: 'javascript:alert(1)' })).rejects.toThrow(/not http or https/);
    expect(readFileSync(path, 'utf8')).toBe(sample);
  });

  it('creates the file when missing and removes by id or URL', async () => {
    const path = join(dir, 'new', 'sources.yaml');
    await addSource(path, { url: 'https://a.example/feed' });
    await addSource(path, { url: 'https://b.example/sitemap.xml', kind: 'sitemap' });
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toMatch(/^# newsgraph sources/);
    expect((await removeSource(path, 'a-example-feed')).url).toBe('https://a.example/feed');
    expect((await removeSource(path, 'https://B.example/sitemap.xml')).id).toBe('b-example-sitemap-xml');
    expect(await loadSources(path)).toEqual([]);
    await expect(removeSource(path, 'nope')).rejects.toThrow(`nope: no source with this id or URL in ${path}`);
  });

  it('rewrites only changed fields of existing entries', async () => {
    const path = fresh(sample);
    const sources = await loadSources(path);
    sources[0] = { ...sources[0]!, intervalMinutes: 60, enabled: false };
    await saveSources(path, sources);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('interval: 1h');
    expect(text).toContain('# BBC world news, every quarter hour');
    expect((await loadSources(path))[0]).toMatchObject({ intervalMinutes: 60, enabled: false });
  });

  it('adds to a bare-list file and to an empty "sources:" key, keeping their shape', async () => {
    const bare = fresh('# my feeds\n- url: https://a.example/feed  # first\n');
    await addSource(bare, { url: 'https://b.example/feed' });
    const bareText = readFileSync(bare, 'utf8');
    expect(bareText).toMatch(/^# my feeds\n- url: https:\/\/a\.example\/feed # first\n- id: b-example-feed/);
    expect((await loadSources(bare)).map((x) => x.id)).toEqual(['a-example-feed', 'b-example-feed']);
    const empty = fresh('sources:\n');
    await addSource(empty, { url: 'https://c.example/feed' });
    expect((await loadSources(empty)).map((x) => x.url)).toEqual(['https://c.example/feed']);
  });

  it('refuses to save over a broken file', async () => {
    const path = fresh('sources:\n  - url: https://a.example/feed\n    interval: 5x\n');
    await expect(addSource(path, { url: 'https://b.example/feed' })).rejects.toThrow(/:3: source "https:\/\/a\.example\/feed": interval "5x"/);
    expect(readFileSync(path, 'utf8')).toContain('interval: 5x');
  });

  it('gives colliding derived ids a suffix', async () => {
    const path = fresh();
    const result = await addSources(path, [{ url: 'https://a.example/rss?x=1' }, { url: 'https://a.example/rss?x=2' }, { url: 'https://a.example/rss?x=1' }]);
    expect(result.added).toHaveLength(2);
    expect(new Set(result.added.map((s) => s.id)).size).toBe(2);
    expect(result.skipped).toEqual([{ url: 'https://a.example/rss?x=1', reason: expect.stringMatching(/already present/) }]);
  });
});

describe('importOpml', () => {
  const opml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE opml [<!ENTITY boom "boom">]>
<opml version="2.0">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="World News" title="World News">
      <outline type="rss" text="BBC World" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml" htmlUrl="https://www.bbc.co.uk/news/world"/>
      <outline text="Trade">
        <outline type="rss" text="Export controls" xmlURL="https://trade.example/feed" category="/Sanctions,Policy"/>
      </outline>
    </outline>
    <outline type="rss" text="Bad scheme" xmlUrl="file:///etc/passwd"/>
    <outline type="rss" text="Garbage" xmlUrl="::not a url"/>
    <outline type="rss" text="Twice" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/>
    <outline text="folder without feeds"/>
  </body>
</opml>`;

  it('reads nested outlines with folder tags and reports unusable ones', () => {
    const result = importOpml(opml, 'subs.opml');
    expect(result.sources).toEqual([
      { url: 'https://feeds.bbci.co.uk/news/world/rss.xml', kind: 'feed', tags: ['world-news'] },
      { url: 'https://trade.example/feed', kind: 'feed', tags: ['world-news', 'trade', 'sanctions', 'policy'] },
    ]);
    expect(result.skipped.map((s) => s.outline)).toEqual(['Bad scheme', 'Garbage', 'Twice']);
  });

  it('rejects non-OPML input naming the file', () => {
    expect(() => importOpml('<rss></rss>', 'x.opml')).toThrow('x.opml: not OPML: root element is <rss>, expected <opml>');
    expect(() => importOpml('', 'x.opml')).toThrow('x.opml: empty file');
    expect(() => importOpml('{"a":1}', 'x.opml')).toThrow('x.opml: not OPML: not XML');
  });

  const shared = resolve(import.meta.dirname, '../../../../shared/feeds/rsparser-netnewswire/Subs.opml');
  it.skipIf(!existsSync(shared))('imports a real OPML export (../shared)', () => {
    const result = importOpml(readFileSync(shared, 'utf8'), shared);
    expect(result.sources.length).toBeGreaterThan(5);
    for (const s of result.sources) expect(s.url).toMatch(/^https?:\/\//);
  });
  if (!existsSync(shared)) console.warn(`SKIPPED real OPML import: ${shared} is absent`);
});
