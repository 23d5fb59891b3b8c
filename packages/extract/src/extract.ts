import type { ExtractionResult } from '@newsgraph/shared';
import { analyzeEntities } from './analyze-entities.ts';
import type { EntityAnalysis, ExtractOptions } from './interfaces/analysis.ts';
import { extractRelations } from './relations/extract-relations.ts';
import { withOutletEntity } from './relations/outlet.ts';

/**
 * Entities and relations of one text: entity analysis, then relation rules over it. Offsets are
 * UTF-16 code units into `text`. REPORTED_BY claims about the article itself carry the subject
 * `ARTICLE` (ARTICLE_SUBJECT), which is not an entity id.
 */
export function extract(text: string, options: ExtractOptions = {}): ExtractionResult {
  return extractFromAnalysis(analyzeEntities(text, options), options);
}

/** The relation half of `extract`, for callers that already hold an analysis. */
export function extractFromAnalysis(analysis: EntityAnalysis, options: ExtractOptions = {}): ExtractionResult {
  const complete = withOutletEntity(analysis, options.outlet);
  return { entities: complete.entities, relations: extractRelations(complete, options) };
}
