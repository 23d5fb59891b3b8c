import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseFeed, MAX_FEED_DEPTH } from '../src/feeds/parse-feed.ts';
import { parseSitemap } from '../src/feeds/parse-sitemap.ts';
import { decodeFeedBytes } from '../src/feeds/feed-file.ts';
import { FeedParseError } from '../src/feeds/feed-parse-error.ts';
import { sanitizeXml } from '../src/feeds/xml-sanitize.ts';
import { plainText, stripMarkup, toIsoDate } from '../src/feeds/feed-values.ts';
import { InputError } from '@newsgraph/shared';

const FEED_URL = 'https://news.example.com/world/rss.xml';

async function parseError(body: string, url = FEED_URL): Promise<FeedParseError> {
  try {
    await parseFeed(body, url);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    expect(error).toBeInstanceOf(InputError);
    return error as FeedParseError;
  }
  throw new Error('expected parseFeed to fail');
}

const rss2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>World &amp; Business</title>
  <link>https://news.example.com/</link>
  <item>
    <title>Firm fined for export violations</title>
    <link>/world/2026/11/firm-fined?utm_source=rss</link>
    <guid isPermaLink="false">abc-1</guid>
    <pubDate>Sat, 21 Nov 2026 09:30:00 +0000</pubDate>
    <description><![CDATA[<p>The <b>Commerce Department</b> fined&nbsp;a firm.</p>]]></description>
    <dc:creator>Jane Reporter</dc:creator>
  </item>
  <item>
    <title>Guid permalink</title>
    <guid>https://news.example.com/world/guid-only</guid>
    <pubDate>Fri, 20 Nov 2026 18:00:00 EST</pubDate>
  </item>
  <item><title>No link at all</title><description>dropped</description></item>
  <item><title>Script link</title><link>javascript:alert(1)</link></item>
