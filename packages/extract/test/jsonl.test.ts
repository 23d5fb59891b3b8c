import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runExtractJsonl } from '../src/jsonl.ts';

async function run(lines: string[], options = {}): Promise<{ out: Array<Record<string, unknown>>; stats: { lines: number; errors: number } }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  const stats = await runExtractJsonl(Readable.from([lines.join('\n')]), output, options);
  output.end();
  const text = Buffer.concat(chunks).toString('utf8');
  expect(text.endsWith('\n')).toBe(true);
  return { out: text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>), stats };
}

describe('runExtractJsonl', () => {
  it('writes one line per input line, in order, in the documented shape', async () => {
    const texts = [
      { id: 'a', text: 'US Secretary of State Antony Blinken visited Beijing on Monday.' },
      { id: 7, text: 'Nothing to see.', outlet: 'The Daily Bugle' },
      { id: 'c', text: 'Veldhoven-based ASML Holding NV said on Wednesday that it sold chips, Bloomberg News has reported.' },
    ];
    const { out, stats } = await run(texts.map((t) => JSON.stringify(t)));
    expect(stats).toEqual({ lines: 3, errors: 0 });
    expect(out.map((o) => o['id'])).toEqual(['a', 7, 'c']);
    for (const [i, line] of out.entries()) {
      expect(Object.keys(line).sort()).toEqual(['entities', 'id', 'relations']);
      const text = texts[i]!.text;
      const entities = line['entities'] as Array<Record<string, unknown>>;
      const ids = new Set(entities.map((e) => e['id']));
      for (const e of entities) {
        expect(Object.keys(e).sort()).toEqual(['attributes', 'id', 'mentions', 'name', 'type']);
        for (const m of e['mentions'] as Array<{ start: number; end: number; text: string }>) {
          expect(Object.keys(m).sort()).toEqual(['end', 'start', 'text']);
          expect(text.slice(m.start, m.end)).toBe(m.text);
        }
      }
      for (const r of line['relations'] as Array<Record<string, unknown>>) {
        expect(Object.keys(r).sort()).toEqual(['evidence', 'object', 'predicate', 'subject']);
        const evidence = r['evidence'] as Record<string, unknown>;
        // antecedent only when a side is a reference named in another sentence.
        expect(Object.keys(evidence).filter((k) => k !== 'antecedent').sort()).toEqual(['confidence', 'end', 'modality', 'rule', 'sentence', 'start']);
        expect(['asserted', 'planned', 'negated', 'hypothetical']).toContain(evidence['modality']);
        expect(ids.has(r['object'])).toBe(true);
        expect(r['subject'] === 'ARTICLE' || ids.has(r['subject'])).toBe(true);
      }
    }
    const first = out[0]!['relations'] as Array<{ subject: string; predicate: string; object: string }>;
    expect(first.map((r) => `${r.subject} ${r.predicate} ${r.object}`)).toContain('person:antony-blinken VISITED place:beijing');
    // The line's own outlet becomes an entity and a REPORTED_BY claim.
    const second = out[1]!;
    expect((second['relations'] as Array<{ predicate: string; subject: string }>).map((r) => `${r.subject} ${r.predicate}`)).toEqual(['ARTICLE REPORTED_BY']);
  });

  it('answers malformed lines with an error line in place and goes on', async () => {
    const { out, stats } = await run([
      '{"id":"ok1","text":"Nothing."}',
      '{"id":"bad-json",',
      '',
      '{"id":"no-text"}',
      '[1,2]',
      '{"text":"no id"}',
      '{"id":{"x":1},"text":"t"}',
      '{"id":"ok2","text":"Nothing either."}',
    ]);
    expect(stats).toEqual({ lines: 7, errors: 5 });
    expect(out.map((o) => o['id'])).toEqual(['ok1', null, 'no-text', null, null, null, 'ok2']);
    expect(out[1]).toEqual({ id: null, error: expect.stringMatching(/^line 2: invalid JSON/) });
    expect(out[2]).toEqual({ id: 'no-text', error: 'line 4: "text" must be a string, got undefined' });
    expect(out[3]!['error']).toBe('line 5: expected a JSON object, got an array');
    expect(out[4]!['error']).toBe('line 6: missing "id"');
    expect(out[5]!['error']).toMatch(/^line 7: "id" must be a string or a number/);
    expect(out[6]!['entities']).toEqual([]);
  });

  it('waits for a slow output (backpressure) and keeps order', async () => {
    const written: string[] = [];
    let writes = 0;
    const slow = new Writable({
      highWaterMark: 64,
      write(chunk: Buffer, _enc, done) {
        written.push(chunk.toString('utf8'));
        writes++;
        setTimeout(done, writes % 5 === 0 ? 5 : 0);
      },
    });
    const lines = Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: `n${i}`, text: `China urged Japan to act ${i} times.` }));
    const stats = await runExtractJsonl(Readable.from(lines.map((l) => `${l}\r\n`)), slow);
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(stats).toEqual({ lines: 60, errors: 0 });
    const ids = written.join('').trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(lines.map((_, i) => `n${i}`));
  });
});

describe('extract --jsonl modality and antecedent', () => {
  it('writes the modality of every claim and the antecedent sentence of a pronoun claim', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    input.end(`${JSON.stringify({ id: 'p', text: 'Antony Blinken arrived on Monday. He met Wang Yi in Beijing. Antony Blinken will visit Tokyo.' })}\n`);
    await runExtractJsonl(input, output);
    const line = JSON.parse(chunks.join('').trim()) as { relations: Array<{ predicate: string; evidence: { modality: string; antecedent?: { sentence: string; start: number; end: number } } }> };
    const met = line.relations.find((r) => r.predicate === 'MET_WITH');
    expect(met?.evidence.antecedent).toEqual({ sentence: 'Antony Blinken arrived on Monday.', start: 0, end: 33 });
    expect(met?.evidence.modality).toBe('asserted');
    // Two visits: the meeting in Beijing (visit-meeting, asserted) and the planned one to Tokyo.
    const visits = line.relations.filter((r) => r.predicate === 'VISITED');
    expect(visits.map((r) => r.evidence.modality)).toEqual(['asserted', 'planned']);
  });
});
