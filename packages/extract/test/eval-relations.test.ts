import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateRelations } from '../src/eval/relations.ts';

const devPath = fileURLToPath(new URL('../../../../shared/eval/conll04/conll04_dev.json', import.meta.url));
const present = existsSync(devPath);
if (!present) console.warn(`SKIPPED eval-relations on CoNLL04: ${devPath} is absent`);

describe('CoNLL04 relation scoring', () => {
  it('matches predicted spans against mapped gold relations (hand-made sentences)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conll04-'));
    const file = join(dir, 'mini.json');
    const sentences = [
      {
        // "Jane Doe , a spokeswoman for Acme Corp , said ." → Work_For(Jane Doe, Acme Corp)
        tokens: ['Jane', 'Doe', ',', 'a', 'spokeswoman', 'for', 'Acme', 'Corp', ',', 'said', '.'],
        entities: [
          { type: 'Peop', start: 0, end: 2 },
          { type: 'Org', start: 6, end: 8 },
        ],
        relations: [{ type: 'Work_For', head: 0, tail: 1 }],
      },
      {
        // A Live_In relation is not scored.
        tokens: ['Jane', 'Doe', 'lives', 'in', 'Paris', '.'],
        entities: [
          { type: 'Peop', start: 0, end: 2 },
          { type: 'Loc', start: 4, end: 5 },
        ],
        relations: [{ type: 'Live_In', head: 0, tail: 1 }],
      },
    ];
    await writeFile(file, JSON.stringify(sentences));
    // Entities from the gold spans, so the test checks the scoring, not recognition.
    const analyze = (text: string) => {
      const s = sentences.find((x) => x.tokens.join(' ') === text)!;
      const starts: number[] = [];
      let pos = 0;
      for (const t of s.tokens) {
        starts.push(pos);
        pos += t.length + 1;
      }
      const typeOf = { Peop: 'Person', Org: 'Organization', Loc: 'Place' } as const;
      const entities = s.entities.map((e, i) => {
        const start = starts[e.start]!;
        const end = starts[e.end - 1]! + s.tokens[e.end - 1]!.length;
        return { id: `e${i}`, type: typeOf[e.type as keyof typeof typeOf], name: text.slice(start, end), attributes: {}, mentions: [{ start, end, text: text.slice(start, end) }] };
      });
      const mentions = entities.map((e) => ({ entityId: e.id, ...e.mentions[0]!, sentenceIndex: 0, source: 'gold' }));
      return { text, sentences: [{ start: 0, end: text.length, text }], entities, mentions };
    };
    const { summary, table } = await evaluateRelations(file, { analyze });
    expect(summary.per_predicate.HOLDS_ROLE).toEqual({ p: 1, r: 1, f1: 1 });
    expect(summary.per_predicate.LOCATED_IN).toEqual({ p: 0, r: 0, f1: 0 });
    expect(summary.sentences).toBe(2);
    expect(table).toMatch(/HOLDS_ROLE/);
  });

  it('leaves a prediction inside one gold mention unscored, but counts one across two unrelated mentions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conll04-'));
    const file = join(dir, 'inside.json');
    const tokens = ['Jane', 'Doe', 'was', 'born', 'in', 'Akron', ',', 'Ohio', '.'];
    const sentences = [
      // The gold joins "Akron , Ohio" into one location: "Akron LOCATED_IN Ohio" cannot be compared.
      { tokens, entities: [{ type: 'Peop', start: 0, end: 2 }, { type: 'Loc', start: 5, end: 8 }], relations: [] },
      // The same words with two gold locations and no relation between them: a false positive.
      { tokens, entities: [{ type: 'Peop', start: 0, end: 2 }, { type: 'Loc', start: 5, end: 6 }, { type: 'Loc', start: 7, end: 8 }], relations: [] },
    ];
    await writeFile(file, JSON.stringify(sentences));
    const plain = await evaluateRelations(file, { limit: 1 });
    await writeFile(file, JSON.stringify(sentences.slice(1)));
    const split = await evaluateRelations(file);
    // The extractor reads "Akron , Ohio" as a town in its state in both sentences.
    expect(plain.summary.inside_one_mention).toBe(1);
    expect(plain.summary.per_predicate.LOCATED_IN.p).toBe(0);
    expect(plain.table).toMatch(/LOCATED_IN\s+0\s+0\s+0\s+0\/0/);
    expect(split.summary.inside_one_mention).toBe(0);
    expect(split.table).toMatch(/LOCATED_IN\s+0\s+0\s+0\s+0\/1/);
  });

  it('reports the stricter reading too: predictions inside one gold mention counted as false positives', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conll04-'));
    const file = join(dir, 'strict.json');
    const inside = { tokens: ['Jane', 'Doe', 'was', 'born', 'in', 'Akron', ',', 'Ohio', '.'], entities: [{ type: 'Peop', start: 0, end: 2 }, { type: 'Loc', start: 5, end: 8 }], relations: [] };
    const employed = {
      tokens: ['Jane', 'Doe', ',', 'a', 'spokeswoman', 'for', 'Acme', 'Corp', ',', 'said', 'the', 'company', 'would', 'appeal', '.'],
      entities: [{ type: 'Peop', start: 0, end: 2 }, { type: 'Org', start: 6, end: 8 }],
      relations: [{ type: 'Work_For', head: 0, tail: 1 }],
    };
    await writeFile(file, JSON.stringify([inside, employed]));
    const { summary, table } = await evaluateRelations(file);
    expect(summary.inside_one_mention).toBe(1);
    expect(summary).toMatchObject({ p: 1, r: 1 });
    expect(summary.all_scored).toMatchObject({ p: 0.5, r: 1 });
    expect(table).toMatch(/counted as false positives: P 0\.5 R 1/);
  });

  it('matches a gold relation tied to another mention of the same entity in the sentence', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conll04-'));
    const file = join(dir, 'twice.json');
    const tokens = ['Jane', 'Doe', ',', 'a', 'spokeswoman', 'for', 'Acme', 'Corp', ',', 'said', 'Acme', 'Corp', 'would', 'appeal', '.'];
    const relations = [{ type: 'Work_For', head: 0, tail: 2 }];
    const entities = [{ type: 'Peop', start: 0, end: 2 }, { type: 'Org', start: 6, end: 8 }, { type: 'Org', start: 10, end: 12 }];
    // The gold ties Work_For to the second "Acme Corp"; the appositive rule reads the first.
    const analyze = (text: string) => {
      const span = (from: number, to: number) => ({ start: tokens.slice(0, from).join(' ').length + (from > 0 ? 1 : 0), end: tokens.slice(0, to).join(' ').length });
      const people = { id: 'person:jane-doe', type: 'Person' as const, name: 'Jane Doe', attributes: {}, mentions: [{ ...span(0, 2), text: 'Jane Doe' }] };
      const acme = { id: 'org:acme-corp', type: 'Organization' as const, name: 'Acme Corp', attributes: {}, mentions: [{ ...span(6, 8), text: 'Acme Corp' }, { ...span(10, 12), text: 'Acme Corp' }] };
      const mentions = [people, acme].flatMap((e) => e.mentions.map((m) => ({ entityId: e.id, ...m, sentenceIndex: 0, source: 'gold' }))).sort((a, b) => a.start - b.start);
      return { text, sentences: [{ start: 0, end: text.length, text }], entities: [people, acme], mentions };
    };
    await writeFile(file, JSON.stringify([{ tokens, entities, relations }]));
    const { summary } = await evaluateRelations(file, { analyze });
    expect(summary.per_predicate.HOLDS_ROLE).toEqual({ p: 1, r: 1, f1: 1 });
    // The same sentence with the relation tied to a person the text does not relate: no match.
    await writeFile(file, JSON.stringify([{ tokens, entities: [...entities, { type: 'Peop', start: 13, end: 14 }], relations: [{ type: 'Work_For', head: 3, tail: 2 }] }]));
    const other = await evaluateRelations(file, { analyze });
    expect(other.summary.per_predicate.HOLDS_ROLE).toEqual({ p: 0, r: 0, f1: 0 });
  });

  it('rejects a file that is not SpERT JSON, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conll04-'));
    const file = join(dir, 'bad.json');
    await writeFile(file, '{"tokens": []}');
    await expect(evaluateRelations(file)).rejects.toThrow(`${file}: expected a JSON array`);
  });

  it.skipIf(!present)('scores the full extractor on a sample of the CoNLL04 dev split', async () => {
    const { summary } = await evaluateRelations(devPath, { limit: 80 });
    expect(summary.sentences).toBe(80);
    for (const s of [summary, summary.per_predicate.HOLDS_ROLE, summary.per_predicate.LOCATED_IN]) {
      expect(s.p).toBeGreaterThanOrEqual(0);
      expect(s.p).toBeLessThanOrEqual(1);
      expect(s.r).toBeLessThanOrEqual(1);
    }
    // The rules find at least some Work_For relations, and most of what they say is right.
    expect(summary.per_predicate.HOLDS_ROLE.r).toBeGreaterThan(0);
    expect(summary.p).toBeGreaterThan(0.5);
  });
});
