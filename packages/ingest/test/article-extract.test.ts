import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_HTML_CHARS, extractArticle, findDateIn, stripSiteFromTitle, toIsoDate } from '../src/index.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'article');
const fixture = (name: string): string => readFileSync(join(fixtures, name), 'utf8');

describe('extractArticle on a news page with chrome, JSON-LD and OpenGraph', () => {
  const article = extractArticle(fixture('news-page.html'), 'https://ledger.example/news/2024/harbour-fine');

  it('reads the metadata, preferring JSON-LD and OpenGraph over meta tags', () => {
    expect(article.title).toBe('Harbour authority fines shipping agent for falsified manifests');
    expect(article.author).toBe('Mara Quill, Tobias Wren');
    expect(article.publishedAt).toBe('2024-03-05T08:30:00.000Z');
    expect(article.outlet).toBe('The Coastal Ledger');
    expect(article.language).toBe('en');
    expect(article.canonicalUrl).toBe('https://ledger.example/news/2024/harbour-fine?utm=rss');
  });

  it('keeps paragraphs, subheadings, list items and quotes, with entities decoded', () => {
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs[0]).toBe(
      'The port authority of Westhaven fined a shipping agent €2.4 million on Tuesday for filing manifests that described machine tools as agricultural spare parts, officials said.',
    );
    expect(paragraphs).toContain('How the scheme worked');
    expect(paragraphs).toContain('Eleven containers were re-declared between May and September.');
    expect(paragraphs).toContain('“This was not a clerical error, it was a method,” the authority’s director told reporters.');
    expect(article.text).toContain('legitimate shipments & changed only the weights');
    expect(paragraphs[paragraphs.length - 1]).toBe('The agent has thirty days to appeal. Its lawyers did not respond to a request for comment on Wednesday evening.');
  });

  it('drops navigation, consent banner, share bar, newsletter box, related links, comments, sidebar and footer', () => {
    for (const chrome of [
      'We use cookies',
      'Accept all',
      'Business desk',
      'News section',
      'Share on Facebook',
      'Copy link',
      'morning briefing',
      'Sign up for our daily newsletter',
      'Related stories',
      'Port volumes hit record high',
      'Reader Jo wrote',
      '3 comments',
      'Ferry strike ends',
      'All rights reserved',
      'Imprint and legal notice',
      'window.trackingConsent',
      'color:red',
      '5 March 2024',
    ]) {
      expect(article.text, chrome).not.toContain(chrome);
    }
  });

  it('separates paragraphs by one blank line and normalises whitespace', () => {
    expect(article.text).not.toMatch(/\n{3,}|[ \t]{2,}|^\s|\s$/);
  });
});

