import { describe, expect, it } from 'vitest';
import { analyzeEntities } from '../src/analyze-entities.ts';

/**
 * Entity recognition for sanctions and export-control reporting (issue 9): foreign company names
 * with their legal forms, long names that must not split, model designators of weapons, regions
 * that must not be cut into fragments, and controlled goods. Every sentence is our own.
 */

function entities(text: string) {
  return analyzeEntities(text).entities;
}

function typeOf(text: string, name: string): string | undefined {
  return entities(text).find((e) => e.name === name)?.type;
}

function names(text: string, type: string): string[] {
  return entities(text)
    .filter((e) => e.type === type)
    .map((e) => e.name);
}

describe('foreign company names', () => {
  it('reads Turkish company names with "Ticaret", "Sanayi ve Ticaret" and "A.S." as one Organization', () => {
    const text = 'Investigators named Yildiz Kaplan Dis Ticaret and Egeli Metal Sanayi ve Ticaret A.S. as buyers.';
    expect(typeOf(text, 'Yildiz Kaplan Dis Ticaret')).toBe('Organization');
    expect(typeOf(text, 'Egeli Metal Sanayi ve Ticaret A.S.')).toBe('Organization');
    expect(names(text, 'Person')).toEqual([]);
  });

  it('keeps a German "und" inside a company name that ends in a legal form', () => {
    const text = 'The lathes came from Brenner Werkzeug und Handel GmbH last spring.';
    expect(typeOf(text, 'Brenner Werkzeug und Handel GmbH')).toBe('Organization');
  });

  it('does not join two English names over a foreign conjunction without a company head', () => {
    const text = 'Officials from Oslo et Bergen met in March.';
    expect(entities(text).some((e) => e.name === 'Oslo et Bergen')).toBe(false);
  });

  it('reads Russian and Central Asian legal forms written before or after the name', () => {
    const text = 'OOO Severny Potok bought parts from Irtysh Component TOO, and AO Volzhanka Pribor paid Sibir Snabzhenie LLC.';
    for (const name of ['OOO Severny Potok', 'Irtysh Component TOO', 'AO Volzhanka Pribor', 'Sibir Snabzhenie LLC']) expect(typeOf(text, name), name).toBe('Organization');
    expect(names(text, 'Person')).toEqual([]);
  });

  it('reads defence firms and banks by their head words', () => {
    const text = 'Karadag Savunma and Ostrog Defence sold shells; Tengri Trade Bank handled the payments.';
    expect(typeOf(text, 'Karadag Savunma')).toBe('Organization');
    expect(typeOf(text, 'Ostrog Defence')).toBe('Organization');
    const bank = entities(text).find((e) => e.name === 'Tengri Trade Bank');
    expect(bank?.attributes.kind).toBe('Bank');
  });
});

describe('plants and bracketed place codes', () => {
  it('reads an industrial plant named by its industry as a firm, not a person named Plant', () => {
    const text = 'The Ural Tractor Plant and the Kama Cartridge Works were listed; Robert Plant was not.';
    expect(typeOf(text, 'Ural Tractor Plant')).toBe('Organization');
    expect(typeOf(text, 'Kama Cartridge Works')).toBe('Organization');
    expect(typeOf(text, 'Robert Plant')).toBe('Person');
  });

  it('keeps a bracketed place code before the legal form inside the name', () => {
    const text = 'Funds reached Silverline Components (HK) Ltd and Orbit Tools (Shanghai) Co. Ltd. last year.';
    expect(typeOf(text, 'Silverline Components (HK) Ltd')).toBe('Organization');
    expect(typeOf(text, 'Orbit Tools (Shanghai) Co. Ltd.')).toBe('Organization');
  });
});

