import type { MentionView, SentenceContext } from './sentence-context.ts';

/**
 * How a rule reads the bodies that qualify a person: how many mentions back it looks, and what
 * written between them breaks the phrase. "US President Bush", "Boeing chairman X": a country or
 * organization named at most 40 characters before a mention of the person, in the same sentence.
 */
export interface QualifierReading {
  /** Mentions to look back from each mention of the person (1: the one just before). */
  lookback: number;
  /** Text between the two that ends the phrase ("Boeing, chairman X" when it is /[,;]/). */
  brokenBy?: RegExp;
}

const cache = new WeakMap<readonly MentionView[], Map<QualifierReading, Map<string, Set<string>>>>();

/** For each person of the document, the countries and bodies that qualify some mention of it, as `reading` reads them (kept per document). */
export function personQualifiers(ctx: SentenceContext, reading: QualifierReading): Map<string, Set<string>> {
  const doc = ctx.documentMentions;
  let byReading = cache.get(doc);
  if (!byReading) cache.set(doc, (byReading = new Map()));
  let owners = byReading.get(reading);
  if (owners) return owners;
  owners = new Map();
  for (let i = 0; i < doc.length; i++) {
    const m = doc[i] as MentionView;
    if (m.type !== 'Person') continue;
    for (let j = i - 1; j >= 0 && j >= i - reading.lookback; j--) {
      const q = doc[j] as MentionView;
      if (q.sentenceIndex !== m.sentenceIndex || m.start - q.end > 40) break;
      if (reading.brokenBy?.test(ctx.text.slice(q.end, m.start))) break;
      if (q.type === 'Country' || q.type === 'Organization') {
        const set = owners.get(m.entityId) ?? new Set<string>();
        set.add(q.entityId);
        owners.set(m.entityId, set);
      }
    }
  }
  byReading.set(reading, owners);
  return owners;
}

/** Some mention of the person is qualified by a body for which `isOther` holds. */
export function qualifiedBy(ctx: SentenceContext, person: MentionView, reading: QualifierReading, isOther: (ownerId: string) => boolean): boolean {
  for (const owner of personQualifiers(ctx, reading).get(person.entityId) ?? []) if (isOther(owner)) return true;
  return false;
}
