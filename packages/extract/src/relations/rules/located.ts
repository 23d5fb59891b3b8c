import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { defaultGazetteer, keyOf, type Gazetteer, type GazetteerEntry } from '../../lexicon/gazetteer.ts';
import {
  LOCATION_TYPES,
  type MentionView,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/**
 * LOCATED_IN: a place in a country or region, an organization based in a place.
 * "Veldhoven-based ASML", "ASML, based in Veldhoven", "headquartered in Seoul", "Kyiv, Ukraine",
 * "the Palace of Fine Arts in San Francisco", "Japanese automaker Toyota", "Japan's Toyota".
 */

const BASED_PREFIX = /^\s*-\s*(?:based|headquartered)\s+(?:(?:[a-z-]+\s+){0,3})?$/i;
const BASED_IN = /^\s*,?\s*(?:(?:which|that)\s+(?:is|was|are)\s+|(?:is|was|are)\s+)?(?:based|headquartered|located|situated|registered|incorporated)\s+(?:in|at)\s+(?:the\s+)?$/i;
const DIRECTION = '(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest|nearby|suburban|downtown)\\s+)?';
/** Facilities and sites: "the Rocky Flats plutonium processing plant in Colorado". */
const FACILITY =
  '(?:plant|factory|facility|campus|headquarters|offices?|branch|base|site|port|mine|refinery|airport|station|cent(?:er|re)|hospital|university|cave|farm|mall|store|shop|embassy|consulate|prison|compound|complex|reactor|shipyard|lab|laboratory|school|college|institute|museum|church|temple|mosque|palace|park|district|province|region|state|county|city|town|village|nation|country|island|island nation|capital|republic|kingdom|territory|enclave|suburb|neighbou?rhood|resort)';
const IN = new RegExp(`^(?:\\s*\\(\\s*[A-Z][A-Za-z.&-]{1,11}\\s*\\))?\\s*,?\\s+(?:(?:[a-z-]+\\s+){0,3}${FACILITY}\\s+)?(?:in|near|outside)\\s+(?:the\\s+)?${DIRECTION}$`, 'i');
const APPOSITIVE_IN = new RegExp(`^\\s*,\\s*(?:a|an|the)\\s+(?:[\\w-]+\\s+){0,4}${FACILITY}\\s+(?:in|near|outside)\\s+(?:the\\s+)?${DIRECTION}$`, 'i');
/**
 * "Lyon, the Norvik Site near Grenoble": a capitalised word between (past a bracketed acronym)
 * names another site, which is the one near or in the place, not the name before the comma.
 */
const NAMED_BETWEEN = /^(?:\s*\(\s*[A-Z][A-Za-z.&-]{1,11}\s*\))?\s*,?\s+(?:\S+\s+)*?\p{Lu}/u;
const IS_IN = new RegExp(`^\\s+(?:is|are|was|were|lies|lie|sits)\\s+(?:located\\s+|situated\\s+)?(?:in|near)\\s+(?:the\\s+)?${DIRECTION}$`, 'i');
const OF_PLACE = /^[>)]?\s+of\s+(?:the\s+)?$/i;
/** Organizations named for what they are, so "X of Canada" is where they are ("the Supreme Court of Canada"). */
const INSTITUTION = /\b(?:court|university|bank|ministry|council|parliament|assembly|academy|institute|museum|library|church|embassy|consulate|police|army|navy|government|commission|agency|authority|chamber|exchange|office|department|committee|senate|congress)\b/i;
const COMMA = /^\s*,\s*$/;
/** Company names that say what they are: "Pittsburgh-Corning Corp. of Pittsburgh". */
const COMPANY_SUFFIX = /\b(?:co|corp|corporation|inc|incorporated|ltd|limited|llc|plc|ag|gmbh|sa|nv|bv|spa|group|holdings?|company|bancorp|trust|industries)\.?$/i;
/** "Bosnia's capital, Sarajevo", "Yerevan, the capital of Armenia". */
const CAPITAL_OF = /^\s*,\s*(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:capital|largest city|biggest city|second city|port city|main port)\s+of\s+(?:the\s+)?$/i;
const POSSESSIVE_CAPITAL = /^\s?['’]s\s+(?:[a-z-]+\s+){0,2}(?:capital|largest city|biggest city|second city|port|main port|province|region|state)\s*,?\s*(?:the\s+)?$/i;
/** Organizations a possessive place does not locate: "Russia's Defence Ministry" is LOCATED_IN by nationality, not "Moscow's police". */
const PUBLIC_BODY = /\b(?:ministry|department|government|bank of|embassy|consulate|army|navy|military|parliament|congress|senate|court)\b/i;
const NATIONALITY_ORG =
  /^\s+(?:state-owned\s+|state-run\s+|privately held\s+)?(?:company|companies|firm|group|bank|lender|carrier|airline|automaker|carmaker|chipmaker|manufacturer|maker|producer|giant|conglomerate|insurer|retailer|exporter|shipper|operator|broadcaster|newspaper|university|agency|ministry|[a-z]+\s+(?:company|firm|group|maker|giant))\s+$/i;

const NATIONALITY_APPOSITIVE =
  /^\s+(?:(?:biggest|largest|leading|main|top|second-largest|state-owned|state-run|private|listed|major|top|oldest)\s+)?(?:[a-z-]+\s+){0,3}?(?:company|firm|group|bank|lender|carrier|airline|automaker|carmaker|chipmaker|manufacturer|maker|producer|giant|conglomerate|insurer|retailer|exporter|shipper|operator|broadcaster|supplier|developer|utility|miner|refiner)\b/i;

export function locatedInRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1]!;
    if (a.entityId === b.entityId) continue;
    const gap = ctx.text.slice(a.end, b.start);
    // "Gulfex Inc, a Houston-based maker of pressure vessels": an appositive describing the organization
    // (not "X, a unit of Houston-based Y", where the place is Y's).
    if (a.type === 'Organization' && LOCATION_TYPES.has(b.type) && /^[\s>)]*,\s*(?:(?:a|an|the)\s+)?(?:(?!(?:of|for|to|by|with|from)\s)[a-z-]+\s+){0,2}$/i.test(gap) && /^\s*-\s*(?:based|headquartered)\b/i.test(ctx.text.slice(b.end, b.end + 16))) {
      out.push({ subject: a, predicate: 'LOCATED_IN', object: b, rule: 'located.based', confidence: 0.8 });
      continue;
    }
    // "Veldhoven-based ASML Holding NV": place glued to "-based", then the organization.
    if (LOCATION_TYPES.has(a.type) && b.type === 'Organization' && BASED_PREFIX.test(gap)) {
      out.push({ subject: b, predicate: 'LOCATED_IN', object: a, rule: 'located.based', confidence: 0.85 });
      continue;
    }
    // "Rosatom, Russia's state nuclear company, is based in Moscow": past the appositive.
    if (a.type === 'Organization' && /^\s*,/.test(gap)) {
      const tail = ctx.text.slice(a.end, Math.min(ctx.sentence.end, a.end + 120));
      const based = /^\s*,[^,;.()]{1,80},\s*(?:(?:is|was|are|which is)\s+)?(?:based|headquartered|located)\s+in\s+(?:the\s+)?/i.exec(tail);
      const place = based ? ms.find((m) => m.start === a.end + based[0].length && LOCATION_TYPES.has(m.type)) : undefined;
      if (place) {
        out.push({ subject: a, predicate: 'LOCATED_IN', object: place, rule: 'located.based', confidence: 0.8 });
        continue;
      }
    }
    if (a.type === 'Organization' && LOCATION_TYPES.has(b.type) && BASED_IN.test(gap)) {
      out.push({ subject: a, predicate: 'LOCATED_IN', object: b, rule: 'located.based', confidence: 0.85 });
      continue;
    }
    // "ASML, the Dutch company that ...", "Tokyo Electron, Japan's biggest chip equipment maker".
    if (a.type === 'Organization' && b.type === 'Country' && /^\s*,\s*(?:(?:the|a|an)\s+)?$/.test(gap)) {
      const tail = ctx.text.slice(b.end, Math.min(ctx.sentence.end, b.end + 60));
      const noun = b.adjectival ? NATIONALITY_APPOSITIVE.test(tail) : /^\s?['’]s\s/.test(tail) && NATIONALITY_APPOSITIVE.test(tail.replace(/^\s?['’]s/, ''));
      if (noun) {
        out.push({ subject: a, predicate: 'LOCATED_IN', object: b, rule: 'located.nationality', confidence: 0.65 });
        continue;
      }
    }
    if (b.adjectival) continue;
    // "the North American Court of ...", "Latin American exports": a demonym inside a larger name.
    if (a.adjectival && /\p{Lu}[\p{L}.]*\s+$/u.test(ctx.text.slice(Math.max(0, a.start - 12), a.start))) continue;
    // "Kyiv, Ukraine" / "Boston, Massachusetts" / "Petaluma, Calif.": a place and its country or state, not a list.
    if ((a.type === 'Place' || (a.type === 'Organization' && addressLike(ctx, i))) && LOCATION_TYPES.has(b.type) && !a.adjectival && COMMA.test(gap)) {
      const c = ms[i + 2];
      const listAfter = c && c.type === b.type && new RegExp(`^\\s*(?:,|and|or|,\\s*and)\\s*(?:the\\s+)?${DIRECTION}$`, 'i').test(ctx.text.slice(b.end, c.start)) && !(b.type === 'Place' && c.type === 'Place' && /^\s*,\s*$/.test(ctx.text.slice(b.end, c.start)) && isLastOfChain(ctx, i + 2));
      const p = ms[i - 1];
      const listBefore = p && p.type === a.type && /^\s*,\s*$/.test(ctx.text.slice(p.end, a.start)) && a.type !== 'Organization' && !isChainMiddle(ctx, i);
      // "Los Angeles, San Francisco and other cities": an enumeration closed by a noun.
      const listTail = /^\s*(?:,\s*)?(?:and|or)\s+(?:other|many|several|some|elsewhere|beyond)\b/i.test(ctx.text.slice(b.end, b.end + 20));
      // "X District in Loei Province, Nakhon District in Phitsanulok Province": a list of "<place> in <place>", each with its own.
      const listOfIns = !!c && LOCATION_TYPES.has(c.type) && /^\s+in\s+(?:the\s+)?$/i.test(ctx.text.slice(b.end, c.start)) && !!p && /^\s+in\s+(?:the\s+)?$/i.test(ctx.text.slice(p.end, a.start));
      if (!listAfter && !listBefore && !listTail && !listOfIns) out.push({ subject: a, predicate: 'LOCATED_IN', object: b, rule: 'located.comma', confidence: 0.7 });
      continue;
    }
    // "the Institute of Mechanics in Beijing", "the Palace of Fine Arts, in San Francisco", "Gosforth in northeast England".
    // Not a side in a fixture ("against Wales in Rome"), nor a country in a place named after it.
    // The type tests first: the text tests below are the dearest part of the pair loop, and most pairs fail on types.
    if ((a.type === 'Organization' || a.type === 'Place') && LOCATION_TYPES.has(b.type) && !a.adjectival && inOrIsIn(ctx, a, b, gap)) {
      out.push({ subject: a, predicate: 'LOCATED_IN', object: b, rule: IS_IN.test(gap) ? 'located.is-in' : 'located.in', confidence: 0.6 });
      continue;
    }
    // "Yerevan, the capital of Armenia"; "Bosnia's capital, Sarajevo".
    if (a.type === 'Place' && LOCATION_TYPES.has(b.type) && !b.adjectival && CAPITAL_OF.test(gap)) {
      out.push({ subject: a, predicate: 'LOCATED_IN', object: b, rule: 'located.capital', confidence: 0.75 });
      continue;
    }
    if (LOCATION_TYPES.has(a.type) && b.type === 'Place' && !a.adjectival && POSSESSIVE_CAPITAL.test(gap)) {
      out.push({ subject: b, predicate: 'LOCATED_IN', object: a, rule: 'located.capital', confidence: 0.75 });
      continue;
    }
    // "Beijing's Tiananmen Square", "California's Sierra Nevada": a place inside a place.
    if (LOCATION_TYPES.has(a.type) && b.type === 'Place' && !a.adjectival && /^\s?['’]s\s+$/.test(gap) && a.type !== b.type || (a.type === 'Place' && b.type === 'Place' && /^\s?['’]s\s+$/.test(gap) && !a.adjectival)) {
      out.push({ subject: b, predicate: 'LOCATED_IN', object: a, rule: 'located.possessive', confidence: 0.6 });
      continue;
    }
    // "the Supreme Court of Canada", "Manufacturers Hanover Trust Co. of New York".
    if (a.type === 'Organization' && LOCATION_TYPES.has(b.type) && OF_PLACE.test(gap) && (INSTITUTION.test(a.name) || COMPANY_SUFFIX.test(a.text))) {
      out.push({ subject: a, predicate: 'LOCATED_IN', object: b, rule: 'located.of', confidence: 0.55 });
      continue;
    }
    // "U.S. Congress", "the Russian Defence Ministry": a country name glued to an organization.
    if (a.type === 'Country' && b.type === 'Organization' && /^\s+$/.test(gap) && INSTITUTION.test(b.name)) {
      out.push({ subject: b, predicate: 'LOCATED_IN', object: a, rule: 'located.nationality', confidence: 0.55 });
      continue;
    }
    // "Japan's Toyota", "Japanese automaker Toyota".
    if (a.type === 'Country' && b.type === 'Organization') {
      if (/^\s?['’]s\s+$/.test(gap) && !a.adjectival && !PUBLIC_BODY.test(b.name)) {
        out.push({ subject: b, predicate: 'LOCATED_IN', object: a, rule: 'located.possessive', confidence: 0.6 });
      } else if (a.adjectival && NATIONALITY_ORG.test(gap)) {
        out.push({ subject: b, predicate: 'LOCATED_IN', object: a, rule: 'located.nationality', confidence: 0.6 });
      }
    }
  }
  out.push(...namedForCountry(ctx));
  // Chains: "Hospital in Gosforth in northeast England", "Depot, Davisville, R.I." → also the outer place.
  for (const c of [...out]) {
    if (c.subject === 'ARTICLE') continue;
    const next = out.find((d) => d.subject !== 'ARTICLE' && d.subject.index === c.object.index && d.object.index > c.object.index);
    if (next && next.object.entityId !== c.subject.entityId) {
      out.push({ subject: c.subject, predicate: 'LOCATED_IN', object: next.object, rule: 'located.chain', confidence: 0.55 });
    }
  }
  return out;
}

