import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildConllText, evaluateNer, scoreDocument } from '../src/eval/ner.ts';
import { parseConll } from '../src/eval/conll.ts';
import { compromiseEntities } from '../src/eval/baseline.ts';

const conllDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/eval/conll2003');
const present = existsSync(join(conllDir, 'eng.testa')) && existsSync(join(conllDir, 'eng.train'));
if (!present) console.warn(`ner.test: ${conllDir} is absent; CoNLL slice check skipped`);

const SAMPLE = `-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
visited VBD I-VP O
Japan NNP I-NP I-LOC
. . O O
`;

describe('CoNLL scoring rules', () => {
  it('rebuilds the text and scores typed exact spans, ignoring MISC', () => {
    const [doc] = parseConll(SAMPLE);
    if (!doc) throw new Error('no document parsed');
    const built = buildConllText(doc);
    expect(built.text).toBe('EU rejects German call .\nPeter Blackburn visited Japan .');
    expect(built.gold.map((g) => g.label)).toEqual(['ORG', 'MISC', 'PER', 'LOC']);
    const counts = { tp: { PER: 0, ORG: 0, LOC: 0 }, fp: { PER: 0, ORG: 0, LOC: 0 }, fn: { PER: 0, ORG: 0, LOC: 0 } };
    scoreDocument(
      built,
      [
        { type: 'Organization', start: 0, end: 2 }, // EU: hit
        { type: 'Country', start: 11, end: 17 }, // German as LOC: coincides with MISC, ignored
        { type: 'Person', start: 25, end: 30 }, // "Peter" only: wrong span
        { type: 'Goods', start: 3, end: 10 }, // not scored
        { type: 'Place', start: 49, end: 54 }, // Japan: hit
      ],
      counts,
    );
    expect(counts.tp).toEqual({ PER: 0, ORG: 1, LOC: 1 });
    expect(counts.fp).toEqual({ PER: 1, ORG: 0, LOC: 0 });
    expect(counts.fn).toEqual({ PER: 1, ORG: 0, LOC: 0 });
  });
});

describe('plain compromise baseline', () => {
  it('returns typed spans that are exact slices of the input, also after newlines', () => {
    const text = 'Officials met in Paris on Monday.\nLater, John Smith flew to Tokyo for talks with Toyota.';
    const found = compromiseEntities(text);
    expect(found.length).toBeGreaterThan(0);
    for (const e of found) {
      expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(['Person', 'Organization', 'Place']).toContain(e.type);
    }
    expect(found.some((e) => e.type === 'Place' && e.text === 'Tokyo')).toBe(true);
  });
});

describe.skipIf(!present)('CoNLL-2003 eng.testa slice', () => {
  it('scores well above plain compromise on the first 25 documents', async () => {
    const r = await evaluateNer(join(conllDir, 'eng.testa'), { maxDocuments: 25 });
    expect(r.summary.train_lexicon).toContain('eng.train');
    expect(r.summary.f1).toBeGreaterThan(0.72);
    expect(r.summary.f1).toBeGreaterThan(r.summary.baseline.f1 + 0.1);
    expect(r.table).toContain('compromise (plain)');
  }, 60_000);

  it('works without the training lexicon from public-fact lexicons and rules', async () => {
    const r = await evaluateNer(join(conllDir, 'eng.testa'), { maxDocuments: 25, useTrainLexicon: false, skipBaseline: true });
    expect(r.summary.train_lexicon).toBeNull();
    expect(r.summary.f1).toBeGreaterThan(0.5);
  }, 60_000);
});
