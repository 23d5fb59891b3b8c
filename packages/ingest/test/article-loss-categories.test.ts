import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle, extractPlainTextArticle } from '../src/index.ts';

/**
 * The categories where main-text extraction lost against Readability (issue 14, item 8), each on
 * a page written for this test (fictional town, fictional stories).
 */
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'article-loss');
const page = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const paragraphsOf = (text: string) => text.split('\n\n');

describe('a list at the end of an article', () => {
  const text = extractArticle(page('trailing-list.html'), 'https://gazette.example/flood-plan').text;

  it('is the article, not trailing chrome: every item stays', () => {
    const paragraphs = paragraphsOf(text);
    for (const item of ['Raise the river wall by a metre', 'Restore two wetlands upstream', 'Buy out homes on the lowest streets', 'Install pumps at the harbour mouth', 'Publish flood maps every spring']) {
      expect(paragraphs).toContain(item);
    }
    expect(paragraphs[paragraphs.length - 1]).toBe('Publish flood maps every spring');
  });

  it('while a trailing list of linked headlines is still dropped', () => {
    expect(text).not.toContain('Ferry timetable changes');
    expect(text).not.toContain('Most read');
  });
});

describe('CJK text, whose sentences end with 。', () => {
  it('keeps short closing paragraphs of an HTML page', () => {
    const paragraphs = paragraphsOf(extractArticle(page('cjk.html'), 'https://shiomi.example/bouchoutei').text);
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs.slice(-3)).toEqual(['住民の一人は、ようやく安心して眠れると話した。', '一方で、費用の負担を懸念する声もある。', '市は毎年春に浸水想定図を公表する予定だ。']);
  });

  it('keeps them in a plain-text file too, with the headline as title', () => {
    const article = extractPlainTextArticle(page('cjk.txt'), 'cjk.txt');
    expect(article.title).toBe('港町に新しい防潮堤');
    expect(paragraphsOf(article.text)).toHaveLength(4);
    expect(article.text.endsWith('市は毎年春に浸水想定図を公表する予定だ。')).toBe(true);
  });
});

describe('repeated paragraphs', () => {
  const text = extractArticle(page('repeats.html'), 'https://gazette.example/song').text;

  it('keeps a refrain that the article repeats among its paragraphs', () => {
    expect(paragraphsOf(text).filter((p) => p === 'Bring the nets in, bring the nets in, the tide is turning home.')).toHaveLength(2);
  });

  it('still drops the copy of a lead laid out once for mobile and once for desktop', () => {
    expect(paragraphsOf(text).filter((p) => p.startsWith('A choir of retired fishermen'))).toHaveLength(1);
  });
});

describe('content in a box with a chrome-like class name', () => {
  it('keeps a paragraph of running prose in a "story-info" box inside the article', () => {
    const text = extractArticle(page('class-named-prose.html'), 'https://gazette.example/ferry').text;
    expect(text).toContain('Islanders have asked for a night ferry since the bridge plan was dropped, and the council will pay part of the cost for the first three years.');
    expect(text).toContain('The company expects about sixty passengers a night');
  });
});

describe('teasers, donation boxes, captions and appeals inside the article', () => {
  const text = extractArticle(page('boxes.html'), 'https://gazette.example/museum').text;

  it('are dropped', () => {
    expect(text).not.toContain('The keeper’s cottage at dawn');
    expect(text).not.toContain("The keeper's cottage at dawn");
    expect(text).not.toContain('Ferry operator adds a night crossing');
    expect(text).not.toContain('The company serving the island will sail at night');
    expect(text).not.toContain('Please donate today');
    expect(text).not.toContain('please subscribe');
    expect(text).not.toContain('Sign up for our newsletter');
  });

  it('while the article around them stays whole', () => {
    expect(paragraphsOf(text)).toEqual([
      'The cottage at the foot of the Saltmere lighthouse, empty since the light was automated in 1989, opened on Saturday as a small museum of the keepers who lived there with their families for more than a century.',
      'Volunteers spent two winters restoring the rooms, and the kitchen now looks as it did in the 1930s, with the keeper’s log open on the table and oilskins hanging by the door.'.replace('’', "'"),
      'Entry is free, and the museum will open every weekend until October, the volunteers said, with guided walks up the tower on the first Sunday of each month.',
    ]);
  });
});
