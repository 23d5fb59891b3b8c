import { entityIdFor } from '@newsgraph/shared';
import type { EntityAttributes, EntityType } from '@newsgraph/shared';
import { tokenize } from '../text/tokenizer.ts';
import { addCompromiseEntries } from './compromise-lexicon.ts';
import { COUNTRIES } from './countries.ts';
import { GOODS } from './goods.ts';
import { BIG_CITY_POPULATION, geoCities, isMatchableCityName } from './geonames-places.ts';
import type { GeoCity } from './geonames-places.ts';
import { packageCountries } from './world-countries.ts';
import { ORGANIZATIONS } from './organizations.ts';
import { PLACES } from './places.ts';
import { US_STATES } from './us-states.ts';
import { MONTHS_AND_DAYS, wordClasses } from './word-classes.ts';

/** One way of writing one known entity. */
export interface GazetteerEntry {
  type: EntityType;
  id: string;
  name: string;
  attributes: EntityAttributes;
  /** 'name' for names and aliases, 'demonym' for adjectives ("Iranian"), 'goods' for goods forms. */
  form: 'name' | 'demonym' | 'goods';
  /** For a capital city: the ISO code of its country (capital metonymy). */
  capitalOf?: string;
  /** All-caps short aliases ("US", "EU", "AP") only match text written the same way. */
  exactCase?: string;
  /** From a borrowed word list (compromise): a learned type lexicon may overrule it. */
  weak?: boolean;
  /** Goods: a one-word form that is goods without a trade/military sentence. */
  goodsAlways?: boolean;
  /** Goods: a one-word form read only in a sentence about export controls, transfers or the military. */
  goodsStrict?: boolean;
  /** Goods: a named system that is also an ordinary name, read only in a military sentence. */
  goodsMilitary?: boolean;
  /** Goods: any form is goods only right after a trade word ("exports of ships"), see GOODS_TRADED_BEFORE. */
  goodsTraded?: boolean;
  /** A smaller GeoNames town: matched in running text, not in all-caps headlines, where any word looks like a name. */
  minor?: boolean;
}

/**
 * The entry with every field present, in one order: all entries then share one object shape, so
 * the recognizer's reads of `type`, `form`, `exactCase`, `minor`... stay monomorphic (entries
 * built with different optional fields made those property loads megamorphic).
 */
export function gazetteerEntry(e: GazetteerEntry): GazetteerEntry {
  return {
    type: e.type,
    id: e.id,
    name: e.name,
    attributes: e.attributes,
    form: e.form,
    capitalOf: e.capitalOf,
    exactCase: e.exactCase,
    weak: e.weak,
    goodsAlways: e.goodsAlways,
    goodsStrict: e.goodsStrict,
    goodsMilitary: e.goodsMilitary,
    goodsTraded: e.goodsTraded,
    minor: e.minor,
  };
}

/** Lookup key of a phrase: its tokens, lower-cased, typographic apostrophes folded, joined by one space. */
export function phraseKey(words: readonly string[]): string {
  let key = '';
  for (let i = 0; i < words.length; i++) {
    if (i > 0) key += ' ';
    key += (words[i] as string).toLowerCase().replace(/’/g, "'");
  }
  return key;
}

/** Add the proper prefixes ("a", "a b" of "a b c") of a space-joined key. */
export function addPrefixes(set: Set<string>, key: string): void {
  let i = key.indexOf(' ');
  while (i > 0) {
    set.add(key.slice(0, i));
    i = key.indexOf(' ', i + 1);
  }
}

