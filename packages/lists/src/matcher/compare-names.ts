import type { MatchFeatures } from '@newsgraph/shared';
import { skeleton, type NameKind } from '../normalize/name-normalization.ts';
import { compareTokens } from './token-similarity.ts';

/** A name ready for comparison: its words, their skeletons and weights. */
export interface PreparedName {
  tokens: string[];
  skeletons: string[];
  weights: number[];
  /** Sorted tokens joined: equal keys are the same name in any word order. */
  key: string;
  legalFormRemoved: boolean;
  /** Person entries: tokens from this index on are the family name (OFAC's part before the comma, else the last word). */
  surnameStart: number;
  /** Per word, 0..1: how distinctive it is among the lists' names (1 for a rare or unknown word, less for "bank", "trading", "international"). */
  rarity: number[];
}

/** Distinctiveness of a word among the lists' names (see ListMatcher): 1 when unknown. */
export type WordRarity = (token: string) => number;

/** A word at least this distinctive, left unmatched on both sides, is a different name ("Bank Melli" is not "Bank Tejarat"), not a missing word. */
export const DISTINCTIVE_RARITY = 0.6;

/** Particles of Arabic, Persian and Dutch names: part of the name, but they say little. */
const PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'abd', 'ben', 'van', 'von', 'der', 'de', 'da', 'la', 'le']);
/** Patronymics and filiation suffixes (Russian -ovich/-ovna, Serbian -ović, Turkic oglu/kyzy): middle names news often leaves out. */
const PATRONYMIC = /(?:vich|vna|ovic|evic|ogly|oglu|kyzy|qizi|uly|ulu)$/;

function tokenWeight(token: string, kind: NameKind): number {
  if (token.length === 1) return 3;
  if (PARTICLES.has(token)) return 1;
  if (kind === 'person' && PATRONYMIC.test(token)) return token.length * 0.3;
  return token.length;
}

export function prepareName(tokens: string[], kind: NameKind, legalFormRemoved: boolean, surnameStart = tokens.length - 1, rarityOf?: WordRarity): PreparedName {
  const rarity = tokens.map((t) => (rarityOf && t.length > 1 ? rarityOf(t) : 1));
  return {
    tokens,
    surnameStart,
    rarity,
    skeletons: tokens.map((t) => skeleton(t)),
    // Words many names share weigh less: "International Trading" is not what tells two companies apart.
    weights: tokens.map((t, i) => tokenWeight(t, kind) * rarity[i]!),
    key: [...tokens].sort().join(' '),
    legalFormRemoved,
  };
}

export interface NameComparison {
  /** 0..1 before type and country evidence. */
  score: number;
  features: MatchFeatures;
}

/** Weights of the name score (see docs/sanctions.md, "Scoring"). */
export const NAME_SCORE = {
  /** Share of the score that depends on how much of the entry's name the query covers. */
  personEntryCoverage: 0.3,
  organizationEntryCoverage: 0.5,
  /** Taken off per entry word beyond the first that the query leaves unmatched. */
  extraWordPenalty: 0.04,
  /** Taken off a person's score when the query lacks the entry's first given name ("Saddam Hussein al-Tikriti" for "Ali Saddam Hussein al-Tikriti"). */
  firstGivenNameMissing: 0.08,
  /** The same share when the query has the entry's first given name and family name. */
  personStrongEntryCoverage: 0.15,
  /** A one-word name must be this close to the entry's one word. */
  minSingleWordSimilarity: 0.85,
} as const;

/**
 * Compares two prepared names, word order ignored: each query word is paired with at most one
 * entry word (best pairs first). Every query word must find a partner, except that organization
 * names may differ by one word in four. Returns null when the names do not correspond.
 */
