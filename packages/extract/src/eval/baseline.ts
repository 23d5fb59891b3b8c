import nlp from 'compromise';

export interface BaselineEntity {
  type: 'Person' | 'Organization' | 'Place';
  start: number;
  end: number;
  text: string;
}

interface CompromiseOffset {
  start: number;
  length: number;
}

interface CompromiseMatch {
  text: string;
  offset?: CompromiseOffset;
  terms?: Array<{ offset?: CompromiseOffset }>;
}

/**
 * Plain compromise, the reference point the extractor is measured against: `.people()`,
 * `.organizations()`, `.places()` with character offsets (end exclusive).
 */
export function compromiseEntities(text: string): BaselineEntity[] {
  const doc = nlp(text);
  const out: BaselineEntity[] = [];
  const add = (type: BaselineEntity['type'], matches: CompromiseMatch[]) => {
    for (const m of matches) {
      // The first and last terms' offsets bound the name; the match-level offset is not always
      // aligned with them on multi-line text (measured: with it, eng.testa F1 drops 0.53 -> 0.46).
      const first = m.terms?.[0]?.offset;
      const last = m.terms?.[m.terms.length - 1]?.offset;
      const span = first && last ? { start: first.start, length: last.start + last.length - first.start } : m.offset;
      if (!span) continue;
      // Trailing punctuation stays out of the span.
      let start = span.start;
      let end = start + span.length;
      while (end > start && /[\s.,;:!?"'’”)]/.test(text.charAt(end - 1))) end--;
      while (start < end && /[\s"'‘“(]/.test(text.charAt(start))) start++;
      if (end > start) out.push({ type, start, end, text: text.slice(start, end) });
    }
  };
  add('Person', doc.people().json({ offset: true }) as CompromiseMatch[]);
  add('Organization', doc.organizations().json({ offset: true }) as CompromiseMatch[]);
  add('Place', doc.places().json({ offset: true }) as CompromiseMatch[]);
  out.sort((a, b) => a.start - b.start);
  return out;
}
