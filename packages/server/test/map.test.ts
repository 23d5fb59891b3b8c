import type { EntityAttributes } from '@newsgraph/shared';
import type { EntityDetail } from '@newsgraph/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/index.ts';
import { placeEntity } from '../src/map/map-data.ts';
import { MemoryStore } from './fixtures/memory-store.ts';
import { WB, workbenchDocuments } from './fixtures/workbench-documents.ts';

function detail(partial: Partial<EntityDetail> & Pick<EntityDetail, 'id' | 'type' | 'attributes'>): EntityDetail {
  return { name: partial.id, aliases: [], articleCount: 1, mentionCount: 1, firstSeen: null, lastSeen: null, ...partial };
}

describe('map placement', () => {
  it('places countries by ISO code, places by coordinates, others by their country, and nothing else', async () => {
    expect(await placeEntity(detail({ id: 'country:RU', type: 'Country', attributes: { iso: 'RU' } }))).toMatchObject({
      placement: 'country',
      iso: 'RU',
      isoNumeric: '643',
    });
    expect(await placeEntity(detail({ id: 'place:dubai', type: 'Place', attributes: { lat: 25.2048, lon: 55.2708, countryIso: 'AE' } }))).toMatchObject({
      placement: 'coordinates',
      lat: 25.2048,
      lon: 55.2708,
      iso: 'AE',
      isoNumeric: '784',
    });
    // A place without coordinates falls back to its country; a company goes to its country.
    expect(await placeEntity(detail({ id: 'place:x', type: 'Place', attributes: { country: 'de' } }))).toMatchObject({ placement: 'country-of', isoNumeric: '276' });
    expect(await placeEntity(detail({ id: 'org:y', type: 'Organization', attributes: { country: 'CN' } }))).toMatchObject({ placement: 'country-of', iso: 'CN' });
    // Out-of-range or non-numeric coordinates, unknown codes and a Country's own lat/lon are not trusted.
    const untrusted: EntityAttributes[] = [{ lat: 91, lon: 0 }, { lat: '10', lon: '20' }, { country: 'XX' }, { country: 'Germany' }, {}];
    for (const attributes of untrusted) {
      expect(await placeEntity(detail({ id: 'place:z', type: 'Place', attributes }))).toMatchObject({ placement: null, lat: null, lon: null });
    }
    expect(await placeEntity(detail({ id: 'country:FR', type: 'Country', attributes: { iso: 'FR', lat: 0, lon: 0 } }))).toMatchObject({ placement: 'country', isoNumeric: '250' });
  });
});

describe('GET /api/map', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const store = new MemoryStore();
    await store.writeArticles(workbenchDocuments());
    app = await buildApp({ store });
  });
  afterAll(async () => {
    await app.close();
  });
  const get = (url: string) => app.inject({ url });

  it('returns supply arrows between placed entities and shipping via a placed hub as transit', async () => {
    const res = await get('/api/map');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.edges.map((e: { subjectId: string; predicate: string; objectId: string }) => `${e.subjectId} ${e.predicate} ${e.objectId}`).sort()).toEqual(
      [`${WB.china} SUPPLIES ${WB.russia}`, `${WB.maker} SUPPLIES ${WB.russia}`].sort(),
    );
    expect(body.transit).toEqual([{ subjectId: WB.chips, subjectName: 'semiconductors', objectId: WB.dubai, articleCount: 1 }]);
    expect(body.unplaced).toBe(0);
    expect(body.points.map((p: { id: string }) => p.id).sort()).toEqual([WB.china, WB.russia, WB.maker, WB.dubai].sort());
    // Nothing but SUPPLIES and SHIPPED_VIA is ever drawn (LOCATED_IN Dubai → UAE is not).
    expect(body.edges.every((e: { predicate: string }) => ['SUPPLIES', 'SHIPPED_VIA'].includes(e.predicate))).toBe(true);
  });

  it('filters by predicate, type and dates like the graph', async () => {
    expect((await get('/api/map?predicate=SHIPPED_VIA')).json()).toMatchObject({ edges: [], transit: [{ objectId: WB.dubai }] });
    expect((await get('/api/map?predicate=VISITED,HOLDS_ROLE')).json()).toEqual({ points: [], edges: [], transit: [], unplaced: 0 });
    const noOrgs = (await get('/api/map?type=Country,Place,Goods')).json();
    expect(noOrgs.edges.map((e: { subjectId: string }) => e.subjectId)).toEqual([WB.china]);
    expect((await get('/api/map?since=2024-07-01')).json().edges).toEqual([]);
    expect((await get('/api/map?until=2024-06-01')).json().edges).toEqual([]);
    expect((await get('/api/map?since=2024-06-20&until=2024-06-20')).json().edges).toHaveLength(2);
    const bad = await get('/api/map?since=2024-07-01&until=2024-06-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.parameter).toBe('since');
    expect((await get('/api/map?limit=1')).json().edges).toHaveLength(1);
    expect((await get('/api/map?zoom=3')).json().error).toMatchObject({ code: 'invalid_parameter', parameter: 'zoom' });
  });
});
