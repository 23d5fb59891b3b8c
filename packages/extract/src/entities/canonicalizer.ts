import { entityIdFor } from '@newsgraph/shared';
import type { EntityAttributes, EntityType, ExtractedEntity } from '@newsgraph/shared';
import type { EntityMention, Sentence } from '../interfaces/analysis.ts';
import type { EntityCorpus } from '../interfaces/corpus.ts';
import { keyOf } from '../lexicon/gazetteer.ts';
import type { Gazetteer } from '../lexicon/gazetteer.ts';
import { countryByIso } from '../lexicon/countries.ts';
import type { Token } from '../text/tokenizer.ts';
import { isAllCaps } from './recognizer/index.ts';
import type { Candidate } from './recognizer/index.ts';
import { organizationKindFor } from './organization-kind.ts';
import type { OrganizationKind } from '../lexicon/organizations.ts';
import { scopeGenericBodies } from './passes/country-scope.ts';
import { COMPASS_WORDS, TITLE_WORDS } from '../lexicon/titles.ts';
import { wordClasses } from '../lexicon/word-classes.ts';

interface Resolved {
  id: string;
  type: EntityType;
  name: string;
  attributes: EntityAttributes;
}

export interface CanonicalizeInput {
  text: string;
  tokens: readonly Token[];
  sentences: readonly Sentence[];
  candidates: Candidate[];
  gazetteer: Gazetteer;
  /** Names and aliases learned from earlier articles. */
  corpus?: EntityCorpus;
  /** The publishing outlet: its home country is the last hint for a generic body ("the Treasury"). */
  outlet?: string | null;
}

const CONNECTOR_WORDS = new Set(['of', 'and', 'for', 'the', 'in', '&', '-']);

/**
 * Turns candidates into canonical entities of one document: one entity per real thing, surnames
 * resolved to full names, acronyms to their expansion, capitals used as governments to countries.
 * The steps are separate functions over one Doc, in this order (each reads what the ones before
 * resolved); kept apart also because one function of all of them cost the JIT seconds to compile.
 */
export function canonicalize(input: CanonicalizeInput): { entities: ExtractedEntity[]; mentions: EntityMention[] } {
  const { text, tokens, candidates } = input;
  const surface = (c: Candidate) => text.slice((tokens[c.first] as Token).start, (tokens[c.last - 1] as Token).end);
  const names = new Map<Candidate, string>();
  const nameOf = (c: Candidate): string => {
    let n = names.get(c);
    if (n === undefined) {
      n = cleanName(surface(c));
      names.set(c, n);
    }
    return n;
  };
  const resolved = new Map<Candidate, Resolved>();
  const doc: Doc = { input, text, tokens, candidates, resolved, surface, nameOf };

  const metonymicCapitals = coordinateCapitals(doc);
  resolveKnown(doc, metonymicCapitals);
  // A bare "the Treasury" is the US Treasury unless the document names another country's treasury.
  resolveTreasuries(input, candidates, resolved, surface);
  const acronyms = definedAcronyms(doc);
  oneSensePerDocument(doc);
  const persons = newPersonsAndOrganizations(doc);
  const personBySurname = surnameIndex(doc, persons);
  const shortForms = shortFormIndexes(doc);
  const aliasReasons = resolveTheRest(doc, acronyms, personBySurname, shortForms);
  // Generic bodies ("Finance Ministry", "the Treasury", "Parliament") belong to the article's country.
  scopeGenericBodies({ tokens, candidates, resolved, surface, gazetteer: input.gazetteer, outlet: input.outlet ?? null });
  return entitiesAndMentions(doc, aliasReasons);
}

/** One document being canonicalised: the input, the resolutions so far, and cached clean names. */
interface Doc {
  input: CanonicalizeInput;
  text: string;
  tokens: readonly Token[];
  candidates: Candidate[];
  resolved: Map<Candidate, Resolved>;
  surface: (c: Candidate) => string;
  nameOf: (c: Candidate) => string;
}

interface ShortForms {
  orgByFirst: Map<string, Resolved | null>;
  orgByLast: Map<string, Resolved | null>;
  orgByInitials: Map<string, Resolved | null>;
}