/** Bodies that serve a country abroad or that a country's name only describes ("British Embassy", "Irish Republican Army"). */
const NOT_AT_HOME = /\b(?:embassy|embassies|consulate|mission|legation|chamber|army|brigade|front|league|liberation|diaspora|community|association of|school|exchange)\b/i;
/** Country entries by the opening words of organization names, remembered: the same names recur across a corpus. */
const PREFIX_COUNTRY = new Map<string, GazetteerEntry | null>();
const MAX_REMEMBERED_PREFIXES = 50_000;

function countryOfPrefix(gazetteer: Gazetteer, prefix: string): GazetteerEntry | null {
  let entry = PREFIX_COUNTRY.get(prefix);
  if (entry !== undefined) return entry;
  entry = gazetteer.lookup(keyOf(prefix))?.find((e) => e.type === 'Country') ?? null;
  if (PREFIX_COUNTRY.size >= MAX_REMEMBERED_PREFIXES) PREFIX_COUNTRY.clear();
  PREFIX_COUNTRY.set(prefix, entry);
  return entry;
}

/**
 * A country's own state bodies ("US Department of the Treasury", "Hong Kong Monetary Authority"):
 * that they sit in the country is what the name means, and the development gold does not state it.
 */
const STATE_BODY = /\b(?:ministry|department|government|treasury|authority|agency|service|administration|commission|council|congress|parliament|senate|assembly|court|reserve|central bank|police|army|navy|air force|embassy|customs|office|bureau|cabinet)\b/i;
/** Companies, by their legal suffix or trade ("Swiss Bank Corp", "Turkish Airlines"): a federation or a newspaper named for its country states no more than its name. */
const COMPANY_NAME = /\b(?:co|corp|corporation|inc|incorporated|ltd|limited|llc|plc|ag|gmbh|sa|nv|bv|spa|holdings?|company|bancorp|airlines?|airways|bank|motors|telecom)\.?(?:\s|$)/i;
/** "... of Beirut", "... in Shanghai": the name says where the body is, and it is not the country it opens with. */
const PLACE_IN_NAME = /\b(?:of|in|at|for)\s+(?:the\s+)?\p{Lu}/u;

