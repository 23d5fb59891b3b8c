import type { ExtractedRelation, ExtractionResult } from '@newsgraph/shared';
import { analyzeEntities } from './analyze-entities.ts';
import type { EntityAnalysis, ExtractOptions } from './interfaces/analysis.ts';
import { extractRelations } from './relations/extract-relations.ts';
import { withOutletEntity } from './relations/outlet.ts';
import { ARTICLE_SUBJECT } from './relations/sentence-context.ts';
import { withKnownNames } from './entities/known-names.ts';

/**
 * Entities and relations of one text: entity analysis, then relation rules over it. Offsets are
 * UTF-16 code units into `text`. REPORTED_BY claims about the article itself carry the subject
 * `ARTICLE` (ARTICLE_SUBJECT), which is not an entity id.
 */
export function extract(text: string, options: ExtractOptions = {}): ExtractionResult {
  return withKnownNames(text, extractFromAnalysis(analyzeEntities(text, options), options), options.knownNames);
}

/** The relation half of `extract`, for callers that already hold an analysis. */
export function extractFromAnalysis(analysis: EntityAnalysis, options: ExtractOptions = {}): ExtractionResult {
  const complete = withOutletEntity(analysis, options.outlet);
  return { entities: complete.entities, relations: extractRelations(complete, options) };
}

/**
 * Separates claims about the article itself (subject ARTICLE_SUBJECT: REPORTED_BY its outlet or the
 * outlets it relays) from claims between entities, for stores that keep only entity–entity edges.
 */
export function splitArticleRelations(relations: readonly ExtractedRelation[]): {
  entityRelations: ExtractedRelation[];
  articleRelations: ExtractedRelation[];
} {
  const entityRelations: ExtractedRelation[] = [];
  const articleRelations: ExtractedRelation[] = [];
  for (const r of relations) (r.subject === ARTICLE_SUBJECT ? articleRelations : entityRelations).push(r);
  return { entityRelations, articleRelations };
}
