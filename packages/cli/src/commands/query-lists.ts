import type { Command } from 'commander';
import { InputError } from '@newsgraph/shared';
import { listedExposure, storeLists, type GraphPath } from '@newsgraph/graph';
import type { CliContext } from '../context.ts';
import { printJson, println, safeText } from '../output.ts';
import { resolveEntity } from './query.ts';
import { printListings } from './lists.ts';

function wholeNumber(flag: string, min: number, max: number) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new InputError(`${flag} ${v}`, `must be a whole number from ${min} to ${max}`);
    return n;
  };
}

export function formatPath(path: GraphPath): string {
  const parts: string[] = [safeText(path.nodes[0]!.name)];
  path.edges.forEach((edge, i) => {
    const forward = edge.subjectId === path.nodes[i]!.id;
    parts.push(forward ? `-[${edge.predicate}]->` : `<-[${edge.predicate}]-`, safeText(path.nodes[i + 1]!.name));
  });
  return parts.join(' ');
}

/** `query listed` and `query exposure`: the sanctions-list questions (docs/sanctions.md). */
export function registerQueryListsCommands(query: Command, ctx: CliContext): void {
  query
    .command('listed')
    .description('entities matched to a sanctions-list entry, with score and reasons')
    .option('--list <name>', 'only this list')
    .option('--program <p>', 'only entries under this program (e.g. SDGT, RUSSIA-EO14024)')
    .option('--limit <n>', 'at most N entities', wholeNumber('--limit', 1, 10_000), 100)
    .option('--json', 'JSON output')
    .action(async (o: { list?: string; program?: string; limit: number; json?: boolean }) => {
      const listed = await storeLists(await ctx.store()).listedEntities({ list: o.list, program: o.program, limit: o.limit });
      if (o.json) return printJson(ctx, listed);
      if (!listed.length) return println(ctx, 'no listed entities (import lists with `newsgraph lists import`, then ingest)');
      for (const { entity, listings } of listed) {
        println(ctx, `${safeText(entity.name)} [${entity.type}] ${entity.id}  (${entity.articleCount} articles)`);
        printListings(ctx, listings, '  ');
      }
    });

  query
    .command('exposure')
    .description('shortest paths from ENTITY to the nearest listed entities')
    .argument('<entity>')
    .option('--max-hops <n>', 'longest path considered (1-6)', wholeNumber('--max-hops', 1, 6), 4)
    .option('--limit <n>', 'at most N listed entities', wholeNumber('--limit', 1, 100), 5)
    .option('--json', 'JSON output')
    .action(async (ref: string, o: { maxHops: number; limit: number; json?: boolean }) => {
      const store = await ctx.store();
      const entity = await resolveEntity(store, ref);
      const exposure = await listedExposure(store, entity.id, { maxHops: o.maxHops, limit: o.limit });
      if (o.json) return printJson(ctx, { entity, exposure });
      if (!exposure.length) return println(ctx, `no listed entity within ${o.maxHops} hops of ${safeText(entity.name)} [${entity.type}] ${entity.id}`);
      for (const x of exposure) {
        println(ctx, `${x.hops} hop${x.hops === 1 ? '' : 's'}: ${formatPath(x.path)}`);
        printListings(ctx, x.listings, '  ');
      }
    });
}
