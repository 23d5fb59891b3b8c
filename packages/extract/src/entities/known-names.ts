import { entityIdFor, type ExtractedEntity, type ExtractionResult } from '@newsgraph/shared';

/** A name the recognizer should know (from a stored sanctions list): how it is written, and what it names. */
export interface KnownName {
  name: string;
  type: 'Person' | 'Organization';
}

/** Longest known name looked for, in words. */
const MAX_WORDS = 8;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&.-]*/gu;
const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Words that start a name in running text: capitalized or a digit. */
const isCapitalized = (word: string): boolean => /^[\p{Lu}\p{N}]/u.test(word);

/**
 * Names from stored lists, found in text even when no recognizer pattern would find them
 * ("Rosoboronexport", "Bank Melli Iran"). Only names of at least two words, or one word of at
 * least `minSingleWordLength` letters, are kept, and a span is taken only when its words are
 * capitalized as a name is (so "bank melli" in lower case or a common phrase is not a name).
 * People's names written "FAMILY, Given" are looked for as "Given Family".
 */
export class KnownNames {
  private readonly names = new Map<string, KnownName>();
  private readonly minSingleWordLength: number;

  constructor(names: Iterable<KnownName>, options: { minSingleWordLength?: number; isCommonWord?: (folded: string) => boolean } = {}) {
    this.minSingleWordLength = options.minSingleWordLength ?? 6;
    for (const known of names) {
      const comma = known.name.indexOf(',');
      const written = known.type === 'Person' && comma > 0 ? `${known.name.slice(comma + 1)} ${known.name.slice(0, comma)}` : known.name;
      const key = fold(written);
      const words = key.split(' ').filter(Boolean);
      if (words.length === 0 || words.length > MAX_WORDS) continue;
      if (words.length === 1 && (known.type === 'Person' || words[0]!.length < this.minSingleWordLength || options.isCommonWord?.(words[0]!))) continue;
      if (!this.names.has(key)) this.names.set(key, { name: written.trim(), type: known.type });
    }
  }

  get size(): number {
    return this.names.size;
  }

  /** Known names in `text` that no mention covers (they may contain shorter ones), longest first at each position. */
  find(text: string, taken: ReadonlyArray<{ start: number; end: number }> = []): Array<{ start: number; end: number; text: string; known: KnownName }> {
    const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].replace(/[.'’-]+$/u, '').length, word: m[0] }));
    const found: Array<{ start: number; end: number; text: string; known: KnownName }> = [];
    // A known name may contain recognized mentions ("Iran" in "Bank Melli Iran"), never cross or repeat one.
    const overlaps = (s: number, e: number) =>
      taken.some((t) => s < t.end && e > t.start && !(s <= t.start && e >= t.end && e - s > t.end - t.start)) || found.some((f) => s < f.end && e > f.start);
    for (let i = 0; i < words.length; i++) {
      if (!isCapitalized(words[i]!.word)) continue;
      for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1; n--) {
        const last = words[i + n - 1]!;
        const span = text.slice(words[i]!.start, last.end);
        // A name does not run across a sentence end or a line break.
        if (n > 1 && /[.!?]\s|\n/.test(span)) continue;
        const known = this.names.get(fold(span));
        if (!known || overlaps(words[i]!.start, last.end)) continue;
        found.push({ start: words[i]!.start, end: last.end, text: span, known });
        i += n - 1;
        break;
      }
    }
    return found;
  }
}

/**
 * The known-names pass: adds an entity (or a mention to the entity of the same id) for each known
 * name in `text` that no recognized mention crosses. A known name wins over the shorter mentions
 * inside it ("Fenwick Armaments" taken for a person inside "Grand Fenwick Armaments"): those
 * mentions go, an entity left without mentions goes, and so do the relations naming it.
 */
export function withKnownNames(text: string, result: ExtractionResult, known: KnownNames | undefined): ExtractionResult {
  if (!known || known.size === 0) return result;
  const hits = known.find(text, result.entities.flatMap((e) => e.mentions));
  if (hits.length === 0) return result;
  const inside = (m: { start: number; end: number }) => hits.some((h) => m.start >= h.start && m.end <= h.end);
  const entities: ExtractedEntity[] = result.entities.map((e) => ({ ...e, mentions: e.mentions.filter((m) => !inside(m)) }));
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const hit of hits) {
    const id = entityIdFor(hit.known.type, hit.text);
    let entity = byId.get(id);
    if (!entity) {
      entity = { id, type: hit.known.type, name: hit.text, attributes: { knownFrom: 'list' }, mentions: [] };
      entities.push(entity);
      byId.set(id, entity);
    }
    entity.mentions.push({ start: hit.start, end: hit.end, text: hit.text });
  }
  const kept = entities.filter((e) => e.mentions.length > 0);
  const keptIds = new Set(kept.map((e) => e.id));
  const relations = result.relations.filter((r) => (keptIds.has(r.subject) || !byId.has(r.subject)) && (keptIds.has(r.object) || !byId.has(r.object)));
  return { ...result, entities: kept, relations };
}
