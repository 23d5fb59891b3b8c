import { describe, expect, it } from 'vitest';
import { PREDICATES, isEntityType, isModality, seededRandom, type ExtractionResult } from '@newsgraph/shared';
import { extract } from '../src/extract.ts';
import { CorpusIndex } from '../src/corpus/corpus-index.ts';
import { ARTICLE_SUBJECT } from '../src/relations/sentence-context.ts';

/**
 * Adversarial inputs from a seeded generator: every case must come back with a well-formed result
 * (offsets in range, mention text equal to its slice, relation ends naming returned entities).
 * Wall time is not asserted tightly; the per-test timeout only catches a hang.
 */

const WORDS = [
  'Treasury', 'officials', 'visited', 'Hong Kong', 'China', 'Russia', 'urged', 'the', 'central bank', 'sanctioned', 'US', 'U.S.',
  'Secretary of State', 'Antony Blinken', 'met with', 'came from', 'followed by', 'shipped through', 'hubs such as', 'Turkey', 'UAE',
  'Bloomberg News', 'reported', '— Reuters', 'according to', 'Nikkei Asia', 'Veldhoven-based', 'ASML Holding NV', 'trade with',
  'Iranian', 'drones', 'chips', 'is in', 'Tokyo', 'for', 'a', 'conference', "'s", 'Bureau', 'of', 'and', ',', '.', ';', '"', '“', '”',
  '(', ')', 'Mr.', 'Dr.', 'Inc.', 'St.', '...', '!?', '\n', '\n\n', '\t', 'ß', 'İstanbul', 'Ελλάδα', '中国', 'روسیه', '😀', '\u200b', '\u0000',
  '\ud800', 'e\u0301', 'WASHINGTON:', 'G7', 'EU', 'member states', 'Group of Seven', 'whether to sanction', 'companies in',
  // The newer passes: corpus aliases, country scope, sports teams, goods senses, gazetteer words that are common words.
  'Finance Ministry', 'the Treasury', 'Parliament', 'Democrats', 'President', 'Reagan', 'Ronald Reagan', 'Mr', 'beat', 'v', '429',
  'Surrey', 'Leeds', 'captain', 'match', 'goals', 'league', 'arms', 'gold', 'Olympic', 'technology', 'exports', 'Shahed', 'Javelin',
  "Moody's", 'Investors Service Inc', 'Corp', 'Co Inc', 'Reading', 'Mobile', 'Nice', 'March', 'Владимир Путин', 'محمد بن سلمان',
  '習近平', 'São Paulo', 'Zürich', 'Москва', 'Kyiv-based', "I've", 'USDA', 'U.S. Agriculture Department', 'Japanese',
  // The recognizer's segmenters and the sports pass: openers, ampersands, possessive plurals, "and" before a head,
  // results tables and scorecards, particles with hyphens, party members.
  'SOCCER -', 'Banca', 'Grupo', 'Deportivo', 'Dynamo', '&', 'Newsroom', 'news agency', 'spokesman', 'general manager', "Employers'",
  'Association', 'Ways and Means', 'Committee', 'vs.', 'c', 'b', 'lbw', '3-0-15-0', '( Germany )', '64 2 43 .596', 'al-', 'Democrat',
  'Most', 'Brian Finn', 'State Administration of', 'United Bank of Africa and', 'Standard Trust Bank', '73 69 74 68',
];

