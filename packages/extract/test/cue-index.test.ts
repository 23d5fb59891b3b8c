import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@newsgraph/shared';
import { extract, readBbc, readReuters } from '../src/index.ts';
import { cueAtoms } from '../src/relations/cue-atoms.ts';
import { CueIndex, SENTENCE_CUES } from '../src/relations/cue-index.ts';
import { RELATION_RULES } from '../src/relations/rule-registry.ts';

/**
 * The cue index must give exactly each cue regex's own test() answer. Strings written or
 * generated here; the corpus part reads ../shared/corpora when it is there (nothing is copied).
 */

const RULE_CUES: readonly RegExp[] = RELATION_RULES.flatMap((r) => (r.cue ? [r.cue] : []));

interface Mismatch {
  cue: string;
  text: string;
  regex: boolean;
}

/**
 * Every (cue, string) where the index and the regex disagree, asking the cues in a rotated order
 * per string. `indexed` are the patterns the index is built from (the same, but for the test
 * that shows a wrong index is caught).
 */
function mismatches(patterns: readonly RegExp[], texts: Iterable<string>, indexed: readonly RegExp[] = patterns, limit = 20): Mismatch[] {
  const index = new CueIndex(indexed);
  // The answer to compare with: test() of the pattern, without g (with g, test() is stateful).
  const plain = patterns.map((p) => (p.global ? new RegExp(p.source, p.flags.replace('g', '')) : p));
  const out: Mismatch[] = [];
  let turn = 0;
  for (const text of texts) {
    // Ask in a different order each time: the answer must not depend on which cue comes first.
    turn++;
    for (let k = 0; k < patterns.length; k++) {
      const cue = (k + turn) % patterns.length;
      const regex = (plain[cue] as RegExp).test(text);
      if (index.matches(cue, text) !== regex || (regex && !index.mayMatch(cue, text))) {
        out.push({ cue: (patterns[cue] as RegExp).toString().slice(0, 80), text, regex });
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}

const NEIGHBOURS = ['', ' ', 'a', 'Z', '7', '_', '-', '–', '’', "'", 'é', 'É', '\u00a0', '\u212a', '\u017f', ',', '(', '.'];
const TAILS = ['', ' ', 's', 'es', ' in', '  in ', ' in,', ' inn', "'s ", ' by', ' to', ' not to', ' the X', ' The', ' É', 'ing', '_x', '9'];

function caseVariants(s: string): string[] {
  const alternate = [...s].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');
  const title = s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  return [...new Set([s, s.toLowerCase(), s.toUpperCase(), alternate, title])];
}

/** Each atom of each cue in every case, between word, digit, underscore, punctuation and non-ASCII neighbours. */
function* adversarial(patterns: readonly RegExp[], neighbours = NEIGHBOURS, tails = TAILS, randomStrings = 40_000): Generator<string> {
  const atoms = patterns.flatMap((p) => cueAtoms(p)?.atoms.map((a) => a.text) ?? []);
  for (const atom of new Set(atoms)) {
    for (const variant of caseVariants(atom)) {
      yield variant;
      yield variant.slice(0, -1);
      yield variant.slice(1);
      for (const before of neighbours) for (const after of tails) yield `${before}${variant}${after}`;
      for (const after of neighbours) yield `${variant}${after}`;
      yield `x${variant}${variant}y`;
    }
  }
  // Random strings from the atoms' own characters and the neighbours: overlapping and cut atoms.
  const next = seededRandom(20261204);
  const pieces = [...new Set(atoms.flatMap((a) => [a, a.slice(0, 2), a.slice(-2), a.toUpperCase()])), ...NEIGHBOURS, ...TAILS];
  for (let n = 0; n < randomStrings; n++) {
    let s = '';
    const parts = 1 + Math.floor(next() * 6);
    for (let p = 0; p < parts; p++) s += pieces[Math.floor(next() * pieces.length)] as string;
    yield s;
  }
}

describe('cue atoms: a regex read as literals', () => {
  it('reads alternations, optional groups, classes and boundaries exactly', () => {
    expect(cueAtoms(/\bmet\b|talk|[-–]/i)).toEqual({
      exact: true,
      atoms: [
        { text: 'met', caseInsensitive: true, boundaryBefore: true, boundaryAfter: true },
        { text: 'talk', caseInsensitive: true, boundaryBefore: false, boundaryAfter: false },
        { text: '-', caseInsensitive: true, boundaryBefore: false, boundaryAfter: false },
        { text: '–', caseInsensitive: true, boundaryBefore: false, boundaryAfter: false },
      ],
    });
    expect(cueAtoms(/\b(?:firm(?:e?s)?)\b/)?.atoms.map((a) => a.text)).toEqual(['firmes', 'firms', 'firm']);
    expect(cueAtoms(/\b[Ii]ts/)?.atoms.map((a) => a.text)).toEqual(['Its', 'its']);
    expect(cueAtoms(/\b[Ii]ts/i)?.atoms.map((a) => a.text)).toEqual(['its']);
  });

  it('keeps atoms as a prefilter only when a tail follows them', () => {
    expect(cueAtoms(/\b(?:talks|meets)\s+in\b/i)).toMatchObject({ exact: false, atoms: [{ text: 'talks', boundaryBefore: true }, { text: 'meets' }] });
    // Each way to match gives its longest literal run: "of the X" its "the", "of X" its "of".
    expect(cueAtoms(/\bof\s+(?:the\s+)?\p{Lu}/u)).toMatchObject({
      exact: false,
      atoms: [
        { text: 'the', boundaryBefore: false, boundaryAfter: false },
        { text: 'of', boundaryBefore: true, boundaryAfter: false },
      ],
    });
    expect(cueAtoms(/\bthe\s+(?:country|nation)\b/i)).toMatchObject({ exact: false, atoms: [{ text: 'country', boundaryAfter: true }, { text: 'nation' }] });
    expect(cueAtoms(/of\b(?=\s)/)).toMatchObject({ exact: false, atoms: [{ text: 'of', boundaryAfter: true }] });
    // Ways to match that differ only before their last opaque part count once: no blow-up.
    const adverbs = `(?:${Array.from({ length: 40 }, (_v, i) => `w${i}x\\s+`).join('|')})?`;
    const optional = new RegExp(`\\b(?:has|have|had)\\s+${adverbs}${adverbs}(?:acquired|bought)\\b`); // 3 × 41 × 41 × 2 ways
    expect(cueAtoms(optional)?.atoms.map((a) => a.text).sort()).toEqual(['acquired', 'bought']);
  });

  it('reads a non-ASCII letter under /i as anything: the atom is the literal beside it, necessary only', () => {
    // /i folds "é" with "É", which an ASCII-folded atom cannot say; before, the whole pattern was refused.
    expect(cueAtoms(/café/i)).toEqual({ exact: false, atoms: [{ text: 'caf', caseInsensitive: true, boundaryBefore: false, boundaryAfter: false }] });
    expect(cueAtoms(/\bcommuniqu[eé]\b/i)).toMatchObject({ exact: false, atoms: [{ text: 'communique', boundaryAfter: true }, { text: 'communiqu', boundaryAfter: false }] });
    // Without /i the letter is an exact character like any other.
    expect(cueAtoms(/café/)).toMatchObject({ exact: true, atoms: [{ text: 'café' }] });
  });

  it('takes the rarer of two literal runs of one length as the atom', () => {
    // "the" is in nearly every sentence, "men" in few: the scan then flags fewer sentences.
    expect(cueAtoms(/the\s+men/i)?.atoms.map((a) => a.text)).toEqual(['men']);
    expect(cueAtoms(/men\s+the/i)?.atoms.map((a) => a.text)).toEqual(['men']);
    // A comma is commoner than a hyphen.
    expect(cueAtoms(/,\s*[DRI]\s*-/)?.atoms.map((a) => a.text)).toEqual(['-']);
    // Length still comes first.
    expect(cueAtoms(/\bthe\s+zq/)?.atoms.map((a) => a.text)).toEqual(['the']);
  });

  it('drops a branch whose inner boundary cannot hold, and keeps one that always holds', () => {
    expect(cueAtoms(/ab\bc|a\b-c/)).toEqual({ exact: true, atoms: [{ text: 'a-c', caseInsensitive: false, boundaryBefore: false, boundaryAfter: false }] });
  });

  it('gives null (keep the regex) for what it cannot read as atoms', () => {
    expect(cueAtoms(/\p{Lu}\p{Lu}/u)).toBeNull(); // no literal at all
    expect(cueAtoms(/a|\d+/)).toBeNull(); // one branch without a literal
    expect(cueAtoms(/said/y)).toBeNull(); // sticky: anchored where lastIndex is
    expect(cueAtoms(/said/iu)).toBeNull(); // u+i folds and bounds otherwise
    expect(cueAtoms(new RegExp('x{'))).toBeNull(); // a bare brace (an Annex B literal) is not read
  });
});

describe('the cue index answers exactly like each cue regex', () => {
  it('for every relation rule cue over generated adversarial strings', () => {
    expect(RULE_CUES.length).toBeGreaterThan(20);
    expect(mismatches(RULE_CUES, adversarial(RULE_CUES))).toEqual([]);
  });

  it('for every pattern the rules register (cues and trigger patterns) once they have read some news', () => {
    const stories = [
      'Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Monday, and the two sides agreed to keep talking.',
      'The United States imposed sanctions on three Chinese companies for supplying drones to Russia, the Treasury said.',
      'Germany urged India to stop buying Russian oil. Exports of wheat from Ukraine to Egypt rose; the firms shipped it via Turkey.',
      'Japan and Australia signed a trade deal. Rosneft, the Russian oil producer, sold crude to refiners in India.',
      'President Emmanuel Macron visited Kenya, where he was received by President William Ruto. He said the trip was a success.',
    ];
    for (const story of stories) extract(story);
    const patterns = SENTENCE_CUES.registered();
    expect(patterns.length).toBeGreaterThan(RULE_CUES.length + 10);
    // Fewer neighbours than for the cues: some 1,300 atoms times every pattern.
    const neighbours = ['', ' ', 'a', '7', '_', '–', 'é', ','];
    const tails = ['', ' ', 's', ' in', ' the X', ' The', '_x', "'s "];
    expect(mismatches(patterns, adversarial(patterns, neighbours, tails, 10_000), patterns, 20)).toEqual([]);
  });

  it('for patterns of every kind the reader knows, each against the others', () => {
    const patterns = [
      /\bmet\b|meet|\btwo\b|[-–]/i,
      /Minister|minister/,
      /\b(?:led|headed|run)\s+by\b/,
      /['’]s\s/,
      /[(,]\s*[DRI]\s*[-–]\s*[A-Z]/,
      /\bof\s+(?:the\s+)?\p{Lu}/u,
      /\b(?:succe|replac)/i,
      /_x|9\b|\b_|\b-x|y-\b/,
      /a\b-c|ab\bc/,
      /x(?!y)|\bzz\B/,
      /\p{Lu}\p{Lu}/u,
      /\u00e9t\u00e9|\x41b/,
      /\bcommuniqu[eé]s?\b|caf\u00e9/i,
    ];
    expect(mismatches(patterns, adversarial(patterns))).toEqual([]);
  });

  it('reports an index that answers for another regex (the comparison can fail)', () => {
    // An index of /met/ checked against /\bmet\b/: "Hemet" and "metal" differ, "met" does not.
    expect(mismatches([/\bmet\b/i], ['Hemet', 'met', 'metal'], [/met/i])).toEqual([
      { cue: '/\\bmet\\b/i', text: 'Hemet', regex: false },
      { cue: '/\\bmet\\b/i', text: 'metal', regex: false },
    ]);
    // A case-sensitive cue indexed as case-insensitive.
    expect(mismatches([/Minister/], ['minister'], [/Minister/i])).toHaveLength(1);
  });

  it('answers a pattern registered late by its regex, then from the scan once no new pattern has come for a while', () => {
    const index = new CueIndex([/said/]);
    const late = index.idOf(/\bmet\b/i);
    expect(index.idOf(/\bmet\b/i)).not.toBe(late); // another RegExp object is another pattern
    const texts = Array.from({ length: 120 }, (_v, i) => (i % 3 === 0 ? `They met on day ${i}.` : i % 3 === 1 ? `Hemet ${i}` : `He said ${i}`));
    for (const text of texts) {
      expect(index.matches(late, text)).toBe(/\bmet\b/i.test(text));
      expect(index.mayMatch(late, text) || !/\bmet\b/i.test(text)).toBe(true);
      expect(index.matches(0, text)).toBe(text.includes('said'));
    }
    // One straggler waits until its regex has run on enough sentences to pay for a rebuild.
    expect(index.waiting()).toBe(2);
    for (let i = 0; i < 5_000 && index.waiting() > 0; i++) index.mayMatch(0, `He said ${i}`);
    expect(index.waiting()).toBe(0);
    // Now the automaton holds the late pattern: "Hemet" has no atom "met" with a boundary before it.
    expect(index.mayMatch(late, 'Hemet 1000')).toBe(false);
  });

  it('builds the first automaton once a burst of new patterns ends, and rebuilds for stragglers only when their regexes have cost more', () => {
    const index = new CueIndex();
    const burst = [/\bmet\b/i, /\bvisit/i, /said/];
    for (const p of burst) index.idOf(p);
    let sentence = 0;
    const next = (): string => `They met and said ${sentence++}.`;
    for (let i = 0; i < 49; i++) index.matches(0, next());
    expect(index.waiting()).toBe(3); // the burst may go on: no build yet
    index.matches(0, next());
    expect(index.waiting()).toBe(0); // 50 sentences without a new pattern: built
    const straggler = index.idOf(/\btalks\b/);
    for (let i = 0; i < 2_499; i++) index.matches(straggler, next());
    expect(index.waiting()).toBe(1); // its regex has run on 2,499 sentences: cheaper than a rebuild
    const second = index.idOf(/\bsanction/i);
    for (let i = 0; i < 1_251; i++) expect(index.matches(second, next())).toBe(false);
    // Two waiting for 1,251 more sentences: 2,499 + 2 × 1,251 pattern-sentences pass 5,000.
    expect(index.waiting()).toBe(0);
    expect(index.matches(straggler, 'The talks ended.')).toBe(true);
    expect(index.mayMatch(straggler, 'The talk ended.')).toBe(false);
  });

  it('tells a g pattern (a trigger) that cannot match from one that can, without touching its lastIndex', () => {
    const trigger = /\b(?:visited|toured)\s+(?:the\s+)?\p{Lu}/gu;
    const index = new CueIndex([trigger]);
    trigger.lastIndex = 3;
    expect(index.mayMatch(0, 'They visited the Kremlin.')).toBe(true);
    expect(index.mayMatch(0, 'They revisited nothing.')).toBe(false);
    expect(index.matches(0, 'They visited the Kremlin.')).toBe(true);
    expect(index.matches(0, 'They visited the kremlin.')).toBe(false);
    expect(trigger.lastIndex).toBe(3);
  });
});

const corpora = fileURLToPath(new URL('../../../../shared/corpora/', import.meta.url));
const corporaPresent = existsSync(corpora);
if (!corporaPresent) console.warn(`SKIPPED the cue index over the bench corpus: ${corpora} is absent`);

describe.skipIf(!corporaPresent)('the cue index over the bench corpus (../shared/corpora)', () => {
  it('gives every rule cue the regex answer on every sentence-like piece of BBC and Reuters', async () => {
    const articles = [...(await readBbc(`${corpora}bbc`)), ...(await readReuters(`${corpora}reuters21578`, 25_000))];
    expect(articles.length).toBeGreaterThan(10_000);
    const pieces = function* (): Generator<string> {
      for (const a of articles) yield* a.text.split(/(?<=[.!?])\s+|\n+/);
    };
    expect(mismatches(RULE_CUES, pieces())).toEqual([]);
  });
});
