import {
  seededRandom,
  sha256Hex,
  type Article,
  type ArticleDocument,
  type Claim,
  type Entity,
  type EntityType,
  type Mention,
  type Predicate,
} from '@newsgraph/shared';

/**
 * A deterministic synthetic news stream for store benchmarks, with the skew real news has: a few
 * hub countries (Russia, China, the United States) in a large share of articles, and long Zipf
 * tails of people and companies that appear once or twice. Same seed and options, same documents.
 */
export interface WorkloadOptions {
  /** Total claims (relationships) to generate. */
  relationships: number;
  seed?: number;
  claimsPerArticle?: number;
  /** Entities and mentions only, no claims (for measuring those write paths alone). */
  withClaims?: boolean;
  withMentions?: boolean;
  /** First article's date; articles spread over `days` days from it. */
  startDate?: string;
  days?: number;
  /** Prefix of article ids, so several streams can share one store. */
  idPrefix?: string;
}

/** Samples ranks 0..n-1 with probability ∝ 1/(rank+1)^exponent. */
export class ZipfSampler {
  private readonly cumulative: Float64Array;
  constructor(n: number, exponent: number) {
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += 1 / Math.pow(i + 1, exponent);
      this.cumulative[i] = total;
    }
    for (let i = 0; i < n; i++) this.cumulative[i]! /= total;
  }
  sample(random: () => number): number {
    const r = random();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const HUB_COUNTRIES: Array<[string, string]> = [
  ['RU', 'Russia'],
  ['CN', 'China'],
  ['US', 'United States'],
  ['IR', 'Iran'],
  ['UA', 'Ukraine'],
  ['IN', 'India'],
  ['TR', 'Turkey'],
  ['AE', 'United Arab Emirates'],
  ['KP', 'North Korea'],
  ['DE', 'Germany'],
  ['GB', 'United Kingdom'],
  ['KZ', 'Kazakhstan'],
  ['BY', 'Belarus'],
  ['SY', 'Syria'],
  ['JP', 'Japan'],
];
const FIRST = ['Anna', 'Boris', 'Chen', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hassan', 'Ivan', 'Julia', 'Kenji', 'Leila', 'Mark', 'Nadia', 'Omar', 'Priya'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sto', 'vich', 'ov', 'an', 'ber', 'din', 'ez', 'far', 'gu', 'han', 'is', 'jo', 'ku', 'lan', 'mor', 'nov'];
const ORG_SUFFIX = ['Holdings', 'Trading LLC', 'Logistics', 'Bank', 'Shipping', 'Industries', 'Ministry', 'Group'];
const GOODS = ['drones', 'semiconductors', 'ball bearings', 'crude oil', 'machine tools', 'microchips', 'artillery shells', 'aluminium', 'fertiliser', 'LNG'];

function syllableName(i: number, parts: number): string {
  let n = i;
  let out = '';
  for (let p = 0; p < parts; p++) {
    out += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length) + p * 7;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

interface Pool {
  type: EntityType;
  size: number;
  sampler: ZipfSampler;
  entity(rank: number): Entity;
}

function makePools(relationships: number): Record<'country' | 'person' | 'org' | 'place' | 'goods', Pool> {
  const people = Math.max(200, Math.round(relationships / 20));
  const orgs = Math.max(100, Math.round(relationships / 30));
  const places = Math.max(50, Math.round(relationships / 200));
  const countries = 200;
  return {
    country: {
      type: 'Country',
      size: countries,
      sampler: new ZipfSampler(countries, 1.4),
      entity: (rank) => {
        const hub = HUB_COUNTRIES[rank];
        const code = hub ? hub[0] : `X${rank.toString(36).toUpperCase().padStart(2, '0')}`;
        const name = hub ? hub[1] : `Country ${syllableName(rank, 3)}`;
        return { id: `country:${code}`, type: 'Country', name, aliases: hub ? [code] : [], attributes: { iso: code } };
      },
    },
    person: {
      type: 'Person',
      size: people,
      sampler: new ZipfSampler(people, 1.05),
      entity: (rank) => {
        const name = `${FIRST[rank % FIRST.length]} ${syllableName(rank, 3)}`;
        return { id: `person:p${rank}-${name.toLowerCase().replace(/ /g, '-')}`, type: 'Person', name, aliases: [syllableName(rank, 3)], attributes: {} };
      },
    },
    org: {
      type: 'Organization',
      size: orgs,
      sampler: new ZipfSampler(orgs, 1.05),
      entity: (rank) => {
        const name = `${syllableName(rank + 11, 2)} ${ORG_SUFFIX[rank % ORG_SUFFIX.length]}`;
        return { id: `org:o${rank}`, type: 'Organization', name, aliases: [], attributes: { kind: ORG_SUFFIX[rank % ORG_SUFFIX.length]! } };
      },
    },
    place: {
      type: 'Place',
      size: places,
      sampler: new ZipfSampler(places, 1.1),
      entity: (rank) => ({ id: `place:l${rank}`, type: 'Place', name: `Port ${syllableName(rank + 3, 2)}`, aliases: [], attributes: {} }),
    },
    goods: {
      type: 'Goods',
      size: GOODS.length,
      sampler: new ZipfSampler(GOODS.length, 1),
      entity: (rank) => ({ id: `goods:${GOODS[rank]!.replace(/ /g, '-')}`, type: 'Goods', name: GOODS[rank]!, aliases: [], attributes: {} }),
    },
  };
}

type Template = [EntityType, Predicate, EntityType, string];
const TEMPLATES: Template[] = [
  ['Person', 'VISITED', 'Country', 'visited'],
  ['Person', 'VISITED', 'Place', 'visited'],
  ['Person', 'MET_WITH', 'Person', 'met with'],
  ['Person', 'URGED', 'Country', 'urged'],
  ['Person', 'HOLDS_ROLE', 'Organization', 'heads'],
  ['Country', 'SUPPLIES', 'Country', 'supplies'],
  ['Organization', 'SUPPLIES', 'Country', 'supplies'],
  ['Goods', 'SHIPPED_VIA', 'Place', 'were shipped via'],
  ['Goods', 'SHIPPED_VIA', 'Country', 'were shipped via'],
  ['Country', 'SANCTIONS', 'Organization', 'sanctioned'],
  ['Country', 'SANCTIONS', 'Person', 'sanctioned'],
  ['Country', 'SANCTIONS', 'Country', 'sanctioned'],
  ['Country', 'TRADES_WITH', 'Country', 'trades with'],
  ['Organization', 'PART_OF', 'Organization', 'is part of'],
  ['Organization', 'LOCATED_IN', 'Country', 'is based in'],
  ['Place', 'LOCATED_IN', 'Country', 'lies in'],
  ['Person', 'NATIONAL_OF', 'Country', 'is a national of'],
];

/** What a generated stream contains, for reports and query sampling. */
export interface WorkloadSummary {
  articles: number;
  entityUpserts: number;
  mentions: number;
  claims: number;
}

/**
 * The documents of the workload, generated lazily (memory stays flat however large). Calls
 * `onEntity` for every entity use, so benchmarks can sample query targets with the same skew.
 */
export function* syntheticDocuments(options: WorkloadOptions, summary?: WorkloadSummary, onEntity?: (id: string) => void): Generator<ArticleDocument> {
  const random = seededRandom(options.seed ?? 42);
  const perArticle = options.claimsPerArticle ?? 10;
  const withClaims = options.withClaims ?? true;
  const withMentions = options.withMentions ?? true;
  const pools = makePools(options.relationships);
  const start = Date.parse(options.startDate ?? '2023-01-01T00:00:00Z');
  const span = (options.days ?? 730) * 86_400_000;
  const articles = Math.max(1, Math.ceil(options.relationships / perArticle));
  let claimsLeft = options.relationships;
  const pick = (pool: Pool) => pool.entity(pool.sampler.sample(random));

  for (let n = 0; n < articles; n++) {
    const chosen = new Map<string, Entity>();
    const add = (pool: Pool, count: number) => {
      for (let i = 0; i < count; i++) {
        const e = pick(pool);
        chosen.set(e.id, e);
      }
    };
    add(pools.country, 1 + (random() < 0.7 ? 1 : 0) + (random() < 0.3 ? 1 : 0));
    add(pools.person, 1 + Math.floor(random() * 4));
    add(pools.org, 1 + Math.floor(random() * 3));
    if (random() < 0.4) add(pools.place, 1);
    if (random() < 0.4) add(pools.goods, 1);
    const entities = [...chosen.values()];
    const byType = new Map<EntityType, Entity[]>();
    for (const e of entities) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);

    const id = `${options.idPrefix ?? 'bench'}-${n}`;
    const sentences: Array<{ text: string; s: Entity; p: Predicate; o: Entity }> = [];
    const wanted = withClaims ? Math.min(perArticle, claimsLeft) : 0;
    const usable = TEMPLATES.filter(([st, , ot]) => (byType.get(st)?.length ?? 0) > 0 && (byType.get(ot)?.length ?? 0) > (st === ot ? 1 : 0));
    for (let c = 0; c < wanted && usable.length > 0; c++) {
      const [st, predicate, ot, verb] = usable[Math.floor(random() * usable.length)]!;
      const subjects = byType.get(st)!;
      const objects = byType.get(ot)!;
      const s = subjects[Math.floor(random() * subjects.length)]!;
      let o = objects[Math.floor(random() * objects.length)]!;
      if (o.id === s.id) o = objects.find((x) => x.id !== s.id)!;
      sentences.push({ text: `${s.name} ${verb} ${o.name}.`, s, p: predicate, o });
    }
    claimsLeft -= sentences.length;
    const extra = entities.filter((e) => !sentences.some((x) => x.s === e || x.o === e));
    const parts = sentences.map((x) => x.text);
    if (extra.length > 0) parts.push(`Also named: ${extra.map((e) => e.name).join(', ')}.`);
    const text = parts.join(' ');
    const published = new Date(start + Math.floor((n / articles) * span) + Math.floor(random() * 3_600_000)).toISOString();
    const article: Article = {
      id,
      url: `https://bench.example/${id}`,
      canonicalUrl: `https://bench.example/${id}`,
      title: `Synthetic article ${n}`,
      outlet: `Outlet ${n % 50}`,
      author: null,
      publishedAt: published,
      fetchedAt: published,
      language: 'en',
      text,
      contentHash: sha256Hex(text),
      sourceId: null,
    };
    const mentions: Mention[] = [];
    if (withMentions) {
      for (const e of entities) {
        let from = 0;
        for (let k = 0; k < 3; k++) {
          const at = text.indexOf(e.name, from);
          if (at < 0) break;
          mentions.push({ entityId: e.id, articleId: id, start: at, end: at + e.name.length, text: e.name });
          from = at + e.name.length;
        }
      }
    }
    const claims: Claim[] = [];
    let offset = 0;
    for (const x of sentences) {
      claims.push({
        subjectId: x.s.id,
        predicate: x.p,
        objectId: x.o.id,
        evidence: { articleId: id, sentence: x.text, start: offset, end: offset + x.text.length, rule: `bench.${x.p.toLowerCase()}`, confidence: 0.8 },
      });
      offset += x.text.length + 1;
    }
    if (summary) {
      summary.articles += 1;
      summary.entityUpserts += entities.length;
      summary.mentions += mentions.length;
      summary.claims += claims.length;
    }
    if (onEntity) {
      for (const c of claims) {
        onEntity(c.subjectId);
        onEntity(c.objectId);
      }
    }
    yield { article, entities, mentions, claims };
    if (withClaims && claimsLeft <= 0) return;
  }
}