function coordinateCapitals(doc: Doc): Set<string> {
  const { tokens, candidates } = doc;
  // Capitals: a mention that acts ("Washington said") stands for the country, others are the city;
  // a dateline ("WASHINGTON:") follows the document's acting sense when there is one.
  // "Washington and Beijing imposed ...": coordinated capitals act together.
  for (let i = 1; i < candidates.length; i++) {
    const a = candidates[i - 1] as Candidate;
    const b = candidates[i] as Candidate;
    if (!a.entry?.capitalOf || !b.entry?.capitalOf || a.metonymic === b.metonymic || b.first !== a.last + 1) continue;
    if ((tokens[a.last] as Token).text.toLowerCase() !== 'and') continue;
    // Only a coordinated subject: "flew to Paris and Berlin said" is no coordination.
    const before = a.first > 0 ? (tokens[a.first - 1] as Token) : undefined;
    if (before && before.kind === 'word' && !/^(?:and|but|while|as|when|after|since|because|though|although)$/i.test(before.text)) continue;
    if (b.metonymic) a.metonymic = true;
  }
  const metonymicCapitals = new Set<string>();
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    if (c.metonymic && c.entry?.capitalOf) metonymicCapitals.add(c.entry.capitalOf);
  }
  return metonymicCapitals;
}

function resolveKnown(doc: Doc, metonymicCapitals: ReadonlySet<string>): void {
  const { candidates, resolved } = doc;
  // 1. Known entities and clearly typed new ones.
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    if (c.entry) {
      const e = c.entry;
      if (e.capitalOf && (c.metonymic || (c.dateline && metonymicCapitals.has(e.capitalOf)))) {
        const country = countryByIso(e.capitalOf);
        if (country) {
          resolved.set(c, { id: entityIdFor('Country', country.name, country.iso), type: 'Country', name: country.name, attributes: { iso: country.iso } });
          c.source = 'metonymy';
          continue;
        }
      }
      resolved.set(c, { id: e.id, type: e.type, name: e.name, attributes: { ...e.attributes } });
    }
  }
}

function definedAcronyms(doc: Doc): Map<string, Candidate> {
  const { tokens, candidates, surface } = doc;
  // 2. Acronyms defined in the text: "Bureau of Terrorist Financing and Financial Crimes (TFFC)".
  const acronyms = new Map<string, Candidate>();
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    if (c.type !== 'Organization' && c.type !== null) continue;
    const open = tokens[c.last];
    const acr = tokens[c.last + 1];
    const close = tokens[c.last + 2];
    if (!open || !acr || !close || open.text !== '(' || close.text !== ')' || !isAllCaps(acr)) continue;
    if (!initialsMatch(acr.text, surface(c))) continue;
    acronyms.set(acr.text, c);
    if (c.type === null) c.type = 'Organization';
  }
  return acronyms;
}

function oneSensePerDocument(doc: Doc): void {
  const { candidates, resolved, nameOf } = doc;
  // One sense per document: spans typed only by context statistics take the type the document
  // gives the same name elsewhere (a strong reading outweighs three soft ones).
  const votes = new Map<string, Map<EntityType, number>>();
  /** Readings by a construction or context (not by the shape of the name), per name. */
  const strongTypes = new Map<string, Map<EntityType, number>>();
  // Each candidate's name in lower case, made once (the loops below asked for it up to four times).
  const keys: string[] = new Array(candidates.length);
  for (let ci = 0; ci < candidates.length; ci++) keys[ci] = nameOf(candidates[ci] as Candidate).toLowerCase();
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    if (c.type === null) continue;
    const key = keys[ci] as string;
    let v = votes.get(key);
    if (!v) votes.set(key, (v = new Map()));
    const type = resolved.get(c)?.type ?? c.type;
    v.set(type, (v.get(type) ?? 0) + (isSoft(c) ? 1 : 3));
    if (isSoft(c) || c.weak || SHAPE_SOURCES.has(c.source)) continue;
    let st = strongTypes.get(key);
    if (!st) strongTypes.set(key, (st = new Map()));
    st.set(type, (st.get(type) ?? 0) + 1);
  }
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    // A type guessed from the shape of a name ("Absa said" as a person) yields to the one type that
    // constructions gave the same name in this document ("retail bank Absa", "a stake in Absa").
    if (c.type !== null && (SHAPE_SOURCES.has(c.source) || isSoft(c)) && !resolved.has(c)) {
      const st = strongTypes.get(keys[ci] as string);
      if (st && st.size === 1 && !st.has(c.type)) {
        c.type = [...st.keys()][0] as EntityType;
        c.weak = false;
        continue;
      }
    }
    if (!isSoft(c)) continue;
    const v = votes.get(keys[ci] as string);
    // An untyped mention takes the type a strong reading gave the same name elsewhere in the document.
    if (c.type === null) {
      const st = strongTypes.get(keys[ci] as string);
      if (st && st.size === 1) c.type = [...st.keys()][0] as EntityType;
      continue;
    }
    if (!v || v.size < 2) continue;
    let best: EntityType = c.type;
    for (const [t, n] of v) if (n > (v.get(best) ?? 0)) best = t;
    c.type = best;
  }
}

