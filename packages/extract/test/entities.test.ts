import { describe, expect, it } from 'vitest';
import { analyzeEntities } from '../src/analyze-entities.ts';
import type { EntityAnalysis } from '../src/interfaces/analysis.ts';

function entity(a: EntityAnalysis, id: string) {
  const e = a.entities.find((x) => x.id === id);
  if (!e) throw new Error(`no entity ${id}; have ${a.entities.map((x) => x.id).join(', ')}`);
  return e;
}

function idsOf(a: EntityAnalysis): string[] {
  return a.entities.map((e) => e.id);
}

describe('analyzeEntities: persons, titles and roles', () => {
  it('takes the title as role and the department as affiliation', () => {
    const a = analyzeEntities('Deputy Treasury Secretary Wally Adeyemo visited Northwestern Europe earlier this month.');
    const p = entity(a, 'person:wally-adeyemo');
    expect(p.type).toBe('Person');
    expect(p.name).toBe('Wally Adeyemo');
    expect(p.attributes.role).toBe('Deputy Treasury Secretary');
    expect(p.attributes.affiliation).toBe('org:us-department-of-the-treasury');
    // The name span covers the name only, not the title.
    expect(p.mentions[0]?.text).toBe('Wally Adeyemo');
    const m = a.mentions.find((x) => x.entityId === 'person:wally-adeyemo');
    expect(m?.role).toBe('Deputy Treasury Secretary');
    expect(entity(a, 'place:europe').mentions[0]?.text).toBe('Northwestern Europe');
  });

  it('reads a lower-case role phrase and resolves a later surname to the full name', () => {
    const a = analyzeEntities(
      'US assistant secretary of commerce for export administration Thea Kendler told reporters in Tokyo. Kendler leads the group.',
    );
    const p = entity(a, 'person:thea-kendler');
    expect(p.attributes.role).toBe('assistant secretary of commerce for export administration');
    expect(p.attributes.affiliation).toBe('country:US');
    expect(p.mentions.map((m) => m.text)).toEqual(['Thea Kendler', 'Kendler']);
    expect(idsOf(a).filter((id) => id.startsWith('person:'))).toEqual(['person:thea-kendler']);
    expect(entity(a, 'place:tokyo').attributes.country).toBe('JP');
  });

  it('splits "Secretary of State" from the name and never yields a fragment like "State Antony"', () => {
    const a = analyzeEntities('US Secretary of State Antony Blinken visited Beijing to express concerns.');
    const p = entity(a, 'person:antony-blinken');
    expect(p.attributes.role).toBe('Secretary of State');
    expect(a.entities.some((e) => e.name.includes('State Antony'))).toBe(false);
    expect(entity(a, 'place:beijing').attributes.country).toBe('CN');
  });

  it('gives one id to a person written with and without a middle initial within an article, and keeps the initial in the id', () => {
    const a = analyzeEntities('Martin T. Sosnoff said so. Later, Martin Sosnoff and Sosnoff agreed.');
    expect(a.entities.map((e) => e.id)).toEqual(['person:martin-t-sosnoff']);
    // Across articles the initial tells people apart (George W. Bush / George Bush): see docs/entities.md.
    expect(analyzeEntities('Martin Sosnoff spoke.').entities[0]?.id).toBe('person:martin-sosnoff');
  });

  it('keeps possessives, quotes and punctuation out of names', () => {
    const a = analyzeEntities('“Russia’s war,” said Janet Yellen\'s deputy. Russia\'s economy slowed.');
    const ru = entity(a, 'country:RU');
    expect(ru.mentions.map((m) => m.text)).toEqual(['Russia', 'Russia']);
    expect(entity(a, 'person:janet-yellen').name).toBe('Janet Yellen');
  });
});

