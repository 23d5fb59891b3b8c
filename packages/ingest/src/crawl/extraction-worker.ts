/**
 * Worker-thread side of ExtractionPool: the two CPU-heavy steps of the crawl (main-text
 * extraction from HTML, entity/claim extraction from text), so a crawler process can use more
 * than one core. Messages: { id, op: 'article', html, url, bodySelector } and
 * { id, op: 'entities', text, outlet, title }; replies { id, result } or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import { extract } from '@newsgraph/extract';
import { extractArticle } from '../article/extract-article.ts';

type Request =
  | { id: number; op: 'article'; html: string; url: string; bodySelector?: string }
  | { id: number; op: 'entities'; text: string; outlet: string | null; title: string | null };

parentPort!.on('message', (request: Request) => {
  try {
    const result =
      request.op === 'article'
        ? extractArticle(request.html, request.url, { bodySelector: request.bodySelector })
        : extract(request.text, { outlet: request.outlet, title: request.title });
    parentPort!.postMessage({ id: request.id, result });
  } catch (error) {
    const e = error as Error & { input?: string; reason?: string };
    parentPort!.postMessage({
      id: request.id,
      error: { name: e?.name ?? 'Error', message: e?.message ?? String(error), input: e?.input, reason: e?.reason },
    });
  }
});
