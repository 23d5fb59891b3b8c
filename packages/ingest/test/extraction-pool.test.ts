import { describe, expect, it } from 'vitest';
import { extract } from '@newsgraph/extract';
import { defaultExtractionThreads, ExtractionPool } from '../src/index.ts';
import { extractArticle } from '../src/article/extract-article.ts';

const PAGE = `<html><head><title>Rates rise</title></head><body><nav>Home | World</nav><article><h1>Rates rise</h1>
<p>The European Central Bank raised its main interest rate on Thursday, the third increase this year, and said further rises were likely.</p>
<p>Christine Lagarde, the bank's president, told reporters in Frankfurt that inflation in Germany and France was still too high.</p>
</article><footer>Contact us</footer></body></html>`;

describe('ExtractionPool', () => {
  it('leaves one core to the main thread, at most 4 threads, none on one core', () => {
    expect(defaultExtractionThreads(1)).toBe(0);
    expect(defaultExtractionThreads(2)).toBe(1);
    expect(defaultExtractionThreads(3)).toBe(2);
    expect(defaultExtractionThreads(16)).toBe(4);
  });

  it('gives the same article and extraction as the main thread, and reports its heap', async () => {
    const pool = new ExtractionPool(1);
    try {
      const article = await pool.extractArticle(PAGE, 'https://news.example/rates');
      expect(article).toEqual(extractArticle(PAGE, 'https://news.example/rates'));
      const entities = await pool.extractEntities(article.text, { outlet: null, title: article.title });
      expect(entities).toEqual(extract(article.text, { outlet: null, title: article.title }));
      const [heap] = await pool.heapStatistics();
      expect(heap!.usedHeapSize).toBeGreaterThan(0);
      expect(heap!.totalHeapSize).toBeGreaterThanOrEqual(heap!.usedHeapSize);
    } finally {
      await pool.close();
    }
  });
});
