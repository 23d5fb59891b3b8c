import type { EntityType, ListEntry, ListVersion, Listing, ListingLink } from '@newsgraph/shared';
import type { EntitySummary } from '../interfaces/graph-store.ts';
import type { ListedEntity, ListedQuery, ListStore, ReplaceListInput, StoredList } from '../interfaces/list-store.ts';
import type { DriverLike, ManagedTransactionLike } from '../neo4j/interfaces/neo4j-driver-like.ts';
import { checkLimit } from '../core/store-limits.ts';
import { withLabelPrefix } from '../cypher/label-prefix.ts';
import { asNumber, asString, asStringArray, recordToObject, toNeo4jParams } from '../neo4j/neo4j-values.ts';
import { checkLinksInScope, compareListings, entryFromJson, validateReplaceInput, versionOf } from './list-replacement.ts';

type Row = Record<string, unknown>;

/**
 * The lists in Neo4j:
 * `(:List {name, format, versionDate, importedAt, source, entryCount})`,
 * `(:ListVersion {list, seq, format, versionDate, importedAt, source, entryCount, added, removed})`,
 * `(:ListEntry {key, list, id, type, name, aliases, programs, listedOn, nationalities, countries, identifiers, remarks})`
 * (key = list + "/" + id; identifiers as JSON text) and
 * `(:Entity)-[:LISTED_AS {score, features, matchedName}]->(:ListEntry)` (features as JSON text).
 * Every statement takes its values as parameters.
 */
export class Neo4jListStore implements ListStore {
  readonly #driver: DriverLike;
  readonly #database: string | undefined;
  readonly #batchSize: number;
  readonly #labelPrefix: string;

  /** `labelPrefix`: the store's label prefix (cypher/label-prefix.ts), applied to every statement. */
  constructor(driver: DriverLike, options: { database?: string; batchSize?: number; labelPrefix?: string }) {
    this.#driver = driver;
    this.#database = options.database;
    this.#batchSize = options.batchSize ?? 1000;
    this.#labelPrefix = options.labelPrefix ?? '';
  }

  async #tx<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransactionLike) => Promise<T>): Promise<T> {
    const session = this.#driver.session(this.#database ? { database: this.#database, defaultAccessMode: mode } : { defaultAccessMode: mode });
    try {
      return mode === 'READ' ? await session.executeRead(work) : await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }

