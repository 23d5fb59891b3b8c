/**
 * Worker-thread side of ExtractionPool: the two CPU-heavy steps of the crawl (main-text
 * extraction from HTML, entity/claim extraction from text), so a crawler process can use more
 * than one core. Messages: { id, op: 'article', html, url, bodySelector } and
 * { id, op: 'entities', text, outlet, title, aliases }; replies { id, result } or { id, error }.
 * The thread's replica of the alias index starts empty and follows { op: 'alias-replay',
 * learnings } (no reply; a replacement thread gets the store's learnings that way first); an 'entities' request with `aliases: true` reads
 * and extends it and replies { extraction, learning }. { id, op: 'heap-snapshot', path } writes the
 * thread's V8 heap snapshot there and replies with the path (diagnostics).
 */
import { writeHeapSnapshot } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { CorpusIndex, extract, type AliasArticleLearning } from '@newsgraph/extract';
import { extractArticle } from '../article/extract-article.ts';

type Request =
  | { id: number; op: 'article'; html: string; url: string; bodySelector?: string }
  | { id: number; op: 'entities'; text: string; outlet: string | null; title: string | null; aliases?: boolean }
  | { id: number; op: 'heap-snapshot'; path: string }
  | { op: 'alias-replay'; learnings: AliasArticleLearning[] };

let corpus: CorpusIndex | null = null;

function entities(request: Extract<Request, { op: 'entities' }>): unknown {
  if (!request.aliases) return extract(request.text, { outlet: request.outlet, title: request.title });
  corpus ??= new CorpusIndex();
  const extraction = extract(request.text, { outlet: request.outlet, title: request.title, corpus });
  return { extraction, learning: corpus.takeArticleLearning() };
}

parentPort!.on('message', (request: Request) => {
  if (request.op === 'alias-replay') {
    corpus ??= new CorpusIndex();
    for (const learning of request.learnings) corpus.replay(learning);
    return;
  }
  try {
    const result =
      request.op === 'article'
        ? extractArticle(request.html, request.url, { bodySelector: request.bodySelector })
        : request.op === 'heap-snapshot'
          ? writeHeapSnapshot(request.path)
          : entities(request);
    parentPort!.postMessage({ id: request.id, result });
  } catch (error) {
    const e = error as Error & { input?: string; reason?: string };
    parentPort!.postMessage({
      id: request.id,
      error: { name: e?.name ?? 'Error', message: e?.message ?? String(error), input: e?.input, reason: e?.reason },
    });
  }
});
