import { COMPANY_HEADS, FIELD_WORDS, NAME_CONJUNCTIONS } from '../../lexicon/company-words.ts';
import { ORG_OF_HEADS, ORG_SUFFIXES, PLACE_OF_HEADS, PLACE_SUFFIXES, ROLE_HEADS } from '../../lexicon/titles.ts';
import { EAST_ASIAN_FAMILY_NAMES } from '../../lexicon/east-asian-surnames.ts';
import { stripDot } from './candidate.ts';
import { isModelDesignator } from './model-designator.ts';
import type { SentenceScan } from './scan.ts';
import { LEGAL_FORM_WORDS, NAME_PARTICLES } from './words.ts';

/** Bodies after which "for" opens a constituency or brief, not more of the name ("Member of Parliament for Leeds"). */
const NO_FOR_HEADS = new Set(['parliament', 'assembly', 'congress', 'senate']);
const ORG_IN_HEADS = new Set(['consulate', 'embassy', 'consulate-general', 'mission']);
/** Irregular plurals that own a body in its name: "People's Party", "Women's League", "Children's Hospital". */
const COLLECTIVE_OWNERS = new Set(['people', 'women', 'children', 'men']);

/**
 * End of the run of capitalised tokens opening at `start`: name words joined by the connectors
 * where a name continues ("of"/"for" after a head, "and" inside a known name, "&", hyphens,
 * particles, "Co., Ltd.").
 */
export function runEnd(s: SentenceScan, start: number, limit: number): number {
  let end = start + 1;
  const state: ConnectorState = { sawOfAfterOrgHead: false };
  while (end < limit) {
    const t = s.tok(end);
    if (t.blankLineBefore) break;
    if (s.isNameToken(end)) {
      // "Russian Orlan-10 drones": the designator is read on its own (see model-designator.ts).
      if (isModelDesignator(s, end, limit)) break;
      end++;
      continue;
    }
    const after = afterConnector(s, start, end, limit, state);
    if (after < 0) break;
    end = after;
  }
  return end;
}

/** What the connectors of one run have seen so far. */
interface ConnectorState {
  /** "of" (or "of the") after an organization head: "and", "in" may go on inside the name. */
  sawOfAfterOrgHead: boolean;
}

/**
 * Where the run opening at `start` goes on after the token at `end`, which is no name token, or
 * -1 when it ends before it. (Apart from runEnd's loop over name tokens: these rules run once
 * per run end, so a deopt in one of their rare branches recompiles them alone.)
 */