</channel>
</rss>`;

describe('parseFeed: RSS, Atom, RDF, JSON Feed', () => {
  it('parses RSS 2.0, resolves relative links and counts skipped items', async () => {
    const feed = await parseFeed(rss2, FEED_URL);
    expect(feed).toMatchObject({ kind: 'rss', title: 'World & Business', skippedItems: 2 });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toEqual({
      url: 'https://news.example.com/world/2026/11/firm-fined?utm_source=rss',
      title: 'Firm fined for export violations',
      publishedAt: '2026-11-21T09:30:00.000Z',
      guid: 'abc-1',
      summary: 'The Commerce Department fined a firm.',
      author: 'Jane Reporter',
    });
    expect(feed.items[1]).toMatchObject({ url: 'https://news.example.com/world/guid-only', publishedAt: '2026-11-20T23:00:00.000Z' });
  });

  it('parses Atom with xml:base and alternate links', async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/posts/">
  <title type="text">Example Atom</title>
  <entry>
    <title>First post</title>
    <link rel="alternate" href="first.html"/>
    <id>tag:example.org,2026:1</id>
    <published>2026-11-01T12:00:00+01:00</published>
    <author><name>Ann Author</name></author>
    <summary>Summary &lt;em&gt;one&lt;/em&gt;</summary>
  </entry>
</feed>`;
    const feed = await parseFeed(atom, '/tmp/saved.atom');
    expect(feed.kind).toBe('atom');
    expect(feed.title).toBe('Example Atom');
    expect(feed.items[0]).toMatchObject({
      url: 'https://blog.example.org/posts/first.html',
      title: 'First post',
      publishedAt: '2026-11-01T11:00:00.000Z',
      guid: 'tag:example.org,2026:1',
      author: 'Ann Author',
      summary: 'Summary one',
    });
  });

  it('parses RSS 1.0 (RDF) and RSS without a version or channel', async () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://a.example/"><title>RDF feed</title><link>https://a.example/</link></channel>
  <item rdf:about="https://a.example/1"><title>One</title><link>https://a.example/1</link><dc:date>2026-10-10T10:00:00Z</dc:date></item>
</rdf:RDF>`;
    const feed = await parseFeed(rdf, 'https://a.example/rdf');
    expect(feed).toMatchObject({ kind: 'rdf', title: 'RDF feed' });
    expect(feed.items[0]).toMatchObject({ url: 'https://a.example/1', publishedAt: '2026-10-10T10:00:00.000Z' });
    const bare = await parseFeed('<rss><item><title>x</title><link>https://b.example/x</link></item></rss>', 'https://b.example/feed');
    expect(bare.items.map((i) => i.url)).toEqual(['https://b.example/x']);
  });

  it('parses JSON Feed 1.1 and validates it', async () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'JSON news',
      home_page_url: 'https://j.example/',
      items: [
        { id: '1', url: '/a', title: 'A', content_html: '<p>Alpha</p>', date_published: '2026-11-20T10:00:00Z', authors: [{ name: 'Al' }] },
        { id: '2', external_url: 'https://other.example/b', summary: 'Beta' },
        { id: '3', title: 'no url' },
        'junk',
      ],
    });
    const feed = await parseFeed(json, 'https://j.example/feed.json');
    expect(feed).toMatchObject({ kind: 'json', title: 'JSON news', skippedItems: 2 });
    expect(feed.items[0]).toEqual({ url: 'https://j.example/a', title: 'A', publishedAt: '2026-11-20T10:00:00.000Z', guid: '1', summary: 'Alpha', author: 'Al' });
    expect(feed.items[1]!.url).toBe('https://other.example/b');
    expect((await parseError('{"title": "x", "items": []}')).reason).toMatch(/JSON Feed "version"/);
    expect((await parseError('{"version": "https://jsonfeed.org/version/1", "items": ')).reason).toMatch(/^JSON error/);
  });

  it('accepts HTML entities and bare ampersands that real feeds contain', async () => {
    const feed = await parseFeed(
      '<rss version="2.0"><channel><title>Caf&eacute; &amp; Bar &copy; R&D</title><item><title>Na&iuml;ve &bogus; &#8220;q&#8221;</title><link>https://x.example/?a=1&b=2</link></item></channel></rss>',
      FEED_URL,
    );
    expect(feed.title).toBe('Café & Bar © R&D');
    expect(feed.items[0]!.title).toBe('Naïve &bogus; “q”');
    expect(feed.items[0]!.url).toBe('https://x.example/?a=1&b=2');
  });
});

describe('parseFeed: errors and hostile input', () => {
  it('names the feed and the reason', async () => {
    expect((await parseError('')).message).toBe(`${FEED_URL}: empty body`);
    expect((await parseError('   \n ')).reason).toBe('empty body');
    expect((await parseError('<!DOCTYPE html><html><body>hi</body></html>')).reason).toBe('not a feed: looks like HTML');
    expect((await parseError('<html><head></head></html>', 'feeds/x.xml')).message).toBe('feeds/x.xml: not a feed: looks like HTML');
    expect((await parseError('hello world')).reason).toMatch(/^not a feed/);
    expect((await parseError('<urlset><url><loc>https://a/</loc></url></urlset>')).reason).toMatch(/sitemap/);
  });

  it('reports XML errors with a line number', async () => {
    const broken = '<rss version="2.0">\n<channel>\n<title>x</title>\n<item><title>a</titl></item>\n</channel>\n</rss>';
    const error = await parseError(broken);
    expect(error.reason).toMatch(/^XML error at line 4\b/);
  });

  // Linear-time guards: a quadratic or exponential parse of these inputs runs for minutes, so the
  // generous per-test timeout catches it; speed itself is measured by benchmarks, not asserted here.
  it('never expands DTD entities (billion laughs, external entities)', { timeout: 30_000 }, async () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&xxe;</title><link>https://x.example/1</link></item></channel></rss>`;
    const feed = await parseFeed(lol, FEED_URL);
    expect(feed.title).toBe('&lol9;');
    expect(feed.items[0]!.title).toBe('&xxe;');
    expect(sanitizeXml(lol)).not.toContain('ENTITY');
  });

  it('refuses absurdly deep nesting', { timeout: 30_000 }, async () => {
    const depth = MAX_FEED_DEPTH + 50;
    const deep = `<rss version="2.0"><channel><item>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</item></channel></rss>`;
    expect((await parseError(deep)).reason).toMatch(/nested deeper/);
    const million = `<rss>${'<a>'.repeat(1_000_000)}`;
    expect((await parseError(million)).reason).toMatch(/nested deeper/);
  });

  it('stays linear on many closing tags in a channel-less feed', { timeout: 30_000 }, async () => {
    const hostile = `<rss>${'</rss>'.repeat(200_000)}`;
    await expect(parseFeed(hostile, FEED_URL)).rejects.toBeInstanceOf(FeedParseError);
  });

  it('stays linear on unclosed CDATA and comment openers', { timeout: 30_000 }, async () => {
    const hostile = `<rss version="2.0"><channel><title>x</title>${'<![CDATA[ <!-- '.repeat(100_000)}</channel></rss>`;
    await expect(parseFeed(hostile, FEED_URL)).rejects.toBeInstanceOf(FeedParseError);
  });
});

