import nlp from 'compromise';

export interface BaselineEntity {
  type: 'Person' | 'Organization' | 'Place';
  start: number;
  end: number;
  text: string;
}

interface CompromiseMatch {
  text: string;
  offset?: { start: number; length: number };
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
      if (!m.offset) continue;
      // compromise's match text may carry trailing punctuation; keep the span on the name itself.
      let start = m.offset.start;
      let end = start + m.offset.length;
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