/**
 * "Turkish Airlines", "Swiss Bank Corp", "American Motors Corp": a company whose own name opens
 * with a country's name or demonym is based in that country. Not other bodies: that the "Taiwan
 * Textile Federation" or a country's ministry sits in the country is all its name says, and the
 * project's golds do not count it. The country must be an entity
 * of the text (so "Georgia-Pacific" is no claim about Georgia without Georgia in it); the object is
 * its mention in the sentence, else the name's own opening words, which name it.
 */
function namedForCountry(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const gazetteer = defaultGazetteer();
  for (const org of ctx.mentions) {
    if (org.type !== 'Organization' || org.adjectival || org.reference || !COMPANY_NAME.test(org.text) || NOT_AT_HOME.test(org.name) || STATE_BODY.test(org.name) || PLACE_IN_NAME.test(org.text)) continue;
    // "Volkswagen of America Inc" cut to "America Inc", "a U.S. Company": no name of a company.
    if (/\b(?:of|a|an|any)\s+$/i.test(ctx.text.slice(Math.max(0, org.start - 4), org.start))) continue;
    const words = org.text.split(/\s+/);
    if (words.length < 2) continue;
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const prefix = words.slice(0, n).join(' ');
      const country = countryOfPrefix(gazetteer, prefix);
      if (!country) continue;
      if (!ctx.entities.has(country.id)) break;
      const here = ctx.mentions.find((m) => m.entityId === country.id && !m.reference);
      const named = ctx.documentMentions.find((m) => m.entityId === country.id);
      if (!named) break;
      const object: MentionView = here ?? { ...named, start: org.start, end: org.start + prefix.length, text: prefix, sentenceIndex: ctx.sentenceIndex, index: -1 };
      out.push({ subject: org, predicate: 'LOCATED_IN', object, rule: 'located.name', confidence: 0.6 });
      break;
    }
  }
  return out;
}

