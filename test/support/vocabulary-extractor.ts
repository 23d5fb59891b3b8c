import type { ExtractedEntity, ExtractedRelation, ExtractionResult, Predicate } from '@newsgraph/shared';

/** A name the stand-in extractor knows, the entity id it stands for, and its type. */
export type VocabularyEntry = [name: string, id: string, type: ExtractedEntity['type']];

const VERBS: Record<string, Predicate> = { met: 'MET_WITH', visited: 'VISITED', supplied: 'SUPPLIES' };

/**
 * A stand-in extractor with a fixed vocabulary, for tests that need the graph known exactly
 * (curation: what a merge or a split moves): a name in the text is an entity (earlier entries win
 * overlaps), and in each sentence "A met B", "A visited B" and "A supplied B" are claims.
 */
export function vocabularyExtractor(vocabulary: readonly VocabularyEntry[]): (text: string) => ExtractionResult {
  return (text) => {
    const entities = new Map<string, ExtractedEntity>();
    const spans: Array<{ start: number; end: number; id: string }> = [];
    for (const [name, id, type] of vocabulary) {
      for (const m of text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
        const start = m.index;
        if (spans.some((s) => start < s.end && start + name.length > s.start)) continue;
        spans.push({ start, end: start + name.length, id });
        const e = entities.get(id) ?? { id, type, name, attributes: {}, mentions: [] };
        e.mentions.push({ start, end: start + name.length, text: name });
        entities.set(id, e);
      }
    }
    const relations: ExtractedRelation[] = [];
    let offset = 0;
    for (const sentence of text.split(/(?<=\.)\s*/)) {
      const start = text.indexOf(sentence, offset);
      offset = start + sentence.length;
      const inside = spans.filter((s) => s.start >= start && s.end <= start + sentence.length).sort((a, b) => a.start - b.start);
      const verb = /\b(met|visited|supplied)\b/.exec(sentence)?.[1];
      if (verb && inside.length >= 2) {
        relations.push({ subject: inside[0]!.id, predicate: VERBS[verb]!, object: inside[1]!.id, evidence: { sentence, start, end: start + sentence.length, rule: `stub.${verb}`, confidence: 0.9 } });
      }
    }
    return { entities: [...entities.values()], relations };
  };
}
