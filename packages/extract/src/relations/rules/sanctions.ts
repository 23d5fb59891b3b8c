import type { RelationRule } from '../../interfaces/relation-rule.ts';
import {
  AGENT_TYPES,
  ORG_TYPES,
  PERSON_TYPES,
  firstDocumentMentionAtOrAfter,
  COUNTRY_TYPES,
  STATE_TYPES,
  between,
  firstMentionAtOrAfter,
  listBackward,
  listForward,
  mentionAfter,
  mentionBefore,
  sentenceSubject,
  subjectBefore,
  titledPerson,
  triggers,
  type MentionView,
  type RelationCandidate,
  type SentenceContext,
} from '../sentence-context.ts';

/**
 * SANCTIONS: a country, bloc or agency sanctions a company, person or country.
 * "A sanctioned B", "A imposed sanctions on B", "enforce sanctions against B", "B was sanctioned by
 * A", "US-sanctioned B", "whether to sanction companies in China, Iran and North Korea".
 */

const VERB =
  /\b(?:sanction(?:s|ed|ing)?|blacklist(?:s|ed|ing)?|penali[sz](?:e|es|ed|ing)|designat(?:e|es|ed|ing)|(?:export|trade|technology)\s+(?:controls|restrictions|curbs)|asset\s+freezes?|travel\s+bans?|(?:arms\s+)?embargo(?:es)?|punitive\s+(?:measures|tariffs))\b/gi;
