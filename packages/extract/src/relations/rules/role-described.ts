import type { RelationRule } from '../../interfaces/relation-rule.ts';
import { GOVERNMENT_ROLE_HEADS } from '../../lexicon/titles.ts';
import { STATE_TYPES, between, type MentionView, type RelationCandidate, type SentenceContext } from '../sentence-context.ts';

/**
 * HOLDS_ROLE where the office is described before the name, with the words a title rule does not
 * take as one title:
 * - "Japan's delegate, Minoru Endo", "Spain's director general for Europe, Jose Maria Pons",
 *   "Britain's Europe Director Dominick Chilcott", "European Union ambassador to the WTO, Carlo
 *   Trojan": an owner (a country or an organization, possessive or not), an office whose head is a
 *   public post, maybe its remit ("for Europe", "to the WTO"), then the person;
 * - "his Spanish counterpart Miguel Moratinos", "her Chinese counterpart, Wang Yi": a counterpart
 *   holds the same post for the country of the demonym.
 */

/** Heads of public posts (the shared list) and the few a delegation or a civil service adds. */
const EXTRA_HEADS = new Set(['delegate', 'representative', 'negotiator', 'director', 'director-general', 'spokesman', 'spokeswoman', 'spokesperson', 'commissioner', 'head', 'chief']);

/** The office between the owner and the name: a few title words, a head, an optional remit, an optional comma. */
const OFFICE =
  /^(?:['’]s)?\s+((?:[A-Za-z-]+\s+){0,3}?)([A-Za-z-]+)(?:\s+general)?(?:\s+(?:for|of|to|at)\s+(?:the\s+)?(?:[A-Z][\w.&-]*)(?:\s+(?:[A-Z][\w.&-]*|of|and|for))*)?\s*,?\s+$/;
const COUNTERPART = /\b(?:his|her|their|its)\s+$|^/i;

function isPublicHead(word: string): boolean {
  const w = word.toLowerCase();
  return GOVERNMENT_ROLE_HEADS.has(w) || EXTRA_HEADS.has(w);
}

export function roleDescribedRule(ctx: SentenceContext): RelationCandidate[] {
  const out: RelationCandidate[] = [];
  const ms = ctx.mentions;
  for (const owner of ms) {
    if (!STATE_TYPES.has(owner.type) || owner.reference) continue;
    // The person: the next Person mention, with only Places or Organizations of the remit between.
    let person: MentionView | undefined;
    for (let i = owner.index + 1; i < ms.length && i <= owner.index + 3; i++) {
      const m = ms[i] as MentionView;
      if (m.type === 'Person') {
        person = m;
        break;
      }
      if (m.type === 'Country' || m.type === 'Goods') break;
    }
    if (!person || person.reference) continue;
    const gap = between(ctx, owner.end, person.start);
    if (gap.length > 70 || /[;:()"“”]/.test(gap)) continue;
    // "his Spanish counterpart Miguel Moratinos".
    if (owner.adjectival && /^\s+counterparts?\s*,?\s+$/i.test(gap) && COUNTERPART.test(ctx.text.slice(Math.max(ctx.sentence.start, owner.start - 6), owner.start))) {
      out.push({ subject: person, predicate: 'HOLDS_ROLE', object: owner, rule: 'role-described.counterpart', confidence: 0.65 });
      continue;
    }
    const office = OFFICE.exec(gap);
    if (!office || !isPublicHead(office[2] as string)) continue;
    // Lower-case words before the head are part of the title only as modifiers ("deputy", "trade"),
    // never a verb or a clause ("said the minister").
    if (/\b(?:said|says|told|and|or|but|who|which|that|is|was|has|had|will|of|on|for|to|its|his|her|their|the|a|an|in|at|by|with|as|from)\b/i.test(office[1] as string)) continue;
    // "London's mayor": a capital stands for its country's government, not for the city's own posts.
    if (/^mayor$/i.test(office[2] as string)) continue;
    // "his second term as US President, Tony Blair has said": the office is someone else's, the name is the speaker.
    if (/\bas\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(ctx.sentence.start, owner.start - 8), owner.start))) continue;
    // A demonym is the person's country only directly before the office ("Japanese delegate, X").
    if (owner.adjectival && !/^\s+(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+/.test(gap)) continue;
    // Without a possessive and without a comma the title rule reads it ("US President X").
    if (!/^['’]s/.test(gap) && !/,\s+$/.test(gap) && !/\b(?:for|of|to|at)\s/.test(gap)) continue;
    // "Japan's delegate, Minoru Endo, and ...": the name closes the apposition.
    out.push({ subject: person, predicate: 'HOLDS_ROLE', object: owner, rule: 'role-described.office', confidence: 0.65 });
  }
  return out;
}

export const rule: RelationRule = {
  id: 'role-described',
  predicate: 'HOLDS_ROLE',
  subjectTypes: ['Person'],
  objectTypes: ['Organization', 'Country'],
  summary: 'A public office described with its owner before the name ("Japan\'s delegate, X"), or a counterpart of a country.',
  variants: [
    { id: 'role-described.office', example: '"Japan\'s delegate, X", "Spain\'s director general for Europe, X", "Britain\'s Europe Director X", "EU ambassador to the WTO, X"' },
    { id: 'role-described.counterpart', example: '"his Spanish counterpart X", "her Chinese counterpart, X"' },
  ],
  acceptsReferences: true,
  minMentions: 2,
  cue: new RegExp(`\\b(?:counterparts?|${[...GOVERNMENT_ROLE_HEADS, ...EXTRA_HEADS].join('|')})\\b`, 'i'),
  run: roleDescribedRule,
};
