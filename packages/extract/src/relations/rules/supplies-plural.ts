import type { EntityType } from '@newsgraph/shared';
import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { mentionAfter, triggers, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';
import { PLURAL_PHRASE, phraseCount, pluralAntecedents, pluralView } from '../plural-antecedents.ts';

/**
 * SUPPLIES from a list named before, referred to by a plural phrase: "The designations target A,
 * B and C. Treasury said the firms shipped engines and servo motors to D"; "... accusing them of
 * supplying drone parts to Russia". The suppliers are the list `pluralAntecedents` finds; the
 * recipient is the organization or country after the first "to" of the clause that a name follows.
 */

const SUPPLY_VERB = /\b(?:shipped|supplied|sold|exported|delivered|sent|provided|ship|supply|sell|export|deliver|send|provide|shipping|supplying|selling|exporting|delivering|sending|providing)\b/gi;
const RECIPIENT_TYPES: ReadonlySet<EntityType> = new Set<EntityType>(['Organization', 'Country']);
/** After "to": an article and up to three words of description ("the Russian tank maker"). */
const RECIPIENT_GAP = /^\s*(?:the\s+|a\s+)?(?:[a-z][a-z-]*\s+|[A-Z][a-z]+(?:n|ese|ish|i)\s+){0,3}$/;
/** The plural phrase right before the verb ("the firms shipped"), or "them of" before a gerund ("accusing them of supplying"). */
const SUPPLIER_BEFORE = /(?:\b(?:the|these|those)\s+(?:same\s+)?(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?(?:[a-z]+\s+)?(?:firms|companies|entities|suppliers|traders|banks|lenders)\s+(?:(?:had|have|also|allegedly|illegally|then)\s+){0,2}|\bthem\s+of\s+)$/i;
const CLAUSE_END = /[.;:!?]|\b(?:but|while|whereas|although|and\s+(?:that|said))\b/;

function recipientAfter(ctx: SentenceContext, from: number): MentionView | null {
  const rest = ctx.text.slice(from, Math.min(ctx.sentence.end, from + 220));
  const stop = CLAUSE_END.exec(rest);
  const scope = stop ? rest.slice(0, stop.index) : rest;
  const to = /\bto\s+/g;
  for (let m = to.exec(scope); m; m = to.exec(scope)) {
    const r = mentionAfter(ctx, from + m.index + m[0].length, RECIPIENT_TYPES, RECIPIENT_GAP);
    if (r && !/^-(?:based|registered)/.test(ctx.text.slice(r.end, r.end + 12))) return r;
  }
  return null;
}

export function suppliesPluralRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  for (const t of triggers(ctx, SUPPLY_VERB)) {
    const left = ctx.text.slice(Math.max(ctx.sentence.start, t.start - 60), t.start);
    const phrase = SUPPLIER_BEFORE.exec(left);
    if (!phrase) continue;
    const phraseStart = t.start - left.length + phrase.index;
    PLURAL_PHRASE.lastIndex = 0;
    const words = PLURAL_PHRASE.exec(phrase[0]);
    if (!words) continue;
    const recipient = recipientAfter(ctx, t.end);
    if (!recipient) continue;
    const suppliers = pluralAntecedents(ctx, phraseStart, words[2] ?? words[3] ?? 'firms', phraseCount(words[1]));
    for (const s of suppliers) {
      if (s.entityId === recipient.entityId) continue;
      out.push({ subject: pluralView(s, phraseStart, t.start, ctx), predicate: 'SUPPLIES', object: recipient, rule: 'supplies-plural.phrase', confidence: 0.6 });
    }
  }
  return out;
}

export const rule: RelationRule = {
  id: 'supplies-plural',
  predicate: 'SUPPLIES',
  subjectTypes: ['Organization'],
  objectTypes: ['Organization', 'Country'],
  summary: 'Supplies from a list of firms named before, by a plural phrase: "the firms shipped X to Y", "accusing them of supplying X to Y".',
  variants: [{ id: 'supplies-plural.phrase', example: '"The list names A and B. Officials said the firms shipped engines to Russia"' }],
  acceptsReferences: false,
  minMentions: 1,
  cue: /\b(?:firms|companies|entities|suppliers|traders|banks|lenders|them)\b/i,
  sidesInSentence: 'object',
  run: suppliesPluralRule,
};