describe('feed text helpers', () => {
  it('strips markup, keeps CDATA text and lone angle brackets, drops scripts', () => {
    expect(plainText('<p>A &amp; B</p><script>alert(1)</script><style>p{}</style> x < y <![CDATA[ kept ]]>')).toBe('A & B x < y kept');
    expect(stripMarkup('a <b>bold</b> c')).toBe('a  bold  c');
    expect(plainText('x'.repeat(50), 10)).toBe('xxxxxxxxx…');
  });

  // A super-linear strip of these runs for minutes; the per-test timeout catches that.
  it('is linear on hostile markup', { timeout: 30_000 }, () => {
    expect(plainText('<'.repeat(200_000))).toBe('<'.repeat(200_000));
    expect(plainText('<script '.repeat(50_000))).toBeNull();
    expect(plainText('<![CDATA['.repeat(50_000))).toMatch(/^(<!\[CDATA\[)+$/);
    expect(plainText('<a'.repeat(100_000) + '>')).toMatch(/^(<a)+$/);
  });

  it('reads RFC 822 dates with named zones', () => {
    expect(toIsoDate('Sat, 21 Nov 2026 10:00:00 CEST')).toBe('2026-11-21T08:00:00.000Z');
    expect(toIsoDate('Sat, 21 Nov 2026 10:00:00 JST')).toBe('2026-11-21T01:00:00.000Z');
    expect(toIsoDate('Sat, 21 Nov 2026 10:00:00 +0000 (UTC)')).toBe('2026-11-21T10:00:00.000Z');
    expect(toIsoDate('2026-11-21')).toBe('2026-11-21T00:00:00.000Z');
    expect(toIsoDate('not a date')).toBeNull();
    expect(toIsoDate('0001-01-01T00:00:00Z')).toBeNull();
    expect(toIsoDate(`${'('.repeat(10_000)}`)).toBeNull();
  });
});

describe('decodeFeedBytes', () => {
  it('decompresses gzip files and detects the charset from the XML declaration', () => {
    const xml = '<?xml version="1.0" encoding="windows-1252"?><rss><channel><title>Ça va – oui</title></channel></rss>';
    const decoded = decodeFeedBytes(gzipSync(iconv.encode(xml, 'windows-1252')), 'feed.xml.gz');
    expect(decoded.text).toContain('Ça va – oui');
    expect(decoded.charset).toBe('windows-1252');
  });

  it('refuses a gzip bomb', () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024));
    expect(() => decodeFeedBytes(bomb, 'bomb.xml.gz', 1024 * 1024)).toThrow(/bomb\.xml\.gz: gzip content larger than/);
  });
});