describe('extractArticle on other pages', () => {
  it('reads OpenGraph-only metadata and resolves og:url', () => {
    const article = extractArticle(fixture('og-only.html'), 'https://borderwire.example/?id=7');
    expect(article).toMatchObject({
      title: 'Customs seize drone parts at northern border crossing',
      author: null,
      publishedAt: '2023-11-20',
      outlet: 'Border Wire',
      language: 'de',
      canonicalUrl: 'https://borderwire.example/story/drone-parts',
    });
    expect(article.text.split('\n\n')).toHaveLength(2);
    expect(article.text).toContain('Customs officers seized forty crates of drone parts');
    expect(article.text).not.toContain('Archiv');
  });

  it('uses a configured body selector when it matches enough text', () => {
    const html = fixture('body-selector.html');
    const withSelector = extractArticle(html, 'https://example.org/rapport', { bodySelector: '[data-role="story-text"]' });
    expect(withSelector.text).toBe(
      'Le rapport annuel publié jeudi décrit une hausse des exportations de composants électroniques vers trois pays voisins.\n\nLes auteurs recommandent un contrôle renforcé des réexportations.',
    );
    expect(withSelector.language).toBe('fr');
    expect(withSelector.title).toBe('Rapport annuel');
    // The heuristics alone pick the longer teaser: the selector is what makes the difference.
    expect(extractArticle(html, 'https://example.org/rapport').text).toContain('teaser paragraph');
  });

  it('falls back to the heuristics when the selector matches nothing or is invalid', () => {
    const html = fixture('og-only.html');
    for (const bodySelector of ['.does-not-exist', 'div[[[']) {
      expect(extractArticle(html, 'https://borderwire.example/', { bodySelector }).text).toContain('Customs officers seized forty crates');
    }
  });

  it('survives malformed HTML and never runs or keeps scripts', () => {
    const article = extractArticle(fixture('malformed.html'), 'https://old.example/page.html');
    expect(article.title).toBe('Broken & unclosed page');
    expect(article.text).toContain('First paragraph of a page whose markup is broken');
    expect(article.text).toContain('bold nested wrongly still readable text – with an entity.');
    expect(article.text).toContain('Third paragraph inside an unclosed div');
    expect(article.text).toContain('Fourth paragraph after the mess');
    expect(article.text).not.toContain('injected by script');
    expect(article.canonicalUrl).toBeNull();
  });

  it('returns empty text for empty input and for a page that is only navigation', () => {
    expect(extractArticle('', 'https://x.example/')).toEqual({
      title: '',
      text: '',
      author: null,
      publishedAt: null,
      outlet: null,
      language: null,
      canonicalUrl: null,
    });
    const navOnly = `<html><body><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/s/${i}">Section number ${i} of the site</a></li>`).join('')}</ul></body></html>`;
    expect(extractArticle(navOnly, 'https://x.example/').text).toBe('');
  });

  it('caps huge pages instead of spending unbounded time on them', () => {
    const paragraphs = Array.from({ length: 60_000 }, (_, i) => `<p>Filler paragraph number ${i}, with commas, repeated to build a very large page.</p>`);
    const huge = `<html><body><div class="content">${paragraphs.join('')}</div></body></html>`;
    expect(huge.length).toBeGreaterThan(MAX_HTML_CHARS);
    const article = extractArticle(huge, 'https://x.example/huge');
    expect(article.text).toContain('Filler paragraph number 0,');
    expect(article.text).not.toContain('Filler paragraph number 59999,');
  });
});

describe('extractArticle on old-style markup and fragments', () => {
  it('reads text written straight into <body> and separated by <br>', () => {
    const html =
      '<HTML><BODY BGCOLOR=white><FONT FACE=Arial>First line of an old page, with commas, written long ago in plain HTML.<BR><BR>Second paragraph of the old page, also with commas, and more words.<BR>Third line.</FONT></BODY></HTML>';
    expect(extractArticle(html, 'https://old.example/').text).toBe(
      'First line of an old page, with commas, written long ago in plain HTML.\n\nSecond paragraph of the old page, also with commas, and more words.\n\nThird line.',
    );
  });

  it('reads a fragment without <html>/<body> and bare text', () => {
    const fragment = '<p>Just a fragment paragraph, with a comma, long enough to count as text.</p><p>Second fragment paragraph.</p>';
    expect(extractArticle(fragment, 'https://x.example/').text).toBe('Just a fragment paragraph, with a comma, long enough to count as text.\n\nSecond fragment paragraph.');
    const bare = 'plain text without any tags, but with commas, and long enough to be a paragraph';
    expect(extractArticle(bare, 'https://x.example/').text).toBe(bare);
  });
});

describe('extractArticle on pathological markup', () => {
  it('handles tens of thousands of unclosed tags without overflowing the stack or stalling', () => {
    for (const tag of ['div', 'font', 'b']) {
      const html = `<html><body>${`<${tag}>`.repeat(50_000)}<p>Deep text, with commas, inside many wrappers, still found by the extractor.</p></body></html>`;
      expect(extractArticle(html, 'https://x.example/').text, tag).toBe('Deep text, with commas, inside many wrappers, still found by the extractor.');
    }
  });

  it('flattens nesting deeper than the limit instead of recursing into it', () => {
    const html = `<html><body><div class="content">${'<section>'.repeat(1500)}<p>Deeply nested paragraph, with a comma, that is kept as text.</p>${'</section>'.repeat(1500)}</div></body></html>`;
    expect(extractArticle(html, 'https://x.example/').text).toContain('Deeply nested paragraph, with a comma, that is kept as text.');
  });
});

describe('metadata helpers', () => {
  it('normalises dates to ISO 8601', () => {
    expect(toIsoDate('2024-05-03')).toBe('2024-05-03');
    expect(toIsoDate('2024-05-03T10:00:00+02:00')).toBe('2024-05-03T08:00:00.000Z');
    expect(toIsoDate('03.05.2024')).toBe('2024-05-03');
    expect(toIsoDate('3. Mai 2024')).toBe('2024-05-03');
    expect(toIsoDate('May 3, 2024')).toBe('2024-05-03');
    expect(toIsoDate('yesterday')).toBeNull();
  });

  it('finds dates inside lines of text, and falls back to date lines and the URL', () => {
    expect(findDateIn('Veröffentlicht am 3. Mai 2024, 10:15 Uhr')).toBe('2024-05-03');
    expect(findDateIn('Posted on March 9, 2021 by admin')).toBe('2021-03-09');
    expect(findDateIn('no date here')).toBeNull();
    const body = '<p>A paragraph of the story, long enough to be the article text of this little page.</p>';
    const dateLine = extractArticle(`<html><body><div class="post-date">Veröffentlicht am 3. Mai 2024</div>${body}</body></html>`, 'https://x.example/a');
    expect(dateLine.publishedAt).toBe('2024-05-03');
    expect(dateLine.text).not.toContain('Veröffentlicht');
    expect(extractArticle(`<html><body>${body}</body></html>`, 'https://x.example/2019/08/16/story/').publishedAt).toBe('2019-08-16');
  });

  it('prefers the page h1 when the title wraps it in section or site names', () => {
    const html = '<html><head><title>Reisen | Mit dem Rad durch Wien › Blog</title></head><body><h1>Mit dem Rad durch Wien</h1><p>Text.</p></body></html>';
    expect(extractArticle(html, 'https://x.example/').title).toBe('Mit dem Rad durch Wien');
  });

  it('strips the site name from headlines', () => {
    expect(stripSiteFromTitle('Ports brace for storm | The Coastal Ledger', 'The Coastal Ledger')).toBe('Ports brace for storm');
    expect(stripSiteFromTitle('Coastal Ledger - Ports brace for storm', 'The Coastal Ledger')).toBe('Ports brace for storm');
    expect(stripSiteFromTitle('Ports brace for storm | Ledger', null)).toBe('Ports brace for storm');
    expect(stripSiteFromTitle('Trade: a primer', 'Other Site')).toBe('Trade: a primer');
  });
});
