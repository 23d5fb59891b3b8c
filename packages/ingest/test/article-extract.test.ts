import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_HTML_CHARS, extractArticle, stripSiteFromTitle, toIsoDate } from '../src/index.ts';

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

describe('metadata helpers', () => {
  it('normalises dates to ISO 8601', () => {
    expect(toIsoDate('2024-05-03')).toBe('2024-05-03');
    expect(toIsoDate('2024-05-03T10:00:00+02:00')).toBe('2024-05-03T08:00:00.000Z');
    expect(toIsoDate('03.05.2024')).toBe('2024-05-03');
    expect(toIsoDate('3. Mai 2024')).toBe('2024-05-03');
    expect(toIsoDate('May 3, 2024')).toBe('2024-05-03');
    expect(toIsoDate('yesterday')).toBeNull();
  });

  it('strips the site name from headlines', () => {
    expect(stripSiteFromTitle('Ports brace for storm | The Coastal Ledger', 'The Coastal Ledger')).toBe('Ports brace for storm');
    expect(stripSiteFromTitle('Coastal Ledger - Ports brace for storm', 'The Coastal Ledger')).toBe('Ports brace for storm');
    expect(stripSiteFromTitle('Ports brace for storm | Ledger', null)).toBe('Ports brace for storm');
    expect(stripSiteFromTitle('Trade: a primer', 'Other Site')).toBe('Trade: a primer');
  });
});
