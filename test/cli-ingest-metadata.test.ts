import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '@newsgraph/cli';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured, scratch } from './support/run-cli.ts';

/** Fictional reports, written for these tests. */
const BODY = 'Secretary of State Antony Blinken urged Japan to tighten export controls on chips bound for Russia. Japanese Foreign Minister Yoko Kamikawa met with Blinken in Tokyo on Monday.';
const OTHER = 'Foreign Minister Wang Yi met with Antony Blinken in Beijing on Tuesday. Blinken urged China to stop shipments of drone parts to Russia.';

interface EvidenceJson {
  evidence: Array<{ predicate: string; article: { id: string; url: string; title: string; outlet: string | null; publishedAt: string | null } }>;
}

const boxes: Array<ReturnType<typeof scratch>> = [];
afterEach(() => {
  for (const box of boxes.splice(0)) box.cleanup();
});
function box() {
  const b = scratch('newsgraph-ingest-meta-');
  boxes.push(b);
  return b;
}

async function evidence(env: NodeJS.ProcessEnv, a: string, b: string): Promise<EvidenceJson['evidence']> {
  const run = await runCliCaptured(['query', 'evidence', a, b, '--json'], env);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as EvidenceJson).evidence;
}

describe('`newsgraph ingest --jsonl FILE`', () => {
  it('stores each good line with its metadata, names file and line of each bad one, and goes on', async () => {
    const b = box();
    const file = join(b.dir, 'articles.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ text: BODY, url: 'https://news.example/2024/03/blinken-tokyo?utm_source=x', title: 'Blinken in Tokyo', outlet: 'Example Times', author: 'A. Writer', publishedAt: '2024-03-04', language: 'en' }),
        '{"text": "unterminated',
        JSON.stringify({ text: OTHER, publishedAt: '2024-02-30', published_at: '2024-02-01' }),
        '',
        JSON.stringify({ id: 'wang-beijing', text: OTHER, title: 'Wang meets Blinken', outlet: 'Daily Example', publishedAt: '2024-03-05T09:30:00+01:00' }),
        JSON.stringify({ url: 'https://news.example/no-text' }),
      ].join('\n'),
    );
    const run = await runCliCaptured(['ingest', '--jsonl', file], b.env);
    expect(run.code).toBe(1);
    const errors = run.stderr.trim().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain(`${file}, line 2: not JSON`);
    expect(errors[1]).toContain(`${file}, line 3:`);
    expect(errors[1]).toContain('publishedAt: must be an ISO 8601 date');
    expect(errors[1]).toContain('unknown field "published_at"');
    expect(errors[2]).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, line 6: text: (missing|must)`));
    expect(run.stdout).toMatch(/2 new, 0 updated, 0 unchanged, 3 failed/);

    const tokyo = await evidence(b.env, 'Antony Blinken', 'Japan');
    expect(tokyo.length).toBeGreaterThan(0);
    expect(tokyo[0]!.article).toMatchObject({ url: 'https://news.example/2024/03/blinken-tokyo?utm_source=x', title: 'Blinken in Tokyo', outlet: 'Example Times', publishedAt: '2024-03-04' });

    const beijing = await evidence(b.env, 'Antony Blinken', 'China');
    expect(beijing.length).toBeGreaterThan(0);
    expect(beijing[0]!.article).toMatchObject({ title: 'Wang meets Blinken', outlet: 'Daily Example', publishedAt: '2024-03-05T08:30:00.000Z' });
    expect(beijing[0]!.article.url).toMatch(/articles\.jsonl#wang-beijing$/);

    // The readable evidence row shows outlet, date and a link, a file path for a line without URL.
    const text = await runCliCaptured(['query', 'evidence', 'Antony Blinken', 'China'], b.env);
    expect(text.stdout).toContain(`Wang meets Blinken, Daily Example, 2024-03-05  ${file}#wang-beijing`);

    // The same file again: the same articles, unchanged (ids come from URL or file + id/line).
    const again = await runCliCaptured(['ingest', '--jsonl', file], b.env);
    expect(again.stdout).toMatch(/0 new, 0 updated, 2 unchanged, 3 failed/);
  });
});

