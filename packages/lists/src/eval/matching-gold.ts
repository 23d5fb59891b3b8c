import { seededRandom, type EntityType, type ListEntry } from '@newsgraph/shared';
import { foldName, nameKindOf, nameTokens } from '../normalize/name-normalization.ts';
import { LEGAL_FORMS } from '../normalize/legal-forms.ts';
import { isCommonWord } from '../matcher/common-words.ts';
import { countryCode } from '../normalize/country-codes.ts';
import { distance } from 'fastest-levenshtein';

/** How a gold query was made from the lists (see docs/sanctions.md, "The development gold"). */
export const GOLD_VARIANTS = [
  'alias',
  'news-order',
  'middle-names-dropped',
  'legal-form',
  'transliteration',
  'cross-list',
  'surname-only',
  'common-word',
  'mixed-names',
  'type-mismatch',
  'country-confirmed',
  'country-contradicted',
  'namesake-entries',
  'distinctive-word-swapped',
] as const;
export type GoldVariant = (typeof GOLD_VARIANTS)[number];

export interface GoldQuery {
  name: string;
  type: EntityType;
  variant: GoldVariant;
  /** Entries (list/id) the query must match; empty for negatives. */
  expected: string[];
  /** Entries also acceptable (another entry with exactly the same name as the source); neither right nor wrong. */
  acceptable: string[];
  /** Lists the query is scored against: its source entry's list (one list is one register of designations; the same person on two lists is a cross-list query). */
  lists: string[];
  /** Countries (ISO alpha-2) the news ties the entity to, as the recognizer's attributes would; absent when the query has none. */
  countries?: string[];
}

export const entryKey = (e: Pick<ListEntry, 'list' | 'id'>): string => `${e.list}/${e.id}`;

/**
 * Spelling alternations between the romanizations the lists themselves use for Arabic, Persian
 * and Russian names (OFAC and the UN spell the same names differently: Mohammad / Muhammad,
 * Hussein / Husain, -iy / -y, kh / h ...). One is applied to one word of a name.
 */
const ALTERNATIONS: Array<[RegExp, string]> = [
  [/mohammad/, 'muhammad'],
  [/muhammad/, 'mohammed'],
  [/mohammed/, 'mohamed'],
  [/ahmad/, 'ahmed'],
  [/ahmed/, 'ahmad'],
  [/hussein/, 'husain'],
  [/husain/, 'hussein'],
  [/ou/, 'u'],
  [/oo/, 'u'],
  [/ee/, 'i'],
  [/iy$/, 'y'],
  [/yi$/, 'i'],
  [/kh/, 'h'],
  [/ya/, 'ia'],
  [/yu/, 'iu'],
  [/ye/, 'e'],
  [/ov$/, 'off'],
  [/ev$/, 'yev'],
  [/sky$/, 'ski'],
  [/ck/, 'k'],
  [/ph/, 'f'],
  [/q/, 'k'],
  [/x/, 'ks'],
  [/z/, 's'],
  [/w/, 'v'],
  [/i/, 'y'],
];

const title = (s: string): string => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());

/** "LAST, First Middle" → { surname: "LAST", given: ["First", "Middle"] } (OFAC's way of writing people), else null. */
function splitSurname(name: string): { surname: string; given: string[] } | null {
  const comma = name.indexOf(',');
  if (comma < 0) return null;
  const surname = name.slice(0, comma).trim();
  const given = name.slice(comma + 1).trim().split(/\s+/).filter(Boolean);
  return surname && given.length ? { surname, given } : null;
}

const LEGAL_SWAPS: Record<string, string> = {
  llc: 'Limited Liability Company',
  ltd: 'Limited',
  limited: 'Ltd',
  jsc: 'Joint Stock Company',
  oao: 'OJSC',
  ooo: 'LLC',
  zao: 'CJSC',
  pjsc: 'PJSC',
  co: 'Company',
  company: 'Co.',
  inc: 'Incorporated',
  corp: 'Corporation',
  corporation: 'Corp.',
  gmbh: 'GmbH',
};

