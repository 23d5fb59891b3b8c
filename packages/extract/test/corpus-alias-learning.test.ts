import { describe, expect, it } from 'vitest';
import { CorpusIndex, analyzeEntities } from '../src/index.ts';
import type { AliasArticleLearning, EntityAnalysis } from '../src/index.ts';

/** Texts written for these tests; nothing here comes from ../shared. */

function idOf(a: EntityAnalysis, text: string): string | undefined {
  return a.mentions.find((m) => m.text === text)?.entityId;
}

/** Analyses each text with the corpus and collects what each article taught, as a store would keep it. */
function learnAll(corpus: CorpusIndex, texts: string[]): { analyses: EntityAnalysis[]; records: AliasArticleLearning[] } {
  const analyses: EntityAnalysis[] = [];
  const records: AliasArticleLearning[] = [];
  for (const text of texts) {
    analyses.push(analyzeEntities(text, { corpus }));
    const record = corpus.takeArticleLearning();
    expect(record).not.toBeNull();
    records.push(JSON.parse(JSON.stringify(record)) as AliasArticleLearning);
  }
  return { analyses, records };
}

describe('alias learning records (what a store keeps per article)', () => {
  it('records the resolution with its reason, and hands each record out once', () => {
    const corpus = new CorpusIndex();
    const { analyses, records } = learnAll(corpus, [
      'Senator Anna Kowalczyk met leaders of Congress at the White House.',
      'Kowalczyk told Congress she would oppose the bill.',
    ]);
    expect(idOf(analyses[1]!, 'Kowalczyk')).toBe('person:anna-kowalczyk');
    expect(records[0]!.resolutions).toEqual([]);
    expect(records[1]!.resolutions).toEqual([
      { kind: 'surname', alias: 'Kowalczyk', entityId: 'person:anna-kowalczyk', reason: expect.stringMatching(/surname of Anna Kowalczyk/) },
    ]);
    expect(records[0]!.entities.find((e) => e.id === 'person:anna-kowalczyk')?.sources).toContain('title-name');
    expect(corpus.takeArticleLearning()).toBeNull();
  });

  it('rebuilds the same index in a fresh process from the records, in order', () => {
    const { records } = learnAll(new CorpusIndex(), [
      'Senator Anna Kowalczyk met leaders of Congress at the White House.',
      'Senator Anna Kowalczyk spoke to Congress again on Friday.',
    ]);
    const fresh = new CorpusIndex();
    for (const r of records) fresh.replay(r);
    const later = analyzeEntities('Kowalczyk told Congress she would oppose the bill.', { corpus: fresh });
    expect(idOf(later, 'Kowalczyk')).toBe('person:anna-kowalczyk');
    expect(later.mentions.find((m) => m.text === 'Kowalczyk')?.resolvedBy).toMatch(/surname of Anna Kowalczyk, the only full name with it in 2 earlier/);
    // Replaying teaches; it leaves nothing to collect.
    expect(fresh.takeArticleLearning()).not.toBeNull(); // the analysis just above
    fresh.replay(records[0]!);
    expect(fresh.takeArticleLearning()).toBeNull();
  });

  it('refuses a record of another version or shape with a clear error', () => {
    expect(() => new CorpusIndex().replay({ version: 2 } as never)).toThrow(/alias learning record/);
    expect(() => new CorpusIndex().replay({ version: 1, entities: 'x' } as never)).toThrow(/alias learning record/);
  });
});

describe('an alias made ambiguous by a later article', () => {
  const texts = [
    'Senator Anna Kowalczyk met leaders of Congress at the White House.',
    'Kowalczyk told Congress she would oppose the bill.',
    'Governor Peter Kowalczyk told Congress his state needed the money.',
    'Kowalczyk told Congress the vote would be close.',
  ];

  it('notes the ambiguity with both full forms, then stops resolving the alias', () => {
    const corpus = new CorpusIndex();
    const { analyses, records } = learnAll(corpus, texts);
    expect(idOf(analyses[1]!, 'Kowalczyk')).toBe('person:anna-kowalczyk');
    expect(idOf(analyses[2]!, 'Peter Kowalczyk')).toBe('person:peter-kowalczyk');
    expect(records[2]!.ambiguities).toEqual([
      {
        kind: 'surname',
        alias: 'kowalczyk',
        entityIds: ['person:anna-kowalczyk', 'person:peter-kowalczyk'],
        reason: expect.stringMatching(/no longer resolved.*earlier resolutions \(1 to Anna Kowalczyk\) are kept as written/),
      },
    ]);
    const fourth = idOf(analyses[3]!, 'Kowalczyk');
    expect(fourth).not.toBe('person:anna-kowalczyk');
    expect(fourth).not.toBe('person:peter-kowalczyk');
    expect(records[3]!.resolutions).toEqual([]);
  });

  it('still tells the two apart where a role does', () => {
    const corpus = new CorpusIndex();
    learnAll(corpus, texts.slice(0, 3));
    const a = analyzeEntities('Governor Kowalczyk told Congress the state would sue.', { corpus });
    expect(idOf(a, 'Kowalczyk')).toBe('person:peter-kowalczyk');
  });

  it('notes nothing when the alias was never resolved (two namesakes are no news)', () => {
    const corpus = new CorpusIndex();
    const { records } = learnAll(corpus, [texts[0]!, texts[2]!]);
    expect(records.flatMap((r) => r.ambiguities)).toEqual([]);
  });

  it('gives the same answers after a replay of the records', () => {
    const { records } = learnAll(new CorpusIndex(), texts.slice(0, 3));
    const fresh = new CorpusIndex();
    for (const r of records) fresh.replay(r);
    expect(idOf(analyzeEntities(texts[3]!, { corpus: fresh }), 'Kowalczyk')).not.toBe('person:anna-kowalczyk');
  });
});
