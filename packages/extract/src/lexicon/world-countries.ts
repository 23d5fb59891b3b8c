/**
 * Country names in several languages, demonyms, capitals and coordinates from the
 * `world-countries` npm package (data under ODbL 1.0, from mledoze/countries). The hand-written
 * `countries.ts` keeps only the news forms that package lacks ("Britain", "mainland China",
 * "Burma", short demonyms); both go into the gazetteer under the same `country:XX` id.
 */
import worldCountries from 'world-countries';
import type { Country } from 'world-countries';

// The package is CommonJS: its default export is the array itself.
const countries = worldCountries as unknown as readonly Country[];

/** Translations read (ISO 639-3 keys of the package): the languages most often quoted in English news. */
const LANGUAGES = ['fra', 'deu', 'spa', 'ita', 'por', 'nld', 'rus', 'ara', 'zho', 'jpn', 'kor', 'tur', 'pol', 'per', 'urd'] as const;

export interface PackageCountry {
  iso: string;
  /** English common and official names, alternative spellings, names in LANGUAGES. */
  names: string[];
  /** English demonyms (masculine and feminine forms). */
  demonyms: string[];
  capital: string | null;
  lat: number;
  lon: number;
}

let cached: PackageCountry[] | null = null;

export function packageCountries(): readonly PackageCountry[] {
  if (cached) return cached;
  const out: PackageCountry[] = [];
  for (const c of countries) {
    if (!/^[A-Z]{2}$/.test(c.cca2)) continue;
    const names = new Set<string>([c.name.common, c.name.official]);
    for (const a of c.altSpellings) {
      // Codes ("DE") and long constitutional names with commas are no running-text names.
      if (a.length >= 4 && !/^[A-Z]{2,3}$/.test(a) && !a.includes(',')) names.add(a);
    }
    for (const lang of LANGUAGES) {
      const t = c.translations[lang];
      if (t?.common) names.add(t.common);
    }
    for (const native of Object.values(c.name.native ?? {})) if (native.common) names.add(native.common);
    const demonyms = new Set<string>();
    const eng = c.demonyms?.eng;
    if (eng?.m) demonyms.add(eng.m);
    if (eng?.f) demonyms.add(eng.f);
    out.push({
      iso: c.cca2,
      names: [...names].filter((n) => n.trim().length >= 2),
      demonyms: [...demonyms].filter((n) => n.trim().length >= 3),
      capital: c.capital?.[0] ?? null,
      lat: c.latlng?.[0] ?? 0,
      lon: c.latlng?.[1] ?? 0,
    });
  }
  cached = out;
  return out;
}