/**
 * The words around the pair `a` ... `b` say that `a` is in `b` ("the Institute of Mechanics in
 * Beijing", "Gosforth is in northeast England"), and `a` is no side in a fixture ("against Wales
 * in Rome") nor near a border.
 */
function inOrIsIn(ctx: SentenceContext, a: MentionView, b: MentionView, gap: string): boolean {
  const fixture = /\b(?:against|versus|vs\.?|beat|beating|face|facing|play|playing|host|hosting)\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, a.start - 12), a.start));
  if (fixture) return false;
  // "a town near Bolivia's border" lies outside Bolivia.
  const nearBorder = /\bnear\s+(?:the\s+)?$/i.test(gap) && /^\s?['’]s\s+(?:[a-z-]+\s+)?(?:border|frontier)s?\b/i.test(ctx.text.slice(b.end, b.end + 30));
  if (nearBorder) return false;
  // "Centro Nacional de Microelectronica (CNM) in Barcelona": the bracketed acronym is the mention before "in".
  const inGap = a.type === 'Organization' && /\(\s*$/.test(ctx.text.slice(Math.max(0, a.start - 2), a.start)) ? gap.replace(/^\s*\)/, '') : gap;
  return ((IN.test(inGap) || APPOSITIVE_IN.test(gap)) && !NAMED_BETWEEN.test(inGap)) || IS_IN.test(gap);
}