/** Lower-cased form of one token as used in keys. */
export function tokenKey(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

export function keyOf(phrase: string): string {
  return phraseKey(tokenize(phrase).map((t) => t.text));
}

export class Gazetteer {
  readonly names = new Map<string, GazetteerEntry[]>();
  readonly goods = new Map<string, GazetteerEntry>();
  readonly byId = new Map<string, GazetteerEntry>();
  /** Every proper token-prefix of a name key, so a lookup can stop as soon as no name continues. */
  readonly namePrefixes = new Set<string>();
  readonly goodsPrefixes = new Set<string>();
  /** The first word of every goods key (one-word forms and the first word of longer ones). */
  readonly goodsStarts = new Set<string>();
  /** US state abbreviations without their dots ("Calif", "NY", "WVa") → the state; read only in news-style context. */
  readonly usStateAbbreviations = new Map<string, GazetteerEntry>();
  maxNameTokens = 1;
  maxGoodsTokens = 1;
  /** One-shape copy of each entry object added, so an entry added under several keys stays one object. */
  readonly #shaped = new WeakMap<GazetteerEntry, GazetteerEntry>();

  #shape(entry: GazetteerEntry): GazetteerEntry {
    let e = this.#shaped.get(entry);
    if (!e) this.#shaped.set(entry, (e = gazetteerEntry(entry)));
    return e;
  }

  add(surface: string, entry: GazetteerEntry): void {
    const tokens = tokenize(surface);
    if (tokens.length === 0) return;
    const key = phraseKey(tokens.map((t) => t.text));
    addPrefixes(this.namePrefixes, key);
    const isAcronym = surface.length <= 5 && /^[A-Z.&-]+$/.test(surface);
    const e: GazetteerEntry = isAcronym ? gazetteerEntry({ ...entry, exactCase: surface }) : this.#shape(entry);
    const list = this.names.get(key);
    if (list) {
      if (!list.some((x) => x.id === e.id && x.form === e.form && x.exactCase === e.exactCase)) list.push(e);
    } else this.names.set(key, [e]);
    if (!this.byId.has(e.id) || e.form === 'name') {
      const prev = this.byId.get(e.id);
      if (!prev || prev.form !== 'name') this.byId.set(e.id, gazetteerEntry({ ...e, exactCase: undefined }));
    }
    this.maxNameTokens = Math.max(this.maxNameTokens, tokens.length);
  }

  addGoods(surface: string, entry: GazetteerEntry): void {
    const tokens = tokenize(surface);
    if (tokens.length === 0) return;
    const key = phraseKey(tokens.map((t) => t.text));
    addPrefixes(this.goodsPrefixes, key);
    const space = key.indexOf(' ');
    this.goodsStarts.add(space < 0 ? key : key.slice(0, space));
    const e = this.#shape(entry);
    this.goods.set(key, e);
    this.maxGoodsTokens = Math.max(this.maxGoodsTokens, tokens.length);
    if (!this.byId.has(e.id)) this.byId.set(e.id, e);
  }

  lookup(key: string): GazetteerEntry[] | undefined {
    return this.names.get(key);
  }
}

let cached: Gazetteer | null = null;

