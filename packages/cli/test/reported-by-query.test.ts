import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { ARTICLE_SUBJECT, contentHash, toArticleDocument, type Article } from '@newsgraph/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createCliContext } from '../src/context.ts';
import { registerQueryCommand } from '../src/commands/query.ts';

/**
 * REPORTED_BY from extraction to the CLI: an article-level `ARTICLE REPORTED_BY org:…` relation
 * (what extract returns) is stored by toArticleDocument and the store, and `query neighbors
 * --predicate REPORTED_BY` and `query evidence --json` show it.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

describe('REPORTED_BY through the CLI', () => {
  it('stores the outlet of a local article and answers the REPORTED_BY filter and evidence outlet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-reported-by-'));
    dirs.push(dir);
    const stdout = capture();
    const ctx = createCliContext({ env: { NEWSGRAPH_DB: join(dir, 'graph.db'), NEWSGRAPH_LOG_LEVEL: 'silent' }, stdout: stdout.stream, stderr: capture().stream });
    const text = 'Iran supplies drones to Russia, Reuters reported.';
    const article: Article = {
      id: 'art-r1',
      url: 'file:///tmp/r1.txt',
      canonicalUrl: 'file:///tmp/r1.txt',
      title: 'Drones',
      outlet: null,
      author: null,
      publishedAt: '2024-05-01T10:00:00Z',
      fetchedAt: '2024-05-01T11:00:00Z',
      language: 'en',
      text,
      contentHash: contentHash(text),
    };
    const doc = toArticleDocument(article, {
      entities: [
        { id: 'country:IR', type: 'Country', name: 'Iran', attributes: {}, mentions: [{ start: 0, end: 4, text: 'Iran' }] },
        { id: 'country:RU', type: 'Country', name: 'Russia', attributes: {}, mentions: [{ start: 24, end: 30, text: 'Russia' }] },
        { id: 'org:reuters', type: 'Organization', name: 'Reuters', attributes: {}, mentions: [{ start: 32, end: 39, text: 'Reuters' }] },
      ],
      relations: [
        { subject: 'country:IR', predicate: 'SUPPLIES', object: 'country:RU', evidence: { sentence: text, start: 0, end: text.length, rule: 'supply.verb', confidence: 0.9 } },
        { subject: ARTICLE_SUBJECT, predicate: 'REPORTED_BY', object: 'org:reuters', evidence: { sentence: text, start: 0, end: text.length, rule: 'reported-by.verb', confidence: 0.8 } },
      ],
    });
    expect(doc.reportedBy).toEqual(['org:reuters']);
    await (await ctx.store()).writeArticle(doc);
    const run = async (...argv: string[]) => {
      const program = new Command('newsgraph').exitOverride();
      registerQueryCommand(program, ctx);
      await program.parseAsync(argv, { from: 'user' });
    };
    await run('query', 'neighbors', 'country:IR', '--predicate', 'REPORTED_BY', '--json');
    const neighbours = JSON.parse(stdout.text()) as { neighbors: Array<{ entity: { id: string }; predicate: string; direction: string; articleCount: number }> };
    expect(neighbours.neighbors.map((n) => [n.entity.id, n.predicate, n.direction, n.articleCount])).toEqual([['org:reuters', 'REPORTED_BY', 'out', 1]]);
    const before = stdout.text().length;
    await run('query', 'evidence', 'country:IR', 'country:RU', '--json');
    const evidence = JSON.parse(stdout.text().slice(before)) as { evidence: Array<{ modality: string; article: { outletEntity: unknown } }> };
    expect(evidence.evidence.map((r) => [r.modality, r.article.outletEntity])).toEqual([['asserted', { id: 'org:reuters', name: 'Reuters' }]]);
    await ctx.close();
  });
});