function newPersonsAndOrganizations(doc: Doc): Array<{ c: Candidate; words: string[] }> {
  const { input, tokens, candidates, resolved, nameOf } = doc;
  // 3. New entities: persons (full names), organizations, places.
  const persons: Array<{ c: Candidate; words: string[] }> = [];
  const orgs: Array<{ c: Candidate; words: string[] }> = [];
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    if (resolved.has(c) || c.type === null) continue;
    const name = nameOf(c);
    if (!name) continue;
    const words = name.split(/\s+/);
    if (c.type === 'Person' && words.length >= 2) persons.push({ c, words });
    if (c.type === 'Organization' && !isAllCaps(tokens[c.first] as Token) && words.length >= 2) orgs.push({ c, words });
  }
  for (const { c } of orgs) {
    if (resolved.has(c)) continue;
    const r = newEntity(c, 'Organization', nameOf(c));
    // "Central Bank of the UAE": the country its name ends with.
    const of = /\bof\s+(?:the\s+)?([^,]+)$/i.exec(r.name);
    const country = of?.[1] ? input.gazetteer.lookup(keyOf(of[1]))?.find((e) => e.type === 'Country' && e.form === 'name') : undefined;
    if (country && typeof country.attributes.iso === 'string') r.attributes.country = country.attributes.iso;
    resolved.set(c, r);
  }
  // "Martin Sosnoff" and "Martin T. Sosnoff" are one person: same first and last name.
  const byFirstLast = new Map<string, Resolved>();
  for (const { c, words } of [...persons].sort((x, y) => y.words.length - x.words.length)) {
    if (resolved.has(c)) continue;
    const key = `${(words[0] as string).toLowerCase()}|${(words[words.length - 1] as string).toLowerCase()}`;
    const known = byFirstLast.get(key);
    if (known) {
      resolved.set(c, known);
      continue;
    }
    const r = newEntity(c, 'Person', nameOf(c));
    byFirstLast.set(key, r);
    resolved.set(c, r);
  }
  return persons;
}

function surnameIndex(doc: Doc, persons: ReadonlyArray<{ c: Candidate; words: string[] }>): Map<string, Resolved | null> {
  const { tokens, candidates, resolved } = doc;
  const personBySurname = new Map<string, Resolved | null>();
  for (const { c, words } of persons) {
    const r = resolved.get(c) as Resolved;
    for (const w of [words[words.length - 1] as string, words[0] as string]) {
      const key = w.toLowerCase();
      const prev = personBySurname.get(key);
      if (prev === undefined) personBySurname.set(key, r);
      else if (prev && prev.id !== r.id) personBySurname.set(key, null);
    }
  }
  // A place name that is the surname of a person in this document is that person ("Jordan scored").
  const lastNames = new Map<string, Resolved | null>();
  for (const { c, words } of persons) {
    const key = (words[words.length - 1] as string).toLowerCase();
    const r = resolved.get(c) as Resolved;
    const prev = lastNames.get(key);
    lastNames.set(key, prev === undefined || prev?.id === r.id ? r : null);
  }
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    if (!c.entry || c.last - c.first !== 1 || c.entry.form !== 'name' || (c.type !== 'Place' && c.type !== 'Country')) continue;
    const t = tokens[c.first] as Token;
    if (isAllCaps(t)) continue;
    const person = lastNames.get(t.text.toLowerCase());
    if (person) {
      resolved.set(c, person);
      c.source = 'surname';
    }
  }
  return personBySurname;
}