describe('analyzeEntities: organizations', () => {
  it('resolves an acronym defined in the text', () => {
    const a = analyzeEntities(
      'Officials from the Treasury Department’s Bureau of Terrorist Financing and Financial Crimes (TFFC) met bankers. TFFC staff asked questions.',
    );
    const b = entity(a, 'org:bureau-of-terrorist-financing-and-financial-crimes');
    expect(b.attributes.kind).toBe('GovernmentAgency');
    expect(b.mentions.map((m) => m.text)).toEqual(['Bureau of Terrorist Financing and Financial Crimes', 'TFFC', 'TFFC']);
    expect(entity(a, 'org:us-department-of-the-treasury').mentions[0]?.text).toBe('Treasury Department');
  });

  it('knows common acronyms and their kinds', () => {
    const a = analyzeEntities('The EU, NATO, the UN, OFAC, the HKMA and the G7 agreed, HSBC said, according to Bloomberg.');
    expect(entity(a, 'org:european-union').attributes.kind).toBe('InternationalOrganization');
    expect(entity(a, 'org:north-atlantic-treaty-organization').type).toBe('Organization');
    expect(entity(a, 'org:united-nations').type).toBe('Organization');
    expect(entity(a, 'org:office-of-foreign-assets-control').attributes.kind).toBe('GovernmentAgency');
    expect(entity(a, 'org:hong-kong-monetary-authority').attributes.country).toBe('HK');
    expect(entity(a, 'org:group-of-seven').mentions[0]?.text).toBe('G7');
    expect(entity(a, 'org:hsbc').attributes.kind).toBe('Company');
    expect(entity(a, 'org:bloomberg-news').attributes.kind).toBe('MediaOutlet');
  });

  it('gives one id to the Treasury however it is written, across documents', () => {
    const ids = ['The Treasury Department said so.', 'The US Treasury said so.', 'The Department of the Treasury said so.', 'Officials at the Treasury said so.'].map(
      (t) => idsOf(analyzeEntities(t)),
    );
    for (const list of ids) expect(list).toContain('org:us-department-of-the-treasury');
  });

  it('splits an organization, a title and a name written together', () => {
    const a = analyzeEntities('Federal Air Traffic Control Administration Director Branko Bilbija resigned.');
    const p = entity(a, 'person:branko-bilbija');
    expect(p.attributes.role).toBe('Director');
    expect(p.attributes.affiliation).toBe('org:federal-air-traffic-control-administration');
  });

  it('reads undefined acronyms from initials and skips abbreviations of common nouns', () => {
    const a = analyzeEntities('The National Audit Office said the sale failed. The NAO report blamed 30,000 sports utility vehicles (SUV).');
    expect(entity(a, 'org:national-audit-office').mentions.map((m) => m.text)).toEqual(['National Audit Office', 'NAO']);
    expect(a.entities.some((e) => e.name === 'SUV')).toBe(false);
  });

  it('types unknown organizations by their suffix and kind', () => {
    const a = analyzeEntities('Veldhoven-based ASML Holding NV and Acme Widgets Inc signed a deal with the Kazakh Ministry of Energy.');
    // New names drop legal-form suffixes in their ids, so "Acme Widgets Inc" and "Acme Widgets" meet.
    expect(entity(a, 'org:asml-holding-nv').attributes.kind).toBe('Company'); // a lexicon entry keeps its id
    expect(entity(a, 'org:acme-widgets').attributes.kind).toBe('Company');
    expect(entity(a, 'place:veldhoven').attributes.country).toBe('NL');
    expect(a.entities.find((e) => e.name.includes('Ministry of Energy'))?.attributes.kind).toBe('GovernmentAgency');
  });
});

describe('analyzeEntities: countries, demonyms and capitals', () => {
  it('merges every spelling of the United States into country:US', () => {
    const a = analyzeEntities('The U.S. and the United States, the US, America and American firms are one country.');
    const us = entity(a, 'country:US');
    expect(us.attributes.iso).toBe('US');
    expect(us.mentions.map((m) => m.text)).toEqual(['U.S.', 'United States', 'US', 'America', 'American']);
  });

  it('flags demonyms as adjectival mentions of the country', () => {
    const a = analyzeEntities('We know that Russia is using Iranian drones in Ukraine.');
    const m = a.mentions.find((x) => x.text === 'Iranian');
    expect(m?.entityId).toBe('country:IR');
    expect(m?.adjectival).toBe(true);
    const drones = entity(a, 'goods:drones');
    expect(drones.attributes.hs).toBe('8806');
  });

  it('reads a capital as its government when it acts, as a city otherwise', () => {
    const gov = analyzeEntities('Beijing denied the report. Washington’s group met in Tokyo.');
    expect(idsOf(gov)).toContain('country:CN');
    expect(idsOf(gov)).toContain('country:US');
    expect(idsOf(gov)).not.toContain('place:beijing');
    expect(gov.mentions.find((m) => m.text === 'Beijing')?.source).toBe('metonymy');
    const city = analyzeEntities('Blinken visited Beijing to express concerns.');
    expect(entity(city, 'place:beijing').attributes.country).toBe('CN');
    // Each mention is read on its own: the visit is to the city, the denial is the government's.
    const both = analyzeEntities('Blinken visited Beijing. Beijing denied the report.');
    expect(both.mentions.filter((m) => m.text === 'Beijing').map((m) => m.entityId)).toEqual(['place:beijing', 'country:CN']);
    // A dateline follows the document's government reading.
    const dateline = analyzeEntities('WASHINGTON: Officials met on Monday. Washington said no.');
    expect(dateline.mentions.filter((m) => /washington/i.test(m.text)).map((m) => m.entityId)).toEqual(['country:US', 'country:US']);
  });

  it('treats Hong Kong, Taiwan and Macau as countries with ISO codes', () => {
    const a = analyzeEntities('Goods went through Hong Kong, Taiwan and Macau.');
    expect(entity(a, 'country:HK').type).toBe('Country');
    expect(entity(a, 'country:TW').type).toBe('Country');
    expect(entity(a, 'country:MO').type).toBe('Country');
  });
});