describe('sidecars and --outlet / --published', () => {
  it('a NAME.meta.json beside a .txt gives the article its URL, outlet, date and author', async () => {
    const b = box();
    const story = join(b.dir, 'story.txt');
    writeFileSync(story, `Blinken in Tokyo\n\n${BODY}\n`);
    writeFileSync(join(b.dir, 'story.meta.json'), JSON.stringify({ url: 'https://news.example/story', outlet: 'Example Times', publishedAt: '2024-03-04T10:00:00Z', author: 'A. Writer' }));
    const run = await runCliCaptured(['ingest', '--outlet', 'Fallback Weekly', '--published', '2020-01-01', story], b.env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [row] = await evidence(b.env, 'Antony Blinken', 'Japan');
    expect(row!.article).toMatchObject({ url: 'https://news.example/story', title: 'Blinken in Tokyo', outlet: 'Example Times', publishedAt: '2024-03-04T10:00:00.000Z' });
  });

  it('--outlet and --published date the files that say nothing, and the row shows the file path', async () => {
    const b = box();
    const story = join(b.dir, 'plain.txt');
    writeFileSync(story, `Blinken in Tokyo\n\n${BODY}\n`);
    const run = await runCliCaptured(['ingest', '--outlet', 'Example Wire', '--published', '1987-02-26', story], b.env);
    expect(run.code).toBe(0);
    const [row] = await evidence(b.env, 'Antony Blinken', 'Japan');
    expect(row!.article).toMatchObject({ outlet: 'Example Wire', publishedAt: '1987-02-26' });
    const text = await runCliCaptured(['query', 'evidence', 'Antony Blinken', 'Japan'], b.env);
    expect(text.stdout).toContain(`— Blinken in Tokyo, Example Wire, 1987-02-26  ${story}`);
  });

  it('a bad sidecar fails its article with the sidecar and the field named; other files go on', async () => {
    const b = box();
    writeFileSync(join(b.dir, 'a.txt'), `Blinken in Tokyo\n\n${BODY}\n`);
    writeFileSync(join(b.dir, 'a.meta.json'), JSON.stringify({ url: 'ftp://news.example/a', publishedAt: 'last Tuesday' }));
    writeFileSync(join(b.dir, 'b.txt'), `Wang meets Blinken\n\n${OTHER}\n`);
    writeFileSync(join(b.dir, 'b.meta.json'), '{"outlet": ');
    writeFileSync(join(b.dir, 'c.txt'), `Blinken again\n\n${BODY} Blinken later flew home.\n`);
    const run = await runCliCaptured(['ingest', b.dir], b.env);
    expect(run.code).toBe(1);
    const errors = run.stderr.trim().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain(join(b.dir, 'a.meta.json'));
    expect(errors[0]).toContain('url: must be an absolute http(s) URL');
    expect(errors[0]).toContain('publishedAt: must be an ISO 8601 date');
    expect(errors[1]).toContain(`${join(b.dir, 'b.meta.json')}: not JSON`);
    expect(run.stdout).toMatch(/1 new, 0 updated, 0 unchanged, 2 failed/);
  });

  it('refuses a --published that is not a date, naming the flag', async () => {
    const b = box();
    const run = await runCliCaptured(['ingest', '--published', '26/02/1987', join(b.dir, 'x.txt')], b.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--published 26\/02\/1987: .*ISO 8601/);
  });
});

describe('a corpus directory', () => {
  it('skips README, LICENSE and checksum lists with a notice; the bar counts articles', async () => {
    const b = box();
    const corpus = join(b.dir, 'corpus');
    mkdirSync(join(corpus, 'politics'), { recursive: true });
    writeFileSync(join(corpus, 'README.TXT'), 'Consists of 3 documents from an example news site.\nAll rights reserved.\n');
    writeFileSync(join(corpus, 'LICENSE.txt'), 'Permission is hereby granted to use these fictional documents.\n');
    writeFileSync(join(corpus, 'hashes.txt'), 'd41d8cd98f00b204e9800998ecf8427e  politics/001.txt\n0cc175b9c0f1b6a831c399e269772661  politics/002.txt\n');
    writeFileSync(join(corpus, 'politics', '001.txt'), `Blinken in Tokyo\n\n${BODY}\n`);
    writeFileSync(join(corpus, 'politics', '002.txt'), `Wang meets Blinken\n\n${OTHER}\n`);
    writeFileSync(join(corpus, 'politics', '003.txt'), `Blinken again\n\n${BODY} Blinken later flew home.\n`);

    // Terminals on both streams, so the progress bar is drawn.
    const tty = () => {
      const stream = new PassThrough() as PassThrough & { isTTY: boolean; columns: number };
      stream.isTTY = true;
      stream.columns = 120;
      let text = '';
      stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
      return { stream, text: () => text };
    };
    const out = tty();
    const err = tty();
    const code = await runCli(['ingest', corpus], { env: b.env, stdout: out.stream, stderr: err.stream, stdin: Readable.from(['']) });
    expect(code).toBe(0);
    const stderr = err.text();
    expect(stderr).toContain(`notice: ${join(corpus, 'README.TXT')}: not an article`);
    expect(stderr).toContain(`notice: ${join(corpus, 'LICENSE.txt')}: not an article`);
    expect(stderr).toContain(`notice: ${join(corpus, 'hashes.txt')}: not an article (a checksum list)`);
    expect(stderr).toMatch(/3\/3 articles \| [\d.]+\/s \| ETA/);
    // Never more done than the total (the old bar showed 2226/1).
    for (const [, done, total] of stderr.matchAll(/(\d+)\/(\d+) articles/g)) expect(Number(done)).toBeLessThanOrEqual(Number(total));
    // No per-article lines without --verbose, only the summary.
    expect(out.text()).not.toMatch(/inserted/);
    expect(out.text()).toContain('3 new, 0 updated, 0 unchanged, 0 failed, 3 skipped (not articles)');

    const stats = JSON.parse((await runCliCaptured(['query', 'stats', '--json'], b.env)).stdout) as { articles: number };
    expect(stats.articles).toBe(3);

    const verbose = await runCliCaptured(['ingest', '--verbose', corpus], b.env);
    expect(verbose.stdout.match(/^unchanged /gm)).toHaveLength(3);
  });
});