function shortFormIndexes(doc: Doc): ShortForms {
  const { input, candidates, resolved, nameOf } = doc;
  // Short forms of organizations: the first word ("Bloomberg" for Bloomberg News), or the last
  // word when written after "the" ("the Journal" for The Wall Street Journal).
  const orgByFirst = new Map<string, Resolved | null>();
  const countryWords = new Set<string>();
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    if (c.type === 'Country' || c.type === 'Place') countryWords.add(nameOf(c).toLowerCase());
  }
  const orgByLast = new Map<string, Resolved | null>();
  const remember = (map: Map<string, Resolved | null>, key: string, r: Resolved) => {
    const prev = map.get(key);
    map.set(key, prev === undefined || prev?.id === r.id ? r : null);
  };
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    const r = resolved.get(c);
    if (!r || r.type !== 'Organization') continue;
    const words = nameOf(c).split(/\s+/).filter((w) => !CONNECTOR_WORDS.has(w.toLowerCase()));
    if (words.length < 2) continue;
    const first = (words[0] as string).toLowerCase();
    // "World" is no short form of the World Bank: only distinctive first words are.
    // Nor adjectives of place or people ("Asian" for the Asian Development Bank).
    const adjective = /(?:an|ese|ish|ic)$/.test(first) || input.gazetteer.lookup(first) !== undefined;
    if (!wordClasses().common.has(first) && !TITLE_WORDS.has(first) && !COMPASS_WORDS.has(first) && !countryWords.has(first) && !adjective) remember(orgByFirst, first, r);
    remember(orgByLast, (words[words.length - 1] as string).toLowerCase(), r);
  }
  // Acronyms used without a definition: "NAO" after "National Audit Office".
  const orgByInitials = new Map<string, Resolved | null>();
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    const r = resolved.get(c);
    if (!r || r.type !== 'Organization') continue;
    const words = nameOf(c).split(/[\s-]+/).filter((w) => !CONNECTOR_WORDS.has(w.toLowerCase()) && /^\p{Lu}/u.test(w));
    if (words.length < 2) continue;
    remember(orgByInitials, words.map((w) => w.charAt(0)).join(''), r);
  }
  return { orgByFirst, orgByLast, orgByInitials };
}