export interface MatchingGold {
  queries: GoldQuery[];
  /** Number of expected (query, entry) pairs. */
  pairs: number;
}

/**
 * Builds the development gold from list entries (SDN and UN): positives are aliases, names in
 * news order, names without middle names, legal-form variants, transliteration variants (one
 * alternation from ALTERNATIONS applied), and the same person or organization on two lists
 * (linked by a shared passport or registration number, so written independently by OFAC and
 * the UN); negatives are bare surnames, common words taken from organization names, names mixing
 * two listed people's given names and surnames, and people's names asked as organizations.
 * A made-up query that equals a listed name is dropped (it would not be a negative).
 */
export function buildMatchingGold(entries: readonly ListEntry[], options: { seed?: number; maxPerVariant?: number } = {}): MatchingGold {
  const random = seededRandom(options.seed ?? 12);
  const max = options.maxPerVariant ?? 3000;
  const byKey = new Map<string, Set<string>>();
  const keyOf = (name: string, kindType: ListEntry['type']) => [...nameTokens(name, nameKindOf(kindType)).tokens].sort().join(' ');
  const foldedNames = new Set<string>();
  for (const e of entries) {
    for (const n of [e.name, ...e.aliases]) {
      const k = keyOf(n, e.type);
      (byKey.get(k) ?? byKey.set(k, new Set()).get(k)!).add(entryKey(e));
      foldedNames.add(foldName(n));
    }
  }
  const listedName = (name: string, type: ListEntry['type']) => byKey.has(keyOf(name, type)) || foldedNames.has(foldName(name));
  const queries: GoldQuery[] = [];
  const counts = new Map<GoldVariant, number>();
  const add = (q: GoldQuery) => {
    const n = counts.get(q.variant) ?? 0;
    if (n >= max) return;
    counts.set(q.variant, n + 1);
    queries.push(q);
  };
  const allLists = [...new Set(entries.map((e) => e.list))];
  const people = entries.filter((e) => e.type === 'person');
  const orgs = entries.filter((e) => e.type === 'organization');
  const positive = (e: ListEntry, name: string, variant: GoldVariant, source = e.name) => {
    const type: EntityType = e.type === 'person' ? 'Person' : 'Organization';
    const acceptable = [...(byKey.get(keyOf(source, e.type)) ?? [])].filter((k) => k !== entryKey(e));
    // Another entry named exactly like the variant is acceptable too (two entries for one name).
    for (const k of byKey.get(keyOf(name, e.type)) ?? []) if (k !== entryKey(e) && !acceptable.includes(k)) acceptable.push(k);
    add({ name, type, variant, expected: [entryKey(e)], acceptable, lists: [e.list] });
  };

  for (const e of [...people, ...orgs]) {
    const alias = e.aliases.find((a) => nameTokens(a, nameKindOf(e.type)).tokens.length >= 2 && !/[^\p{Script=Latin}\s\d\p{P}]/u.test(a));
    if (alias) positive(e, alias, 'alias');
  }
  for (const e of people) {
    const parts = splitSurname(e.name);
    const tokens = parts ? [...parts.given, parts.surname] : e.name.split(/\s+/);
    if (parts) positive(e, title(tokens.join(' ')), 'news-order');
    if (tokens.length >= 3 && tokens[0]!.length > 1) {
      const short = `${tokens[0]} ${tokens[tokens.length - 1]}`;
      if (!listedName(short, 'person') || byKey.get(keyOf(short, 'person'))?.has(entryKey(e))) positive(e, title(short), 'middle-names-dropped');
    }
    if (parts && parts.surname.split(/\s+/).length === 1 && parts.surname.length >= 4 && !listedName(parts.surname, 'person')) {
      add({ name: title(parts.surname), type: 'Person', variant: 'surname-only', expected: [], acceptable: [], lists: [e.list] });
    }
  }
  for (const e of orgs) {
    const words = e.name.split(/\s+/);
    const folded = words.map((w) => foldName(w));
    const at = folded.findIndex((w) => LEGAL_FORMS.has(w));
    if (at >= 0 && words.length >= 2) {
      const swap = LEGAL_SWAPS[folded[at]!];
      const variant = swap && random() < 0.5 ? [...words.slice(0, at), swap, ...words.slice(at + 1)] : [...words.slice(0, at), ...words.slice(at + 1)];
      if (variant.length >= 1) positive(e, title(variant.join(' ')), 'legal-form');
    } else if (words.length >= 2) {
      positive(e, `${title(e.name)} ${random() < 0.5 ? 'LLC' : 'Ltd.'}`, 'legal-form');
    }
    const common = folded.filter((w) => w.length >= 4 && isCommonWord(w) && !LEGAL_FORMS.has(w));
    if (common.length && words.length >= 2 && !listedName(common[0]!, 'organization')) {
      add({ name: title(common[0]!), type: 'Organization', variant: 'common-word', expected: [], acceptable: [], lists: allLists });
    }
  }
  for (const e of [...people, ...orgs]) {
    const tokens = foldName(e.name).split(' ');
    const order = tokens.map((t, i) => [t.length, i] as const).sort((a, b) => b[0] - a[0]);
    for (const [, i] of order) {
      const token = tokens[i]!;
      if (token.length < 4) continue;
      const options = ALTERNATIONS.filter(([re]) => re.test(token));
      if (!options.length) continue;
      const [re, to] = options[Math.floor(random() * options.length)]!;
      const respelled = [...tokens];
      respelled[i] = token.replace(re, to);
      const name = title(respelled.join(' '));
      if (!listedName(name, e.type)) positive(e, name, 'transliteration');
      break;
    }
  }
  // The same designation on two lists, linked by a shared document or registration number.
  const byIdentifier = new Map<string, ListEntry[]>();
  for (const e of [...people, ...orgs]) {
    for (const ident of e.identifiers) {
      const v = ident.value.toUpperCase().replace(/[^A-Z0-9]/g, '');
      if (v.length >= 6 && /\d/.test(v)) (byIdentifier.get(v) ?? byIdentifier.set(v, []).get(v)!).push(e);
    }
  }
  const linked = new Set<string>();
  for (const group of byIdentifier.values()) {
    const lists = new Set(group.map((e) => e.list));
    if (lists.size < 2 || group.length > 3) continue;
    for (const a of group) {
      for (const b of group) {
        if (a.list === b.list || a.type !== b.type || linked.has(`${entryKey(a)}>${entryKey(b)}`)) continue;
        linked.add(`${entryKey(a)}>${entryKey(b)}`);
        const type: EntityType = a.type === 'person' ? 'Person' : 'Organization';
        const parts = splitSurname(a.name);
        const name = parts ? title([...parts.given, parts.surname].join(' ')) : title(a.name);
        add({ name, type, variant: 'cross-list', expected: [entryKey(b), entryKey(a)], acceptable: [...(byKey.get(keyOf(a.name, a.type)) ?? [])], lists: [a.list, b.list] });
      }
    }
  }
  // Hard negatives: a listed person's given name with another listed person's surname.
  const split = people.map((e) => splitSurname(e.name)).filter((p): p is NonNullable<typeof p> => p !== null && p.given[0]!.length > 2);
  for (let i = 0; i < split.length; i++) {
    const a = split[i]!;
    const b = split[Math.floor(random() * split.length)]!;
    const name = title(`${b.given[0]} ${a.surname}`);
    if (a === b || listedName(name, 'person') || foldName(a.given[0]!) === foldName(b.given[0]!)) continue;
    add({ name, type: 'Person', variant: 'mixed-names', expected: [], acceptable: [], lists: allLists });
  }
  for (const e of people) {
    const parts = splitSurname(e.name);
    if (parts) add({ name: title([...parts.given, parts.surname].join(' ')), type: 'Organization', variant: 'type-mismatch', expected: [], acceptable: [], lists: allLists });
  }
  addCountryAndNamesakeQueries(entries, { random, add, keyOf, listedName, byKey });
  addSwappedWordQueries(orgs, { random, add, listedName, allLists });
  const pairs = queries.reduce((n, q) => n + q.expected.length, 0);
  return { queries, pairs };
}

