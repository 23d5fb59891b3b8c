import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFromResponse, canonicalizeUrl, canonicalUrlFor, type FetchResponse } from '@newsgraph/ingest';
import { runCliCaptured, scratch } from './support/run-cli.ts';

/**
 * `newsgraph ingest <url|feed|sitemap>` runs the crawler's stages inline, and pages become
 * articles through the crawler's one function: these pages (fictional, written for the test)
 * used to be stored by the one-off path although the crawler refuses them.
 */
const PARAGRAPH =
  '<p>Secretary of State Antony Blinken urged Japan on Monday to tighten export controls on chips bound for Russia, officials in Tokyo said after the meeting, which lasted two hours.</p>' +
  '<p>Japanese Foreign Minister Yoko Kamikawa met with Blinken in Tokyo, and the two ministers agreed to meet again in the spring to review the controls and the shipments.</p>';

function page(title: string, head = '', body = PARAGRAPH): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title>${head}</head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

describe('one ingest path for URLs', () => {
  const box = scratch('newsgraph-one-path-');
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      switch (new URL(req.url ?? '/', 'http://x').pathname) {
        case '/robots.txt':
          return res.writeHead(404).end();
        case '/foreign-canonical.html':
          return html(page('Blinken in Tokyo', '<link rel="canonical" href="https://other-site.example/stolen-id">'));
        case '/own-canonical.html':
          return html(page('Kamikawa meets Blinken', `<link rel="canonical" href="${base}/stories/kamikawa?utm_medium=social">`));
        case '/report.html':
          // A PDF served as text/html: refused by its content, not by its header.
          return res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n'), Buffer.alloc(64, 7)]));
        case '/photo.html':
          return res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
        case '/data.json':
          return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: 'x'.repeat(500) }));
        case '/short.html':
          return html(page('Brief', '', '<p>Blinken met Kamikawa in Tokyo.</p>'));
        case '/feed.xml':
          return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
            `<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title>` +
              `<item><title>Kamikawa</title><link>${base}/own-canonical.html?utm_source=feed</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item>` +
              `<item><title>Short</title><link>${base}/short.html</link></item>` +
              `</channel></rss>`,
          );
        case '/sitemap.xml':
          return res.writeHead(200, { 'content-type': 'application/xml' }).end(
            `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/foreign-canonical.html</loc></url></urlset>`,
          );
        default:
          return res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>not here</body></html>');
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((ok) => server.close(() => ok()));
    box.cleanup();
  });

  const ingest = (...args: string[]) => runCliCaptured(['ingest', '--allow-private-network', '--json', ...args], box.env);
  const outcomes = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { status: string; url?: string; articleId?: string; error?: string });

  it("ignores a canonical link to another host: the page keeps its own URL's id", async () => {
    const run = await ingest(`${base}/foreign-canonical.html`);
    expect(run.code).toBe(0);
    const [outcome] = outcomes(run.stdout);
    expect(outcome!.status).toBe('inserted');
    const ev = JSON.parse((await runCliCaptured(['query', 'evidence', 'Antony Blinken', 'Japan', '--json'], box.env)).stdout) as {
      evidence: Array<{ article: { id: string; url: string } }>;
    };
    expect(ev.evidence.some((e) => e.article.url === `${base}/foreign-canonical.html`)).toBe(true);
    // The id the hostile page asked for is not taken.
    const { articleIdFor } = await import('@newsgraph/shared');
    expect(outcome!.articleId).toBe(articleIdFor(canonicalizeUrl(`${base}/foreign-canonical.html`)));
    expect(outcome!.articleId).not.toBe(articleIdFor('https://other-site.example/stolen-id'));
  });

  it('refuses PDF and binary bodies served as text/html, and pages below the minimum text', async () => {
    const run = await ingest(`${base}/report.html`, `${base}/photo.html`, `${base}/short.html`);
    expect(run.code).toBe(1);
    const [pdf, png, short] = outcomes(run.stdout);
    expect(pdf).toMatchObject({ status: 'failed' });
    expect(pdf!.error).toMatch(/report\.html.*a PDF document.*not a web page/);
    expect(png!.error).toMatch(/photo\.html.*(png|binary).*not a web page/);
    expect(short!.error).toMatch(/short\.html: no article text found \(\d+ characters of main text, at least 200 needed\)/);
  });

  it('refuses a URL that is neither a page nor a feed nor a sitemap', async () => {
    const run = await ingest(`${base}/data.json`);
    expect(run.code).toBe(1);
    expect(outcomes(run.stdout)[0]!.error).toMatch(/data\.json: not an HTML page, a feed or a sitemap \(content-type: application\/json\)/);
  });

  it('reads a feed through the crawl stages: canonical URL on its own host, normalised; feed date used', async () => {
    const run = await ingest(`${base}/feed.xml`);
    const results = outcomes(run.stdout);
    expect(results).toHaveLength(2);
    const stored = results.find((r) => r.status !== 'failed')!;
    const { articleIdFor } = await import('@newsgraph/shared');
    expect(stored.articleId).toBe(articleIdFor(`${base}/stories/kamikawa`));
    expect(results.find((r) => r.status === 'failed')!.error).toMatch(/short\.html: no article text found/);
    const ev = JSON.parse((await runCliCaptured(['query', 'evidence', 'Yoko Kamikawa', 'Antony Blinken', '--json'], box.env)).stdout) as {
      evidence: Array<{ article: { id: string; publishedAt: string | null } }>;
    };
    expect(ev.evidence.find((e) => e.article.id === stored.articleId)?.article.publishedAt).toBe('2024-03-04T10:00:00.000Z');
  });

  it('reads a sitemap URL too', async () => {
    const run = await ingest(`${base}/sitemap.xml`);
    const results = outcomes(run.stdout);
    expect(results).toHaveLength(1);
    expect(results[0]!.status).toBe('unchanged'); // stored by the first test, read again through the sitemap
  });
});

