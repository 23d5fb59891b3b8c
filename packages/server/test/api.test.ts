import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@newsgraph/graph';
import { Validator } from '@seriousme/openapi-schema-validator';
import { ARTICLE_SUBJECT, InputError, PREDICATES, contentHash, toArticleDocument } from '@newsgraph/shared';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createServer } from '../src/index.ts';
import { demoDocumentsWithXss, IDS } from './fixtures/demo-documents.ts';
import { MemoryStore } from './fixtures/memory-store.ts';

async function seededStore(): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.writeArticles(demoDocumentsWithXss());
  return store;
}

describe('HTTP API', () => {
  let store: MemoryStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await seededStore();
    app = await buildApp({ store });
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('searches entities, passing types and limit to the store', async () => {
    const res = await get('/api/search?q=russ&type=Country,Person&limit=5');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.results.map((r: { id: string }) => r.id)).toEqual([IDS.russia]);
    expect(store.calls.at(-1)).toEqual({ method: 'searchEntities', args: ['russ', { types: ['Country', 'Person'], limit: 5 }] });
  });

  it('accepts repeated list parameters', async () => {
    const res = await get('/api/search?q=a&type=Country&type=Goods');
    expect(res.statusCode).toBe(200);
    expect(store.calls.at(-1)!.args[1]).toEqual({ types: ['Country', 'Goods'], limit: 20 });
  });

  it('rejects a missing q, naming it', async () => {
    const res = await get('/api/search');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'invalid_parameter', parameter: 'q', message: 'parameter q is required' } });
  });

  it('rejects a blank q', async () => {
    const res = await get('/api/search?q=%20%20');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.parameter).toBe('q');
  });

  it('rejects an unknown entity type and an unknown parameter', async () => {
    const bad = await get('/api/search?q=x&type=Planet');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.parameter).toBe('type');
    expect(bad.json().error.message).toContain('must be one of Person, Organization');
    const typo = await get('/api/search?q=x&types=Person');
    expect(typo.statusCode).toBe(400);
    expect(typo.json().error).toMatchObject({ parameter: 'types', message: 'parameter types is not a known parameter' });
  });

  it('returns an entity with attributes, and a JSON 404 for an unknown id', async () => {
    const res = await get(`/api/entities/${encodeURIComponent(IDS.blinken)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: IDS.blinken,
      type: 'Person',
      name: 'Antony Blinken',
      aliases: ['Blinken'],
      attributes: { role: 'Secretary of State', country: 'US' },
      articleCount: 2,
    });
    const missing = await get('/api/entities/person:nobody');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/json');
    expect(missing.json()).toEqual({ error: { code: 'not_found', message: 'no entity with id "person:nobody"', parameter: 'id' } });
  });

  it('lists neighbours with every filter passed through', async () => {
    const url = `/api/entities/${IDS.russia}/neighbors?predicate=SUPPLIES&type=Country&since=2024-01-01&until=2025-12-31&direction=in&limit=7`;
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.entity).toMatchObject({ id: IDS.russia, name: 'Russia' });
    expect(body.neighbors.map((n: { entity: { id: string } }) => n.entity.id).sort()).toEqual([IDS.china, IDS.iran]);
    const china = body.neighbors.find((n: { entity: { id: string } }) => n.entity.id === IDS.china);
    expect(china).toMatchObject({ predicate: 'SUPPLIES', direction: 'in', articleCount: 2, claimCount: 2 });
    const filters = { predicates: ['SUPPLIES'], types: ['Country'], since: '2024-01-01', until: '2025-12-31', direction: 'in' };
    expect(store.calls.slice(-2)).toEqual([
      { method: 'neighbors', args: [IDS.russia, { ...filters, limit: 7, offset: 0 }] },
      { method: 'neighborCounts', args: [IDS.russia, filters] },
    ]);
    expect(body).toMatchObject({ total: 2, offset: 0 });
  });

  it('pages through neighbours and counts them per type and predicate', async () => {
    const all = (await get(`/api/entities/${IDS.russia}/neighbors`)).json();
    expect(all.total).toBe(all.neighbors.length);
    expect(all.total).toBeGreaterThan(3);
    const ids = all.neighbors.map((n: { entity: { id: string }; predicate: string }) => `${n.entity.id} ${n.predicate}`);
    const first = (await get(`/api/entities/${IDS.russia}/neighbors?limit=2`)).json();
    const second = (await get(`/api/entities/${IDS.russia}/neighbors?limit=2&offset=2`)).json();
    expect([...first.neighbors, ...second.neighbors].map((n: { entity: { id: string }; predicate: string }) => `${n.entity.id} ${n.predicate}`)).toEqual(ids.slice(0, 4));
    expect(second).toMatchObject({ total: all.total, offset: 2 });
    const beyond = (await get(`/api/entities/${IDS.russia}/neighbors?offset=1000`)).json();
    expect(beyond).toMatchObject({ neighbors: [], total: all.total, offset: 1000 });
    for (const bad of ['-1', '100001', 'two']) {
      expect((await get(`/api/entities/${IDS.russia}/neighbors?offset=${bad}`)).json().error.parameter).toBe('offset');
    }

    const groups = (await get(`/api/entities/${IDS.russia}/neighbor-groups`)).json();
    expect(groups.entity.id).toBe(IDS.russia);
    expect(groups.total).toBe(all.total);
    expect(groups.groups.reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(all.total);
    const supplies = groups.groups.find((g: { type: string; predicate: string }) => g.type === 'Country' && g.predicate === 'SUPPLIES');
    expect(supplies.count).toBe(all.neighbors.filter((n: { entity: { type: string }; predicate: string }) => n.entity.type === 'Country' && n.predicate === 'SUPPLIES').length);
    const narrowed = (await get(`/api/entities/${IDS.russia}/neighbor-groups?predicate=SUPPLIES&direction=in`)).json();
    expect(narrowed.groups.every((g: { predicate: string }) => g.predicate === 'SUPPLIES')).toBe(true);
    expect((await get('/api/entities/country:ZZ/neighbor-groups')).statusCode).toBe(404);
    expect((await get(`/api/entities/${IDS.russia}/neighbor-groups?limit=3`)).json().error.parameter).toBe('limit');
  });

  it('rejects an unknown predicate, a bad date, since after until and a bad direction', async () => {
    const predicate = await get(`/api/entities/${IDS.russia}/neighbors?predicate=LIKES`);
    expect(predicate.statusCode).toBe(400);
    expect(predicate.json().error.parameter).toBe('predicate');
    expect(predicate.json().error.message).toContain(PREDICATES.join(', '));
    const date = await get(`/api/entities/${IDS.russia}/neighbors?since=yesterday`);
    expect(date.json().error).toMatchObject({ parameter: 'since', message: 'parameter since must be an ISO 8601 date (YYYY-MM-DD) or date-time' });
    const order = await get(`/api/entities/${IDS.russia}/neighbors?since=2025-01-01&until=2024-01-01`);
    expect(order.statusCode).toBe(400);
    expect(order.json().error.parameter).toBe('since');
    const direction = await get(`/api/entities/${IDS.russia}/neighbors?direction=sideways`);
    expect(direction.json().error.parameter).toBe('direction');
  });

  it('404s neighbours of an unknown entity', async () => {
    const res = await get('/api/entities/country:XX/neighbors');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('finds paths and validates maxHops', async () => {
    const res = await get(`/api/paths?from=${IDS.yellen}&to=${IDS.russia}&maxHops=3`);
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Array<{ nodes: Array<{ id: string }>; edges: Array<{ predicate: string }> }>;
    expect(paths.length).toBeGreaterThan(0);
    expect(paths[0]!.nodes.map((n) => n.id)).toEqual([IDS.yellen, IDS.china, IDS.russia]);
    expect(paths[0]!.edges.map((e) => e.predicate)).toEqual(['VISITED', 'SUPPLIES']);
    for (const hops of ['0', '7', 'three']) {
      const bad = await get(`/api/paths?from=${IDS.yellen}&to=${IDS.russia}&maxHops=${hops}`);
      expect(bad.statusCode, hops).toBe(400);
      expect(bad.json().error.parameter).toBe('maxHops');
    }
    const missing = await get(`/api/paths?from=${IDS.yellen}`);
    expect(missing.json().error).toMatchObject({ code: 'invalid_parameter', parameter: 'to' });
    const unknown = await get(`/api/paths?from=${IDS.yellen}&to=country:XX`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.parameter).toBe('to');
  });

  it('passes path predicates with exclusions spelled out as what is left', async () => {
    const left = await get(`/api/paths?from=${IDS.yellen}&to=${IDS.russia}&exclude=VISITED,HOLDS_ROLE`);
    expect(left.statusCode).toBe(200);
    const predicates = (store.calls.at(-1)!.args[2] as { predicates: string[] }).predicates;
    expect(predicates).toEqual(PREDICATES.filter((p) => p !== 'VISITED' && p !== 'HOLDS_ROLE'));
    for (const path of left.json().paths as Array<{ edges: Array<{ predicate: string }> }>) {
      for (const edge of path.edges) expect(['VISITED', 'HOLDS_ROLE']).not.toContain(edge.predicate);
    }
    await get(`/api/paths?from=${IDS.yellen}&to=${IDS.russia}&predicate=SUPPLIES&predicate=VISITED&exclude=VISITED`);
    expect(store.calls.at(-1)!.args[2]).toMatchObject({ predicates: ['SUPPLIES'] });
    const nothing = await get(`/api/paths?from=${IDS.yellen}&to=${IDS.russia}&predicate=SUPPLIES&exclude=SUPPLIES`);
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error).toEqual({ code: 'invalid_parameter', parameter: 'exclude', message: 'exclude: leaves no predicate to follow (excluded: SUPPLIES)' });
    expect((await get(`/api/paths?from=${IDS.yellen}&to=${IDS.russia}&exclude=KNOWS`)).json().error.parameter).toBe('exclude');
  });

  it('returns evidence with its article, and validates the predicate', async () => {
    const res = await get(`/api/evidence?subject=${IDS.china}&predicate=SUPPLIES&object=${IDS.russia}`);
    expect(res.statusCode).toBe(200);
    const evidence = res.json().evidence;
    expect(evidence).toHaveLength(2);
    expect(evidence[0]).toMatchObject({
      predicate: 'SUPPLIES',
      sentence: 'Blinken urged China to stop supplying chips to Russia.',
      article: { url: 'https://news.example/2024/04/blinken-beijing', outlet: 'Example Wire' },
    });
    const bad = await get(`/api/evidence?subject=${IDS.china}&predicate=supplies&object=${IDS.russia}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.parameter).toBe('predicate');
  });

  it('404s evidence between unknown entities, as every other endpoint does', async () => {
    const unknownSubject = await get(`/api/evidence?subject=person:nobody&object=${IDS.russia}`);
    expect(unknownSubject.statusCode).toBe(404);
    expect(unknownSubject.json()).toEqual({ error: { code: 'not_found', message: 'no entity with id "person:nobody"', parameter: 'subject' } });
    const unknownObject = await get(`/api/evidence?subject=${IDS.china}&object=country:ZZ`);
    expect(unknownObject.statusCode).toBe(404);
    expect(unknownObject.json().error.parameter).toBe('object');
    // Known entities with no claim between them: an empty list, not a 404.
    const none = await get(`/api/evidence?subject=${IDS.iran}&object=${IDS.blinken}`);
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ evidence: [] });
  });

  it('answers every over-long id with one 400 naming the parameter, whatever its length', async () => {
    for (const length of [401, 501, 4_095, 4_096, 12_000]) {
      const id = `person:${'a'.repeat(length - 7)}`;
      const urls = [
        [`/api/entities/${id}`, 'id'],
        [`/api/entities/${id}/neighbors`, 'id'],
        [`/api/entities/${id}/timeline`, 'id'],
        [`/api/articles/${id}`, 'id'],
        [`/api/paths?from=${id}&to=${IDS.russia}`, 'from'],
        [`/api/evidence?subject=${IDS.china}&object=${id}`, 'object'],
      ] as const;
      for (const [url, parameter] of urls) {
        const res = await get(url);
        expect([length, url.slice(0, 30), res.statusCode]).toEqual([length, url.slice(0, 30), 400]);
        expect(res.json().error).toMatchObject({ code: 'invalid_parameter', parameter });
        expect(res.json().error.message).toContain('must NOT have more than 400 characters');
      }
    }
    // A malformed escape and an unknown parameter on a route without parameters: the same shape.
    const badUrl = await get('/api/entities/%zz');
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().error.code).toBe('invalid_parameter');
    expect((await get('/api/stats?x=1')).json()).toEqual({
      error: { code: 'invalid_parameter', parameter: 'x', message: 'parameter x is not a known parameter' },
    });
    // Exactly at the limit: a well-formed id that is simply unknown.
    expect((await get(`/api/entities/person:${'a'.repeat(393)}`)).statusCode).toBe(404);
  });

  it('serves timeline, co-mentions, top entities, stats and an article with its publications', async () => {
    const timeline = (await get(`/api/entities/${IDS.russia}/timeline`)).json();
    expect(timeline.points.map((p: { date: string }) => p.date)).toEqual(['2024-04-26', '2024-05-14', '2025-01-20', '2025-02-10', '2025-03-05']);
    const co = (await get(`/api/entities/${IDS.blinken}/comentioned?limit=3`)).json();
    expect(co.entities).toHaveLength(3);
    expect(co.entities[0]).toMatchObject({ entity: { id: IDS.russia }, count: 2 });
    const top = (await get('/api/top?type=Country&limit=2')).json();
    expect(top.entities.map((e: { entity: { id: string } }) => e.entity.id)).toEqual([IDS.russia, IDS.china]);
    const stats = (await get('/api/stats')).json();
    expect(stats).toMatchObject({ store: 'sqlite', articles: 6, entities: 12 });

    const doc = demoDocumentsWithXss()[0]!;
    await store.addPublication(doc.article.id, {
      url: 'https://mirror.example/blinken',
      title: 'Copy',
      outlet: 'Mirror',
      publishedAt: null,
      fetchedAt: '2025-06-02T00:00:00Z',
    });
    const article = (await get(`/api/articles/${doc.article.id}`)).json();
    expect(article.article).toMatchObject({ id: doc.article.id, title: doc.article.title, text: doc.article.text, author: 'Jane Doe' });
    expect(article.publications).toEqual([
      { url: 'https://mirror.example/blinken', title: 'Copy', outlet: 'Mirror', publishedAt: null, fetchedAt: '2025-06-02T00:00:00Z' },
    ]);
    expect((await get('/api/articles/art_missing')).statusCode).toBe(404);
  });

  it('answers /healthz and JSON 404s for unknown routes', async () => {
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
    const res = await get('/api/cypher?query=MATCH');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'no route GET /api/cypher' } });
    // Unknown /api/ URLs, in any method or spelling, are API 404s in the same shape, never files.
    for (const [method, url] of [['GET', '/api/'], ['GET', '/api/entities'], ['POST', '/api/stats'], ['GET', '/%61pi/nothing'], ['GET', '/api/../package.json']] as const) {
      const other = await app.inject({ method, url });
      expect([url, other.statusCode]).toEqual([url, 404]);
      expect(Object.keys(other.json().error).sort()).toEqual(['code', 'message']);
    }
  });

  it('sends the security headers on the page and the API', async () => {
    for (const url of ['/', '/api/stats']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ]) {
        expect(csp, url).toContain(directive);
      }
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('serves the explorer page and the Cytoscape module from node_modules', async () => {
    const page = await get('/');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<script type="module" src="/app.js"></script>');
    const lib = await get('/vendor/cytoscape.esm.min.mjs');
    expect(lib.statusCode).toBe(200);
    expect(lib.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(lib.body.length).toBeGreaterThan(100_000);
    expect((await get('/vendor/..%2Fpackage.json')).statusCode).toBe(404);
  });

  it('describes every route in an OpenAPI 3.1 document', async () => {
    const doc = (await get('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const validation = await new Validator().validate(doc);
    expect(validation.errors ?? []).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(doc.info.title).toBe('newsgraph API');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/articles/{id}',
        '/api/entities/{id}',
        '/api/entities/{id}/comentioned',
        '/api/entities/{id}/exposure',
        '/api/entities/{id}/listings',
        '/api/entities/{id}/neighbors',
        '/api/entities/{id}/neighbor-groups',
        '/api/entities/{id}/timeline',
        '/api/evidence',
        '/api/listed',
        '/api/listings',
        '/api/lists',
        '/api/map',
        '/api/paths',
        '/api/search',
        '/api/stats',
        '/api/top',
        '/healthz',
      ].sort(),
    );
    for (const [path, item] of Object.entries(doc.paths as Record<string, { get: { responses: Record<string, unknown> } }>)) {
      expect(item.get.responses['200'], path).toBeDefined();
    }
    const paths = doc.paths['/api/paths'].get;
    const maxHops = paths.parameters.find((p: { name: string }) => p.name === 'maxHops');
    expect(maxHops).toMatchObject({ in: 'query', schema: { type: 'integer', minimum: 1, maximum: 6 } });
    const neighbors = doc.paths['/api/entities/{id}/neighbors'].get;
    expect(neighbors.parameters.find((p: { name: string }) => p.name === 'id')).toMatchObject({ in: 'path', required: true });
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});

describe('HTTP API with a token', () => {
  it('needs the bearer token on /api/* but not on /healthz or the page', async () => {
    const app = await buildApp({ store: await seededStore(), token: 's3cret-token' });
    try {
      const none = await app.inject({ url: '/api/stats' });
      expect(none.statusCode).toBe(401);
      expect(none.headers['www-authenticate']).toContain('Bearer');
      expect(none.json().error.code).toBe('unauthorized');
      const wrong = await app.inject({ url: '/api/stats', headers: { authorization: 'Bearer s3cret-tokem' } });
      expect(wrong.statusCode).toBe(401);
      const prefix = await app.inject({ url: '/api/stats', headers: { authorization: 'Bearer s3cret' } });
      expect(prefix.statusCode).toBe(401);
      const basic = await app.inject({ url: '/api/stats', headers: { authorization: 's3cret-token' } });
      expect(basic.statusCode).toBe(401);
      // Percent-encoded paths route to the same handlers and must need the token too.
      expect((await app.inject({ url: '/%61pi/stats' })).statusCode).toBe(401);
      expect((await app.inject({ url: '/api/%73tats' })).statusCode).toBe(401);
      // Unknown /api/ URLs need the token too: without it nothing says which routes exist.
      expect((await app.inject({ url: '/api/nothing' })).statusCode).toBe(401);
      expect((await app.inject({ url: '/api/nothing', headers: { authorization: 'Bearer s3cret-token' } })).statusCode).toBe(404);
      const right = await app.inject({ url: '/api/stats', headers: { authorization: 'Bearer s3cret-token' } });
      expect(right.statusCode).toBe(200);
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('HTTP API store failures', () => {
  it('turns a store InputError into a 400 naming the input, and hides internal errors', async () => {
    const store = await seededStore();
    store.topEntities = async () => {
      throw new InputError('limit', 'must be a whole number from 1 to 50');
    };
    store.stats = async () => {
      throw new Error('SQLITE_CORRUPT: database disk image is malformed at /secret/path.db');
    };
    const app = await buildApp({ store });
    try {
      const refused = await app.inject({ url: '/api/top?limit=60' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toEqual({
        error: { code: 'invalid_parameter', parameter: 'limit', message: 'limit: must be a whole number from 1 to 50' },
      });
      const broken = await app.inject({ url: '/api/stats' });
      expect(broken.statusCode).toBe(500);
      expect(broken.json()).toEqual({ error: { code: 'internal', message: 'internal error' } });
      expect(broken.body).not.toContain('secret');
    } finally {
      await app.close();
    }
  });
});

describe('HTTP API request log', () => {
  it('logs one debug line per request, never the ?token= value, and errors at error level', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const store = await seededStore();
    store.stats = async () => {
      throw new Error('disk on fire');
    };
    const app = await buildApp({ store, logger });
    try {
      await app.inject({ url: '/?token=very-secret-value&x=1' });
      await app.inject({ url: '/api/stats' });
      const completed = lines.filter((l) => l.msg === 'request completed');
      expect(completed.map((l) => [l.url, l.statusCode, l.level])).toEqual([
        ['/?token=[redacted]&x=1', 200, 20],
        ['/api/stats', 500, 20],
      ]);
      expect(JSON.stringify(lines)).not.toContain('very-secret-value');
      const failure = lines.find((l) => l.msg === 'request failed');
      expect(failure).toMatchObject({ level: 50, url: '/api/stats', err: { message: 'disk on fire' } });
    } finally {
      await app.close();
    }
  });
});

describe('HTTP API rate limit', () => {
  it('answers 429 with a JSON error past the limit, and never limits the page', async () => {
    const app = await buildApp({ store: await seededStore(), rateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await app.inject({ url: '/api/stats' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      expect((await app.inject({ url: '/%61pi/stats' })).statusCode).toBe(429);
      const limited = await app.inject({ url: '/api/top' });
      expect(limited.json().error.code).toBe('rate_limited');
      expect(String(limited.headers['retry-after'])).toMatch(/^[1-9]\d*$/);
      expect((await app.inject({ url: '/' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('HTTP API rate limit before the token check', () => {
  it('counts failed token guesses, so guessing is limited too', async () => {
    const app = await buildApp({ store: await seededStore(), token: 'the-token', rateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) codes.push((await app.inject({ url: '/api/stats', headers: { authorization: `Bearer guess-${i}` } })).statusCode);
      expect(codes).toEqual([401, 401, 401]);
      // The limit is spent: even the right token now waits, and further guesses learn nothing.
      const guess = await app.inject({ url: '/api/stats', headers: { authorization: 'Bearer guess-4' } });
      expect(guess.statusCode).toBe(429);
      expect(guess.json().error.code).toBe('rate_limited');
      expect((await app.inject({ url: '/api/stats', headers: { authorization: 'Bearer the-token' } })).statusCode).toBe(429);
      expect((await app.inject({ url: '/api/unknown-route' })).statusCode).toBe(429);
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('createServer', () => {
  it('listens on 127.0.0.1 with a free port and serves real HTTP', async () => {
    const server = await createServer({ store: await seededStore(), port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${server.url}/api/search?q=Blinken`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { results: Array<{ id: string }> };
      expect(body.results.map((r) => r.id)).toEqual([IDS.blinken]);
    } finally {
      await server.close();
    }
  });
});

describe('HTTP API over the SQLite store', () => {
  let dir: string;
  let store: SqliteStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-api-'));
    store = await SqliteStore.open(join(dir, 'graph.db'));
    await store.migrate();
    await store.writeArticles(demoDocumentsWithXss());
    app = await buildApp({ store });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The response schemas serialise what a real store returns without dropping or breaking fields.
  it('serves every route from real data', async () => {
    const search = (await app.inject({ url: '/api/search?q=Blinken' })).json();
    expect(search.results[0]).toMatchObject({ id: IDS.blinken, type: 'Person', name: 'Antony Blinken', aliases: ['Blinken'] });

    const entity = (await app.inject({ url: `/api/entities/${IDS.treasury}` })).json();
    expect(entity).toMatchObject({ id: IDS.treasury, attributes: { kind: 'government agency', country: 'US' }, articleCount: 2 });

    const neighbors = (await app.inject({ url: `/api/entities/${IDS.russia}/neighbors?predicate=SUPPLIES` })).json();
    expect(neighbors.neighbors.map((n: { entity: { id: string } }) => n.entity.id).sort()).toEqual([IDS.china, IDS.iran, IDS.evil].sort());
    expect(neighbors.neighbors.find((n: { entity: { id: string } }) => n.entity.id === IDS.china)).toMatchObject({
      direction: 'in',
      articleCount: 2,
      claimCount: 2,
    });

    const paths = (await app.inject({ url: `/api/paths?from=${IDS.yellen}&to=${IDS.iran}` })).json();
    expect(paths.paths[0].nodes.map((n: { id: string }) => n.id)).toEqual([IDS.yellen, IDS.treasury, IDS.iran]);

    const evidence = (await app.inject({ url: `/api/evidence?subject=${IDS.iran}&predicate=TRADES_WITH&object=${IDS.russia}` })).json();
    expect(evidence.evidence).toHaveLength(1);
    expect(evidence.evidence[0]).toMatchObject({ sentence: 'Russia trades with Iran more than ever.', rule: 'test.fixture', article: { title: 'Russia and Iran deepen trade' } });
    // Modality, antecedent and the outlet entity survive the response schema.
    expect(evidence.evidence[0]).toMatchObject({ modality: 'asserted', antecedent: null, article: { outletEntity: null } });

    const timeline = (await app.inject({ url: `/api/entities/${IDS.blinken}/timeline` })).json();
    expect(timeline.points).toEqual([
      { date: '2024-04-26', articleCount: 1 },
      { date: '2025-03-05', articleCount: 1 },
    ]);
    const co = (await app.inject({ url: `/api/entities/${IDS.blinken}/comentioned` })).json();
    expect(co.entities.map((e: { entity: { id: string } }) => e.entity.id)).toContain(IDS.yellen);
    const top = (await app.inject({ url: '/api/top?type=Country&limit=1' })).json();
    expect(top.entities).toEqual([{ entity: expect.objectContaining({ id: IDS.russia }), count: 5 }]);
    const stats = (await app.inject({ url: '/api/stats' })).json();
    expect(stats).toMatchObject({ store: 'sqlite', articles: 6, entities: 12 });
    const doc = demoDocumentsWithXss()[1]!;
    const article = (await app.inject({ url: `/api/articles/${doc.article.id}` })).json();
    expect(article).toEqual({ article: expect.objectContaining({ id: doc.article.id, text: doc.article.text }), publications: [] });
  });
});

describe('REPORTED_BY over the HTTP API', () => {
  it('answers the REPORTED_BY filter and returns the outlet entity with the evidence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-api-reported-'));
    const store = await SqliteStore.open(join(dir, 'graph.db'));
    const text = 'Iran supplies drones to Russia, Reuters reported.';
    const article = {
      id: 'art-r1',
      url: 'https://news.example/r1',
      canonicalUrl: 'https://news.example/r1',
      title: 'Drones',
      outlet: null,
      author: null,
      publishedAt: '2024-05-01T10:00:00Z',
      fetchedAt: '2024-05-01T11:00:00Z',
      language: 'en',
      text,
      contentHash: contentHash(text),
    };
    await store.writeArticle(
      toArticleDocument(article, {
        entities: [
          { id: 'country:IR', type: 'Country', name: 'Iran', attributes: {}, mentions: [{ start: 0, end: 4, text: 'Iran' }] },
          { id: 'country:RU', type: 'Country', name: 'Russia', attributes: {}, mentions: [{ start: 24, end: 30, text: 'Russia' }] },
          { id: 'org:reuters', type: 'Organization', name: 'Reuters', attributes: {}, mentions: [{ start: 32, end: 39, text: 'Reuters' }] },
        ],
        relations: [
          { subject: 'country:IR', predicate: 'SUPPLIES', object: 'country:RU', evidence: { sentence: text, start: 0, end: text.length, rule: 'supply.verb', confidence: 0.9 } },
          { subject: ARTICLE_SUBJECT, predicate: 'REPORTED_BY', object: 'org:reuters', evidence: { sentence: text, start: 0, end: text.length, rule: 'reported-by.verb', confidence: 0.8 } },
        ],
      }),
    );
    const app = await buildApp({ store });
    try {
      const neighbors = (await app.inject({ url: '/api/entities/org:reuters/neighbors?predicate=REPORTED_BY' })).json();
      expect(neighbors.neighbors.map((n: { entity: { id: string }; direction: string }) => [n.entity.id, n.direction])).toEqual([
        ['country:IR', 'in'],
        ['country:RU', 'in'],
      ]);
      const evidence = (await app.inject({ url: '/api/evidence?subject=country:IR&predicate=SUPPLIES&object=country:RU' })).json();
      expect(evidence.evidence[0].article.outletEntity).toEqual({ id: 'org:reuters', name: 'Reuters' });
    } finally {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
