import type { ArticleDocument, ListEntry, NewsgraphConfig, ListingLink } from '@newsgraph/shared';
import { KnownNames, type KnownName } from '@newsgraph/extract';
import { storeLists, type ArticleAliasRecord, type GraphStore, type WriteResult } from '@newsgraph/graph';
import { ListMatcher, isCommonWord, listingsForEntity, nameTokens } from '@newsgraph/lists';

export interface ListMatching {
  matcher: ListMatcher;
  knownNames: KnownNames;
}

/** A matcher and the known names over every entry stored in `store` (null when no list is stored). */
export async function loadListMatching(store: GraphStore, config: NewsgraphConfig): Promise<ListMatching | null> {
  if (!store.lists) return null;
  const entries = await store.lists.listEntries();
  if (!entries.length) return null;
  return { matcher: new ListMatcher(entries, { threshold: config.lists.matchThreshold }), knownNames: knownNamesOf(entries) };
}

/**
 * Matches every stored Person and Organization against `matcher` and replaces the links into
 * `lists` (after an import: the imported list) with the result. Returns the number of links.
 */
export async function refreshListings(store: GraphStore, matcher: ListMatcher, lists: readonly string[]): Promise<{ entities: number; links: number }> {
  const wanted = new Set(lists);
  const links: ListingLink[] = [];
  let entities = 0;
  for await (const entity of store.exportEntities({ types: ['Person', 'Organization'] })) {
    entities++;
    for (const link of listingsForEntity(entity, matcher)) if (wanted.has(link.list)) links.push(link);
  }
  await storeLists(store).replaceListings({ lists }, links);
  return { entities, links: links.length };
}

/** Links of the Person and Organization entities of written documents. */
export async function matchDocuments(store: GraphStore, matcher: ListMatcher, docs: readonly ArticleDocument[]): Promise<void> {
  const entities = new Map(docs.flatMap((d) => d.entities).filter((e) => e.type === 'Person' || e.type === 'Organization').map((e) => [e.id, e]));
  if (entities.size === 0) return;
  const links = [...entities.values()].flatMap((e) => listingsForEntity(e, matcher));
  await storeLists(store).replaceListings({ entityIds: [...entities.keys()] }, links);
}

/**
 * Re-matches stored entities whose names changed (a curation merged, split or renamed them),
 * with every name and alias they now have; an id no longer stored (merged away) loses its links.
 */
export async function rematchEntities(store: GraphStore, matcher: ListMatcher, entityIds: readonly string[]): Promise<number> {
  const ids = [...new Set(entityIds)];
  const links: ListingLink[] = [];
  for (const id of ids) {
    const entity = await store.getEntity(id);
    if (entity) links.push(...listingsForEntity(entity, matcher));
  }
  await storeLists(store).replaceListings({ entityIds: ids }, links);
  return links.length;
}

/**
 * The store with matching at ingest: every article written through it has its people and
 * organizations matched against the stored lists right after the write. The pipeline needs no
 * change: it only sees a GraphStore.
 */
export function withListMatching(store: GraphStore, matcher: ListMatcher): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'writeArticle') {
        return async (doc: ArticleDocument, aliasRecord?: ArticleAliasRecord): Promise<WriteResult> => {
          // The alias record passes on: it is written in the article's transaction.
          const result = await target.writeArticle(doc, aliasRecord);
          if (result.status !== 'unchanged') await matchDocuments(target, matcher, [doc]);
          return result;
        };
      }
      if (property === 'writeArticles') {
        return async (docs: ArticleDocument[]): Promise<WriteResult[]> => {
          const results = await target.writeArticles(docs);
          await matchDocuments(target, matcher, docs.filter((_d, i) => results[i]?.status !== 'unchanged'));
          return results;
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Names (and aliases) of the stored people and organizations, for the recognizer's known-names pass. */
export function knownNamesOf(entries: readonly ListEntry[]): KnownNames {
  const names: KnownName[] = [];
  for (const e of entries) {
    if (e.type !== 'person' && e.type !== 'organization') continue;
    const type = e.type === 'person' ? 'Person' : 'Organization';
    for (const name of [e.name, ...e.aliases]) {
      names.push({ name, type });
      // Articles drop legal forms ("Grand Fenwick Armaments" for "GRAND FENWICK ARMAMENTS JSC").
      const bare = nameTokens(name, 'organization');
      if (type === 'Organization' && bare.legalFormRemoved) names.push({ name: bare.tokens.join(' '), type });
    }
  }
  return new KnownNames(names, { isCommonWord });
}