function afterConnector(s: SentenceScan, start: number, end: number, limit: number, state: ConnectorState): number {
  const t = s.tok(end);
  const lex = s.ctx.lexicon;
  const afterParticles = particlesThenName(s, end, limit);
  if (afterParticles > 0) return afterParticles;
  const next = end + 1 < limit ? end + 1 : -1;
  // "Moody's Investors Service Inc", "McDonald's Corp": a possessive inside a company name that
  // ends in a corporate word, after a word that is no known name ("Britain's Labour Party" is two).
  if (t.kind === 'possessive' && next > 0 && s.isNameToken(next) && !s.gazetteerAt(end - 1, end) && end - start === 1 && companyNameAhead(s, next, limit)) {
    return next + 1;
  }
  // "the People's Party", "Women's Union", "Children's Hospital": a possessive plural noun inside a
  // name that goes on to an organization head (the possessive says who the body is for).
  if (COLLECTIVE_OWNERS.has(s.lower(end - 1)) && next > 0) {
    // Tokenised copy splits the possessive: "People 's Party" (an apostrophe, then "s").
    const split = t.text === "'" && s.lower(next) === 's' && !s.tok(next).spaceBefore && next + 1 < limit;
    const after = split ? next + 1 : next;
    // "Donetsk People's Republic": likewise before a place head, so no region is cut out of the name.
    if ((t.kind === 'possessive' || split) && s.isNameToken(after) && (orgHeadAhead(s, after, limit) || placeHeadAhead(s, after, limit))) {
      return after + 1;
    }
  }
  // "Employers' Association", "Bond Traders ' Association": a plural possessive inside a name
  // that goes on to an organization head.
  if (t.text === "'" && next > 0 && s.isNameToken(next) && s.lower(end - 1).endsWith('s') && s.isNameToken(end - 1) && orgHeadAhead(s, next, limit)) {
    return next + 1;
  }
  // "Brightway Electronics (HK) Ltd": a bracketed place code before a legal form stays inside the name.
  if (t.text === '(' && end + 3 < limit && isPlaceCode(s, end + 1) && s.tok(end + 2).text === ')' && LEGAL_FORM_WORDS.has(stripDot(s.lower(end + 3))) && s.isNameToken(end + 3)) {
    return end + 4;
  }
  // "Trade Co., Ltd.", "Acme, Inc.": a comma before a company suffix stays inside the name.
  if (t.text === ',' && next > 0 && /^(ltd|limited|inc|llc|plc|corp|co|gmbh|ag|sa|nv|bv|llp|lp)\.?$/.test(s.lower(next)) && (ORG_SUFFIXES.has(s.lower(end - 1)) || s.isNameToken(end - 1))) {
    return next + 1;
  }
  // "Central Bank of the UAE", "Ministry of the Interior": "of the" after an organization head.
  if (t.kind === 'word' && t.text === 'of' && next > 0 && next + 1 < limit && s.tok(next).text === 'the' && ORG_OF_HEADS.has(stripDot(s.lower(end - 1))) && s.isNameToken(next + 1) && !s.tok(next + 1).blankLineBefore) {
    state.sawOfAfterOrgHead = true;
    return next + 2;
  }
  // "Park Jae-hoon", "Kim Jong-un": a Korean given name's second syllable after a hyphen, in lower case.
  if (next > 0 && isGivenNameSyllable(s, end, next)) {
    return next + 1;
  }
  if (next < 0 || !s.isNameToken(next) || s.tok(next).blankLineBefore) return -1;
  const w = t.text.toLowerCase();
  const prev = stripDot(s.lower(end - 1));
  if (t.kind === 'punct' && (t.text === '-' || t.text === '&') && !t.spaceBefore && !s.tok(next).spaceBefore) {
    return next + 1;
  }
  if (t.text === '&') {
    return next + 1;
  }
  if (w === 'of' || w === 'for') {
    if (w === 'for' && NO_FOR_HEADS.has(prev)) return -1;
    if (ORG_OF_HEADS.has(prev) || PLACE_OF_HEADS.has(prev) || ROLE_HEADS.has(prev) || lex?.connectorHeads.has(prev)) {
      if (ORG_OF_HEADS.has(prev) || lex?.connectorHeads.has(prev)) state.sawOfAfterOrgHead = true;
      return next + 1;
    }
    return -1;
  }
  if (w === 'and') {
    const soFar = `${s.keyOf(start, end)} and`;
    const known = s.ctx.gazetteer.namePrefixes.has(soFar) || lex?.prefixes.has(soFar);
    // The second name needs a word of its own before its head ("Export Control" after "and" is no
    // firm); a lone legal form after "and" still ends the name ("Bank of America NT and SA").
    const secondOrg = LEGAL_FORM_WORDS.has(stripDot(s.lower(next))) || (next + 1 < limit && s.isNameToken(next + 1) && orgHeadAhead(s, next + 1, limit));
    // "Bank of Africa and Standard Trust Bank" is two banks; "Ministry of Trade and Industry" one.
    if (known || (state.sawOfAfterOrgHead && !secondOrg)) {
      return next + 1;
    }
    // "Ways and Means Committee", "Economic and Security Review Commission": "and" inside a name
    // that goes on to its organization head, when what comes before is no name of its own.
    if (!state.sawOfAfterOrgHead && bodyHeadAhead(s, next, limit) && !hasOrgHead(s, start, end) && !s.gazetteerAt(start, end) && !s.ctx.words.firstNames.has(s.lower(start)) && !knownAhead(s, next, limit)) {
      return next + 1;
    }
    // "Science and Industry Corporation", "Oil and Gas Company", "Research and Production
    // Enterprise": two field words joined by "and" on the way to a company head are one name.
    if (FIELD_WORDS.has(prev) && FIELD_WORDS.has(s.lower(next)) && orgHeadAhead(s, next + 1, limit)) {
      return next + 1;
    }
    // Multi-word country names with "and" (Trinidad and Tobago).
    for (let m = next + 1; m <= Math.min(limit, next + 4); m++) if (s.ctx.gazetteer.lookup(s.keyOf(start, m))) return m;
    return -1;
  }
  // "Sanayi ve Ticaret", "Maschinenbau und Handel GmbH": a foreign "and" inside a company name.
  if (NAME_CONJUNCTIONS.has(w) && t.kind === 'word' && companyHeadAhead(s, next, limit)) {
    return next + 1;
  }
  if (w === 'in' && (ORG_IN_HEADS.has(prev) || state.sawOfAfterOrgHead)) {
    return next + 1;
  }
  if (NAME_PARTICLES.has(w) && t.kind === 'word') {
    return next + 1;
  }
  return -1;
}

/** "HK", "BVI", "Shanghai": a short code in capitals or a known country or place. */
function isPlaceCode(s: SentenceScan, k: number): boolean {
  if (!s.isNameToken(k)) return false;
  const t = s.tok(k).text;
  if (t.length <= 4 && t === t.toUpperCase()) return true;
  return s.gazetteerAt(k, k + 1)?.some((e) => e.type === 'Country' || e.type === 'Place') ?? false;
}

/** Capitalised words from k on that end, within four, in a legal-form or corporate head word. */
function companyNameAhead(s: SentenceScan, k: number, limit: number): boolean {
  for (let m = k; m < limit && m < k + 4; m++) {
    if (!s.isNameToken(m)) return false;
    const w = stripDot(s.lower(m));
    if (LEGAL_FORM_WORDS.has(w) || w === 'service' || w === 'services') return true;
  }
  return false;
}