/** The built-in gazetteer (countries, places, organizations, goods), built once. */
export function defaultGazetteer(): Gazetteer {
  if (cached) return cached;
  const g = new Gazetteer();
  const capitals = new Map<string, string>();
  for (const c of COUNTRIES) {
    const entry: GazetteerEntry = {
      type: 'Country',
      id: entityIdFor('Country', c.name, c.iso),
      name: c.name,
      attributes: { iso: c.iso },
      form: 'name',
    };
    g.add(c.name, entry);
    for (const a of c.aliases) g.add(a, entry);
    for (const d of c.demonyms) g.add(d, { ...entry, form: 'demonym' });
    if (c.capital) capitals.set(c.capital.toLowerCase(), c.iso);
  }
  const words = wordClasses();
  // Names in several languages and demonyms from world-countries, where the news forms above lack them.
  for (const pc of packageCountries()) {
    const known = COUNTRIES.find((c) => c.iso === pc.iso);
    const name = known?.name ?? pc.names[0] ?? pc.iso;
    const entry: GazetteerEntry = { type: 'Country', id: entityIdFor('Country', name, pc.iso), name, attributes: { iso: pc.iso }, form: 'name' };
    const fresh = (surface: string) => {
      const key = keyOf(surface);
      return key.length > 0 && !g.lookup(key) && !(key.indexOf(' ') < 0 && words.common.has(key));
    };
    for (const n of pc.names) if (fresh(n)) g.add(n, entry);
    for (const d of pc.demonyms) if (fresh(d)) g.add(d, { ...entry, form: 'demonym' });
    if (pc.capital && !capitals.has(pc.capital.toLowerCase())) capitals.set(pc.capital.toLowerCase(), pc.iso);
  }
  // GeoNames cities: the most populous city of each name, by (name, country) for enrichment.
  const cityByNameCountry = new Map<string, GeoCity>();
  for (const city of geoCities()) {
    const k = city.name.toLowerCase();
    if (!cityByNameCountry.has(`${k}|${city.countryIso}`)) cityByNameCountry.set(`${k}|${city.countryIso}`, city);
    if (city.altName) {
      const a = city.altName.toLowerCase();
      if (!cityByNameCountry.has(`${a}|${city.countryIso}`)) cityByNameCountry.set(`${a}|${city.countryIso}`, city);
    }
  }
  // The most populous GeoNames city of any of the place's names in its country: "Washington"
  // alone is a town in Utah there, "Washington, D.C." the capital.
  const geo = (names: readonly string[], iso: string | null | undefined): EntityAttributes => {
    if (!iso) return {};
    let city: GeoCity | undefined;
    for (const name of names) {
      const found = cityByNameCountry.get(`${name.toLowerCase()}|${iso}`);
      if (found && (!city || found.population > city.population)) city = found;
    }
    return city ? { countryIso: iso, lat: city.lat, lon: city.lon, population: city.population } : { countryIso: iso };
  };
  const placeNames = new Set<string>();
  for (const p of PLACES) {
    const capitalOf = capitals.get(p.name.toLowerCase());
    const entry: GazetteerEntry = {
      type: 'Place',
      id: entityIdFor('Place', p.name),
      name: p.name,
      attributes: p.country ? { country: p.country, kind: p.kind, ...geo([p.name, ...p.aliases], p.country) } : { kind: p.kind },
      form: 'name',
      ...(capitalOf ? { capitalOf } : {}),
    };
    placeNames.add(p.name.toLowerCase());
    g.add(p.name, entry);
    for (const a of p.aliases) g.add(a, entry);
  }
  for (const st of US_STATES) {
    const id = entityIdFor('Place', st.name);
    const entry: GazetteerEntry = { type: 'Place', id, name: st.name, attributes: { country: 'US', kind: 'province', countryIso: 'US' }, form: 'name' };
    if ((st.byName || st.name.includes(' ')) && !placeNames.has(st.name.toLowerCase())) {
      placeNames.add(st.name.toLowerCase());
      // Weak: sports teams carry state names ("Colorado beat Houston"); a learned lexicon may overrule.
      g.add(st.name, { ...entry, weak: true });
    }
    const known = g.byId.get(id) ?? entry;
    for (const a of st.abbreviations) g.usStateAbbreviations.set(a.replace(/\./g, ''), gazetteerEntry({ ...known, exactCase: undefined }));
  }
  for (const c of COUNTRIES) {
    if (!c.capital || placeNames.has(c.capital.toLowerCase()) || c.capital.toLowerCase() === c.name.toLowerCase()) continue;
    g.add(c.capital, {
      type: 'Place',
      id: entityIdFor('Place', c.capital),
      name: c.capital,
      attributes: { country: c.iso, kind: 'city', ...geo([c.capital], c.iso) },
      form: 'name',
      capitalOf: c.iso,
    });
  }
  // Every other GeoNames city of CITY_MIN_POPULATION+, unless its name is taken or is a common word.
  const personNames = new Set<string>([...words.firstNames, ...words.lastNames, ...words.namesOfOtherThings, ...MONTHS_AND_DAYS]);
  for (const city of geoCities()) {
    if (!isMatchableCityName(city.name, city.population, { commonWords: words.common, personNames })) continue;
    const key = keyOf(city.name);
    if (!key || g.lookup(key) || placeNames.has(city.name.toLowerCase())) continue;
    placeNames.add(city.name.toLowerCase());
    g.add(city.name, {
      type: 'Place',
      id: entityIdFor('Place', city.name),
      name: city.name,
      attributes: { country: city.countryIso, kind: 'city', countryIso: city.countryIso, lat: city.lat, lon: city.lon, population: city.population },
      form: 'name',
      ...(city.population < BIG_CITY_POPULATION ? { minor: true } : {}),
      ...(capitals.get(city.name.toLowerCase()) === city.countryIso ? { capitalOf: city.countryIso } : {}),
    });
  }
  for (const o of ORGANIZATIONS) {
    const entry: GazetteerEntry = {
      type: 'Organization',
      id: entityIdFor('Organization', o.name),
      name: o.name,
      attributes: o.country ? { kind: o.kind, country: o.country } : { kind: o.kind },
      form: 'name',
    };
    g.add(o.name, entry);
    for (const a of o.aliases) g.add(a, entry);
  }
  for (const item of GOODS) {
    const entry: GazetteerEntry = {
      type: 'Goods',
      id: entityIdFor('Goods', item.name),
      name: item.name,
      attributes: item.hs ? { hs: item.hs } : {},
      form: 'goods',
      ...(item.always ? { goodsAlways: true } : {}),
      ...(item.military ? { goodsMilitary: true } : {}),
      ...(item.strict ? { goodsStrict: true } : {}),
      ...(item.traded ? { goodsTraded: true } : {}),
    };
    // Named systems ("Shahed", "Kalibr") are capitalised: they are matched as names, not goods
    // words, and each is its own thing (a Shahed-136 is no Mohajer-6); the row's name is the family.
    if (item.named) for (const f of item.forms) g.add(f, { ...entry, id: entityIdFor('Goods', f), name: f, attributes: { ...entry.attributes, family: item.name }, form: 'name' });
    else for (const f of item.forms) g.addGoods(f, entry);
  }
  addCompromiseEntries(g, words.common);
  cached = g;
  return g;
}
