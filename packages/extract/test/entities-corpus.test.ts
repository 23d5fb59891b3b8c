import { describe, expect, it } from 'vitest';
import { CorpusIndex, analyzeEntities } from '../src/index.ts';
import type { EntityAnalysis } from '../src/index.ts';

/** Texts written for these tests; nothing here comes from ../shared. */

function byText(a: EntityAnalysis, text: string) {
  const m = a.mentions.find((x) => x.text === text);
  if (!m) return undefined;
  const e = a.entities.find((x) => x.id === m.entityId);
  return e ? { ...e, mention: m } : undefined;
}

describe('gazetteers from data packages', () => {
  it('keeps GeoNames coordinates, population and country on places', () => {
    const kharkiv = byText(analyzeEntities('Shelling hit Kharkiv on Monday.'), 'Kharkiv');
    expect(kharkiv?.type).toBe('Place');
    expect(kharkiv?.attributes.countryIso).toBe('UA');
    expect(kharkiv?.attributes.lat).toBeCloseTo(49.98, 1);
    expect(kharkiv?.attributes.lon).toBeCloseTo(36.25, 1);
    expect(kharkiv?.attributes.population).toBeGreaterThan(1_000_000);
  });

  it('reads country names in other languages and skips towns named like common words', () => {
    expect(byText(analyzeEntities('Exporte aus Deutschland stiegen.'), 'Deutschland')?.id).toBe('country:DE');
    const a = analyzeEntities('Reading is a pleasure and a mobile phone is handy. Nice work.');
    expect(a.entities.filter((e) => e.type === 'Place')).toEqual([]);
  });
});

describe('canonicalization scoped by country', () => {
  it('gives a generic ministry the country written before it, in its id', () => {
    const jp = byText(analyzeEntities("Japan's Finance Ministry said it would intervene."), 'Finance Ministry');
    expect(jp?.id).toBe('org:ministry-of-finance-japan');
    expect(jp?.attributes.country).toBe('JP');
    const br = byText(analyzeEntities('The Brazilian Finance Ministry denied the report.'), 'Brazilian Finance Ministry');
    expect(br?.attributes.country).toBe('BR');
    expect(br?.id).not.toBe(jp?.id);
  });

  it('drops a generic body when the article gives no country at all', () => {
    expect(byText(analyzeEntities('The Finance Ministry said the plan was final.'), 'Finance Ministry')).toBeUndefined();
  });

  it('reads the Treasury of a UK story as HM Treasury and keeps the US one elsewhere', () => {
    const uk = analyzeEntities('UK growth slowed, the Treasury said. Britain expects a recovery and UK firms agree.', { outlet: 'BBC' });
    expect(byText(uk, 'Treasury')?.id).toBe('org:hm-treasury');
    const us = analyzeEntities('The Treasury Department has sanctioned dozens of Turkish firms since 2022.');
    expect(byText(us, 'Treasury Department')?.id).toBe('org:us-department-of-the-treasury');
  });

  it('normalises spelling variants of organization ids', () => {
    const a = analyzeEntities('The U.S. Agriculture Department raised its forecast. USDA said exports rose.');
    expect(byText(a, 'U.S. Agriculture Department')?.id).toBe('org:us-department-of-agriculture');
    expect(byText(a, 'USDA')?.id).toBe('org:us-department-of-agriculture');
    expect(byText(analyzeEntities('Shares of Kestrel Dynamics Corp rose.'), 'Kestrel Dynamics Corp')?.id).toBe('org:kestrel-dynamics');
  });

  it('keeps George W. Bush and George Bush apart across articles', () => {
    const w = byText(analyzeEntities('President George W. Bush spoke.'), 'George W. Bush');
    const h = byText(analyzeEntities('Vice President George Bush spoke.'), 'George Bush');
    expect(w?.id).toBeDefined();
    expect(h?.id).toBeDefined();
    expect(w?.id).not.toBe(h?.id);
  });

  it('keeps the Liberal Democrats apart from the US Democratic Party', () => {
    const a = analyzeEntities('The Liberal Democrats and the Lib Dems leader spoke in London.');
    expect(byText(a, 'Liberal Democrats')?.id).toBe('org:liberal-democrats');
    expect(byText(a, 'Lib Dems')?.id).toBe('org:liberal-democrats');
  });
});