/** Capitalised words from k on that end, within three, in a company head or legal form ("Ticaret", "GmbH"). */
function companyHeadAhead(s: SentenceScan, k: number, limit: number): boolean {
  for (let m = k; m < limit && m < k + 3; m++) {
    if (!s.isNameToken(m)) return false;
    if (COMPANY_HEADS.has(stripDot(s.lower(m)))) return true;
  }
  return false;
}

/** A known name opens at k ("Glazer and Manchester United"): the "and" coordinates two names. */
function knownAhead(s: SentenceScan, k: number, limit: number): boolean {
  for (let m = k + 1; m <= limit && m <= k + 4; m++) if (s.gazetteerAt(k, m)) return true;
  return false;
}

/**
 * Heads of public bodies, whose names hold "and" ("Ways and Means Committee"); a company's head
 * ("Quuxbank and Grand Fenwick Armaments JSC", "Acme and Beta Bank") coordinates two names instead.
 */
const BODY_HEADS = new Set(['committee', 'subcommittee', 'commission', 'council', 'board', 'administration', 'exchange', 'association', 'authority', 'agency', 'department', 'ministry', 'office', 'bureau', 'institute', 'service', 'directorate', 'secretariat', 'tribunal', 'court', 'foundation']);

/** Capitalised words from k on that end, within four, in a public body's head. */
function bodyHeadAhead(s: SentenceScan, k: number, limit: number): boolean {
  for (let m = k; m < limit && m < k + 4; m++) {
    if (!s.isNameToken(m)) return false;
    if (BODY_HEADS.has(stripDot(s.lower(m)))) return true;
  }
  return false;
}

/** Does [a,b) hold an organization head word? */
function hasOrgHead(s: SentenceScan, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (ORG_SUFFIXES.has(stripDot(s.lower(k)))) return true;
  return false;
}

/** Capitalised words from k on that end, within four, in an organization head ("... Association"). */
function orgHeadAhead(s: SentenceScan, k: number, limit: number): boolean {
  for (let m = k; m < limit && m < k + 4; m++) {
    if (!s.isNameToken(m)) return false;
    if (ORG_SUFFIXES.has(stripDot(s.lower(m)))) return true;
  }
  return false;
}

/** Capitalised words from k on that end, within three, in a place head ("... Republic", "... Oblast"). */
function placeHeadAhead(s: SentenceScan, k: number, limit: number): boolean {
  for (let m = k; m < limit && m < k + 3; m++) {
    if (!s.isNameToken(m)) return false;
    if (PLACE_SUFFIXES.has(stripDot(s.lower(m)))) return true;
  }
  return false;
}

/**
 * The lower-case half of a hyphenated given name ("Jae-hoon", "Jong-un", "Min-ji"): glued to a short
 * capitalised syllable, two to four letters, no English word ("US-made", "Kremlin-backed" stay out),
 * and the run already holds a name word before it.
 */
function isGivenNameSyllable(s: SentenceScan, hyphen: number, next: number): boolean {
  const t = s.tok(hyphen);
  const n = s.tok(next);
  const prev = s.tok(hyphen - 1);
  if (t.text !== '-' || t.spaceBefore || n.spaceBefore || n.kind !== 'word' || prev.kind !== 'word') return false;
  if (prev.text.length < 2 || prev.text.length > 5 || !/^\p{Lu}\p{Ll}+$/u.test(prev.text) || !/^\p{Ll}{2,4}$/u.test(n.text)) return false;
  if (hyphen - 2 < s.sentence.firstToken || !s.isNameToken(hyphen - 2)) return false;
  const w = n.text;
  // "Lee Jae-won", "Park Sung-ho": after a Korean family name the syllable is a name's even when it
  // spells an English word ("won", "ho").
  if (EAST_ASIAN_FAMILY_NAMES.has(s.tok(hyphen - 2).text.toLowerCase())) return true;
  return !s.ctx.words.common.has(w) && !s.ctx.words.verbForms.has(w);
}

/** "van der Westhuizen", "de la Fuente": up to three particles followed by a name word. */
function particlesThenName(s: SentenceScan, k: number, limit: number): number {
  let m = k;
  while (m < limit && m - k < 3 && s.tok(m).kind === 'word' && NAME_PARTICLES.has(s.lower(m)) && !s.tok(m).blankLineBefore) m++;
  // "al-Jibouri", "el-Sisi": a particle joined by a hyphen.
  if (m === k + 1 && m + 1 < limit && s.tok(m).text === '-' && !s.tok(m).spaceBefore && !s.tok(m + 1).spaceBefore && s.isNameToken(m + 1)) return m + 2;
  return m > k && m < limit && s.isNameToken(m) && !s.tok(m).blankLineBefore ? m + 1 : -1;
}
