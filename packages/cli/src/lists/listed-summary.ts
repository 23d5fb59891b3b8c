import type { GraphStore } from '@newsgraph/graph';
import type { CliContext } from '../context.ts';
import { println, safeText } from '../output.ts';
import { printListings } from '../commands/lists.ts';

/** The demo's "on a list" section: listed entities with their reasons, or how to import lists. */
export async function printListedSummary(ctx: CliContext, store: GraphStore, limit = 10): Promise<void> {
  if (!store.lists) return;
  const stored = await store.lists.lists();
  if (!stored.length) {
    println(ctx, '\nSanctions lists: none stored; try  pnpm newsgraph lists import ../shared/sanctions/*/*  (docs/sanctions.md)');
    return;
  }
  const listed = await store.lists.listedEntities({ limit });
  println(ctx, `\nOn a sanctions list (${stored.map((l) => `${l.name} ${l.versionDate ?? ''}`.trim()).join(', ')}): ${listed.length}${listed.length === limit ? '+' : ''} entities`);
  for (const { entity, listings } of listed) {
    println(ctx, `  ${safeText(entity.name)} [${entity.type}] ${entity.id}`);
    printListings(ctx, listings, '    ');
  }
}