function resolveTheRest(doc: Doc, acronyms: ReadonlyMap<string, Candidate>, personBySurname: ReadonlyMap<string, Resolved | null>, { orgByFirst, orgByLast, orgByInitials }: ShortForms): Map<Candidate, string> {
  const { input, tokens, candidates, resolved, nameOf } = doc;
  const afterThe = (c: Candidate) => c.first > 0 && (tokens[c.first - 1] as Token).text.toLowerCase() === 'the';

  // 4. Everything else: acronyms, surnames, short forms; otherwise keep typed spans, drop unknowns.
  const aliasReasons = new Map<Candidate, string>();
  const articleContext = new Set<string>();
  for (const r of resolved.values()) if (r.type !== 'Country' && r.type !== 'Goods') articleContext.add(r.id);
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    if (resolved.has(c)) continue;
    const s = nameOf(c);
    if (!s) continue;
    const acr = acronyms.get(s);
    if (acr && acr !== c) {
      const target = resolved.get(acr);
      if (target) {
        resolved.set(c, target);
        c.source = 'acronym';
        continue;
      }
    }
    const words = s.split(/\s+/);
    if (words.length === 1 && isAllCaps(tokens[c.first] as Token) && c.type !== 'Person') {
      const org = orgByInitials.get(s);
      if (org) {
        resolved.set(c, org);
        c.source = 'acronym';
        continue;
      }
    }
    const soft = isSoft(c);
    if (words.length === 1 && ((c.type !== 'Place' && c.type !== 'Country') || soft)) {
      const key = s.toLowerCase();
      const person = personBySurname.get(key);
      if (person && (c.type !== 'Organization' || soft)) {
        resolved.set(c, person);
        c.source = 'surname';
        continue;
      }
      const org = orgByFirst.get(key) ?? (afterThe(c) ? orgByLast.get(key) : undefined);
      if (org && !person && (c.type !== 'Person' || soft)) {
        resolved.set(c, org);
        c.source = 'short-name';
        continue;
      }
    }
    // Other articles: a surname, short form or acronym with one full form in the corpus, or a
    // name that strong patterns typed before. Gazetteer names never get here (resolved in step 1).
    if (input.corpus && !c.entry) {
      const open = c.type === null || soft || c.weak === true;
      const alias = words.length === 1 ? input.corpus.resolveAlias(s, open ? null : c.type, c.role, articleContext) : null;
      if (alias && (open || alias.type === c.type)) {
        resolved.set(c, { id: alias.id, type: alias.type, name: alias.name, attributes: alias.attributes });
        c.source = 'corpus-alias';
        aliasReasons.set(c, alias.reason);
        continue;
      }
      if (open) {
        const learned = input.corpus.knownType(s);
        if (learned) {
          c.type = learned;
          c.weak = false;
          c.source = 'corpus-type';
        }
      }
    }
    if (c.type === null) continue;
    if (c.weak && c.type === 'Person' && words.length < 2) continue;
    resolved.set(c, newEntity(c, c.type, s));
  }
  return aliasReasons;
}

function entitiesAndMentions(doc: Doc, aliasReasons: ReadonlyMap<Candidate, string>): { entities: ExtractedEntity[]; mentions: EntityMention[] } {
  const { text, tokens, candidates, resolved, nameOf } = doc;
  // 5. Build entities and mentions.
  const entities = new Map<string, ExtractedEntity>();
  const mentions: EntityMention[] = [];
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    const r = resolved.get(c);
    if (!r) continue;
    const start = (tokens[c.first] as Token).start;
    const end = (tokens[c.last - 1] as Token).end;
    const mentionText = text.slice(start, end);
    const clean = nameOf(c);
    if (clean.length < 2) continue; // a lone initial or symbol is not a name
    let e = entities.get(r.id);
    if (!e) {
      e = { id: r.id, type: r.type, name: r.name, aliases: [], attributes: { ...r.attributes }, mentions: [] };
      entities.set(r.id, e);
    }
    e.mentions.push({ start, end, text: mentionText });
    if (r.type === 'Person' && clean.length > e.name.length) e.name = clean;
    const m: EntityMention = { entityId: r.id, start, end, text: mentionText, sentenceIndex: c.sentenceIndex, source: c.source };
    if (c.adjectival) m.adjectival = true;
    const reason = aliasReasons.get(c);
    if (reason) m.resolvedBy = reason;
    if (c.role) {
      m.role = c.role;
      if (e.attributes.role === undefined) e.attributes.role = c.role;
    }
    if (c.affiliation && e.attributes.affiliation === undefined) {
      const a = resolved.get(c.affiliation);
      if (a) e.attributes.affiliation = a.id;
    }
    mentions.push(m);
  }
  for (const e of entities.values()) {
    const aliases = new Set<string>();
    for (const raw of new Set(e.mentions.map((m) => m.text))) {
      const n = cleanName(raw);
      if (n && n !== e.name) aliases.add(n);
    }
    e.aliases = [...aliases];
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { entities: [...entities.values()], mentions };
}

const US_TREASURY_ID = 'org:us-department-of-the-treasury';
const BARE_TREASURY = /^(?:the\s+)?(?:treasury(?:\s+(?:department|dept\.?))?|department\s+of\s+the\s+treasury)$/i;

/**
 * Treasuries of several countries: "UK Treasury" / "British Treasury" / "HM Treasury" are the UK's
 * ministry, "Australian Treasury" Australia's; a bare "the Treasury" follows the nearest treasury
 * named before it with a country, and is the US Treasury when the document names no other
 * country's treasury, or names the US's, or is mostly about the US government.
 */
