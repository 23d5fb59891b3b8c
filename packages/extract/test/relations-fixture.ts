import { entityIdFor, type EntityType, type ExtractedEntity } from '@newsgraph/shared';
import type { EntityAnalysis, EntityMention, Sentence } from '../src/interfaces/analysis.ts';

/**
 * Hand-built entity analyses for relation tests, written as marked-up text:
 * `[[US|Country|country:US|adj]] officials met [[Jane Doe|Person]].` — surface text, type, optional
 * entity id (default from the surface text), optional flags (`adj` for adjectival, `kind=X`).
 * Sentences split after . ! ? followed by space, and at newlines.
 */
export function analysisFromMarkup(markup: string): EntityAnalysis {
  let text = '';
  const raw: Array<{ start: number; end: number; type: EntityType; id: string; adjectival: boolean; kind: string | null }> = [];
  const re = /\[\[([^|\]]+)\|([A-Za-z]+)(?:\|([^|\]]*))?(?:\|([^\]]*))?\]\]/g;
  let last = 0;
  for (let m = re.exec(markup); m; m = re.exec(markup)) {
    text += markup.slice(last, m.index);
    const surface = m[1]!;
    const type = m[2] as EntityType;
    const flags = (m[4] ?? '').split(',');
    const id = m[3] && m[3].length > 0 ? m[3] : entityIdFor(type, surface);
    const kind = flags.find((f) => f.startsWith('kind='))?.slice(5) ?? null;
    raw.push({ start: text.length, end: text.length + surface.length, type, id, adjectival: flags.includes('adj'), kind });
    text += surface;
    last = m.index + m[0].length;
  }
  text += markup.slice(last);

  const sentences: Sentence[] = [];
  const splitter = /[^.!?\n]+(?:[.!?]+["”’)]*|(?=\n)|$)/g;
  for (let m = splitter.exec(text); m; m = splitter.exec(text)) {
    if (m[0].length === 0) {
      splitter.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) sentences.push({ start: m.index + lead, end: m.index + lead + body.length, text: body });
  }
  // Re-join sentences that ended inside a mention ("U.S.").
  for (let i = 0; i + 1 < sentences.length; i++) {
    const s = sentences[i]!;
    if (raw.some((r) => r.start < s.end && r.end > s.end)) {
      const n = sentences[i + 1]!;
      sentences.splice(i, 2, { start: s.start, end: n.end, text: text.slice(s.start, n.end) });
      i--;
    }
  }

  const entities = new Map<string, ExtractedEntity>();
  const mentions: EntityMention[] = [];
  for (const r of raw) {
    const surface = text.slice(r.start, r.end);
    let e = entities.get(r.id);
    if (!e) {
      e = { id: r.id, type: r.type, name: surface, attributes: r.kind ? { kind: r.kind } : {}, mentions: [] };
      entities.set(r.id, e);
    }
    e.mentions.push({ start: r.start, end: r.end, text: surface });
    const sentenceIndex = sentences.findIndex((s) => s.start <= r.start && r.end <= s.end);
    mentions.push({ entityId: r.id, start: r.start, end: r.end, text: surface, sentenceIndex, source: 'fixture', ...(r.adjectival ? { adjectival: true } : {}) });
  }
  return { text, sentences, entities: [...entities.values()], mentions };
}
