import { describe, expect, it } from 'vitest';
import { extract, splitArticleRelations } from '../src/extract.ts';
import { ARTICLE_SUBJECT } from '../src/relations/sentence-context.ts';

describe('extract (entities + relations)', () => {
  const text =
    'German Chancellor Olaf Scholz visited Washington on Friday to urge President Joe Biden to send more tanks. ' +
    'The European Union imposed sanctions on Belarus, Reuters reported.';

  it('returns canonical entities with mentions and relations with sentence evidence', () => {
    const result = extract(text);
    const byId = new Map(result.entities.map((e) => [e.id, e]));
    for (const e of result.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    const triples = result.relations.map((r) => `${r.subject} ${r.predicate} ${r.object}`);
    const scholz = result.entities.find((e) => e.name === 'Olaf Scholz');
    expect(scholz?.type).toBe('Person');
    expect(triples).toContain(`${scholz?.id} VISITED place:washington`);
    expect(triples).toContain(`${scholz?.id} HOLDS_ROLE country:DE`);
    expect(triples).toContain('org:european-union SANCTIONS country:BY');
    expect(triples).toContain(`${ARTICLE_SUBJECT} REPORTED_BY org:reuters`);
    // "Belarus, Reuters reported" is not a list of sanctioned parties.
    expect(triples).not.toContain('org:european-union SANCTIONS org:reuters');
    for (const r of result.relations) {
      if (r.subject !== ARTICLE_SUBJECT) expect(byId.has(r.subject)).toBe(true);
      expect(byId.has(r.object)).toBe(true);
      expect(text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.sentence);
    }
  });

  it('adds the outlet from the options', () => {
    const result = extract('Nothing happened today.', { outlet: 'The Daily Bugle' });
    expect(result.entities).toEqual([{ id: 'org:the-daily-bugle', type: 'Organization', name: 'The Daily Bugle', attributes: { kind: 'MediaOutlet' }, mentions: [] }]);
    expect(result.relations.map((r) => `${r.subject} ${r.predicate} ${r.object}`)).toEqual([`${ARTICLE_SUBJECT} REPORTED_BY org:the-daily-bugle`]);
  });

  it('splits article-level claims from entity claims', () => {
    const { entityRelations, articleRelations } = splitArticleRelations(extract(text).relations);
    expect(articleRelations.map((r) => r.object)).toEqual(['org:reuters']);
    expect(entityRelations.length).toBeGreaterThan(0);
    expect(entityRelations.every((r) => r.subject !== ARTICLE_SUBJECT)).toBe(true);
  });

  it('returns an empty result for empty text', () => {
    expect(extract('')).toEqual({ entities: [], relations: [] });
  });
});