describe('cross-document alias index', () => {
  it('resolves a surname to the one full name the corpus knows, with the reason', () => {
    const corpus = new CorpusIndex();
    analyzeEntities('President Ronald Reagan met leaders of Congress at the White House.', { corpus });
    const later = analyzeEntities('Reagan told Congress he would veto the bill.', { corpus });
    const reagan = byText(later, 'Reagan');
    expect(reagan?.id).toBe('person:ronald-reagan');
    expect(reagan?.mention.source).toBe('corpus-alias');
    expect(reagan?.mention.resolvedBy).toMatch(/surname of Ronald Reagan/);
  });

  it('keeps a namesake in an unrelated story apart', () => {
    const corpus = new CorpusIndex();
    analyzeEntities('Chancellor Gordon Brown presented the Budget to the House of Commons.', { corpus });
    const sport = analyzeEntities('Brown scored twice for Leeds United against Chelsea.', { corpus });
    expect(byText(sport, 'Brown')?.id).not.toBe('person:gordon-brown');
  });

  it('tells people apart by role', () => {
    const corpus = new CorpusIndex();
    analyzeEntities('President George W. Bush spoke at the White House with Congress leaders.', { corpus });
    const vp = analyzeEntities('Vice President Bush said at the White House that Congress should act.', { corpus });
    expect(byText(vp, 'Bush')?.id).not.toBe('person:george-w-bush');
  });

  it('merges a one-word name learned before its full form, and survives a snapshot', () => {
    const corpus = new CorpusIndex();
    const first = analyzeEntities('President Kowalczyk addressed Congress about the budget.', { corpus });
    const single = byText(first, 'Kowalczyk')?.id as string;
    analyzeEntities('President Edmund Kowalczyk told Congress the budget was final.', { corpus });
    expect(corpus.canonicalId(single)).toBe('person:edmund-kowalczyk');
    const restored = CorpusIndex.restore(JSON.parse(JSON.stringify(corpus.snapshot())));
    expect(restored.canonicalId(single)).toBe('person:edmund-kowalczyk');
    expect(byText(analyzeEntities('Kowalczyk told Congress no.', { corpus: restored }), 'Kowalczyk')?.id).toBe('person:edmund-kowalczyk');
  });

  it('lets an exact name beat an alias: London is a place unless the sentence shows a government actor', () => {
    expect(byText(analyzeEntities('She flew to London for talks.'), 'London')?.id).toBe('place:london');
    expect(byText(analyzeEntities('London said it would expel the diplomats.'), 'London')?.id).toBe('country:GB');
  });

  it('refuses a malformed snapshot with a clear error', () => {
    expect(() => CorpusIndex.restore({ version: 2 } as never)).toThrow(/snapshot/);
  });
});

describe('goods only in trade, shipping or military sense', () => {
  it('ignores arms, gold and technology of other senses', () => {
    const a = analyzeEntities('The goalkeeper stretched his arms. She won Olympic gold in Athens. The technology behind the film is new.');
    expect(a.entities.filter((e) => e.type === 'Goods')).toEqual([]);
  });

  it('reads them in trade and military sentences, with HS headings and named systems', () => {
    const a = analyzeEntities('Iran supplied Shahed drones and arms to Russia. Exports of technology to Moscow were banned. Gold prices rose to 400 dlrs an ounce.');
    const goods = new Map(a.entities.filter((e) => e.type === 'Goods').map((e) => [e.name, e.attributes.hs]));
    // A named system is its own entity (a Shahed is no Orlan), under its family's HS heading.
    expect(goods.get('Shahed')).toBe('8806');
    expect(goods.get('weapons')).toBe('9301');
    expect(goods.has('technology')).toBe(true);
    expect(goods.get('gold')).toBe('7108');
  });

  it('reads farm and trade goods in a trade sentence', () => {
    const a = analyzeEntities('Japan agreed to open its markets to imports of rice, beef and citrus.');
    expect(a.entities.filter((e) => e.type === 'Goods').map((e) => e.attributes.hs).sort()).toEqual(['0201', '0805', '1006']);
  });

  it('knows propellant and explosive precursors', () => {
    const a = analyzeEntities('The firm shipped nitrocellulose and ammonium perchlorate to the plant.');
    expect(a.entities.filter((e) => e.type === 'Goods').map((e) => e.name)).toEqual(['explosive precursors']);
  });
});

describe('events named after places', () => {
  it('reads the Uruguay Round as a negotiation, not the country', () => {
    const a = analyzeEntities('Ministers launched the Uruguay Round. The Uruguay round of talks went on.');
    expect(a.entities.filter((e) => e.type === 'Country')).toEqual([]);
  });
});

describe('sports teams', () => {
  it('reads a town fielding a side as an organization, and the same town elsewhere as a place', () => {
    const sport = analyzeEntities('Leeds 2 Chelsea 1. Leeds beat Chelsea in the league match and the coach was pleased with the goals.');
    expect(byText(sport, 'Leeds')?.type).toBe('Organization');
    expect(byText(analyzeEntities('She lives in Leeds with her family.'), 'Leeds')?.type).toBe('Place');
  });
});