  async #run(tx: ManagedTransactionLike, cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    const result = await tx.run(withLabelPrefix(cypher, this.#labelPrefix), toNeo4jParams(params) as Record<string, unknown>);
    return result.records.map(recordToObject);
  }

  /** The constraints are part of the store's schema (SCHEMA_ITEMS in neo4j-dialect.ts), created by Neo4jStore.migrate. */
  async migrate(): Promise<void> {}

  async replaceList(input: ReplaceListInput): Promise<ListVersion> {
    validateReplaceInput(input);
    // One managed transaction: a failure anywhere (or a refused shrink) leaves the stored list as it was.
    return this.#tx('WRITE', async (tx) => {
      const stored = (await this.#run(tx, 'MATCH (e:ListEntry {list: $list}) RETURN e.id AS id', { list: input.list })).map((r) => asString(r.id) ?? '');
      const version = versionOf(input, stored);
      for (let i = 0; i < version.removed.length; i += this.#batchSize) {
        await this.#run(tx, 'UNWIND $keys AS key MATCH (e:ListEntry {key: key}) DETACH DELETE e', {
          keys: version.removed.slice(i, i + this.#batchSize).map((id) => `${input.list}/${id}`),
        });
      }
      for (let i = 0; i < input.entries.length; i += this.#batchSize) {
        const rows = input.entries.slice(i, i + this.#batchSize).map((e) => ({
          key: `${e.list}/${e.id}`,
          props: {
            list: e.list,
            id: e.id,
            type: e.type,
            name: e.name,
            aliases: e.aliases,
            programs: e.programs,
            listedOn: e.listedOn,
            nationalities: e.nationalities,
            countries: e.countries,
            identifiers: JSON.stringify(e.identifiers),
            remarks: e.remarks,
          },
        }));
        await this.#run(tx, 'UNWIND $rows AS row MERGE (e:ListEntry {key: row.key}) SET e = row.props, e.key = row.key', { rows });
      }
      const seqRows = await this.#run(tx, 'OPTIONAL MATCH (v:ListVersion {list: $list}) RETURN coalesce(max(v.seq), 0) + 1 AS seq', { list: input.list });
      await this.#run(
        tx,
        `MERGE (l:List {name: $list})
         SET l.format = $format, l.versionDate = $versionDate, l.importedAt = $importedAt, l.source = $source, l.entryCount = $entryCount
         CREATE (v:ListVersion {list: $list, seq: $seq, format: $format, versionDate: $versionDate, importedAt: $importedAt, source: $source,
                                entryCount: $entryCount, added: $added, removed: $removed})`,
        {
          list: input.list,
          format: input.format,
          versionDate: input.versionDate,
          importedAt: version.importedAt,
          source: input.source,
          entryCount: input.entries.length,
          seq: asNumber(seqRows[0]?.seq),
          added: version.added,
          removed: version.removed,
        },
      );
      return version;
    });
  }

  async removeList(name: string): Promise<boolean> {
    return this.#tx('WRITE', async (tx) => {
      await this.#run(tx, 'MATCH (e:ListEntry {list: $list}) DETACH DELETE e', { list: name });
      await this.#run(tx, 'MATCH (v:ListVersion {list: $list}) DELETE v', { list: name });
      const rows = await this.#run(tx, 'MATCH (l:List {name: $list}) DELETE l RETURN count(*) AS n', { list: name });
      return asNumber(rows[0]?.n) > 0;
    });
  }

  async lists(): Promise<StoredList[]> {
    return this.#tx('READ', async (tx) => {
      const rows = await this.#run(
        tx,
        `MATCH (l:List) OPTIONAL MATCH (v:ListVersion {list: l.name})
         WITH l, v ORDER BY v.seq DESC
         WITH l, collect(v {.*}) AS versions
         RETURN l {.*} AS list, versions ORDER BY list.name`,
      );
      return rows.map((r) => {
        const l = r.list as Row;
        return {
          name: String(l.name),
          format: l.format as StoredList['format'],
          versionDate: (l.versionDate ?? null) as string | null,
          importedAt: String(l.importedAt),
          source: String(l.source),
          entryCount: asNumber(l.entryCount),
          versions: (r.versions as Row[]).map(
            (v): ListVersion => ({
              list: String(v.list),
              format: v.format as ListVersion['format'],
              versionDate: (v.versionDate ?? null) as string | null,
              importedAt: String(v.importedAt),
              source: String(v.source),
              entryCount: asNumber(v.entryCount),
              added: asStringArray(v.added),
              removed: asStringArray(v.removed),
            }),
          ),
        };
      });
    });
  }

  async listEntries(list?: string): Promise<ListEntry[]> {
    const rows = await this.#tx('READ', (tx) =>
      this.#run(tx, 'MATCH (e:ListEntry) WHERE $list IS NULL OR e.list = $list RETURN e {.*} AS e ORDER BY e.list, e.id', { list: list ?? null }),
    );
    return rows.map((r) => entryFromJson(r.e as Row));
  }

  async getListEntry(list: string, id: string): Promise<ListEntry | null> {
    const rows = await this.#tx('READ', (tx) => this.#run(tx, 'MATCH (e:ListEntry {key: $key}) RETURN e {.*} AS e', { key: `${list}/${id}` }));
    return rows[0] ? entryFromJson(rows[0].e as Row) : null;
  }

  async replaceListings(scope: { entityIds: readonly string[] } | { lists: readonly string[] }, links: readonly ListingLink[]): Promise<void> {
    checkLinksInScope(scope, links);
    await this.#tx('WRITE', async (tx) => {
      if ('entityIds' in scope) {
        await this.#run(tx, 'UNWIND $ids AS id MATCH (:Entity {id: id})-[r:LISTED_AS]->(:ListEntry) DELETE r', { ids: [...scope.entityIds] });
      } else {
        await this.#run(tx, 'UNWIND $lists AS list MATCH (:Entity)-[r:LISTED_AS]->(:ListEntry {list: list}) DELETE r', { lists: [...scope.lists] });
      }
      for (let i = 0; i < links.length; i += this.#batchSize) {
        const rows = links.slice(i, i + this.#batchSize).map((l) => ({
          entityId: l.entityId,
          key: `${l.list}/${l.entryId}`,
          score: l.score,
          features: JSON.stringify(l.features),
          matchedName: l.matchedName,
        }));
        await this.#run(
          tx,
          `UNWIND $rows AS row MATCH (n:Entity {id: row.entityId}) MATCH (e:ListEntry {key: row.key})
           MERGE (n)-[r:LISTED_AS]->(e) SET r.score = row.score, r.features = row.features, r.matchedName = row.matchedName`,
          { rows },
        );
      }
    });
  }

  async listingsOf(entityId: string): Promise<Listing[]> {
    return (await this.listingsOfMany([entityId])).get(entityId) ?? [];
  }

  async listingsOfMany(entityIds: readonly string[]): Promise<Map<string, Listing[]>> {
    const rows = await this.#tx('READ', (tx) =>
      this.#run(
        tx,
        'UNWIND $ids AS id MATCH (n:Entity {id: id})-[r:LISTED_AS]->(e:ListEntry) RETURN n.id AS entityId, r.score AS score, r.features AS features, r.matchedName AS matchedName, e {.*} AS e',
        { ids: [...new Set(entityIds)] },
      ),
    );
    const out = new Map<string, Listing[]>();
    for (const r of rows) {
      const entry = entryFromJson(r.e as Row);
      const listing: Listing = {
        entityId: String(r.entityId),
        list: entry.list,
        entryId: entry.id,
        score: asNumber(r.score),
        features: JSON.parse(String(r.features)) as Listing['features'],
        matchedName: String(r.matchedName),
        entry,
      };
      (out.get(listing.entityId) ?? out.set(listing.entityId, []).get(listing.entityId)!).push(listing);
    }
    for (const list of out.values()) list.sort(compareListings);
    return out;
  }

  async listedEntities(query: ListedQuery = {}): Promise<ListedEntity[]> {
    const limit = checkLimit(query.limit, 'listed');
    const rows = await this.#tx('READ', (tx) =>
      this.#run(
        tx,
        `MATCH (n:Entity)-[r:LISTED_AS]->(e:ListEntry)
         WHERE ($list IS NULL OR e.list = $list) AND ($program IS NULL OR $program IN e.programs)
         WITH n, max(r.score) AS best
         RETURN n.id AS id, n.type AS type, n.name AS name, n.aliases AS aliases, coalesce(n.articleCount, 0) AS articleCount, best
         ORDER BY best DESC, name, id LIMIT $limit`,
        { list: query.list ?? null, program: query.program ?? null, limit },
      ),
    );
    const listings = await this.listingsOfMany(rows.map((r) => String(r.id)));
    return rows.map((r) => {
      const entity: EntitySummary = { id: String(r.id), type: r.type as EntityType, name: String(r.name), aliases: asStringArray(r.aliases), articleCount: asNumber(r.articleCount) };
      const all = listings.get(entity.id) ?? [];
      return { entity, listings: all.filter((l) => (query.list === undefined || l.list === query.list) && (query.program === undefined || l.entry.programs.includes(query.program))) };
    });
  }
}
