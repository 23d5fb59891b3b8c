import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { InputError, PREDICATES, isEntityType, isPredicate, pathPredicates, type EntityType, type Predicate } from '@newsgraph/shared';
import type { ArticleRef, EntitySummary, GraphStore } from '@newsgraph/graph';
import type { CliContext } from '../context.ts';
import { formatTable, printJson, println, safeText } from '../output.ts';
import { printListings } from './lists.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function parseTypes(values: string[] | undefined): EntityType[] | undefined {
  if (!values?.length) return undefined;
  return values.map((v) => {
    const t = v.charAt(0).toUpperCase() + v.slice(1).toLowerCase();
    if (!isEntityType(t)) throw new InputError(`--type ${v}`, 'not an entity type (Person, Organization, Country, Place, Goods)');
    return t;
  });
}

function parsePredicates(values: string[] | undefined, flag = '--predicate'): Predicate[] | undefined {
  if (!values?.length) return undefined;
  return values.map((v) => {
    const p = v.toUpperCase();
    if (!isPredicate(p)) throw new InputError(`${flag} ${v}`, `not a predicate (${PREDICATES.join(', ')})`);
    return p;
  });
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new InputError(`--limit ${value}`, 'must be a whole number from 1 to 10000');
  return n;
}

function parseDate(flag: string) {
  return (value: string) => {
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) throw new InputError(`${flag} ${value}`, 'must be a date like 2024-02-24');
    return value;
  };
}

/**
 * An entity given by id (`country:RU`) or by name ("Russia"): an exact id wins, then an exact
 * name or alias match, then the best search hit.
 */
export async function resolveEntity(store: GraphStore, ref: string): Promise<EntitySummary> {
  const byId = await store.getEntity(ref);
  if (byId) return { id: byId.id, type: byId.type, name: byId.name, aliases: byId.aliases, articleCount: byId.articleCount };
  const hits = await store.searchEntities(ref, { limit: 10 });
  const wanted = ref.toLowerCase();
  const exact = hits.find((h) => h.name.toLowerCase() === wanted || h.aliases.some((a) => a.toLowerCase() === wanted));
  const hit = exact ?? hits[0];
  if (!hit) throw new InputError(ref, 'no entity with this id or name (try `newsgraph query search`)');
  return hit;
}

/** Where a claim was read: a local file as its path (and line, for JSONL), anything else as its URL. */
export function articleLink(url: string): string {
  if (!url.startsWith('file:')) return url;
  try {
    const parsed = new URL(url);
    return `${fileURLToPath(parsed)}${parsed.hash}`;
  } catch {
    return url;
  }
}

/** "Title, Outlet, 2024-02-24  https://…": every evidence row says where and when, or says that it does not know. */
export function evidenceSource(article: ArticleRef): string {
  // The outlet entity (REPORTED_BY) names the outlet of articles that carry no outlet field.
  const name = article.outlet ?? article.outletEntity?.name ?? null;
  const outlet = name ? safeText(name) : 'unknown outlet';
  const date = article.publishedAt ? article.publishedAt.slice(0, 10) : 'undated';
  return `${safeText(article.title)}, ${outlet}, ${date}  ${safeText(articleLink(article.url))}`;
}

const label = (e: EntitySummary) => `${safeText(e.name)} [${e.type}] ${e.id}`;

