import { entityIdFor } from '@newsgraph/shared';
import type { EntityAttributes, EntityType } from '@newsgraph/shared';
import { countryByIso } from '../../lexicon/countries.ts';
import { keyOf } from '../../lexicon/gazetteer.ts';
import type { Gazetteer } from '../../lexicon/gazetteer.ts';
import { outletHomeCountry } from '../../lexicon/outlet-homes.ts';
import type { Token } from '../../text/tokenizer.ts';
import type { Candidate } from '../recognizer/index.ts';

/**
 * Pass "country-scope": generic names of government bodies and parties ("the Treasury", "Finance
 * Ministry", "the central bank", "Parliament", "the Democrats") name a different body in each
 * country. Each is resolved to the country the article gives it, nearest first: a country or
 * demonym written right before ("Japan's Finance Ministry"); else, for a body the gazetteer
 * places ("Treasury Department" is the US's), its own country unless the outlet's home differs and
 * the article names the home at least as often, or the article names another country at least
 * twice and the body's own not at all; else (bodies of state
 * only, not parties) the country the article names most, then the outlet's home. The id carries the country ("org:ministry-of-finance-japan"), or is the
 * gazetteer's own body of that country ("UK" + "Treasury" = HM Treasury). A generic body with no
 * country at all is dropped rather than merged with every other country's.
 */

export interface ScopedResolution {
  id: string;
  type: EntityType;
  name: string;
  attributes: EntityAttributes;
}

interface GenericBody {
  pattern: RegExp;
  /** Canonical name, to which " (Country)" is added. */
  name: string;
  kind: string;
  /** Parties follow only a country written near them, never the article's main country. */
  nearOnly?: boolean;
}

const MINISTRY = (forms: string) => new RegExp(`^(?:${forms})$`);
const GENERIC_BODIES: readonly GenericBody[] = [
  { pattern: MINISTRY('treasury|treasury department|treasury dept\\.?|department of the treasury'), name: 'Treasury', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('finance ministry|ministry of finance|finance department|department of finance|finance ministers?'), name: 'Ministry of Finance', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('foreign ministry|ministry of foreign affairs|foreign affairs ministry|ministry of external affairs'), name: 'Ministry of Foreign Affairs', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('defen[cs]e ministry|ministry of defen[cs]e|defen[cs]e department|department of defen[cs]e'), name: 'Ministry of Defence', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('interior ministry|ministry of (?:the )?interior|home ministry'), name: 'Ministry of the Interior', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('trade ministry|ministry of trade|trade and industry ministry|ministry of (?:international )?trade and industry|industry ministry|ministry of industry'), name: 'Ministry of Trade and Industry', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('economy ministry|economics ministry|ministry of (?:the )?economy|economic ministry'), name: 'Ministry of the Economy', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('agriculture ministry|ministry of agriculture|agriculture department|department of agriculture'), name: 'Ministry of Agriculture', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('commerce ministry|ministry of commerce|commerce department|department of commerce'), name: 'Ministry of Commerce', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('energy ministry|ministry of energy|oil ministry|ministry of oil|petroleum ministry|ministry of petroleum'), name: 'Ministry of Energy', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('health ministry|ministry of health'), name: 'Ministry of Health', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('justice ministry|ministry of justice'), name: 'Ministry of Justice', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('labou?r ministry|ministry of labou?r'), name: 'Ministry of Labour', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('central bank|national bank|reserve bank'), name: 'Central Bank', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('parliament|national assembly|national parliament'), name: 'Parliament', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('cabinet'), name: 'Cabinet', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('supreme court'), name: 'Supreme Court', kind: 'GovernmentAgency' },
  { pattern: MINISTRY('democratic party|democrats'), name: 'Democratic Party', kind: 'PoliticalParty', nearOnly: true },
  { pattern: MINISTRY('republican party|republicans'), name: 'Republican Party', kind: 'PoliticalParty', nearOnly: true },
  { pattern: MINISTRY('labou?r party|labou?r'), name: 'Labour Party', kind: 'PoliticalParty', nearOnly: true },
  { pattern: MINISTRY('conservative party|conservatives'), name: 'Conservative Party', kind: 'PoliticalParty', nearOnly: true },
  { pattern: MINISTRY('socialist party|socialists'), name: 'Socialist Party', kind: 'PoliticalParty', nearOnly: true },
  { pattern: MINISTRY('communist party|communists'), name: 'Communist Party', kind: 'PoliticalParty', nearOnly: true },
  { pattern: MINISTRY('liberal party|liberals'), name: 'Liberal Party', kind: 'PoliticalParty', nearOnly: true },
];

