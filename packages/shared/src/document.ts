import type { Article, ArticleDocument, Claim, Entity, ExtractionResult, Mention } from './domain.ts';

/** Subject of article-level claims in extraction output (`extract --jsonl`), never an entity id. */
export const ARTICLE_SUBJECT = 'ARTICLE';

/**
 * Joins an article with what extraction found in its text into the unit a store writes in one
 * transaction. Pure: the same inputs always give the same document, which is what makes
 * re-ingesting an unchanged article a no-op.
 */
export function toArticleDocument(article: Article, extraction: ExtractionResult): ArticleDocument {
  const entities: Entity[] = [];
  const mentions: Mention[] = [];
  for (const e of extraction.entities) {
    entities.push({ id: e.id, type: e.type, name: e.name, aliases: e.aliases ?? [], attributes: e.attributes });
    for (const m of e.mentions) {
      mentions.push({ entityId: e.id, articleId: article.id, start: m.start, end: m.end, text: m.text });
    }
  }
  const known = new Set(entities.map((e) => e.id));
  const claims: Claim[] = [];
  const reportedBy: string[] = [];
  const seen = new Set<string>();
  for (const r of extraction.relations) {
    // Article-level claims ("this article is REPORTED_BY Bloomberg") have the subject ARTICLE, not
    // an entity: they link the article to its outlet entity (`reportedBy`), not two entities.
    if (r.subject === ARTICLE_SUBJECT) {
      if (r.predicate !== 'REPORTED_BY') throw new Error(`article-level relation ${r.predicate} ${r.object}: only REPORTED_BY may have the subject ${ARTICLE_SUBJECT}`);
      if (!known.has(r.object)) throw new Error(`relation ${ARTICLE_SUBJECT} REPORTED_BY ${r.object} names an entity that extraction did not return`);
      if (!reportedBy.includes(r.object)) reportedBy.push(r.object);
      continue;
    }
    if (!known.has(r.subject) || !known.has(r.object)) {
      throw new Error(`relation ${r.subject} ${r.predicate} ${r.object} names an entity that extraction did not return`);
    }
    const key = `${r.subject}\u0000${r.predicate}\u0000${r.object}\u0000${r.evidence.start}\u0000${r.evidence.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    claims.push({
      subjectId: r.subject,
      predicate: r.predicate,
      objectId: r.object,
      // Modality and antecedent pass through when extraction set them (absent modality = asserted).
      evidence: { articleId: article.id, ...r.evidence },
    });
  }
  return reportedBy.length > 0 ? { article, entities, mentions, claims, reportedBy } : { article, entities, mentions, claims };
}