/** ISO alpha-2 codes of an entry's nationalities and countries. */
export function entryCountryCodes(e: Pick<ListEntry, 'countries' | 'nationalities'>): Set<string> {
  const codes = new Set<string>();
  for (const c of [...e.countries, ...e.nationalities]) {
    const code = countryCode(c);
    if (code) codes.add(code);
  }
  return codes;
}

/** Fisher-Yates with the gold's PRNG: a deterministic sample that is not the lists' own order. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** How a news article would write the entry's name: a person given names first ("Ali Akbar Ahmadian"), anything else as listed, title case. */
function newsName(e: ListEntry): string {
  const parts = e.type === 'person' ? splitSurname(e.name) : null;
  return title(parts ? [...parts.given, parts.surname].join(' ') : e.name);
}

interface GoldContext {
  random: () => number;
  add: (q: GoldQuery) => void;
  keyOf: (name: string, type: ListEntry['type']) => string;
  listedName: (name: string, type: ListEntry['type']) => boolean;
  byKey: Map<string, Set<string>>;
}

/**
 * The hardest realistic negatives: the same name, a different entity. News ties a person or
 * company to a country (the recognizer's `country`/`nationality` attributes); a listed name
 * with a country the entry contradicts is another bearer of the name.
 *
 * - `country-confirmed` (positive) and `country-contradicted` (negative) come in pairs, from
 *   the same sample of people and organizations whose entry gives a country: the name as news
 *   writes it, once with one of the entry's own countries and once with a country drawn from
 *   the countries of all entries (by frequency) that the entry does not give. Another entry of
 *   that name which gives the drawn country is then expected; one that gives no country is
 *   acceptable; one whose countries are all different is wrong.
 * - `namesake-entries`: two entries on one list with one name that differ in type
 *   (organization/vessel/aircraft) or in country. Each is asked with its own type and country:
 *   the other is wrong unless it shares the country (expected) or gives none (acceptable).
 */