/**
 * Answers of genericBody and leadingCountry by surface, up to SURFACE_CACHE_SIZE surfaces (then
 * started afresh): both are functions of the surface (and the gazetteer) alone, each a chain of
 * regular expressions or phrase lookups, and organization names recur from article to article.
 */
const SURFACE_CACHE_SIZE = 20_000;
const genericBodies = new Map<string, GenericBody | null>();
const leadingCountries = new WeakMap<Gazetteer, Map<string, { iso: string; rest: string } | null>>();

/**
 * The cache key of a surface: a new string, not the surface, which may be a slice of the article
 * (V8 keeps a whole article alive for a slice of it; a concatenation is copied when first hashed).
 */
function surfaceKey(surface: string): string {
  return `s:${surface}`;
}

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= SURFACE_CACHE_SIZE) cache.clear();
  cache.set(key, value);
  return value;
}

/** The generic body a surface names, or null ("Japan's Finance Ministry" → after the country is cut off). */
export function genericBody(surface: string): GenericBody | null {
  return genericBodyByKey(surface, surfaceKey(surface));
}

/** genericBody with the surface's cache key made already (scopeGenericBodies makes it once for both caches). */
function genericBodyByKey(surface: string, key: string): GenericBody | null {
  const known = genericBodies.get(key);
  return known !== undefined ? known : remember(genericBodies, key, genericBodyOf(surface));
}

function genericBodyOf(surface: string): GenericBody | null {
  const s = surface.toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < GENERIC_BODIES.length; i++) if ((GENERIC_BODIES[i] as GenericBody).pattern.test(s)) return GENERIC_BODIES[i] as GenericBody;
  return null;
}

export interface ScopeInput {
  tokens: readonly Token[];
  candidates: readonly Candidate[];
  resolved: Map<Candidate, ScopedResolution>;
  surface: (c: Candidate) => string;
  gazetteer: Gazetteer;
  outlet?: string | null;
}

export function scopeGenericBodies(input: ScopeInput): void {
  const { candidates, resolved } = input;
  const countryOf = (c: Candidate): string | null => {
    const r = resolved.get(c);
    return r?.type === 'Country' && typeof r.attributes.iso === 'string' ? r.attributes.iso : null;
  };
  // The article's main country: most mentions, the first named on a tie.
  const counts = new Map<string, number>();
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    const iso = countryOf(c);
    if (iso) counts.set(iso, (counts.get(iso) ?? 0) + 1);
  }
  // Countries in sight through their places too: an article datelined WASHINGTON is not only
  // about the Russia it names (a US body in it stays the US's).
  const placeCountries = new Set<string>();
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    const r = resolved.get(c);
    const iso = r?.type === 'Place' ? (r.attributes.countryIso ?? r.attributes.country) : undefined;
    if (typeof iso === 'string') placeCountries.add(iso);
  }
  let main: string | null = null;
  let most = 0;
  for (const [iso, n] of counts) if (n > most) [main, most] = [iso, n];
  const home = outletHomeCountry(input.outlet);

  const doc: ArticleCountries = { countryOf, counts, placeCountries, main, home };
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    const r = resolved.get(c);
    if (!r || r.type !== 'Organization') continue;
    scopeBody(input, doc, i, c, r);
  }
}

/** What scopeGenericBodies reads about the article's countries. */
interface ArticleCountries {
  countryOf: (c: Candidate) => string | null;
  /** Mentions per country. */
  counts: ReadonlyMap<string, number>;
  /** Countries of the places named. */
  placeCountries: ReadonlySet<string>;
  /** The country named most (the first named on a tie). */
  main: string | null;
  /** The outlet's home country. */
  home: string | null;
}

/**
 * Scopes organization candidate c (the i-th, resolved as r) when it names a generic body.
 * (Apart from the loops over all candidates: it runs for organizations only, so a deopt in one
 * of its branches recompiles it alone.)
 */
