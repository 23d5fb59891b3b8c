import {
  AGENT_TYPES,
  COUNTRY_TYPES,
  STATE_TYPES,
  listForward,
  mentionAfter,
  mentionBefore,
  sentenceSubject,
  subjectBefore,
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

const VERB = /\b(?:sanction(?:s|ed|ing)?|blacklist(?:s|ed|ing)?|penali[sz](?:e|es|ed|ing))\b/gi;
const NOUN_TARGET = /^\s+(?:and\s+(?:[a-z-]+\s+){0,3})?(?:against|on|targeting|over)\s+(?:the\s+)?$/i;
const DIRECT_OBJECT = /^\s+(?:the\s+)?$/i;
/** "sanction companies in China", "blacklisted five Chinese firms", "sanctions on banks from Iran". */
const PROXY_TARGET =
  /^\s+(?:(?:against|on|targeting)\s+)?(?:the\s+)?(?:\d+\s+|several\s+|some\s+|more\s+|dozens of\s+|a\s+(?:number|host|string)\s+of\s+)?(?:(?:[a-z-]+\s+)?(?:companies|firms|entities|individuals|people|banks|businesses|suppliers|exporters|traders|networks|officials|vessels|ships|oligarchs)\s+(?:in|from|based in|linked to|tied to|of|with ties to)\s+(?:the\s+)?)$/i;
/** "sanctions on more than 1,000 Russian entities", "sanctioned five Chinese firms". */
const ADJECTIVAL_TARGET = /^\s+(?:(?:against|on|targeting)\s+)?(?:the\s+)?(?:(?:more than|over|at least|nearly|about|some|several|dozens of|hundreds of)\s+)?(?:[\d,]+\s+|one\s+|two\s+|three\s+|four\s+|five\s+|six\s+|seven\s+|eight\s+|nine\s+|ten\s+|\d+\s+)?$/i;
const TARGET_NOUN = /^[\s-]+(?:[a-z-]+\s+)?(?:companies|company|firms?|entities|entity|individuals|banks?|businesses|suppliers|exporters|traders|networks|officials|vessels|ships|oligarchs|nationals|citizens)\b/i;
/** "added 12 Chinese companies to its Entity List". */
const ENTITY_LIST = /\b(?:added|adds|adding|add|placed|places|put|puts)\b/gi;
const PASSIVE = /^\s+by\s+(?:the\s+)?$/i;

function subjectOf(ctx: SentenceContext, pos: number): MentionView | null {
  // After "to" the nearest name is usually an object of the verb before ("visited X to sanction").
  const near = /\bto\s+$/i.test(ctx.text.slice(Math.max(ctx.sentence.start, pos - 4), pos)) ? null : subjectBefore(ctx, pos, STATE_TYPES);
  if (near) return near;
  // "United States officials are ... to encourage the world to enforce sanctions against Russia":
  // an infinitive or a verb chain back to the sentence's subject.
  const left = ctx.text.slice(Math.max(ctx.sentence.start, pos - 40), pos);
  if (!/\b(?:to|to\s+(?:enforce|impose|tighten|extend|expand|adopt|apply|coordinate|slap|lift|ease|step up)(?:\s+\w+)?|whether\s+to|imposed|imposes|imposing|slapped|adopted|announced|introduced|tightened|expanded|unveiled)\s+$/i.test(left)) return null;
  const main = sentenceSubject(ctx, STATE_TYPES);
  if (!main || main.end > pos || pos - main.end > 220 || /[;:]/.test(ctx.text.slice(main.end, pos))) return null;
  return main;
}

function adjectivalTarget(ctx: SentenceContext, pos: number): MentionView | null {
  const m = mentionAfter(ctx, pos, COUNTRY_TYPES, ADJECTIVAL_TARGET);
  if (!m || !m.adjectival || !TARGET_NOUN.test(ctx.text.slice(m.end, m.end + 40))) return null;
  return m;
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
    const isNoun = /^sanctions$/.test(word) && !/\b(?:US|EU|UK|it|he|she|they|who|which|that)\s+$/i.test(ctx.text.slice(Math.max(0, t.start - 6), t.start));
    let targets: MentionView[] = [];
    let rule = 'sanctions.verb';
    let confidence = 0.8;
    const nounTarget = mentionAfter(ctx, t.end, AGENT_TYPES, NOUN_TARGET);
    if (nounTarget) {
      targets = listForward(ctx, nounTarget, AGENT_TYPES);
      rule = 'sanctions.noun';
    } else {
      const proxy = mentionAfter(ctx, t.end, COUNTRY_TYPES, PROXY_TARGET);
      if (proxy) {
        targets = listForward(ctx, proxy, COUNTRY_TYPES);
        rule = 'sanctions.proxy';
        confidence = 0.6;
      } else if (adjectivalTarget(ctx, t.end)) {
        targets = [adjectivalTarget(ctx, t.end)!];
        rule = 'sanctions.proxy';
        confidence = 0.6;
      } else if (!isNoun) {
        const direct = mentionAfter(ctx, t.end, AGENT_TYPES, DIRECT_OBJECT);
        // "sanctions Russia" after a noun-like use would be "Russia sanctions"; only verbs take a direct object.
        if (direct && !direct.adjectival) targets = listForward(ctx, direct, AGENT_TYPES);
      }
    }
    if (targets.length === 0) continue;
    const subject = subjectOf(ctx, t.start);
    if (!subject) continue;
    for (const o of targets) add(subject, o, o === targets[0] ? rule : 'sanctions.list', confidence - (o === targets[0] ? 0 : 0.05));
  }
  // "The Commerce Department added 12 Chinese companies to its Entity List".
  for (const t of triggers(ctx, ENTITY_LIST)) {
    const tail = ctx.text.slice(t.end, Math.min(ctx.sentence.end, t.end + 120));
    const list = /^(.{1,90}?)\bto\s+(?:its|the|their|a|his|her)\s+(?:(?:trade|export|sanctions?)\s+)?(?:entity list|blacklist|black list|sanctions list|sdn list|list of sanctioned)/i.exec(tail);
    if (!list) continue;
    const subject = subjectBefore(ctx, t.start, STATE_TYPES);
    if (!subject) continue;
    const end = t.end + (list[1]?.length ?? 0);
    const target = adjectivalTarget(ctx, t.end) ?? mentionAfter(ctx, t.end, AGENT_TYPES, /^\s+(?:the\s+)?$/i);
    if (target && target.end <= end) add(subject, target, 'sanctions.entity-list', 0.75);
  }
  return out;
}
