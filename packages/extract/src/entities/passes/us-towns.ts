import { entityIdFor } from '@newsgraph/shared';
import type { Sentence } from '../../interfaces/analysis.ts';
import { gazetteerEntry } from '../../lexicon/gazetteer.ts';
import { townIn } from '../../lexicon/geonames-places.ts';
import { US_STATES } from '../../lexicon/us-states.ts';
import type { Token } from '../../text/tokenizer.ts';
import { newCandidate } from '../recognizer/index.ts';
import type { Candidate } from '../recognizer/index.ts';

/**
 * Pass "us-towns": news style names a town with its US state or its country right after it
 * ("Aiken, S.C.", "Lubbock, Texas", "Zagazig, Egypt"). The state or country says where to look: a
 * capitalised run of one to three words before the comma is the town when GeoNames lists a town
 * of that name there (any size it lists, 1,000+ inhabitants; the gazetteer itself only reads
 * towns of 15,000+ in running text, because small towns' names are mostly words or surnames
 * elsewhere). The run replaces an unknown candidate over it (or, before a US state, a surname
 * read as a person); a known place, country or organization there is left alone. After a country,
 * only where the country closes the phrase ("Zagazig, Egypt," not "Blair, Britain's leader").
 */

const POSTAL_BY_STATE = new Map(US_STATES.map((s) => [s.name, s.postal]));
const MAX_TOWN_WORDS = 3;
/** Words of a town name that are not capitalised: "Fort of", "Port au Prince" are rare in US towns; only these. */
const TOWN_JOINERS = new Set(['de', 'la', 'del', 'du', 'of']);

/** "St.", "Ft.", "Mt." opening a town name, and what GeoNames writes for them. */
const TOWN_ABBREVIATION = /^(?:St|Ft|Mt)\.?(?=\s)/;
const SPELLED_OUT: Readonly<Record<string, string>> = { st: 'Saint', ft: 'Fort', mt: 'Mount' };

function isTownWord(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && /^\p{Lu}[\p{L}'’.-]*$/u.test(t.text);
}

export function markUsTowns(tokens: readonly Token[], candidates: Candidate[], sentences: readonly Sentence[]): void {
  const added: Candidate[] = [];
  const removed = new Set<Candidate>();
  for (let ci = 0; ci < candidates.length; ci++) {
    const state = candidates[ci] as Candidate;
    const usState = state.type === 'Place' && state.entry?.attributes['kind'] === 'province' && state.entry.attributes['country'] === 'US' ? POSTAL_BY_STATE.get(state.entry.name) : undefined;
    const iso = !usState && state.type === 'Country' && !state.adjectival && state.entry?.form === 'name' ? state.entry.attributes['iso'] : undefined;
    if (!usState && (typeof iso !== 'string' || !closesPhrase(tokens[state.last]))) continue;
    const town = townBefore(tokens, candidates, sentences, state, usState, iso, removed);
    if (town) added.push(town);
  }
  if (added.length === 0) return;
  const kept = candidates.filter((c) => !removed.has(c));
  kept.push(...added);
  kept.sort((a, b) => a.first - b.first);
  candidates.splice(0, candidates.length, ...kept);
}

/**
 * The town named right before `state` (a US state, or a country that closes the phrase) and its
 * comma: its candidate, with the candidates it replaces added to `removed`; or null. (Apart from
 * the loop over all candidates: its closures captured per-candidate values, which made V8 allocate
 * a context for every candidate, and it runs for few of them.)
 */
function townBefore(tokens: readonly Token[], candidates: readonly Candidate[], sentences: readonly Sentence[], state: Candidate, usState: string | undefined, iso: unknown, removed: Set<Candidate>): Candidate | null {
  const find = (name: string) => (usState ? townIn(name, 'US', usState) : townIn(name, iso as string));
  // News abbreviates "Saint", "Fort", "Mount" in town names ("St. Albans, Vt."); GeoNames spells them out.
  const lookup = (name: string) => find(name) ?? (TOWN_ABBREVIATION.test(name) ? find(name.replace(TOWN_ABBREVIATION, (w) => SPELLED_OUT[w.slice(0, 2).toLowerCase()] ?? w)) : undefined);
  const comma = state.first - 1;
  if (tokens[comma]?.text !== ',') return null;
  const end = comma; // town tokens are [start, end)
  // The longest run of town words ending before the comma that GeoNames knows in this state.
  let found: { start: number; name: string; town: NonNullable<ReturnType<typeof townIn>> } | null = null;
  for (let start = end - 1, words = 0; start >= 0 && words < MAX_TOWN_WORDS; start--) {
    const t = tokens[start];
    if (!t || t.start < (sentences[state.sentenceIndex]?.start ?? 0)) break;
    if (t.text === '-' || t.text === '.') continue; // "Winston-Salem", "St. Paul" keep their joiners
    if (!isTownWord(t) && !(TOWN_JOINERS.has(t.text) && words > 0)) break;
    words++;
    const first = tokens[start] as Token;
    const town = lookup(tokensText(tokens, start, end));
    if (town && isTownWord(first)) found = { start, name: town.name, town };
  }
  if (!found) return null;
  const { start, town } = found;
  // A known place, country or organization over these words stays what it is.
  const overlapping = candidates.filter((c) => c.first < end && start < c.last);
  if (overlapping.some((c) => c.type !== null && c.type !== 'Person')) return null;
  // A person named in full ("Andrew Hall of Miami") is not a town; a surname alone before ", State" is.
  if (overlapping.some((c) => c.type === 'Person' && (!usState || c.first < start || c.last > end))) return null;
  for (const c of overlapping) removed.add(c);
  const entry = gazetteerEntry({
    type: 'Place',
    id: entityIdFor('Place', town.name),
    name: town.name,
    attributes: { country: town.countryIso, kind: 'city', countryIso: town.countryIso, lat: town.lat, lon: town.lon, population: town.population },
    form: 'name',
  });
  return newCandidate({ first: start, last: end, type: 'Place', entry, source: 'us-town' }, state.sentenceIndex);
}

/** The token after a country that ends the town's address: a comma, a full stop, a bracket, the end. */
function closesPhrase(t: Token | undefined): boolean {
  return !t || /^[,.;:)\]]$/.test(t.text) || t.kind === 'word' && /^(?:and|on|in|where|which)$/.test(t.text);
}

function tokensText(tokens: readonly Token[], start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const t = tokens[i] as Token;
    out += (i > start && t.spaceBefore ? ' ' : '') + t.text;
  }
  return out;
}