export function compareNames(query: PreparedName, entry: PreparedName, kind: NameKind): NameComparison | null {
  if (query.key === entry.key) {
    const features: MatchFeatures = { name_exact: 1 };
    if (query.tokens.join(' ') !== entry.tokens.join(' ')) features.word_order = 1;
    if (query.legalFormRemoved || entry.legalFormRemoved) features.legal_form_removed = 1;
    return { score: 1, features };
  }
  const pairs: Array<[number, number, number, string]> = [];
  for (let i = 0; i < query.tokens.length; i++) {
    for (let j = 0; j < entry.tokens.length; j++) {
      const c = compareTokens(query.tokens[i]!, entry.tokens[j]!, query.skeletons[i], entry.skeletons[j]);
      if (c.relation !== 'none') pairs.push([c.similarity, i, j, c.relation]);
    }
  }
  pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedQ = new Array<boolean>(query.tokens.length).fill(false);
  const usedE = new Array<boolean>(entry.tokens.length).fill(false);
  let matchedQ = 0;
  let matchedE = 0;
  let initials = 0;
  let spellings = 0;
  let fullWords = 0;
  for (const [similarity, i, j, relation] of pairs) {
    if (usedQ[i] || usedE[j]) continue;
    usedQ[i] = true;
    usedE[j] = true;
    matchedQ += similarity * query.weights[i]!;
    matchedE += similarity * entry.weights[j]!;
    if (relation === 'initial') initials++;
    else {
      fullWords++;
      if (relation === 'spelling') spellings++;
    }
  }
  const unmatchedQ = usedQ.filter((u) => !u).length;
  if (kind === 'person' && unmatchedQ > 0) return null;
  // A person is named by a given name and the family name: a bare surname ("Al-Hassan",
  // "Fakhrizadeh-Mahabadi") or given names alone ("Mohammad Ali" for "JAFARI, Mohammad Ali") are not enough.
  let firstGivenMatched = false;
  if (kind === 'person') {
    const meaningful = (j: number) => !PARTICLES.has(entry.tokens[j]!);
    let given = false;
    let family = false;
    for (let j = 0; j < entry.tokens.length; j++) {
      if (!usedE[j] || !meaningful(j)) continue;
      if (j >= entry.surnameStart) family = true;
      else given = true;
    }
    if (!given || !family) return null;
    firstGivenMatched = usedE.findIndex((u, j) => u && meaningful(j)) === entry.tokens.findIndex((_t, j) => meaningful(j));
  }
  if (kind === 'organization' && unmatchedQ * 4 > query.tokens.length) return null;
  // One distinctive word swapped for another is another organization, however many common words the two names share
  // ("Research and Production Association Mars" / "... Association Tavo").
  if (kind === 'organization' && unmatchedQ > 0 && entry.rarity.some((r, j) => !usedE[j] && r >= DISTINCTIVE_RARITY && entry.tokens[j]!.length > 1)) return null;
  // A name of initials alone ("V. V.") or a single shared word never identifies anyone.
  if (fullWords === 0 || (fullWords < 2 && query.tokens.length >= 2 && initials === 0)) return null;
  const totalQ = query.weights.reduce((a, b) => a + b, 0);
  const totalE = entry.weights.reduce((a, b) => a + b, 0);
  const queryCoverage = matchedQ / totalQ;
  const entryCoverage = matchedE / totalE;
  const share = kind === 'person' ? NAME_SCORE.personEntryCoverage : NAME_SCORE.organizationEntryCoverage;
  const extraWords = usedE.filter((u, j) => !u && !PARTICLES.has(entry.tokens[j]!)).length;
  if (query.tokens.length === 1 && queryCoverage < NAME_SCORE.minSingleWordSimilarity) return null;
  // First given name and family name both there ("Usama bin Ladin" for "BIN LADIN, Usama bin Muhammad bin Awad"): the
  // usual way news names a person; the left-out middle names weigh little.
  const strong = kind === 'person' && firstGivenMatched;
  let score = queryCoverage * (1 - (strong ? NAME_SCORE.personStrongEntryCoverage : share) + (strong ? NAME_SCORE.personStrongEntryCoverage : share) * entryCoverage);
  // One word against one word: the score is how alike they are.
  if (query.tokens.length === 1 && entry.tokens.length === 1) score = queryCoverage;
  if (!strong && extraWords > 1) score -= NAME_SCORE.extraWordPenalty * (extraWords - 1);
  if (kind === 'person' && !strong) score -= NAME_SCORE.firstGivenNameMissing;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const features: MatchFeatures = { name_similarity: round(queryCoverage), entry_name_coverage: round(entryCoverage) };
  if (spellings) features.spelling_variants = spellings;
  if (initials) features.initials = initials;
  if (extraWords) features.extra_entry_words = extraWords;
  if (unmatchedQ) features.unmatched_words = unmatchedQ;
  if (query.legalFormRemoved || entry.legalFormRemoved) features.legal_form_removed = 1;
  return { score: Math.max(0, score), features };
}