function addCountryAndNamesakeQueries(entries: readonly ListEntry[], ctx: GoldContext & { byKey: Map<string, Set<string>> }): void {
  const byEntryKey = new Map(entries.map((e) => [entryKey(e), e]));
  const codes = new Map(entries.map((e) => [entryKey(e), entryCountryCodes(e)]));
  const pool = entries.flatMap((e) => (e.type === 'person' || e.type === 'organization' ? [...codes.get(entryKey(e))!] : []));
  const queryType = (t: ListEntry['type']): EntityType => (t === 'person' ? 'Person' : 'Organization');
  /** Same-name entries on `list` (by the sorted-words key), other than `self`. */
  const namesakes = (e: ListEntry): ListEntry[] =>
    [...(ctx.byKey.get(ctx.keyOf(e.name, e.type)) ?? [])].filter((k) => k !== entryKey(e)).map((k) => byEntryKey.get(k)!).filter((o) => o.list === e.list);
  /** How a namesake stands to a query of `type` tied to `country`: expected, acceptable or wrong. */
  const judge = (o: ListEntry, type: EntityType, country: string | null): 'expected' | 'acceptable' | 'wrong' => {
    if (queryType(o.type) !== type) return 'wrong';
    if (type === 'Organization' && o.type !== 'organization') return 'wrong';
    const c = codes.get(entryKey(o))!;
    if (country === null || c.size === 0) return 'acceptable';
    return c.has(country) ? 'expected' : 'wrong';
  };
  const query = (e: ListEntry, variant: GoldVariant, country: string | null, self: 'expected' | 'wrong') => {
    const type = queryType(e.type);
    const expected = self === 'expected' ? [entryKey(e)] : [];
    const acceptable: string[] = [];
    for (const o of namesakes(e)) {
      const j = judge(o, type, country);
      if (j === 'expected') expected.push(entryKey(o));
      else if (j === 'acceptable') acceptable.push(entryKey(o));
    }
    const q: GoldQuery = { name: newsName(e), type, variant, expected, acceptable, lists: [e.list] };
    if (country) q.countries = [country];
    ctx.add(q);
  };
  const located = shuffled(
    entries.filter((e) => (e.type === 'person' || e.type === 'organization') && codes.get(entryKey(e))!.size > 0),
    ctx.random,
  );
  for (const e of located) {
    const own = [...codes.get(entryKey(e))!].sort();
    let other: string | null = null;
    for (let tries = 0; tries < 20 && other === null; tries++) {
      const c = pool[Math.floor(ctx.random() * pool.length)]!;
      if (!own.includes(c)) other = c;
    }
    if (other === null) continue;
    query(e, 'country-confirmed', own[Math.floor(ctx.random() * own.length)]!, 'expected');
    query(e, 'country-contradicted', other, 'wrong');
  }
  for (const e of entries) {
    if (e.type !== 'person' && e.type !== 'organization') continue;
    const others = namesakes(e);
    const own = [...codes.get(entryKey(e))!].sort();
    const country = own[0] ?? null;
    if (!others.some((o) => judge(o, queryType(e.type), country) === 'wrong')) continue;
    query(e, 'namesake-entries', country, 'expected');
  }
}

