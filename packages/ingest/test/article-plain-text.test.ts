import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cutTrailingChrome, extractPlainTextArticle } from '../src/index.ts';

const seedsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/seeds');
const haveSeeds = existsSync(seedsDir);
if (!haveSeeds) console.warn(`article-plain-text: ${seedsDir} is absent, skipping the seed tests`);

describe('extractPlainTextArticle on text written for the test', () => {
  const text = [
    'Shipyard wins frigate contract',
    '',
    'KIEL: The shipyard said on Friday it had won a contract to build two frigates, its largest order in a decade.',
    'The company expects the work to secure jobs for about 1,200 people until the end of the decade.',
    '',
    'Share this article on social media!',
    'More From Industry',
    'Steel Prices Climb Again',
    'Rail Operator Orders New Trains',
    'Airport Expansion Approved',
    '© 2024 Some Publisher',
  ].join('\n');
  const article = extractPlainTextArticle(text, 'kiel.txt');

  it('takes the first line as the title and keeps the dateline paragraph', () => {
    expect(article.title).toBe('Shipyard wins frigate contract');
    expect(article.text.startsWith('KIEL: The shipyard said on Friday')).toBe(true);
  });

  it('cuts the trailing headline list, share prompt and copyright line', () => {
    expect(article.text).toBe(
      'KIEL: The shipyard said on Friday it had won a contract to build two frigates, its largest order in a decade.\n\nThe company expects the work to secure jobs for about 1,200 people until the end of the decade.',
    );
  });

  it('keeps an article that simply ends on a short line', () => {
    const paragraphs = ['A long first paragraph that explains the story in full sentences, as articles do.', 'Second paragraph with more detail.', 'Reporting by Ann Lee'];
    expect(cutTrailingChrome(paragraphs)).toEqual(paragraphs);
  });

  it('uses the file name as the title of an empty file', () => {
    expect(extractPlainTextArticle('\n\n', 'empty.txt')).toMatchObject({ title: 'empty.txt', text: '' });
  });
});

describe.skipIf(!haveSeeds)('extractPlainTextArticle on the seed articles (../shared/seeds)', () => {
  const seeds = haveSeeds ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort() : [];

  it('finds the three seeds', () => {
    expect(seeds).toHaveLength(3);
  });

  it('cuts the "Next In" headline list from seed 001 and keeps its article', () => {
    const file = seeds.find((f) => f.startsWith('001_')) as string;
    const raw = readFileSync(join(seedsDir, file), 'utf8');
    const article = extractPlainTextArticle(raw, file);
    expect(article.text).not.toContain('QSR Brands');
    expect(article.text).not.toContain('Gula Cakery');
    expect(article.text).not.toContain('Others Also Read');
    expect(article.text).not.toContain('WhatsApp channel');
    expect(article.text).toMatch(/^WASHINGTON: /);
    expect(article.text.trimEnd()).toMatch(/— Bloomberg$/);
  });

  it('keeps every real paragraph of every seed', () => {
    for (const file of seeds) {
      const raw = readFileSync(join(seedsDir, file), 'utf8');
      const article = extractPlainTextArticle(raw, file);
      const lines = raw.split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim());
      // Sentences of the article: long lines with sentence punctuation (the headline list has none).
      const sentences = lines.filter((l) => l.length > 80 && /[.!?"”]$/.test(l) && !/WhatsApp|REUTERS\//.test(l));
      expect(sentences.length, file).toBeGreaterThan(5);
      for (const sentence of sentences) expect(article.text, `${file}: ${sentence.slice(0, 40)}`).toContain(sentence);
    }
  });
});