function scopeBody(input: ScopeInput, doc: ArticleCountries, i: number, c: Candidate, r: ScopedResolution): void {
  const { tokens, candidates, resolved, surface, gazetteer } = input;
  const text = surface(c);
  const key = surfaceKey(text);
  let body = genericBodyByKey(text, key);
  let iso: string | null = null;
  if (!body) {
    // "Brazilian Finance Ministry", "US Agriculture Department" read as one name: the country in front.
    const lead = leadingCountryByKey(text, key, gazetteer);
    if (!lead) return;
    body = genericBody(lead.rest);
    if (!body) return;
    iso = lead.iso;
  }
  // Right before: "Japan's Finance Ministry", "the Japanese central bank", "US Treasury".
  for (let j = i - 1; !iso && j >= 0 && j >= i - 2; j--) {
    const q = candidates[j] as Candidate;
    const gap = c.first - q.last;
    const between = gap === 0 ? '' : gap === 1 ? (tokens[q.last] as Token).text.toLowerCase() : null;
    if (between === null || !(between === '' || between === "'s" || between === '’s' || between === 'the' || between === "'")) continue;
    iso = doc.countryOf(q);
    if (iso) break;
  }
  const own = typeof r.attributes.country === 'string' ? r.attributes.country : null;
  if (!iso && own) {
    // A body the gazetteer places ("Treasury Department" = the US's) keeps its country unless the
    // article is about another one: named at least twice, and the body's own country not at all
    // (neither by name nor through one of its places).
    // The outlet's home wins unless the article is mainly about the body's own country.
    const { main, home } = doc;
    const homeWins = home !== null && home !== own && (doc.counts.get(own) ?? 0) <= (doc.counts.get(home) ?? 0);
    const other = homeWins ? home : main !== null && main !== own && (doc.counts.get(main) ?? 0) >= 2 && !doc.counts.has(own) && !doc.placeCountries.has(own) ? main : null;
    if (!body.nearOnly && other) iso = other;
    else return;
  }
  if (!iso && !body.nearOnly) iso = doc.main ?? doc.home;
  if (!iso) {
    // A party or body with no country in sight and none in the gazetteer: dropped, not merged.
    resolved.delete(c);
    return;
  }
  if (r.attributes.country === iso) return;
  resolved.set(c, bodyOf(body, iso, text, gazetteer));
}

/** A country name or demonym opening a name ("Brazilian Finance Ministry" → BR, "Finance Ministry"). */
function leadingCountryByKey(surface: string, key: string, gazetteer: Gazetteer): { iso: string; rest: string } | null {
  let cache = leadingCountries.get(gazetteer);
  if (!cache) leadingCountries.set(gazetteer, (cache = new Map()));
  const known = cache.get(key);
  return known !== undefined ? known : remember(cache, key, leadingCountryOf(surface, gazetteer));
}

function leadingCountryOf(surface: string, gazetteer: Gazetteer): { iso: string; rest: string } | null {
  const words = surface.replace(/^the\s+/i, '').split(/\s+/);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const hit = gazetteer.lookup(keyOf(words.slice(0, n).join(' ')))?.find((e) => e.type === 'Country');
    if (hit && typeof hit.attributes.iso === 'string') return { iso: hit.attributes.iso, rest: words.slice(n).join(' ') };
  }
  return null;
}

/** The body of that country: the gazetteer's ("UK" + "Treasury" = HM Treasury) or a new scoped one. */
function bodyOf(body: GenericBody, iso: string, surface: string, gazetteer: Gazetteer): ScopedResolution {
  const bare = surface.replace(/^the\s+/i, '');
  const country = countryByIso(iso);
  const forms = country ? [country.name, ...country.aliases, ...country.demonyms] : [iso];
  for (const f of forms) {
    for (const variant of [`${f} ${bare}`, `${f} ${body.name}`]) {
      const hit = gazetteer.lookup(keyOf(variant))?.find((e) => e.type === 'Organization' && e.attributes.country === iso);
      if (hit) return { id: hit.id, type: 'Organization', name: hit.name, attributes: { ...hit.attributes } };
    }
  }
  const name = `${body.name} (${country?.name ?? iso})`;
  return { id: entityIdFor('Organization', name), type: 'Organization', name, attributes: { kind: body.kind, country: iso } };
}
