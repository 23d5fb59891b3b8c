import { describe, expect, it } from 'vitest';
import { analyzeEntities } from '../src/analyze-entities.ts';
import { SentenceScan } from '../src/entities/recognizer/scan.ts';
import type { RecognizerContext } from '../src/entities/recognizer/candidate.ts';
import { defaultGazetteer, tokenKey } from '../src/lexicon/gazetteer.ts';
import { addLabelledSentence, emptyTypeLexicon } from '../src/lexicon/type-lexicon.ts';
import { wordClasses } from '../src/lexicon/word-classes.ts';
import { tokenize } from '../src/text/tokenizer.ts';

function context(text: string, lexicon?: RecognizerContext['lexicon']): RecognizerContext {
  const tokens = tokenize(text);
  return { text, tokens, gazetteer: defaultGazetteer(), lexicon, words: wordClasses(), lowerInDocument: new Set(), keys: tokens.map((t) => tokenKey(t.text)) };
}

const TEXT = 'Officials of the United States and the European Union met in New York, said US Treasury Secretary Janet Yellen. The us dollar rose.';

/** Every span's answer from a scan that has been asked nothing else (what gazetteerAt keeps must not depend on what came before). */
function freshAnswers(text: string, maxLength: number): Map<string, readonly unknown[] | null> {
  const n = tokenize(text).length;
  const out = new Map<string, readonly unknown[] | null>();
  for (let a = 0; a < n; a++) for (let b = a; b <= Math.min(n, a + maxLength); b++) out.set(`${a}-${b}`, new SentenceScan(context(text)).gazetteerAt(a, b));
  return out;
}

describe('SentenceScan span answers', () => {
  it('answers each span as a fresh scan does, asked in any order and again', () => {
    const expected = freshAnswers(TEXT, 6);
    const scan = new SentenceScan(context(TEXT));
    const spans = [...expected.keys()];
    for (const order of [spans, [...spans].reverse(), spans]) {
      for (const span of order) {
        const [a, b] = span.split('-').map(Number) as [number, number];
        expect(scan.gazetteerAt(a, b), span).toEqual(expected.get(span));
      }
    }
    // The kept answer is the same list object the second time.
    const at = tokenize(TEXT).findIndex((t) => t.text === 'New');
    expect(scan.gazetteerAt(at, at + 2)).toBe(scan.gazetteerAt(at, at + 2));
  });

  it('finds known names, honours exact-case acronyms, and tells spans of one start apart', () => {
    const scan = new SentenceScan(context(TEXT));
    const tokens = tokenize(TEXT);
    const at = (word: string, from = 0) => tokens.findIndex((t, i) => i >= from && t.text === word);
    const united = at('United');
    expect(scan.gazetteerAt(united, united + 2)?.some((e) => e.type === 'Country')).toBe(true);
    expect(scan.gazetteerAt(united, united + 1)).toBeNull();
    expect(scan.gazetteerAt(united, united + 2)?.some((e) => e.type === 'Country')).toBe(true);
    expect(scan.gazetteerAt(at('US'), at('US') + 1)?.some((e) => e.type === 'Country')).toBe(true);
    // "us" in lower case is the pronoun: the exact-case alias "US" does not match it.
    expect(scan.gazetteerAt(at('us'), at('us') + 1)).toBeNull();
    expect(scan.isKnown(at('York'), at('York') + 1)).toBe(scan.gazetteerAt(at('York'), at('York') + 1) !== null);
  });

  it('asks the type lexicon when there is one, and the gazetteer alone otherwise', () => {
    const text = 'Zorvath Kell spoke.';
    const lexicon = emptyTypeLexicon();
    addLabelledSentence(lexicon, [
      { text: 'Zorvath', label: 'PER', begin: true },
      { text: 'Kell', label: 'PER', begin: false },
      { text: 'spoke', label: null, begin: false },
    ]);
    expect(new SentenceScan(context(text, lexicon)).isKnown(0, 2)).toBe(true);
    expect(new SentenceScan(context(text)).isKnown(0, 2)).toBe(false);
  });

  it('tells which tokens the candidates found so far cover', () => {
    const scan = new SentenceScan(context('Officials of the European Union met.'));
    scan.start({ start: 0, end: 36, firstToken: 0, lastToken: 7 }, 0);
    scan.push({ first: 3, last: 5, type: 'Organization', source: 'gazetteer' });
    expect([0, 1, 2, 3, 4, 5, 6].map((k) => scan.isTaken(k))).toEqual([false, false, false, true, true, false, false]);
  });
});

describe('goods opened by a loose acronym', () => {
  const typed = (text: string) => analyzeEntities(text).entities.map((e) => `${e.type} ${e.name}`);

  it('joins each acronym that opens a goods phrase to it, and leaves other acronyms their names', () => {
    expect(typed('Exports of CNC machines and DC motors to Iran were banned, the BIS said.')).toEqual(['Goods machine tools', 'Goods electric motors', 'Country Iran', 'Organization Bureau of Industry and Security']);
    expect(typed('The ABC reported exports of DC motors.')).toEqual(['Organization ABC', 'Goods electric motors']);
    expect(typed('The XYZ said DC was calm.')).toEqual(['Organization XYZ', 'Organization DC']);
  });
});
