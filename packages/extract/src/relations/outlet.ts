import { entityIdFor, type ExtractedEntity } from '@newsgraph/shared';
import type { EntityAnalysis } from '../interfaces/analysis.ts';

/** "The Wall Street Journal" ~ "Wall Street Journal"; "Bloomberg" ~ "Bloomberg News". */
function outletKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/^the\s+/, '')
    .replace(/\s+(?:news|newswire|news agency)$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The analysis entity that is the given outlet, if the text names it. */
export function findOutletEntity(analysis: EntityAnalysis, outlet: string): ExtractedEntity | null {
  const key = outletKey(outlet);
  if (!key) return null;
  for (const e of analysis.entities) {
    if (e.type !== 'Organization') continue;
    const names = [e.name, ...(e.aliases ?? []), ...e.mentions.map((m) => m.text)];
    if (names.some((n) => outletKey(n) === key)) return e;
  }
  return null;
}

/**
 * The analysis with the outlet present as an Organization (kind MediaOutlet): the existing entity
 * when the text names it, else a new entity without mentions.
 */
export function withOutletEntity(analysis: EntityAnalysis, outlet: string | null | undefined): EntityAnalysis {
  const name = outlet?.trim();
  if (!name || !outletKey(name) || findOutletEntity(analysis, name)) return analysis;
  let id: string;
  try {
    id = entityIdFor('Organization', name);
  } catch {
    return analysis;
  }
  if (analysis.entities.some((e) => e.id === id)) return analysis;
  const entity: ExtractedEntity = { id, type: 'Organization', name, attributes: { kind: 'MediaOutlet' }, mentions: [] };
  return { ...analysis, entities: [...analysis.entities, entity] };
}