export function registerQueryCommand(program: Command, ctx: CliContext): Command {
  const query = program.command('query').description('ask the graph: search, entity, neighbors, path, evidence, top, comentioned, stats');

  query
    .command('search')
    .description('entities whose name or alias starts with TEXT (case-insensitive)')
    .argument('<text>')
    .option('--type <type>', 'only this entity type (repeatable)', collect)
    .option('--limit <n>', 'at most N results', parseLimit, 20)
    .option('--json', 'JSON output')
    .action(async (text: string, o: { type?: string[]; limit: number; json?: boolean }) => {
      const store = await ctx.store();
      const hits = await store.searchEntities(text, { types: parseTypes(o.type), limit: o.limit });
      if (o.json) return printJson(ctx, hits);
      if (hits.length === 0) return println(ctx, `no entity matches "${safeText(text)}"`);
      println(ctx, formatTable(['id', 'type', 'name', 'articles', 'aliases'], hits.map((h) => [h.id, h.type, h.name, h.articleCount, h.aliases.join(', ')])));
    });

  query
    .command('entity')
    .description('details of one entity (by id or name)')
    .argument('<entity>')
    .option('--json', 'JSON output')
    .action(async (ref: string, o: { json?: boolean }) => {
      const store = await ctx.store();
      const hit = await resolveEntity(store, ref);
      const detail = await store.getEntity(hit.id);
      const listings = store.lists ? await store.lists.listingsOf(hit.id) : [];
      if (o.json) return printJson(ctx, detail && { ...detail, listings });
      if (!detail) return;
      println(ctx, `${safeText(detail.name)}  (${detail.type}, ${detail.id})`);
      if (detail.aliases.length) println(ctx, `aliases:    ${safeText(detail.aliases.join(', '))}`);
      for (const [k, v] of Object.entries(detail.attributes)) println(ctx, `${`${k}:`.padEnd(11)} ${safeText(Array.isArray(v) ? v.join(', ') : String(v))}`);
      println(ctx, `articles:   ${detail.articleCount} (${detail.mentionCount} mentions)`);
      println(ctx, `seen:       ${detail.firstSeen ?? '?'} .. ${detail.lastSeen ?? '?'}`);
      if (detail.corpusAliases?.length) {
        // What the cross-document alias index did with this entity, and why (docs/entities.md).
        println(ctx, 'alias index:');
        for (const e of detail.corpusAliases) println(ctx, `  ${e.kind} "${safeText(e.alias)}" in ${safeText(e.articleId)}: ${safeText(e.reason)}`);
      }
      if (listings.length) {
        println(ctx, 'listed:');
        printListings(ctx, listings, '  ');
      }
    });

  query
    .command('neighbors')
    .alias('neighbours')
    .description('entities connected to ENTITY, by predicate, with article counts')
    .argument('<entity>')
    .option('--predicate <p>', 'only this predicate (repeatable)', collect)
    .option('--type <type>', 'only neighbours of this type (repeatable)', collect)
    .option('--direction <d>', 'out, in or both', 'both')
    .option('--since <date>', 'only claims from articles on or after DATE', parseDate('--since'))
    .option('--until <date>', 'only claims from articles before DATE', parseDate('--until'))
    .option('--limit <n>', 'at most N results', parseLimit, 50)
    .option('--json', 'JSON output')
    .action(async (ref: string, o: { predicate?: string[]; type?: string[]; direction: string; since?: string; until?: string; limit: number; json?: boolean }) => {
      if (!['out', 'in', 'both'].includes(o.direction)) throw new InputError(`--direction ${o.direction}`, 'must be out, in or both');
      const store = await ctx.store();
      const entity = await resolveEntity(store, ref);
      const rows = await store.neighbors(entity.id, {
        predicates: parsePredicates(o.predicate),
        types: parseTypes(o.type),
        direction: o.direction as 'out' | 'in' | 'both',
        since: o.since,
        until: o.until,
        limit: o.limit,
      });
      if (o.json) return printJson(ctx, { entity, neighbors: rows });
      println(ctx, `neighbours of ${label(entity)}`);
      println(ctx, formatTable(['', 'predicate', 'neighbour', 'type', 'articles', 'claims', 'last seen'], rows.map((n) => [n.direction === 'out' ? '->' : '<-', n.predicate, n.entity.name, n.entity.type, n.articleCount, n.claimCount, n.lastSeen?.slice(0, 10)])));
    });

  query
    .command('path')
    .description('shortest connections between two entities')
    .argument('<from>')
    .argument('<to>')
    .option('--max-hops <n>', 'longest path considered (1-6)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 6) throw new InputError(`--max-hops ${v}`, 'must be a whole number from 1 to 6');
      return n;
    }, 4)
    .option('--limit <n>', 'at most N paths', parseLimit, 5)
    .option('--predicate <p>', 'follow only this predicate (repeatable)', collect)
    .option('--exclude <p>', 'never follow this predicate, e.g. HOLDS_ROLE (repeatable)', collect)
    .option('--json', 'JSON output')
    .action(async (fromRef: string, toRef: string, o: { maxHops: number; limit: number; predicate?: string[]; exclude?: string[]; json?: boolean }) => {
      const predicates = pathPredicates(parsePredicates(o.predicate), parsePredicates(o.exclude, '--exclude'), '--exclude');
      const store = await ctx.store();
      const [from, to] = [await resolveEntity(store, fromRef), await resolveEntity(store, toRef)];
      const paths = await store.shortestPaths(from.id, to.id, { maxHops: o.maxHops, limit: o.limit, predicates });
      if (o.json) return printJson(ctx, { from, to, paths });
      if (paths.length === 0) return println(ctx, `no path of at most ${o.maxHops} hops between ${label(from)} and ${label(to)}`);
      for (const path of paths) {
        const parts: string[] = [safeText(path.nodes[0]!.name)];
        path.edges.forEach((edge, i) => {
          const node = path.nodes[i + 1]!;
          const forward = edge.subjectId === path.nodes[i]!.id;
          parts.push(forward ? `-[${edge.predicate}]->` : `<-[${edge.predicate}]-`, safeText(node.name));
        });
        println(ctx, parts.join(' '));
      }
    });

  query
    .command('evidence')
    .description('the sentences and articles behind the edges between two entities')
    .argument('<subject>')
    .argument('<object>')
    .option('--predicate <p>', 'only this predicate')
    .option('--limit <n>', 'at most N records', parseLimit, 20)
    .option('--json', 'JSON output')
    .action(async (subjectRef: string, objectRef: string, o: { predicate?: string; limit: number; json?: boolean }) => {
      const store = await ctx.store();
      const [subject, object] = [await resolveEntity(store, subjectRef), await resolveEntity(store, objectRef)];
      const predicate = parsePredicates(o.predicate ? [o.predicate] : undefined)?.[0];
      const forward = await store.evidence({ subjectId: subject.id, objectId: object.id, predicate, limit: o.limit });
      const backward = await store.evidence({ subjectId: object.id, objectId: subject.id, predicate, limit: o.limit });
      const seen = new Set<string>();
      const records = [...forward, ...backward].filter((r) => {
        const key = `${r.subjectId}|${r.predicate}|${r.objectId}|${r.article.id}|${r.start}|${r.rule}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      if (o.json) return printJson(ctx, { subject, object, evidence: records });
      if (records.length === 0) return println(ctx, `no claims between ${label(subject)} and ${label(object)}`);
      for (const r of records) {
        // Negated and hypothetical claims are evidence only (no edge): say so next to the rule.
        const modality = r.modality === 'asserted' ? '' : `, ${r.modality}`;
        println(ctx, `${r.subjectId} ${r.predicate} ${r.objectId}  (rule ${r.rule}, confidence ${r.confidence.toFixed(2)}${modality})`);
        if (r.antecedent) println(ctx, `  (after “${safeText(r.antecedent.sentence)}”)`);
        println(ctx, `  “${safeText(r.sentence)}”`);
        if (r.resolvedBy?.subject) println(ctx, `  (${r.subjectId}: ${safeText(r.resolvedBy.subject)})`);
        if (r.resolvedBy?.object) println(ctx, `  (${r.objectId}: ${safeText(r.resolvedBy.object)})`);
        println(ctx, `  — ${evidenceSource(r.article)}`);
      }
    });

  query
    .command('top')
    .description('the most mentioned entities (by number of articles)')
    .option('--type <type>', 'only this entity type (repeatable)', collect)
    .option('--since <date>', 'only articles on or after DATE', parseDate('--since'))
    .option('--limit <n>', 'at most N results', parseLimit, 20)
    .option('--json', 'JSON output')
    .action(async (o: { type?: string[]; since?: string; limit: number; json?: boolean }) => {
      const store = await ctx.store();
      const rows = await store.topEntities({ types: parseTypes(o.type), since: o.since, limit: o.limit });
      if (o.json) return printJson(ctx, rows);
      println(ctx, formatTable(['articles', 'type', 'name', 'id'], rows.map((r) => [r.count, r.entity.type, r.entity.name, r.entity.id])));
    });

  query
    .command('comentioned')
    .description('entities mentioned in the same articles as ENTITY')
    .argument('<entity>')
    .option('--limit <n>', 'at most N results', parseLimit, 20)
    .option('--json', 'JSON output')
    .action(async (ref: string, o: { limit: number; json?: boolean }) => {
      const store = await ctx.store();
      const entity = await resolveEntity(store, ref);
      const rows = await store.coMentioned(entity.id, { limit: o.limit });
      if (o.json) return printJson(ctx, { entity, comentioned: rows });
      println(ctx, `mentioned with ${label(entity)}`);
      println(ctx, formatTable(['shared articles', 'type', 'name', 'id'], rows.map((r) => [r.count, r.entity.type, r.entity.name, r.entity.id])));
    });

  query
    .command('stats')
    .description('counts of articles, entities, mentions, claims and edges')
    .option('--json', 'JSON output')
    .action(async (o: { json?: boolean }) => {
      const store = await ctx.store();
      const stats = await store.stats();
      if (o.json) return printJson(ctx, { store: store.kind, ...stats });
      println(ctx, formatTable(['store', 'articles', 'entities', 'mentions', 'claims', 'edges'], [[store.kind, stats.articles, stats.entities, stats.mentions, stats.claims, stats.edges]]));
    });

  return query;
}