describe('long names are not split', () => {
  it('joins two field words over "and" on the way to a company head', () => {
    const text = 'The Harbin Space Science and Industry Corporation and the Volga Oil and Gas Company signed.';
    expect(typeOf(text, 'Harbin Space Science and Industry Corporation')).toBe('Organization');
    expect(typeOf(text, 'Volga Oil and Gas Company')).toBe('Organization');
    expect(entities(text).some((e) => e.name === 'Industry Corporation' || e.name === 'Gas Company')).toBe(false);
  });

  it('keeps "and" inside an agency name when the words after it have no name of their own', () => {
    const text = 'The Federal Agency for Energy Affairs and Export Control refused the licence.';
    expect(typeOf(text, 'Federal Agency for Energy Affairs and Export Control')).toBe('Organization');
  });

  it('still splits two organizations coordinated by "and"', () => {
    const text = 'Loans from the Bank of Lusaka and Northern Trust Bank were frozen.';
    expect(typeOf(text, 'Bank of Lusaka')).toBe('Organization');
    expect(typeOf(text, 'Northern Trust Bank')).toBe('Organization');
  });
});

describe('regions are read whole, no fragment is a place', () => {
  it('reads "X Republic", "X Oblast", "X Krai" and "X Okrug" as one Place', () => {
    const text = 'Plants in the Mari El Republic, the Tambov Oblast, Primorsky Krai and the Yamalo-Nenets Autonomous Okrug make fuses.';
    const places = names(text, 'Place');
    for (const name of ['Mari El Republic', 'Tambov Oblast', 'Primorsky Krai', 'Yamalo-Nenets Autonomous Okrug']) expect(places, name).toContain(name);
    expect(places).not.toContain('Tambov');
  });

  it('reads a "People\'s Republic" whole instead of cutting the city out of it', () => {
    const text = "Trucks crossed from the Donetsk People's Republic on Monday.";
    expect(names(text, 'Place')).toEqual(["Donetsk People's Republic"]);
  });

  it('keeps known countries named as republics', () => {
    const text = 'The Czech Republic and the Kyrgyz Republic signed.';
    expect(names(text, 'Country').sort()).toEqual(['Czech Republic', 'Kyrgyzstan']);
    expect(names(text, 'Place')).toEqual([]);
  });
});

describe('model designators of weapons and machines', () => {
  it('reads a known designator whole, not its stem', () => {
    const text = 'Tehran sold Shahed-136 drones to Moscow, and Pyongyang shipped KN-23 missiles.';
    const goods = names(text, 'Goods');
    expect(goods).toContain('Shahed-136');
    expect(goods).toContain('KN-23');
    expect(goods).not.toContain('Shahed');
    expect(entities(text).some((e) => e.name === 'KN' || e.name === 'Shahed')).toBe(false);
  });

  it('reads a new designator of a known family, or one before a goods word', () => {
    const text = 'The army fired Hwasong-19 missiles and Zorya-7 rocket launchers during the war.';
    const hwasong = entities(text).find((e) => e.name === 'Hwasong-19');
    expect(hwasong?.type).toBe('Goods');
    expect(hwasong?.attributes.family).toBe('missile families');
    expect(typeOf(text, 'Zorya-7')).toBe('Goods');
  });

  it('splits a demonym from the designator after it', () => {
    const text = 'Soldiers found Russian Orlan-10 drones near the border.';
    expect(names(text, 'Goods')).toContain('Orlan-10');
    expect(names(text, 'Country')).toEqual(['Russia']);
  });

  it('leaves a name with a number alone when nothing says it is goods', () => {
    const text = 'Passengers waited at Gate-12 for the flight to Rome.';
    expect(names(text, 'Goods')).toEqual([]);
  });
});

describe('controlled goods vocabulary', () => {
  it('reads Common High Priority List items and propellant chemicals with their HS headings', () => {
    const text = 'The broker exported microcontrollers, vibration sensors, guidance units, turbofan engine parts, industrial robots and solid rocket propellant.';
    const byForm = new Map(
      analyzeEntities(text).mentions.map((m) => [m.text, analyzeEntities(text).entities.find((e) => e.id === m.entityId)]),
    );
    expect(byForm.get('microcontrollers')?.attributes.hs).toBe('8542');
    expect(byForm.get('vibration sensors')?.attributes.hs).toBe('9031');
    expect(byForm.get('guidance units')?.attributes.hs).toBe('9014');
    expect(byForm.get('turbofan engine parts')?.attributes.hs).toBe('8411');
    expect(byForm.get('industrial robots')?.attributes.hs).toBe('8479');
    expect(byForm.get('solid rocket propellant')?.attributes.hs).toBe('3601');
  });

  it('reads an explosive acronym as goods in a military sentence, a company of the same letters elsewhere', () => {
    const military = 'The plant imported RDX and HTPB for the army.';
    expect(names(military, 'Goods').length).toBe(2);
    expect(names(military, 'Organization')).toEqual([]);
    const business = 'RDX shares rose after the results.';
    expect(names(business, 'Goods')).toEqual([]);
  });
});