describe('articleFromResponse and canonicalUrlFor', () => {
  const response = (body: string): FetchResponse => ({
    requestedUrl: 'https://news.example/a',
    url: 'https://news.example/a',
    status: 200,
    notModified: false,
    contentType: 'text/html',
    charset: 'utf-8',
    body,
    bytes: body.length,
    etag: null,
    lastModified: null,
  });
  const deps = { extractArticle: () => ({ title: 'T', text: 'x'.repeat(300), author: null, publishedAt: null, outlet: null, language: null, canonicalUrl: null }), canonicalizeUrl, now: () => new Date(0) };

  it('refuses a PDF or binary body whatever fetcher delivered it, by its content', async () => {
    await expect(articleFromResponse(response('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>'), deps)).rejects.toThrow(/news\.example\/a: a PDF document/);
    await expect(articleFromResponse(response('GIF89a\u0001\u0000\u0002\u0000\u0000'), deps)).rejects.toThrow(/news\.example\/a: .*not a web page/);
    await expect(articleFromResponse(response('<!doctype html><p>Ein Artikel über PDF-Dateien, 東京で会談した。</p>'), deps)).resolves.toMatchObject({ title: 'T' });
  });

  it('accepts a canonical link only on the same host, and normalises it', () => {
    expect(canonicalUrlFor('https://news.example/a?utm_source=x', 'https://news.example/story-a?utm_medium=y', canonicalizeUrl)).toBe('https://news.example/story-a');
    expect(canonicalUrlFor('https://news.example/a', '/relative-story', canonicalizeUrl)).toBe('https://news.example/relative-story');
    expect(canonicalUrlFor('https://news.example/a?utm_source=x', 'https://elsewhere.example/a', canonicalizeUrl)).toBe('https://news.example/a');
    expect(canonicalUrlFor('https://news.example/a', 'javascript:alert(1)', canonicalizeUrl)).toBe('https://news.example/a');
  });
});
