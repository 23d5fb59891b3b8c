import { InputError } from '@newsgraph/shared';
import { ALIAS_EVENT_KINDS, ALIAS_LEARNING_MAX_CHARS, type AliasEvent, type AliasEventKind } from '../interfaces/alias-store.ts';
import { STORE_LIMITS, checkLimit } from './store-limits.ts';

/** Longest id, alias or reason an alias event takes (ids as curation takes them; reasons are a sentence). */
const ID_MAX = 500;
const REASON_MAX = 2000;

function text(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(name, 'must be a non-empty string');
  if (value.length > max) throw new InputError(name, `must be at most ${max} characters (got ${value.length})`);
  return value;
}

/** `aliases.record`: the article id, the learning as JSON text (an object, bounded), events checked and without repeats. */
export function aliasRecordArgs(articleId: unknown, learning: unknown, events: unknown): { articleId: string; learning: string; events: AliasEvent[] } {
  const id = text(articleId, 'articleId', ID_MAX);
  if (typeof learning !== 'object' || learning === null || Array.isArray(learning)) throw new InputError(`alias learning of article ${id}`, 'must be a JSON object');
  let json: string;
  try {
    json = JSON.stringify(learning);
  } catch (error) {
    throw new InputError(`alias learning of article ${id}`, `is not JSON (${(error as Error).message})`);
  }
  if (json.length > ALIAS_LEARNING_MAX_CHARS) throw new InputError(`alias learning of article ${id}`, `is ${json.length} characters of JSON; at most ${ALIAS_LEARNING_MAX_CHARS}`);
  if (!Array.isArray(events)) throw new InputError(`alias events of article ${id}`, 'must be an array');
  const seen = new Set<string>();
  const checked: AliasEvent[] = [];
  events.forEach((raw: unknown, i) => {
    const where = `alias events of article ${id}, [${i}]`;
    if (typeof raw !== 'object' || raw === null) throw new InputError(where, 'must be an object');
    const e = raw as Record<string, unknown>;
    if (!(ALIAS_EVENT_KINDS as readonly unknown[]).includes(e.kind)) throw new InputError(`${where}.kind`, `must be one of ${ALIAS_EVENT_KINDS.join(', ')}`);
    const event: AliasEvent = {
      kind: e.kind as AliasEventKind,
      entityId: text(e.entityId, `${where}.entityId`, ID_MAX),
      alias: text(e.alias, `${where}.alias`, ID_MAX),
      reason: text(e.reason, `${where}.reason`, REASON_MAX),
    };
    // One row per (entity, kind, alias) and article: the same surname resolved twice is one event.
    const key = `${event.entityId}\u0000${event.kind}\u0000${event.alias}`;
    if (seen.has(key)) return;
    seen.add(key);
    checked.push(event);
  });
  return { articleId: id, learning: json, events: checked };
}

export function aliasLearningArgs(options: { afterSeq?: number; limit?: number }): { afterSeq: number; limit: number } {
  const afterSeq = options.afterSeq ?? 0;
  if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) throw new InputError('afterSeq', `must be a whole number from 0 (got ${String(afterSeq)})`);
  return { afterSeq, limit: checkLimit(options.limit, 'aliasLearnings') };
}

export function aliasLearningsOfArgs(articleIds: unknown): string[] {
  if (!Array.isArray(articleIds)) throw new InputError('articleIds', 'must be an array of article ids');
  const ids = [...new Set(articleIds.map(String))];
  if (ids.length > STORE_LIMITS.aliasLearnings.max) throw new InputError('articleIds', `at most ${STORE_LIMITS.aliasLearnings.max} at once (got ${ids.length})`);
  return ids;
}

export function aliasEventArgs(entityIds: unknown, options: { articleIds?: string[]; limit?: number }): { entityIds: string[]; articleIds: string[] | null; limit: number } {
  if (!Array.isArray(entityIds)) throw new InputError('entityIds', 'must be an array of entity ids');
  const articleIds = options.articleIds === undefined ? null : options.articleIds;
  if (articleIds !== null && !Array.isArray(articleIds)) throw new InputError('articleIds', 'must be an array of article ids');
  return {
    entityIds: [...new Set(entityIds.map(String))],
    articleIds: articleIds === null ? null : [...new Set(articleIds.map(String))],
    limit: checkLimit(options.limit, 'aliasEvents'),
  };
}