describe('analyzeEntities: goods', () => {
  it('maps goods to a controlled vocabulary with HS headings', () => {
    const a = analyzeEntities('Russia continues to access foreign chips, ball bearings, machine tools and crude oil, and sensitive dual-use items.');
    expect(entity(a, 'goods:semiconductors').attributes.hs).toBe('8542');
    expect(entity(a, 'goods:ball-bearings').attributes.hs).toBe('8482');
    expect(entity(a, 'goods:machine-tools').attributes.hs).toBe('8456');
    expect(entity(a, 'goods:oil').attributes.hs).toBe('2709');
    expect(entity(a, 'goods:dual-use-goods').mentions[0]?.text).toBe('sensitive dual-use items');
    // Bare generic words are not goods, and "crude" is oil only when traded.
    expect(analyzeEntities('The goods and items and products arrived.').entities).toEqual([]);
    expect(analyzeEntities('It was a crude attempt.').entities).toEqual([]);
    expect(idsOf(analyzeEntities('India bought Russian crude at a discount.'))).toContain('goods:oil');
  });
});

describe('analyzeEntities: output shape', () => {
  it('returns sorted mentions whose text is the slice of the input, with sentence indexes', () => {
    const text = 'Turkish Finance Minister Nureddin Nebati met Chinese officials.\nThe Journal said Nebati was “continuing our trade with Russia.”';
    const a = analyzeEntities(text);
    expect(a.sentences.length).toBe(2);
    for (const m of a.mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      const s = a.sentences[m.sentenceIndex];
      expect(s && m.start >= s.start && m.end <= s.end).toBe(true);
      expect(typeof m.source).toBe('string');
    }
    const starts = a.mentions.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    for (const e of a.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(entity(a, 'person:nureddin-nebati').mentions.length).toBe(2);
    expect(entity(a, 'person:nureddin-nebati').attributes.affiliation).toBe('country:TR');
  });

  it('joins hard-wrapped lines inside a sentence but keeps one-line headlines apart', () => {
    const a = analyzeEntities('Officials at the Bank of\nEngland said the\nfigures were weak.\nLONDON 1996-08-30\nMore news.');
    expect(a.sentences.map((s) => s.text)).toEqual(['Officials at the Bank of\nEngland said the\nfigures were weak.', 'LONDON 1996-08-30', 'More news.']);
    expect(entity(a, 'org:bank-of-england').mentions[0]?.text).toBe('Bank of\nEngland');
    expect(entity(a, 'place:london').type).toBe('Place');
  });

  it('ignores trailing page chrome unless asked to keep it', () => {
    const text =
      'Russia bought chips from intermediaries, officials said on Tuesday in a long statement that ran for a while.\n\nFollow us on our official WhatsApp channel!\n\nTransforming QSR Brands to drive value\nSweet topping for Gula Cakery\n';
    const a = analyzeEntities(text);
    expect(a.entities.map((e) => e.name).sort()).toEqual(['Russia', 'semiconductors']);
    const kept = analyzeEntities(text, { keepTrailingChrome: true });
    expect(kept.entities.some((e) => e.name === 'WhatsApp')).toBe(true);
  });
});