/** "GSA Depot, Davisville, R.I." at the end of a clause: an address, not an enumeration. */
function addressLike(ctx: SentenceContext, i: number): boolean {
  const b = ctx.mentions[i + 1];
  const c = ctx.mentions[i + 2];
  if (!b || !c || !LOCATION_TYPES.has(c.type)) return false;
  if (!/^\s*,\s*$/.test(ctx.text.slice(b.end, c.start))) return false;
  return /^\s*(?:[;(.]|$|,\s*(?:which|where|who|is|was)\b)/.test(ctx.text.slice(c.end, c.end + 12));
}

function isLastOfChain(ctx: SentenceContext, k: number): boolean {
  const m = ctx.mentions[k];
  return !!m && /^\s*(?:[;(.]|$)/.test(ctx.text.slice(m.end, m.end + 4));
}

function isChainMiddle(ctx: SentenceContext, i: number): boolean {
  return addressLike(ctx, i - 1);
}

export const rule: RelationRule = {
  id: 'located',
  predicate: 'LOCATED_IN',
  subjectTypes: ['Organization', 'Place', 'Country'],
  objectTypes: ['Place', 'Country'],
  summary: 'A place in a country or region; an organization based in a place.',
  variants: [
    { id: 'located.based', example: '"Veldhoven-based ASML", "X, based in Y", "headquartered in Y", "X, a Lyon-based maker of"' },
    { id: 'located.comma', example: '"Kyiv, Ukraine", "Petaluma, Calif."' },
    { id: 'located.in', example: '"the Institute of Mechanics in Beijing", "a plant in Ohio"' },
    { id: 'located.is-in', example: '"Gosforth is in northeast England"' },
    { id: 'located.of', example: '"the Supreme Court of Canada", "Northwind Freight Co. of Oslo"' },
    { id: 'located.capital', example: '"Lyon, the largest city of ...", "Norway\'s capital, Oslo"' },
    { id: 'located.possessive', example: '"Japan\'s Toyota", "Beijing\'s Tiananmen Square"' },
    { id: 'located.nationality', example: '"Japanese automaker Toyota", "ASML, the Dutch company"' },
    { id: 'located.name', example: '"Turkish Airlines", "Swiss Bank Corp" (a company named for a country the text names)' },
    { id: 'located.chain', example: '"a depot in Davisville, R.I." (the outer place too)' },
  ],
  acceptsReferences: false,
  minMentions: 2,
  run: locatedInRule,
};