describe('parseSitemap', () => {
  it('reads a urlset with lastmod and Google News metadata', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <image:image><image:loc>https://cdn.example.com/pic.jpg</image:loc></image:image>
    <loc>https://news.example.com/a?x=1&amp;y=2</loc>
    <lastmod>2026-11-20</lastmod>
    <news:news>
      <news:publication><news:name>Example News</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2026-11-20T08:00:00+00:00</news:publication_date>
      <news:title><![CDATA[Sanctions & export controls]]></news:title>
    </news:news>
  </url>
  <url><loc>/relative/b</loc></url>
  <url><lastmod>2026-01-01</lastmod></url>
</urlset>`;
    const sitemap = parseSitemap(xml, 'https://news.example.com/sitemap.xml');
    expect(sitemap.kind).toBe('urlset');
    expect(sitemap.skippedEntries).toBe(1);
    expect(sitemap.entries[0]).toEqual({
      url: 'https://news.example.com/a?x=1&y=2',
      lastModified: '2026-11-20T00:00:00.000Z',
      news: { title: 'Sanctions & export controls', publishedAt: '2026-11-20T08:00:00.000Z', publication: 'Example News', language: 'en' },
    });
    expect(sitemap.entries[1]).toEqual({ url: 'https://news.example.com/relative/b', lastModified: null, news: null });
  });

  it('reads a sitemap index', () => {
    const xml = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://e.example/s1.xml</loc><lastmod>2026-11-01T00:00:00Z</lastmod></sitemap><sitemap><loc>https://e.example/s2.xml.gz</loc></sitemap></sitemapindex>';
    const sitemap = parseSitemap(xml, 'https://e.example/sitemap_index.xml');
    expect(sitemap.kind).toBe('sitemapindex');
    expect(sitemap.entries.map((e) => e.url)).toEqual(['https://e.example/s1.xml', 'https://e.example/s2.xml.gz']);
  });

  // A super-linear parse of these runs for minutes; the per-test timeout catches that.
  it('is linear on hostile sitemaps', { timeout: 30_000 }, () => {
    expect(parseSitemap(`<urlset>${'<url><loc>'.repeat(100_000)}`, 's.xml').entries).toEqual([]);
    expect(parseSitemap(`<urlset><url>${'<loc>'.repeat(40_000)}</url></urlset>`, 's.xml').entries).toEqual([]);
  });

  it('rejects non-sitemaps with a named error', () => {
    expect(() => parseSitemap('<rss></rss>', 'https://e.example/x')).toThrow('https://e.example/x: not a sitemap: root element <rss> is not urlset or sitemapindex');
    expect(() => parseSitemap('<html></html>', 's.xml')).toThrow(/looks like HTML/);
    expect(() => parseSitemap('', 's.xml')).toThrow(/empty body/);
  });
});

const FEEDS = resolve(import.meta.dirname, '../../../../shared/feeds');
const present = existsSync(FEEDS);
if (!present) console.warn(`SKIPPED real-feed checks: ${FEEDS} is absent`);

describe.skipIf(!present)('real saved feeds from ../shared/feeds', () => {
  it.each([
    ['rss-parser-js/input/guardian.rss', 'rss', 4],
    ['feed-rs/rss2/rss_2.0_bbc.xml', 'rss', 1],
    ['react-native-rss-parser-samples/reuters.xml', 'rss', 4],
    ['node-feedparser/wapowellness.xml', 'rss', 4],
    ['rsparser-netnewswire/DaringFireball.json', 'json', 4],
    ['rsparser-netnewswire/DaringFireball.atom', 'atom', 4],
  ] as const)('%s has items with absolute URLs and titles', async (path, kind, minItems) => {
    const file = resolve(FEEDS, path);
    // ../shared/feeds is present (else the block is skipped), so a missing file is a failure.
    expect(existsSync(file), `${file} exists`).toBe(true);
    const feed = await parseFeed(decodeFeedBytes(readFileSync(file), path).text, path);
    expect(feed.kind).toBe(kind);
    expect(feed.items.length).toBeGreaterThanOrEqual(minItems);
    for (const item of feed.items) expect(item.url).toMatch(/^https?:\/\/[^/]+/);
    expect(feed.items.filter((i) => i.title).length).toBe(feed.items.length);
  });
});