describe('East Asian names', () => {
  it('keeps a Korean given name written with a hyphen whole, also after a title', () => {
    const text = 'Prosecutors questioned Lee Jae-hoon on Friday. Trade Minister Park Min-seok said exports fell.';
    const people = names(text, 'Person');
    expect(people).toContain('Lee Jae-hoon');
    expect(people).toContain('Park Min-seok');
  });

  it('reads an East Asian family name before unknown given names as a person', () => {
    const text = 'Customs officers detained Tan Boon Kiat at the airport.';
    expect(typeOf(text, 'Tan Boon Kiat')).toBe('Person');
  });

  it('lets "he" refer back to "Kim Jong Un" (Kim as a family name says nothing of gender)', async () => {
    const { extract } = await import('../src/extract.ts');
    const text = 'Minister Lee Jae-hoon spoke on Monday. Kim Jong Un arrived in Vladivostok, where he held talks with President Oleg Varin.';
    const out = extract(text);
    const name = (id: string) => out.entities.find((e) => e.id === id)?.name;
    const met = out.relations.filter((r) => r.predicate === 'MET_WITH').map((r) => [name(r.subject), name(r.object)].sort().join(' / '));
    expect(met).toContain('Kim Jong Un / Oleg Varin');
    expect(met).not.toContain('Lee Jae-hoon / Oleg Varin');
  });

  it('does not join an English word after a hyphen to a name', () => {
    const text = 'US-made chips reached Kremlin-backed firms, said Lee.';
    expect(entities(text).some((e) => /-(made|backed)$/.test(e.name))).toBe(false);
  });
});

describe('sense checks keep common nouns out of Goods', () => {
  it('reads "think tanks", "fuel tanks", "coal mines" and "would fuel" as no weapons or fuel', () => {
    const text = 'Think tanks said the sanctions would fuel the war, and fuel tanks at coal mines were sanctioned.';
    const goodsForms = analyzeEntities(text)
      .mentions.filter((m) => analyzeEntities(text).entities.find((e) => e.id === m.entityId)?.type === 'Goods')
      .map((m) => m.text.toLowerCase());
    expect(goodsForms).not.toContain('tanks');
    expect(goodsForms).not.toContain('fuel');
    expect(goodsForms).not.toContain('mines');
  });

  it('reads goods in a sentence about licensing categories of goods, and metals among exports', () => {
    const text = 'The ministry tightened licensing for 90 categories of goods, among them microcontrollers, and exports of metals fell.';
    const goodsForms = analyzeEntities(text).mentions.map((m) => m.text);
    expect(goodsForms).toEqual(expect.arrayContaining(['microcontrollers', 'metals']));
  });

  it('still reads the same words as goods where they are traded', () => {
    const text = 'Russia sold tanks, fuel and mines to the army.';
    const goodsForms = analyzeEntities(text).mentions.map((m) => m.text);
    expect(goodsForms).toEqual(expect.arrayContaining(['tanks', 'fuel', 'mines']));
  });
});

describe('places and departments named in lists', () => {
  it('reads both settlements of "the ports of A and B", not a person who opens the next clause', () => {
    const text = 'Tankers loaded at the ports of Vysotsk and Kavkaz, and Oleg Marin said more would follow.';
    const places = names(text, 'Place');
    expect(places).toContain('Vysotsk');
    expect(places).toContain('Kavkaz');
    expect(typeOf(text, 'Oleg Marin')).toBe('Person');
  });

  it('links both departments of "the Commerce and Treasury departments"', () => {
    const text = 'The Commerce and Treasury departments issued a joint alert on Monday.';
    const orgs = names(text, 'Organization');
    expect(orgs).toContain('US Department of Commerce');
    expect(orgs).toContain('US Department of the Treasury');
  });
});