/** "hit Y with sanctions", "targeted Y with new sanctions", "froze the assets of Y". */
const HIT_WITH = /\b(?:hit|hits|hitting|targeted|targets|targeting|slapped|slaps|punished|punishes|struck)\b/gi;
const FROZE = /\b(?:froze|freezes|freezing|freeze|frozen|seized|seizes|seizing)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:assets|funds|accounts|property|holdings|reserves)\s+(?:of|belonging\s+to|held\s+by)\s+(?:the\s+)?/gi;
/** "Y, already under US sanctions", "Y is under EU sanctions": the sanctioner glued to "sanctions". */
const UNDER_SANCTIONS = /\b(?:under|faces|facing|face|subject\s+to|hit\s+by|targeted\s+by|avoid|avoids|avoided|escape|escaped|evade|evaded)\s+(?:(?:new|fresh|tough|heavy|sweeping|existing|western|international)\s+)?$/i;
/** Tariffs imposed to punish: "300 mln dlrs in tariffs on imports of certain Japanese goods". */
const TARIFFS = /\b(?:punitive\s+|retaliatory\s+)?(?:tariffs|duties|levies)\b/gi;
const TARIFF_TARGET = /^\s+(?:of\s+(?:[\w.,%$-]+\s+){1,6}?)?(?:on|against)\s+(?:(?:the|its|their|some|all|certain|imports\s+of|exports\s+from|goods\s+from|products\s+from)\s+){0,3}$/i;
const RETALIATION = /\b(?:retaliat\w*|sanction\w*|punitive|penalt\w*|punish\w*)\b/i;
/** "the bloc's 12th package of sanctions": the owner of a package, round or wave of measures. */
const PACKAGE_OWNER = /^['’]s\s+(?:(?:latest|new|fresh|first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)|next|planned|proposed|toughest)\s+){0,2}(?:package|round|wave|set|raft|batch|tranche|slate)\s+of\s+(?:(?:new|fresh|further|additional|economic|financial)\s+)?$/i;
/** "sanctions on three Dubai-based firms: A, B and C". */
const COLON_LIST = /^[^.;:]{0,90}?\b(?:companies|firms|entities|individuals|people|persons|banks|businesses|suppliers|exporters|traders|vessels|ships|officials|oligarchs|executives|tankers|networks|groups)\b[^.;:]{0,30}:\s*(?:the\s+)?/i;
const NOUN_TARGET = /^\s+(?:and\s+(?:[a-z-]+\s+){0,3})?(?:against|on|targeting|over)\s+(?:the\s+)?$/i;
const DIRECT_OBJECT = /^\s+(?:the\s+)?$/i;
/** "sanction companies in China", "blacklisted five Chinese firms", "sanctions on banks from Iran". */
const PROXY_TARGET =
  /^\s+(?:(?:against|on|targeting)\s+)?(?:the\s+)?(?:\d+\s+|several\s+|some\s+|more\s+|dozens of\s+|a\s+(?:number|host|string|network|group|ring|web|raft)\s+of\s+)?(?:(?:[a-z-]+\s+)?(?:companies|firms|entities|individuals|people|banks|businesses|suppliers|exporters|traders|networks|officials|vessels|ships|oligarchs)\s+(?:in|from|based in|linked to|tied to|of|with ties to)\s+(?:the\s+)?)$/i;
/** "sanctions on more than 1,000 Russian entities", "sanctioned five Chinese firms". */
const ADJECTIVAL_TARGET = /^\s+(?:(?:against|on|targeting)\s+)?(?:the\s+)?(?:(?:more than|over|at least|nearly|about|some|several|dozens of|hundreds of)\s+)?(?:[\d,]+\s+|one\s+|two\s+|three\s+|four\s+|five\s+|six\s+|seven\s+|eight\s+|nine\s+|ten\s+|\d+\s+)?$/i;
const TARGET_NOUN = /^[\s-]+(?:[a-z-]+\s+)?(?:companies|company|firms?|entities|entity|individuals|banks?|businesses|suppliers|exporters|traders|networks|officials|vessels|ships|oligarchs|nationals|citizens)\b/i;
/** "added 12 Chinese companies to its Entity List". */
const ENTITY_LIST = /\b(?:added|adds|adding|add|placed|places|put|puts)\b/gi;
const PASSIVE = /^\s+by\s+(?:the\s+)?$/i;

const MODIFIED_NOUN = /^\s+(?!(?:officials?|authorities|government|administration|lawmakers|regulators|treasury|senate|congress|president|says|said)\b)(?:court|judge|firm|company|companies|bank|lawyer|investors?|group|citizens?|consumers?|shareholders?|creditors?|plaintiffs?)\b/i;

function subjectOf(ctx: SentenceContext, pos: number): MentionView | null {
  const owner = mentionBefore(ctx, pos, STATE_TYPES, PACKAGE_OWNER);
  if (owner && !owner.adjectival) return owner;
  // After "to" the nearest name is usually an object of the verb before ("visited X to sanction").
  const near = /\bto\s+$/i.test(ctx.text.slice(Math.max(ctx.sentence.start, pos - 4), pos)) ? null : subjectBefore(ctx, pos, STATE_TYPES);
  // "a US court ... to seek sanctions", "a US firm sought sanctions": the country only modifies
  // the noun after it, which is the one acting (officials and the government act for it).
  if (near && near.type === 'Country' && MODIFIED_NOUN.test(ctx.text.slice(near.end, near.end + 30))) return null;
  if (near) return near;
  // "United States officials are ... to encourage the world to enforce sanctions against Russia":
  // an infinitive or a verb chain back to the sentence's subject.
  const left = ctx.text.slice(Math.max(ctx.sentence.start, pos - 40), pos);
  if (!/\b(?:to|to\s+(?:enforce|impose|tighten|extend|expand|adopt|apply|coordinate|slap|lift|ease|step up)(?:\s+\w+)?|whether\s+to|imposed|imposes|imposing|slapped|adopted|announced|introduced|tightened|expanded|unveiled)\s+$/i.test(left)) return null;
  const main = sentenceSubject(ctx, STATE_TYPES);
  if (!main || main.end > pos || pos - main.end > 220 || /[;:]/.test(ctx.text.slice(main.end, pos))) return null;
  return main;
}

/** "On Friday, Washington announced plans to put ... tariffs": the first state named in the clause. */
function clauseSubject(ctx: SentenceContext, pos: number): MentionView | null {
  const main = ctx.mentions.find((m) => STATE_TYPES.has(m.type) && !m.adjectival && m.end <= pos);
  if (!main || main.start - ctx.sentence.start > 30 || pos - main.end > 160) return null;
  return /[;:"“”]|\b(?:said|says|told|but|while|whereas)\b/i.test(ctx.text.slice(main.end, pos)) ? null : main;
}

function adjectivalTargets(ctx: SentenceContext, pos: number): MentionView[] {
  const m = mentionAfter(ctx, pos, COUNTRY_TYPES, ADJECTIVAL_TARGET);
  if (!m) return [];
  // "several Russian and North Korean officials": coordinated demonyms share the noun.
  const list = [m];
  let last = m;
  for (let next = ctx.mentions[m.index + 1]; next && m.adjectival && next.adjectival && next.type === 'Country'; next = ctx.mentions[next.index + 1]) {
    if (!/^\s*(?:,\s*|,?\s+(?:and|or)\s+)$/.test(between(ctx, last.end, next.start))) break;
    list.push(next);
    last = next;
  }
  const after = ctx.text.slice(last.end, last.end + 40);
  // "five Chinese firms", "three UAE-based firms".
  if (!(m.adjectival || /^-based\b/i.test(after)) || !TARGET_NOUN.test(after.replace(/^-based/i, ''))) return [];
  return list;
}

const NAMED_TARGET_TYPES = new Set([...ORG_TYPES, ...PERSON_TYPES]);
/** "..., including Qods Aviation Industries" after a sanctions verb (same clause, no sentence break). */
const INCLUDING = /^[^.;:]{0,120}?,?\s+including\b/i;
/** "it added X", "it also designated X": a pronoun standing for the sanctioner of the sentence before. */
const CONTINUED = /\b(it|they)\s+(?:has\s+|have\s+|also\s+|then\s+|later\s+){0,2}(?:added|designated|sanctioned|blacklisted|targeted)\b/gi;
/** "Among them is X", "Among those targeted were X". */
const AMONG_THEM = /\bamong\s+(?:them|those(?:\s+(?:targeted|sanctioned|named|listed|designated))?|the\s+(?:companies|firms|entities|targets|individuals))\s*,?\s+(?:is|are|was|were)\b/gi;
/** The sanctions verb of the sentence before, right after its subject ("The Treasury Department has sanctioned"). */
const SANCTIONER_VERB = /^(?:\s*\([A-Z][A-Za-z.&-]{1,11}\))?[^.;:]{0,40}?\b(?:sanction(?:s|ed)|designated|blacklisted|imposed\s+(?:new\s+)?sanctions|added|froze|frozen|designat(?:ed|ions))\b/i;

function includedTargets(ctx: SentenceContext, pos: number): MentionView[] {
  const m = INCLUDING.exec(ctx.text.slice(pos, Math.min(ctx.sentence.end, pos + 160)));
  if (!m) return [];
  const first = mentionAfter(ctx, pos + m[0].length, NAMED_TARGET_TYPES, /^\s*(?:the\s+)?$/i);
  return first ? listForward(ctx, first, NAMED_TARGET_TYPES) : [];
}

/** A sentence that goes on listing a designation's targets: "Among them is A", "Another, B, ...", "The list also includes C". */
const LISTING_CONTINUED = /^[\s"“‘(]*(?:among\s+(?:them|those)|another\b|the\s+list\s+also|also\s+(?:listed|named|designated|sanctioned|targeted)\b)/i;
const MAX_LISTING_SENTENCES = 4;

/**
 * The first sentence a look-back for the sanctioner reaches: `from`, moved one sentence further
 * back for each sentence in the window that continues a listing (so "The list also includes C"
 * after "Among them is A" and "Another, B" still finds the designation three sentences up).
 */
function listingWindowStart(ctx: SentenceContext, from: number): number {
  let start = from;
  for (let i = ctx.sentenceIndex - 1, extra = 0; i >= start && i >= 0 && extra < MAX_LISTING_SENTENCES; i--) {
    const s = ctx.sentences[i];
    if (s && LISTING_CONTINUED.test(s.text)) {
      start--;
      extra++;
    }
  }
  return start;
}

/**
 * The agency or country that sanctioned something in one of the `sentences` sentences before (two
 * unless told, more past sentences that continue a listing): the first
 * organization or country (not a demonym) of the nearest such sentence that is followed closely by a
 * sanctions verb. The view keeps the entity with the span of the referring words.
 */
export function previousSanctioner(ctx: SentenceContext, start: number, length: number, sentences = 2): MentionView | null {
  const doc = ctx.documentMentions;
  let best: MentionView | null = null;
  const from = listingWindowStart(ctx, ctx.sentenceIndex - sentences);
  for (let i = firstDocumentMentionAtOrAfter(ctx, ctx.sentence.start) - 1; i >= 0; i--) {
    const m = doc[i] as MentionView;
    if (m.sentenceIndex < from || (best && m.sentenceIndex !== best.sentenceIndex)) break;
    if (!STATE_TYPES.has(m.type) || m.adjectival) continue;
    if (SANCTIONER_VERB.test(ctx.text.slice(m.end, Math.min(ctx.sentence.start, m.end + 80)))) best = m;
  }
  if (!best) return null;
  return { ...best, start, end: start + length, text: ctx.text.slice(start, start + length), sentenceIndex: ctx.sentenceIndex, index: -1 };
}

export function sanctionsRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const add = (subject: MentionView, object: MentionView, rule: string, confidence: number): void => {
    if (subject.entityId !== object.entityId) out.push({ subject, predicate: 'SANCTIONS', object, rule, confidence });
  };
  for (const t of triggers(ctx, VERB)) {
    const word = t.match[0].toLowerCase();
    const left2 = ctx.text.slice(Math.max(ctx.sentence.start, t.start - 1), t.start);
    // "US-sanctioned Rosneft": the agent is glued to the participle.
    if (left2 === '-' && /ed$/.test(word)) {
      const agent = mentionBefore(ctx, t.start, STATE_TYPES, /^-$/);
      const target = mentionAfter(ctx, t.end, AGENT_TYPES, /^\s+(?:[a-z-]+\s+){0,2}$/i);
      if (agent && target) add(agent, target, 'sanctions.compound', 0.75);
      continue;
    }
    // Passive: "B was sanctioned by A", "B, sanctioned by A".
    const passiveAgent = /ed$/.test(word) ? mentionAfter(ctx, t.end, STATE_TYPES, PASSIVE) : null;
    if (passiveAgent) {
      const target = mentionBefore(ctx, t.start, AGENT_TYPES, /^\s*(?:,|\s(?:was|were|is|are|has been|have been|had been|being|been))\s*$/i);
      if (target) add(passiveAgent, target, 'sanctions.passive', 0.8);
      continue;
    }
    // "designated" only counts with a named target right after it ("designated Sovcomflot"), not "designated as".
    const designation = word.startsWith('designat');
    // "chairman-designate John Gough": a title, not a designation.
    if (designation && left2 === '-') continue;
    const controls = /controls|restrictions|curbs/.test(word);
    const isNoun = (/^sanctions$/.test(word) || controls) && !/\b(?:US|EU|UK|it|he|she|they|who|which|that)\s+$/i.test(ctx.text.slice(Math.max(0, t.start - 6), t.start));
    let targets: MentionView[] = [];
    let rule = 'sanctions.verb';
    let confidence = 0.8;
    const nounTarget = designation ? null : mentionAfter(ctx, t.end, AGENT_TYPES, NOUN_TARGET);
    if (nounTarget) {
      targets = listForward(ctx, nounTarget, AGENT_TYPES);
      rule = 'sanctions.noun';
    } else {
      const proxy = mentionAfter(ctx, t.end, COUNTRY_TYPES, PROXY_TARGET);
      if (proxy) {
        targets = listForward(ctx, proxy, COUNTRY_TYPES);
        rule = 'sanctions.proxy';
        confidence = 0.6;
      } else if (adjectivalTargets(ctx, t.end).length > 0) {
        targets = adjectivalTargets(ctx, t.end);
        rule = 'sanctions.proxy';
        confidence = 0.6;
      } else if (!isNoun) {
        const direct = mentionAfter(ctx, t.end, AGENT_TYPES, DIRECT_OBJECT);
        // "sanctions Russia" after a noun-like use would be "Russia sanctions"; only verbs take a direct object.
        const target = direct ? titledPerson(ctx, direct) : null;
        if (target && !target.adjectival) targets = listForward(ctx, target, AGENT_TYPES);
      }
    }
    // "sanctions on three Dubai-based firms: A, B and C": the named members after a colon.
    if (targets.length <= 1 && !designation) {
      const colon = COLON_LIST.exec(ctx.text.slice(t.end, Math.min(ctx.sentence.end, t.end + 140)));
      const firstNamed = colon ? mentionAfter(ctx, t.end + colon[0].length, NAMED_TARGET_TYPES, /^\s*$/) : null;
      if (firstNamed) {
        targets = listForward(ctx, firstNamed, NAMED_TARGET_TYPES);
        rule = 'sanctions.colon';
      }
    }
    // "sanctioned six Iranian companies, including Qods Aviation Industries": the named members.
    const included = includedTargets(ctx, t.end);
    if (targets.length === 0 && included.length === 0) continue;
    if (controls) confidence -= 0.15;
    const subject = subjectOf(ctx, t.start);
    if (!subject) continue;
    // "Japan, South Korea and the United States sanctioned ...": every member of a coordinated subject.
    for (const s of subject.index >= 0 ? listBackward(ctx, subject, STATE_TYPES) : [subject]) {
      const first = s === subject;
      for (const o of targets) add(s, o, o === targets[0] && first ? rule : 'sanctions.list', confidence - (o === targets[0] && first ? 0 : 0.05));
      for (const o of included) add(s, o, 'sanctions.including', confidence - 0.1);
    }
  }
  // "X hit Y with sanctions", "X targeted Y with new sanctions".
  for (const t of triggers(ctx, HIT_WITH)) {
    const subject = subjectBefore(ctx, t.start, STATE_TYPES);
    const target = mentionAfter(ctx, t.end, AGENT_TYPES, DIRECT_OBJECT);
    if (!subject || !target || target.adjectival) continue;
    const list = listForward(ctx, target, AGENT_TYPES);
    const last = list[list.length - 1] as MentionView;
    if (!/^\s*(?:,[^,;]{1,60},\s*)?with\s+(?:(?:new|fresh|further|more|additional|tough|heavy|sweeping|financial|economic)\s+)*(?:sanctions|penalties|asset\s+freezes|travel\s+bans|an?\s+asset\s+freeze)\b/i.test(ctx.text.slice(last.end, last.end + 80))) continue;
    for (const o of list) add(subject, o, 'sanctions.hit-with', 0.75);
  }
  // "X froze the assets of Y".
  for (const t of triggers(ctx, FROZE)) {
    const subject = subjectBefore(ctx, t.start, STATE_TYPES);
    if (!subject) continue;
    const target = mentionAfter(ctx, t.end, AGENT_TYPES, /^\s*$/);
    if (target && !target.adjectival) {
      for (const o of listForward(ctx, target, AGENT_TYPES)) add(subject, o, 'sanctions.asset-freeze', 0.7);
      continue;
    }
    // "froze the assets of 11 companies in China and India": the countries the firms are in.
    const proxy = mentionAfter(ctx, t.end - 1, COUNTRY_TYPES, PROXY_TARGET);
    if (proxy && !proxy.adjectival) for (const o of listForward(ctx, proxy, COUNTRY_TYPES)) add(subject, o, 'sanctions.asset-freeze', 0.6);
  }
  // "Rosneft, already under US sanctions", "Y is under EU sanctions": the sanctioner glued to the noun.
  for (const m of ctx.mentions) {
    if (!STATE_TYPES.has(m.type) || !/^\s+(?:(?:new|fresh|financial|economic|sectoral)\s+)?sanctions\b/i.test(ctx.text.slice(m.end, m.end + 30))) continue;
    if (!UNDER_SANCTIONS.test(ctx.text.slice(Math.max(ctx.sentence.start, m.start - 40), m.start))) continue;
    const verbAt = m.start - (UNDER_SANCTIONS.exec(ctx.text.slice(Math.max(ctx.sentence.start, m.start - 40), m.start))?.[0].length ?? 0);
    const target =
      mentionBefore(ctx, verbAt, AGENT_TYPES, /^\s*(?:,\s*(?:which\s+(?:is|are|was|were)\s+|(?:already|also|now|still)\s+){0,2}|\s+(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been|remains|already|also|now|still|can|could|cannot|will|would|may|might|to|not|hopes\s+to|wants\s+to|tries\s+to)\s+){1,3})$/i) ?? null;
    if (!target || target.adjectival || target.entityId === m.entityId) continue;
    add(m, target, 'sanctions.under', 0.7);
  }
  // "tariffs on imports of Japanese electronic goods in retaliation": tariffs as a sanction, when the
  // sentence or the headline says they punish (retaliation, sanctions, penalty).
  if (RETALIATION.test(ctx.sentence.text) || RETALIATION.test(ctx.sentences[0]?.text ?? '')) {
    for (const t of triggers(ctx, TARIFFS)) {
      const target = mentionAfter(ctx, t.end, COUNTRY_TYPES, TARIFF_TARGET);
      if (!target) continue;
      if (target.adjectival && !/^[\s-]+(?:[a-z-]+\s+){0,3}(?:goods|products|imports|exports|electronics?|chips|semiconductors?|steel|cars|vehicles|textiles|beef|wine|cheese|companies|firms|makers)\b/i.test(ctx.text.slice(target.end, target.end + 50))) continue;
      const owner = mentionBefore(ctx, t.start, STATE_TYPES, /^(?:['’]s)?\s+(?:(?:[a-z-]+|\d[\w.,]*)\s+){0,8}$/i);
      const subject = owner && (owner.adjectival || owner.end === t.start - 1 || /^['’]s/.test(ctx.text.slice(owner.end, owner.end + 2))) ? owner : (subjectOf(ctx, t.start) ?? clauseSubject(ctx, t.start));
      if (!subject || subject.entityId === target.entityId) continue;
      add(subject, target, 'sanctions.tariffs', 0.6);
    }
  }
  // "The Treasury has sanctioned a dozen firms. On Tuesday it added X": the sanctioner of the sentence before.
  for (const t of triggers(ctx, CONTINUED)) {
    const target = mentionAfter(ctx, t.end, AGENT_TYPES, DIRECT_OBJECT);
    if (!target || target.adjectival || !/^\s*(?:[,.;]|\s+(?:to\s+(?:its|the)\s+(?:entity|sanctions?|sdn)\s+list|on\s+\w+day)\b|$)/i.test(ctx.text.slice(target.end, target.end + 40))) continue;
    const pronoun = t.match[1] ?? 'it';
    const pronounStart = t.start + t.match[0].indexOf(pronoun);
    const sanctioner = previousSanctioner(ctx, pronounStart, pronoun.length);
    if (sanctioner) for (const o of listForward(ctx, titledPerson(ctx, target), AGENT_TYPES)) add(sanctioner, o, 'sanctions.continued', 0.65);
  }
  // "The EU sanctioned 61 companies. Among them is Crimson Delta Components, ...".
  for (const t of triggers(ctx, AMONG_THEM)) {
    const target = mentionAfter(ctx, t.end, NAMED_TARGET_TYPES, /^\s+(?:the\s+)?$/i);
    if (!target) continue;
    const sanctioner = previousSanctioner(ctx, t.start, t.end - t.start);
    if (sanctioner) for (const o of listForward(ctx, target, NAMED_TARGET_TYPES)) add(sanctioner, o, 'sanctions.among', 0.65);
  }
  // "The Commerce Department added 12 Chinese companies to its Entity List".
  for (const t of triggers(ctx, ENTITY_LIST)) {
    const tail = ctx.text.slice(t.end, Math.min(ctx.sentence.end, t.end + 120));
    const list = /^(.{1,90}?)\bto\s+(?:its|the|their|a|his|her)\s+(?:(?:trade|export|sanctions?)\s+)?(?:entity list|blacklist|black list|sanctions list|sdn list|list of sanctioned)/i.exec(tail);
    if (!list) continue;
    const subject = subjectBefore(ctx, t.start, STATE_TYPES);
    if (!subject) continue;
    const end = t.end + (list[1]?.length ?? 0);
    const target = adjectivalTargets(ctx, t.end)[0] ?? mentionAfter(ctx, t.end, AGENT_TYPES, /^\s+(?:the\s+)?$/i) ?? describedTarget(ctx, t.end, end);
    if (target && target.end <= end) add(subject, target, 'sanctions.entity-list', 0.75);
  }
  return out;
}

/** "added the Dubai-registered trader X to its list": a name after a short lower-case description (places inside it are words of it). */
const DESCRIPTION_GAP = /^\s+(?:the|a|an)\s+(?:(?!(?:that|which|who|whose|of|to|in|on|for|with|by|and|or|its|their|is|was|are|were|has|had|owns|owned)\s)[a-z][a-z-]*\s+|[A-Z][\w]*-(?:based|registered|listed|headquartered)\s+){1,4}$/;

function describedTarget(ctx: SentenceContext, from: number, to: number): MentionView | null {
  for (let i = firstMentionAtOrAfter(ctx, from); i < ctx.mentions.length; i++) {
    const m = ctx.mentions[i] as MentionView;
    if (m.start >= to) return null;
    if (m.type === 'Place' || m.type === 'Goods' || m.adjectival) continue;
    if (!AGENT_TYPES.has(m.type)) return null;
    return DESCRIPTION_GAP.test(between(ctx, from, m.start)) ? m : null;
  }
  return null;
}

export const rule: RelationRule = {
  id: 'sanctions',
  predicate: 'SANCTIONS',
  subjectTypes: ['Organization', 'Country'],
  objectTypes: ['Person', 'Organization', 'Country'],
  summary: 'A state, bloc or agency sanctions a company, person or country.',
  variants: [
    { id: 'sanctions.verb', example: '"X sanctioned Y", "X blacklisted Y"' },
    { id: 'sanctions.noun', example: '"imposed sanctions on Y", "its sanctions against Y", "the bloc\'s 12th package of sanctions against Y", "an asset freeze on Y"' },
    { id: 'sanctions.passive', example: '"Y was sanctioned by X"' },
    { id: 'sanctions.compound', example: '"US-sanctioned Y"' },
    { id: 'sanctions.proxy', example: '"whether to sanction companies in A, B and C", "designated three UAE-based firms"' },
    { id: 'sanctions.colon', example: '"sanctions on three Dubai-based firms: A, B and C"' },
    { id: 'sanctions.hit-with', example: '"X hit Y with sanctions", "X targeted Y with new sanctions"' },
    { id: 'sanctions.asset-freeze', example: '"X froze the assets of Y"' },
    { id: 'sanctions.tariffs', example: '"tariffs on Japanese electronic goods in retaliation" (only where the sentence or headline speaks of retaliation, sanctions or penalties)' },
    { id: 'sanctions.under', example: '"Y, already under US sanctions", "Y is under EU sanctions"' },
    { id: 'sanctions.list', example: 'every further member of a list on either side' },
    { id: 'sanctions.entity-list', example: '"added 12 Chinese companies to its Entity List"' },
    { id: 'sanctions.including', example: '"sanctioned six companies, including Y"' },
    { id: 'sanctions.continued', example: '"X has sanctioned a dozen firms. On Tuesday it added Y"' },
    { id: 'sanctions.among', example: '"X sanctioned 61 companies. Among them is Y"' },
  ],
  acceptsReferences: true,
  minMentions: 1,
  cue: /sanction|tariff|dut(?:y|ies)|lev(?:y|ies)|blacklist|\badd|target|penal|designat|control|restrict|curb|freez|froze|seiz|\bban|embargo|punitive|\blist\b|among/i,
  run: sanctionsRule,
};
