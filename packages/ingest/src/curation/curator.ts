import {
  InputError,
  curationEntities,
  curationRewrites,
  parseCurationAction,
  type CurationAction,
  type CurationEntry,
} from '@newsgraph/shared';
import type { GraphStore } from '@newsgraph/graph';
import { articleDocumentFor, type ExtractFunction } from '../pipeline/process-article.ts';
import type { ArticleAliasIndex } from '../pipeline/store-alias-index.ts';
import { RecordedArticleCorpus, type AliasArticleLearning, type EntityCorpus } from '@newsgraph/extract';
import { curationPlanFor, type CurationPlanCache } from './curation-plan-cache.ts';

export interface CuratorOptions {
  store: GraphStore;
  extract?: ExtractFunction;
  /** Articles rewritten per store transaction. */
  batchSize?: number;
  /**
   * Called once an action (or its undo) has changed the names of entities (a merge, a split, a
   * rename), with the entities concerned, those merged away included. Whatever derives from
   * names belongs here: the CLI re-matches them against the sanctions lists.
   */
  onNamesChanged?: (entityIds: string[]) => Promise<void>;
}

/** Whether an action changes which names entities have. */
function changesNames(action: CurationAction): boolean {
  return action.kind === 'merge' || action.kind === 'split-alias' || action.kind === 'rename';
}

export interface CurationOutcome {
  entry: CurationEntry;
  /** Stored articles re-extracted and rewritten with the new plan. */
  articlesRewritten: number;
}

/**
 * Records curation actions and applies them: an action that changes the graph (merge, split,
 * reject) rewrites every stored article that mentions the entities it is about, re-extracting
 * the article's text and passing the document through the new plan; a rename also renames the
 * stored entity. Undo marks the entry undone and does the same with the plan without it.
 * Every later ingest applies the plan too (processArticle), so corrections survive re-ingest.
 */
export class Curator {
  readonly #store: GraphStore;
  readonly #extract: ExtractFunction | undefined;
  readonly #batchSize: number;
  readonly #plans: CurationPlanCache;
  readonly #onNamesChanged: ((entityIds: string[]) => Promise<void>) | undefined;

  constructor(options: CuratorOptions) {
    this.#onNamesChanged = options.onNamesChanged;
    this.#store = options.store;
    this.#extract = options.extract;
    this.#batchSize = options.batchSize ?? 200;
    this.#plans = curationPlanFor(options.store);
  }

  log(): Promise<CurationEntry[]> {
    return this.#store.curationLog();
  }

  async record(input: { action: unknown; author: unknown; reason?: unknown }): Promise<CurationOutcome> {
    const action = parseCurationAction(input.action);
    const checked = await this.#checkEntities(action);
    const entry = await this.#store.recordCuration({ ...input, action: checked });
    this.#plans.invalidate();
    if (checked.kind === 'rename') await this.#setName(checked.entity, checked.name, []);
    const articlesRewritten = await this.#rewriteFor(checked);
    await this.#namesChanged([checked]);
    return { entry, articlesRewritten };
  }

  async #namesChanged(actions: readonly CurationAction[]): Promise<void> {
    const ids = new Set(actions.filter(changesNames).flatMap(curationEntities));
    if (ids.size > 0 && this.#onNamesChanged) await this.#onNamesChanged([...ids]);
  }

