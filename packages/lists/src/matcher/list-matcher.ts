import type { EntityType, ListEntry, ListEntryType, MatchFeatures } from '@newsgraph/shared';
import { countryCode } from '../normalize/country-codes.ts';
import { nameKindOf, nameTokens, type NameKind } from '../normalize/name-normalization.ts';
import type { ListMatcherOptions, MatchQuery } from '../interfaces/matcher-options.ts';
import { compareNames, prepareName, type PreparedName, type WordRarity } from './compare-names.ts';
import { isCommonWord } from './common-words.ts';

/** One entry an entity matched, with the score and the reasons. */
export interface EntryMatch {
  entry: ListEntry;
  score: number;
  features: MatchFeatures;
  /** The entry name or alias that matched best. */
  matchedName: string;
}

interface IndexedName {
  entry: number;
  text: string;
  isAlias: boolean;
  prepared: PreparedName;
}

/** Evidence weights beyond the name (see docs/sanctions.md). */
export const EVIDENCE = {
  countryMatch: 0.05,
  countryMismatch: -0.2,
  /** An Organization entity against a vessel or aircraft entry: possible (ships are often written like companies), but less likely. */
  assetType: -0.1,
  /** Matches this far below the best one for the same entity are dropped. */
  dominanceMargin: 0.1,
} as const;

/** A single word shorter than this never matches on its own, even when it is not a common word. */
const MIN_SINGLE_WORD_LENGTH = 4;
/** A single word this long may match a spelling variant of itself ("Rosoboronexport"/"Rosoboroneksport"): long words are distinctive. */
const MIN_FUZZY_SINGLE_WORD_LENGTH = 8;

/** Which entity types can be which entry types. */
function typeCompatible(entity: EntityType, entry: ListEntryType): 'match' | 'weak' | 'no' {
  if (entity === 'Person') return entry === 'person' ? 'match' : 'no';
  if (entity === 'Organization') return entry === 'organization' ? 'match' : entry === 'person' ? 'no' : 'weak';
  return 'no';
}

/**
 * Matches Person and Organization entities against list entries. Built once from the entries
 * (an inverted index from words and their consonant skeletons to names), then `match` is pure
 * and cheap: candidates share at least two words (or one, for a name with an initial) with the
 * query; each is scored by `compareNames`, then type and country adjust the score.
 * A one-word name matches only an entry name of that one word, and never when it is a common
 * English word or shorter than four letters; a Person needs two words or more.
 */
