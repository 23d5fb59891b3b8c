import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { containsSnippet, evaluateArticleText } from '../src/index.ts';

const evalDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/eval/article-text');
const haveEval = existsSync(resolve(evalDir, 'evaldata.json'));
if (!haveEval) console.warn(`article-eval: ${evalDir} is absent, skipping the article-text evaluation test`);

describe('containsSnippet', () => {
  it('matches exactly after collapsing whitespace on both sides', () => {
    expect(containsSnippet('first paragraph ends. second begins', ' ends.\u00a0second ')).toBe(true);
    expect(containsSnippet('first paragraph', 'First paragraph')).toBe(false);
  });
});

describe.skipIf(!haveEval)('evaluateArticleText on the first 40 pages of ../shared/eval/article-text', () => {
  it('scores well above raw page text (F1 0.667) and prints a table', async () => {
    const result = await evaluateArticleText(evalDir, { limit: 40 });
    expect(result.summary.pages).toBe(40);
    // Measured 0.917 on these pages (0.929 on all 990); the floor catches real regressions.
    expect(result.summary.f1).toBeGreaterThan(0.85);
    expect(result.summary.p).toBeGreaterThan(0.85);
    expect(result.table).toMatch(/^bucket\s+pages/);
    const lines = result.table.split('\n');
    expect(lines.at(-2)).toMatch(/^total\s+40\s/);
    expect(lines.at(-1)).toMatch(/^extractArticle: [\d.]+ ms\/page/);
    expect(result.msPerPage).toBeGreaterThan(0);
  });
});