  /** The entity's name becomes `name`; its old name stays an alias; `drop` leaves the aliases. */
  async #setName(id: string, name: string, drop: string[]): Promise<void> {
    const entity = await this.#store.getEntity(id);
    if (!entity) return;
    const aliases = [...entity.aliases, entity.name].filter((a) => a !== name && !drop.includes(a));
    await this.#store.setEntityNames(id, name, aliases);
  }

  async undo(id: string, input: { author: unknown; reason?: unknown }): Promise<CurationOutcome> {
    const entry = await this.#store.undoCuration(id, input);
    this.#plans.invalidate();
    const action = entry.action;
    if (action.kind === 'rename') {
      // Back to the name of the latest rename still active, or to the name before this one;
      // the undone name does not linger as an alias.
      const active = (await this.#store.curationLog()).filter((e) => e.undoneAt === null && e.action.kind === 'rename' && e.action.entity === action.entity);
      const latest = active.at(-1)?.action;
      const name = latest?.kind === 'rename' ? latest.name : action.previousName;
      if (name) await this.#setName(action.entity, name, [action.name]);
    }
    if (action.kind === 'merge' && action.fromNames) {
      // The survivor gives back the names the merge brought it (those it had before stay).
      const survivor = await this.#store.getEntity(action.into);
      const before = new Set(action.intoAliases ?? []);
      if (survivor) await this.#store.setEntityNames(action.into, survivor.name, survivor.aliases.filter((a) => before.has(a) || !action.fromNames!.includes(a)));
    }
    const articlesRewritten = await this.#rewriteFor(action);
    await this.#namesChanged([action]);
    return { entry, articlesRewritten };
  }

  /** Rewrites the articles of every active action: after an extractor upgrade, or to repair a race. */
  async reapplyAll(): Promise<number> {
    const ids = new Set<string>();
    const active = (await this.#store.curationLog()).filter((e) => e.undoneAt === null).map((e) => e.action);
    for (const action of active) if (curationRewrites(action)) for (const id of curationEntities(action)) ids.add(id);
    this.#plans.invalidate();
    const rewritten = await this.#rewrite(await this.#store.articlesMentioning([...ids]));
    await this.#namesChanged(active);
    return rewritten;
  }

  /** Entities an action names must be stored; a rename records the name it replaces. */
  async #checkEntities(action: CurationAction): Promise<CurationAction> {
    const must = async (id: string, field: string) => {
      const entity = await this.#store.getEntity(id);
      if (!entity) throw new InputError(`action.${field}`, `no entity ${JSON.stringify(id)} in the store`);
      return entity;
    };
    switch (action.kind) {
      case 'merge': {
        const [into, from] = [await must(action.into, 'into'), await must(action.from, 'from')];
        if (into.type !== from.type) throw new InputError('action.from', `is a ${from.type} and ${action.into} a ${into.type}: merge only entities of one type`);
        return { ...action, intoName: into.name, fromNames: [from.name, ...from.aliases], intoAliases: into.aliases };
      }
      case 'split-alias':
        await must(action.entity, 'entity');
        return action;
      case 'rename':
        return { ...action, previousName: (await must(action.entity, 'entity')).name };
      case 'note':
        if (action.entity !== undefined) await must(action.entity, 'entity');
        else {
          await must(action.subject!, 'subject');
          await must(action.object!, 'object');
        }
        return action;
      default:
        await must(action.subject, 'subject');
        await must(action.object, 'object');
        return action;
    }
  }

  async #rewriteFor(action: CurationAction): Promise<number> {
    if (!curationRewrites(action)) return 0;
    return this.#rewrite(await this.#store.articlesMentioning(curationEntities(action)));
  }

  async #rewrite(articleIds: string[]): Promise<number> {
    let rewritten = 0;
    for (let i = 0; i < articleIds.length; i += this.#batchSize) {
      const docs = [];
      const batch = articleIds.slice(i, i + this.#batchSize);
      // Each article keeps the full forms the alias index gave it when it was stored (docs/entities.md).
      const learned = new Map((await (this.#store.aliases?.learningsOf(batch) ?? Promise.resolve([]))).map((r) => [r.articleId, r.learning as AliasArticleLearning]));
      for (const id of batch) {
        const article = await this.#store.getArticle(id);
        const learning = learned.get(id);
        const aliases = learning ? recordedAliases(new RecordedArticleCorpus(learning)) : undefined;
        if (article) docs.push(await articleDocumentFor(article, { store: this.#store, extract: this.#extract, curation: this.#plans, ...(aliases ? { aliases } : {}) }));
      }
      rewritten += (await this.#store.rewriteArticles(docs)).length;
    }
    return rewritten;
  }
}

/** An alias index that reads `corpus` and records nothing: a rewrite teaches the index nothing new. */
function recordedAliases(corpus: EntityCorpus): ArticleAliasIndex {
  return { prepare: async () => corpus, takeLearning: () => null, record: async () => {} };
}