/**
 * `distinctive-word-swapped` (negative): an organization name of three words or more (legal
 * forms left out) whose most distinctive word (the one fewest organization names share) is
 * replaced by the most distinctive word of another, randomly drawn organization that shares no
 * word with it and whose word is no spelling of the replaced one (edit similarity under 0.5):
 * "Bank Melli Iran" → "Bank Tejarat Iran" when that is not listed. What is left is the words many
 * organizations share ("bank", "trading", "international"), which must not carry a match.
 */
function addSwappedWordQueries(orgs: readonly ListEntry[], ctx: Pick<GoldContext, 'random' | 'add' | 'listedName'> & { allLists: string[] }): void {
  const tokensOf = orgs.map((e) => nameTokens(e.name, 'organization').tokens);
  const df = new Map<string, number>();
  for (const tokens of tokensOf) for (const t of new Set(tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  const distinctive = (tokens: string[]): number => {
    let best = -1;
    tokens.forEach((t, i) => {
      if (t.length < 3 || /\d/.test(t)) return;
      if (best < 0 || df.get(t)! < df.get(tokens[best]!)! || (df.get(t) === df.get(tokens[best]!) && t.length > tokens[best]!.length)) best = i;
    });
    return best;
  };
  for (const i of shuffled(orgs.map((_e, n) => n), ctx.random)) {
    const tokens = tokensOf[i]!;
    if (tokens.length < 3) continue;
    const at = distinctive(tokens);
    if (at < 0) continue;
    const other = tokensOf[Math.floor(ctx.random() * tokensOf.length)]!;
    if (other.some((t) => tokens.includes(t))) continue;
    const from = other[distinctive(other)];
    if (!from) continue;
    const word = tokens[at]!;
    if (1 - distance(word, from) / Math.max(word.length, from.length) >= 0.5) continue;
    const name = title(tokens.map((t, n) => (n === at ? from : t)).join(' '));
    if (ctx.listedName(name, 'organization')) continue;
    ctx.add({ name, type: 'Organization', variant: 'distinctive-word-swapped', expected: [], acceptable: [], lists: ctx.allLists });
  }
}