export class ListMatcher {
  readonly threshold: number;
  private readonly entries: ListEntry[];
  private readonly entryCountries: Array<Set<string>>;
  private readonly names: IndexedName[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly singleWord = new Map<string, number[]>();
  private readonly hits: Int32Array;
  private readonly seen: Float64Array;
  private readonly rarityOf: WordRarity;
  private stamp = 0;

  constructor(entries: readonly ListEntry[], options: ListMatcherOptions) {
    if (!(options.threshold > 0 && options.threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${options.threshold}`);
    this.threshold = options.threshold;
    this.entries = [...entries];
    this.entryCountries = this.entries.map((e) => {
      const codes = new Set<string>();
      for (const c of [...e.countries, ...e.nationalities]) {
        const code = countryCode(c);
        if (code) codes.add(code);
      }
      return codes;
    });
    const tokenized = this.entries.map((entry) => [entry.name, ...entry.aliases].map((text) => entryNameTokens(text, nameKindOf(entry.type))));
    this.rarityOf = organizationWordRarity(this.entries.flatMap((entry, i) => (entry.type === 'person' ? [] : tokenized[i]!.map((t) => t.tokens))));
    this.entries.forEach((entry, index) => {
      const kind = nameKindOf(entry.type);
      const seenKeys = new Set<string>();
      [entry.name, ...entry.aliases].forEach((text, n) => {
        const { tokens, legalFormRemoved, surnameStart } = tokenized[index]![n]!;
        if (tokens.length === 0) return;
        const prepared = prepareName(tokens, kind, legalFormRemoved, surnameStart, kind === 'organization' ? this.rarityOf : undefined);
        if (seenKeys.has(prepared.key)) return;
        seenKeys.add(prepared.key);
        const id = this.names.length;
        this.names.push({ entry: index, text, isAlias: n > 0, prepared });
        if (tokens.length === 1) {
          push(this.singleWord, tokens[0]!, id);
          if (tokens[0]!.length >= MIN_FUZZY_SINGLE_WORD_LENGTH) push(this.singleWord, `~${prepared.skeletons[0]}`, id);
          return;
        }
        const keys = new Set<string>();
        tokens.forEach((t, i) => {
          if (t.length > 1) keys.add(t);
          if (prepared.skeletons[i]!.length >= 2) keys.add(`~${prepared.skeletons[i]}`);
        });
        for (const key of keys) push(this.postings, key, id);
      });
    });
    this.hits = new Int32Array(this.names.length);
    this.seen = new Float64Array(this.names.length);
  }

  get entryCount(): number {
    return this.entries.length;
  }

  /** Entries at or above the threshold, best first (score desc, list, id). */
  match(query: MatchQuery): EntryMatch[] {
    if (query.type !== 'Person' && query.type !== 'Organization') return [];
    const kind: NameKind = query.type === 'Person' ? 'person' : 'organization';
    const best = new Map<number, EntryMatch>();
    const queryCountries = new Set((query.countries ?? []).map((c) => c.toUpperCase()));
    /** Best name score (before evidence) of an entry of the query's own type, and of each asset entry (vessel, aircraft). */
    let bestSameTypeName = 0;
    const nameScores = new Map<number, number>();
    for (const [n, text] of [query.name, ...(query.aliases ?? [])].entries()) {
      const { tokens, legalFormRemoved } = nameTokens(text, kind);
      if (tokens.length === 0) continue;
      const prepared = prepareName(tokens, kind, legalFormRemoved, undefined, kind === 'organization' ? this.rarityOf : undefined);
      for (const nameId of this.candidates(prepared, kind)) {
        const name = this.names[nameId]!;
        const entry = this.entries[name.entry]!;
        const typeFit = typeCompatible(query.type, entry.type);
        if (typeFit === 'no') continue;
        // A name written with a legal form ("Koti Corp") is a company's, not a ship's or an aircraft's.
        if (typeFit === 'weak' && legalFormRemoved) continue;
        const compared = compareNames(prepared, name.prepared, kind);
        if (!compared) continue;
        const features: MatchFeatures = { ...compared.features };
        let score = compared.score;
        if (name.isAlias) features.entry_alias = 1;
        if (n > 0) features.entity_alias = 1;
        if (typeFit === 'weak') {
          features.type_asset = EVIDENCE.assetType;
          score += EVIDENCE.assetType;
        }
        const codes = this.entryCountries[name.entry]!;
        if (queryCountries.size > 0 && codes.size > 0) {
          const shared = [...queryCountries].some((c) => codes.has(c));
          const delta = shared ? EVIDENCE.countryMatch : EVIDENCE.countryMismatch;
          features[shared ? 'country_match' : 'country_mismatch'] = delta;
          score += delta;
        }
        score = Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
        if (score < this.threshold) continue;
        const previous = best.get(name.entry);
        if (!previous || score > previous.score) best.set(name.entry, { entry, score, features, matchedName: name.text });
        if (typeFit === 'match') bestSameTypeName = Math.max(bestSameTypeName, compared.score);
        else nameScores.set(name.entry, Math.max(nameScores.get(name.entry) ?? 0, compared.score));
      }
    }
    // An organization named like both a listed company and a listed vessel is the company.
    for (const [index, nameScore] of nameScores) if (nameScore <= bestSameTypeName) best.delete(index);
    const found = [...best.values()];
    // An entity named exactly like one entry is that entry (or another of that name), not a near-named one.
    const top = Math.max(0, ...found.map((m) => m.score));
    return found.filter((m) => m.score >= top - EVIDENCE.dominanceMargin).sort(
      (a, b) => b.score - a.score || (a.entry.list < b.entry.list ? -1 : a.entry.list > b.entry.list ? 1 : 0) || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
    );
  }

  private candidates(query: ReturnType<typeof prepareName>, kind: NameKind): number[] {
    if (query.tokens.length === 1) {
      const word = query.tokens[0]!;
      if (kind === 'person' || word.length < MIN_SINGLE_WORD_LENGTH || /^\d+$/.test(word) || isCommonWord(word)) return [];
      const exact = this.singleWord.get(word) ?? [];
      if (word.length < MIN_FUZZY_SINGLE_WORD_LENGTH) return exact;
      return [...new Set([...exact, ...(this.singleWord.get(`~${query.skeletons[0]}`) ?? [])])];
    }
    const stamp = ++this.stamp;
    const found: number[] = [];
    let fullWords = 0;
    for (let i = 0; i < query.tokens.length; i++) {
      const token = query.tokens[i]!;
      if (token.length === 1) continue;
      fullWords++;
      const keys = [token];
      if (query.skeletons[i]!.length >= 2) keys.push(`~${query.skeletons[i]}`);
      const tokenStamp = stamp * 64 + Math.min(i, 63);
      for (const key of keys) {
        for (const id of this.postings.get(key) ?? []) {
          if (this.seen[id] !== tokenStamp) {
            if (this.seen[id]! < stamp * 64) this.hits[id] = 0;
            this.seen[id] = tokenStamp;
            if (++this.hits[id]! === 1) found.push(id);
          }
        }
      }
    }
    const needed = Math.min(2, fullWords);
    if (needed === 0) return [];
    return found.filter((id) => this.hits[id]! >= needed);
  }
}

/**
 * An entry name's words in given-name-first order, with where the family name starts: OFAC
 * writes people "FAMILY, Given Names"; other names are taken as written, the last word as the
 * family name.
 */
function entryNameTokens(text: string, kind: NameKind): { tokens: string[]; legalFormRemoved: boolean; surnameStart: number } {
  const comma = text.indexOf(',');
  if (kind === 'person' && comma > 0) {
    const family = nameTokens(text.slice(0, comma), kind).tokens;
    const given = nameTokens(text.slice(comma + 1), kind).tokens;
    if (family.length && given.length) return { tokens: [...given, ...family], legalFormRemoved: false, surnameStart: given.length };
  }
  const { tokens, legalFormRemoved } = nameTokens(text, kind);
  return { tokens, legalFormRemoved, surnameStart: Math.max(0, tokens.length - 1) };
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== id) list.push(id);
  } else map.set(key, [id]);
}

/** Names sharing a word beyond which it counts as fully distinctive (rarity 1). */
const RARE_WORD_NAMES = 3;
/** The least a word weighs (a word in every second name still says something). */
const MIN_RARITY = 0.2;

/**
 * How distinctive each word of organization names is, from how many names use it (an inverse
 * document frequency scaled to 0..1): a word in three names or fewer is 1; "trading",
 * "international", "bank", "federal", "research" are far less. Learnt from the lists at build
 * time, so it follows whatever lists are imported.
 */
export function organizationWordRarity(names: ReadonlyArray<readonly string[]>): WordRarity {
  const df = new Map<string, number>();
  for (const tokens of names) for (const t of new Set(tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(names.length, RARE_WORD_NAMES + 1);
  const top = Math.log(n / RARE_WORD_NAMES);
  return (token) => {
    const count = df.get(token) ?? 0;
    if (count <= RARE_WORD_NAMES) return 1;
    return Math.max(MIN_RARITY, Math.min(1, Math.log(n / count) / top));
  };
}