function resolveTreasuries(
  input: CanonicalizeInput,
  candidates: readonly Candidate[],
  resolved: Map<Candidate, Resolved>,
  surface: (c: Candidate) => string,
): void {
  const { tokens, gazetteer } = input;
  const treasuries: Array<{ c: Candidate; iso: string | null }> = [];
  const countryCounts = new Map<string, number>();
  const byLast = new Map<number, Candidate>();
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    const r = resolved.get(c);
    if (r?.type === 'Country' && typeof r.attributes.iso === 'string') countryCounts.set(r.attributes.iso, (countryCounts.get(r.attributes.iso) ?? 0) + 1);
    byLast.set(c.last, c);
  }
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci] as Candidate;
    const r = resolved.get(c);
    if (!r || r.type !== 'Organization') continue;
    if (r.id !== US_TREASURY_ID) {
      if (/\btreasury\b/i.test(r.name) && typeof r.attributes.country === 'string') treasuries.push({ c, iso: r.attributes.country });
      continue;
    }
    if (!BARE_TREASURY.test(surface(c))) {
      treasuries.push({ c, iso: 'US' });
      continue;
    }
    // A country written right before: "British Treasury", "Australia's Treasury".
    let q = byLast.get(c.first);
    if (!q && c.first > 0 && (tokens[c.first - 1] as Token).kind === 'possessive') q = byLast.get(c.first - 1);
    const qr = q ? resolved.get(q) : undefined;
    treasuries.push({ c, iso: qr?.type === 'Country' && typeof qr.attributes.iso === 'string' ? qr.attributes.iso : null });
  }
  if (!treasuries.some((t) => t.iso !== null && t.iso !== 'US')) return;
  let dominant: string | null = null;
  let most = 0;
  for (const [iso, n] of countryCounts) {
    if (n > most) [dominant, most] = [iso, n];
    else if (n === most) dominant = null;
  }
  const usFirst = dominant === 'US' || treasuries.some((t) => t.iso === 'US');
  const firstForeign = treasuries.find((t) => t.iso !== null && t.iso !== 'US')?.iso ?? null;
  let last: string | null = null;
  for (const t of treasuries) {
    if (t.iso !== null) {
      last = t.iso;
      if (t.iso !== 'US' && resolved.get(t.c)?.id === US_TREASURY_ID) resolved.set(t.c, treasuryOf(t.iso, gazetteer));
      continue;
    }
    const iso = last ?? (usFirst ? 'US' : firstForeign);
    if (iso && iso !== 'US') resolved.set(t.c, treasuryOf(iso, gazetteer));
  }
}

/** The ministry of finance called Treasury of a country: from the lexicon ("HM Treasury") or named after the country. */
function treasuryOf(iso: string, gazetteer: Gazetteer): Resolved {
  const country = countryByIso(iso);
  const countryName = country?.name ?? iso;
  const known = gazetteer.lookup(`${countryName.toLowerCase()} treasury`)?.find((e) => e.type === 'Organization');
  if (known) return { id: known.id, type: 'Organization', name: known.name, attributes: { ...known.attributes } };
  const name = `Treasury of ${countryName}`;
  return { id: entityIdFor('Organization', name), type: 'Organization', name, attributes: { kind: 'GovernmentAgency', country: iso } };
}

/** Rules that guess a type from the shape of a name alone (a name list, "X said", capitals). */
const SHAPE_SOURCES = new Set(['name-list', 'name-shape', 'quoted-surname', 'acronym', 'capitalised', 'headline']);

/** Typed only by context statistics (or not at all): open to document-level evidence. */
function isSoft(c: Candidate): boolean {
  return c.type === null || c.source === 'lexicon-context' || c.source === 'headline';
}

function newEntity(c: Candidate, type: EntityType, name: string): Resolved {
  const attributes: EntityAttributes = {};
  const { id, kind } = newEntityNaming(type, name);
  if (kind !== null) attributes.kind = kind;
  if (type === 'Place' && c.entry?.attributes.country) attributes.country = c.entry.attributes.country;
  return { id, type, name, attributes };
}