function adversarial(random: () => number, caseIndex: number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  switch (caseIndex % 10) {
    case 8: // 500 names in one sentence, in several scripts
      return `Leaders met: ${Array.from({ length: 500 }, () => pick(['Антон Иванов', 'محمد علي', '王小明', 'Jane Doe', 'Reagan', 'Surrey', 'Finance Ministry', 'Shahed', 'Nice', 'Ελλάδα'])).join(', ')}.`;
    case 9: // hard-wrapped wire copy with tables, as old agency text
      return Array.from({ length: 5 + Math.floor(random() * 40) }, () => `${pick(WORDS)} ${pick(WORDS)} ${pick(['Shr', 'NOTE:', 'Revs', 'Net'])} ${Math.floor(random() * 999)} vs ${pick(WORDS)}`).join('\n');
    case 0: // word salad from the trigger vocabulary
      return Array.from({ length: 1 + Math.floor(random() * 300) }, () => pick(WORDS)).join(random() < 0.5 ? ' ' : '');
    case 1: // random UTF-16 code units, lone surrogates included
      return Array.from({ length: Math.floor(random() * 2000) }, () => String.fromCharCode(Math.floor(random() * 65536))).join('');
    case 2: // punctuation storms
      return Array.from({ length: Math.floor(random() * 3000) }, () => pick(['.', ',', '!', '?', '—', '-', "'", '"', '(', ')', ' ', '\n', ':', ';'])).join('');
    case 3: // one very long sentence
      return Array.from({ length: 500 + Math.floor(random() * 1500) }, () => pick(WORDS.filter((w) => !/[.!?\n]/.test(w)))).join(' ');
    case 4: // a name repeated thousands of times
      return `${pick(['Antony Blinken', 'China', 'Bloomberg News', 'Hong Kong Monetary Authority'])} `.repeat(200 + Math.floor(random() * 1000));
    case 5: // long lists
      return `Goods sent to Russia came from ${Array.from({ length: 20 + Math.floor(random() * 200) }, () => pick(['China', 'Taiwan', 'the EU', 'Malaysia', 'Israel'])).join(', ')}.`;
    case 6: // empty and whitespace
      return pick(['', ' ', '\n\n\n', '\t \r\n', '.']);
    default: // binary-looking bytes as latin-1
      return Array.from({ length: Math.floor(random() * 4000) }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
  }
}

/** Every way the result breaks its contract, as readable strings (empty when well-formed). */
function problems(text: string, result: ExtractionResult): string[] {
  const out: string[] = [];
  const ids = new Set<string>();
  for (const e of result.entities) {
    if (!isEntityType(e.type)) out.push(`entity ${e.id}: bad type ${e.type}`);
    if (ids.has(e.id)) out.push(`entity ${e.id}: duplicate id`);
    ids.add(e.id);
    for (const m of e.mentions) {
      if (!(m.start >= 0 && m.end > m.start && m.end <= text.length)) out.push(`entity ${e.id}: mention ${m.start}-${m.end} out of range`);
      else if (text.slice(m.start, m.end) !== m.text) out.push(`entity ${e.id}: mention text differs from its slice`);
    }
  }
  for (const r of result.relations) {
    const label = `${r.subject} ${r.predicate} ${r.object}`;
    if (!(PREDICATES as readonly string[]).includes(r.predicate)) out.push(`${label}: unknown predicate`);
    if (r.subject === ARTICLE_SUBJECT ? r.predicate !== 'REPORTED_BY' : !ids.has(r.subject)) out.push(`${label}: unknown subject`);
    if (!ids.has(r.object)) out.push(`${label}: unknown object`);
    if (r.subject === r.object) out.push(`${label}: reflexive`);
    const { start, end, sentence, confidence } = r.evidence;
    if (!(start >= 0 && end <= text.length && text.slice(start, end) === sentence)) out.push(`${label}: evidence span does not hold its sentence`);
    if (!(confidence > 0 && confidence <= 1)) out.push(`${label}: confidence ${confidence}`);
    if (r.evidence.modality !== undefined && !isModality(r.evidence.modality)) out.push(`${label}: modality ${String(r.evidence.modality)}`);
    const a = r.evidence.antecedent;
    if (a && !(a.start >= 0 && a.end <= text.length && text.slice(a.start, a.end) === a.sentence && a.start !== start)) out.push(`${label}: antecedent span does not hold another sentence`);
  }
  return out;
}

describe('extract on adversarial input', () => {
  it('returns a well-formed result for 400 seeded adversarial texts', { timeout: 240_000 }, () => {
    const random = seededRandom(20261122);
    // One corpus index for every case, as a pipeline keeps one: what bad input teaches must not break later input.
    const corpus = new CorpusIndex();
    for (let i = 0; i < 400; i++) {
      const text = adversarial(random, i);
      let result: ExtractionResult;
      try {
        result = extract(text, i % 2 === 0 ? { corpus } : {});
      } catch (error) {
        throw new Error(`case ${i} (kind ${i % 10}, ${text.length} chars) threw: ${(error as Error).message}`, { cause: error });
      }
      expect(problems(text, result), `case ${i} (kind ${i % 10})`).toEqual([]);
    }
    expect(corpus.size).toBeGreaterThan(0);
    expect(() => JSON.stringify(corpus.snapshot())).not.toThrow();
  });

  it('reads result tables, long coordinations and hostile names in the recognizer passes without breaking', { timeout: 120_000 }, () => {
    const scripts = ['Антон Иванов', 'محمد علي', '王小明', 'Ελλάδα', 'Zürich', 'Reading', 'Bury', 'Nice', 'Dynamo Москва', 'Banca 中国 del Lavoro'];
    const cases: Record<string, string> = {
      // 500 sides in one result line, in several scripts, common-word towns among them.
      resultLine: `SOCCER - RESULTS .\n${Array.from({ length: 500 }, (_, i) => `${scripts[i % scripts.length]} ${i % 7}`).join(' ')}`,
      standings: `SOCCER - TABLE .\n${Array.from({ length: 300 }, (_, i) => `${scripts[i % scripts.length]} ${i} 2 1 0 5 3 7`).join('\n')}`,
      // "and" before an organization head, 500 times over; plural possessives in a chain.
      andChain: `The ${Array.from({ length: 500 }, (_, i) => `Alpha${i}`).join(' and ')} Committee met.`,
      possessives: `The ${"Traders' ".repeat(400)}Association said.`,
      ampersands: `${Array.from({ length: 500 }, (_, i) => `Smith${i}`).join(' & ')} shares rose.`,
      particles: `${'al-'.repeat(300)}Jibouri said ${'de '.repeat(300)}Clercq said.`,
      mixedScripts: 'Banca Nazionale del Лаворо and Grupo 中国 and Deportivo Coruña said; Brian Ελλάδα and Most Gibraltarians said.',
    };
    for (const [name, text] of Object.entries(cases)) {
      let result: ExtractionResult;
      try {
        result = extract(text);
      } catch (error) {
        throw new Error(`${name} threw: ${(error as Error).message}`, { cause: error });
      }
      expect(problems(text, result), name).toEqual([]);
    }
    // In a results table a town that is also an ordinary word is the side; outside one, "Reading" is left alone.
    const table = extract('SOCCER - ENGLISH LEAGUE RESULTS .\nLONDON 1996-08-31\nReading 2 Stoke 2\nBury 4 Bristol City 0');
    const sides = table.entities.filter((e) => e.type === 'Organization').map((e) => e.name).sort();
    expect(sides).toEqual(['Bristol City', 'Bury', 'Reading', 'Stoke']);
    expect(table.entities.find((e) => e.name === 'London')?.type).toBe('Place');
    // Quantified plurals and party members are no people.
    const plural = extract('Most Gibraltarians said they wanted to remain British, an Illinois Democrat said.');
    expect(plural.entities.filter((e) => e.type === 'Person')).toEqual([]);
  });

  it('handles a 100,000-character sentence and a 500 kB text', { timeout: 120_000 }, () => {
    const sentence = 'Treasury officials visited Hong Kong and urged the central bank to act, '.repeat(1400);
    expect(sentence.length).toBeGreaterThan(100_000);
    expect(problems(sentence, extract(sentence))).toEqual([]);
    const big = 'Antony Blinken visited Beijing. The US sanctioned Russia. '.repeat(9_000);
    const result = extract(big);
    expect(problems(big, result)).toEqual([]);
    expect(result.relations.filter((r) => r.predicate === 'SANCTIONS').length).toBe(9_000);
  });

  it('handles 2,000 pronouns and descriptions in a row, a list of 5,000 names and circular appositions', { timeout: 120_000 }, () => {
    const cases: Record<string, string> = {
      pronouns: `Antony Blinken visited Beijing. ${'He met him and his '.repeat(700)}Wang Yi.`,
      pronounSentences: `Mary Smith visited Oslo. ${'She met her. '.repeat(2000)}`,
      descriptions: `Rostec signed a deal. ${'the company the minister the bank the two sides met '.repeat(500)}.`,
      list: `The Treasury sanctioned ${Array.from({ length: 5000 }, (_, i) => `Corvex${i} Trading Corp`).join(', ')} and Zeta Holdings Ltd.`,
      names: `Talks between ${Array.from({ length: 5000 }, (_, i) => ['Antony Blinken', 'Wang Yi', 'China', 'Russia'][i % 4]).join(' and ')}.`,
      circular: `Ivan Petrov, the chief executive of Rostec, ${'the chief executive of Ivan Petrov, the chief of Rostec, '.repeat(1500)}met Olaf Scholz.`,
    };
    for (const [name, text] of Object.entries(cases)) {
      const result = extract(text);
      expect(problems(text, result), name).toEqual([]);
      // A run of references is capped per sentence: no claim explosion.
      expect(result.relations.length, name).toBeLessThan(2_000);
    }
    // Cross-sentence sanctions targets and ambiguous descriptions (branch coref): every sentence
    // looks back a bounded way, so thousands of them stay linear.
    const crossSentence: Record<string, string> = {
      describedTargets: `Canada sanctioned two firms. ${'They are Drina Trade Corp and Tara Metals Ltd. '.repeat(1000)}`,
      alsoListed: `The Treasury sanctioned Duna Trade Corp. ${'Also listed were Mark Vidal and Tisza Parts Ltd. '.repeat(1000)}`,
      another: `The Treasury added nine firms to its Entity List. Among them is Lumen Optics Ltd. ${'Another, Pearl River Chips Ltd, sold chips. '.repeat(1000)}`,
      ambiguousCompany: `${Array.from({ length: 400 }, (_, i) => `Vesta${i} Motor Works Ltd`).join(' and ')} sold motors. ${'The company said it sold lathes to Kyrgyzstan. '.repeat(1000)}`,
      // Definite descriptions with an owner (role-definite) and offices of a British politics story (role-uk-story).
      ownerDescriptions: `${Array.from({ length: 300 }, (_, i) => `Tory leader Mark Hale${i} spoke.`).join(' ')} ${'The Tory leader said Chancellor Ann Reid and Prime Minister Tom Lake met after meeting the Labour leader. '.repeat(1000)} Britain.`,
    };
    for (const [name, text] of Object.entries(crossSentence)) {
      const result = extract(text);
      expect(problems(text, result), name).toEqual([]);
      expect(result.relations.length, name).toBeLessThan(5_000);
    }
    // The references still resolve: the first pronoun after the name stands for it.
    const first = extract(`Antony Blinken visited Beijing. He met Wang Yi. ${'He met him. '.repeat(2000)}`);
    const met = first.relations.find((r) => r.predicate === 'MET_WITH');
    expect(met?.evidence.antecedent?.sentence).toBe('Antony Blinken visited Beijing.');
  });
});