/**
 * Id (and an organization's kind) of a new entity: functions of its type and name alone, made by
 * a chain of regular expressions and Unicode normalisation, and asked again for the same names in
 * article after article; so kept per type and name, up to NAMING_CACHE_SIZE names (then started afresh).
 */
const namingCache = new Map<string, { id: string; kind: OrganizationKind | null }>();
const NAMING_CACHE_SIZE = 50_000;

function newEntityNaming(type: EntityType, name: string): { id: string; kind: OrganizationKind | null } {
  // A concatenation, copied when first hashed: the name may be a slice that would keep its article alive.
  const key = `${type}:${name}`;
  let naming = namingCache.get(key);
  if (naming === undefined) {
    // Middle initials stay in person ids: "George W. Bush" and "George Bush" are two people until an
    // article says otherwise (within one article they meet by first and last name).
    const id = entityIdFor(type, type === 'Organization' ? organizationIdName(name) : name);
    naming = { id, kind: type === 'Organization' ? organizationKindFor(name) : null };
    if (namingCache.size >= NAMING_CACHE_SIZE) namingCache.clear();
    namingCache.set(key, naming);
  }
  return naming;
}

const LEGAL_FORMS = /\s+(?:corp|corporation|inc|incorporated|co|company|ltd|limited|plc|llc|ag|sa|nv|bv|gmbh|spa|s\.a|n\.v)\.?$/i;

/**
 * The name an organization's id is made from: spelling variants meet ("U.S."/"US"; "Corp", "Inc",
 * "Co" suffixes dropped; "Agriculture Department" = "Department of Agriculture").
 */
export function organizationIdName(name: string): string {
  let n = name.replace(/\bU\.S\.(?=\s|$|-)/g, 'US').replace(/\bU\.K\.(?=\s|$|-)/g, 'UK').replace(/\s*&\s*/g, ' and ').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) {
    const stripped = n.replace(LEGAL_FORMS, '').replace(/,$/, '').trim();
    if (stripped === n || !/\S\s*\S/.test(stripped)) break;
    n = stripped;
  }
  // "(US) Agriculture Department" / "Finance Ministry" → "(US) Department of Agriculture" / "Ministry of Finance".
  const m = /^((?:US|UK|[A-Z][a-z]+(?:n|ese|ish|ian|i)?)\s+)?([A-Z][a-z]+)\s+(Department|Ministry)$/.exec(n);
  if (m) n = `${m[1] ?? ''}${m[3]} of ${m[2]}`;
  return n;
}

/** ASCII words joined by single spaces: nothing for `cleanName` to do but a leading "the". */
const PLAIN_NAME = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/** A name without possessive, quotes, surrounding punctuation or a leading "the". */
export function cleanName(s: string): string {
  // Most names are plain words: skip the replacements that cannot change them.
  // (A plain name not starting with "t" or "T" has no leading "the" either.)
  if (PLAIN_NAME.test(s)) return (s.charCodeAt(0) | 32) !== 116 ? s : s.replace(/^the\s+/i, (m) => (s.length > m.length + 2 ? '' : m));
  let out = s.replace(/\s+/g, ' ').trim();
  out = out.replace(/['’]s$/u, '');
  out = out.replace(/^[\s"“”‘’'`([{«»\-–—:;,.]+|[\s"“”‘’'`)\]}«»\-–—:;,]+$/gu, '');
  out = out.replace(/^the\s+/i, (m) => (out.length > m.length + 2 ? '' : m));
  return out.trim();
}

/** "TFFC" matches "Bureau of Terrorist Financing and Financial Crimes": its letters are word initials in order. */
export function initialsMatch(acronym: string, phrase: string): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toUpperCase();
  if (letters.length < 2) return false;
  const initials = phrase
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
  let i = 0;
  for (const ch of initials) if (ch === letters[i]) i++;
  if (i === letters.length) return true;
  // Letters anywhere in the capitals of the phrase ("HKMA" in "Hong Kong Monetary Authority").
  const caps = phrase.replace(/[^A-Z]/g, '');
  i = 0;
  for (const ch of caps) if (ch === letters[i]) i++;
  return i === letters.length && letters.charAt(0) === caps.charAt(0);
}
