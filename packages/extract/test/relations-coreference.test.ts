import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract.ts';

/** Relations of a raw text as "subject-name PREDICATE object-name [rule]" strings. */
function claims(text: string, predicate?: string): string[] {
  const r = extract(text);
  const name = new Map(r.entities.map((e) => [e.id, e.name]));
  return r.relations
    .filter((x) => !predicate || x.predicate === predicate)
    .map((x) => `${name.get(x.subject) ?? x.subject} ${x.predicate} ${name.get(x.object) ?? x.object}`);
}

describe('SANCTIONS subjects and targets', () => {
  it('reads the subject past a bracketed acronym and a time phrase, and the whole list of companies', () => {
    const got = claims('The Office of Foreign Assets Control (OFAC) on Monday sanctioned Pelican Reef Shipping, Norden Gale Maritime and Tarrow Fleet Management, three firms accused of moving oil.', 'SANCTIONS');
    expect(got).toEqual(
      expect.arrayContaining([
        'Office of Foreign Assets Control SANCTIONS Pelican Reef Shipping',
        'Office of Foreign Assets Control SANCTIONS Norden Gale Maritime',
        'Office of Foreign Assets Control SANCTIONS Tarrow Fleet Management',
      ]),
    );
  });

  it('reads the subject past an appositive (Entity List additions count as sanctions)', () => {
    const got = claims('The Bureau of Industry and Security (BIS), the Commerce Department agency that polices exports, added Brightwater Circuits to its Entity List on Friday.', 'SANCTIONS');
    expect(got).toContain('Bureau of Industry and Security SANCTIONS Brightwater Circuits');
  });

  it('reads named members after "including"', () => {
    const got = claims('The European Union sanctioned nine Belarusian companies on Monday, including Minsk Harbor Machinery, for supplying parts.', 'SANCTIONS');
    expect(got).toContain('European Union SANCTIONS Minsk Harbor Machinery');
  });

  it('resolves "it added X" to the sanctioner of the sentence before', () => {
    const got = claims('The Treasury Department has sanctioned dozens of Turkish firms since 2022. On Wednesday it added Koral Bay General Trading, a company in Izmir.', 'SANCTIONS');
    expect(got).toContain('US Department of the Treasury SANCTIONS Koral Bay General Trading');
  });

  it('resolves "Among them is X" to the sanctioner of the sentence before', () => {
    const got = claims('The European Union sanctioned 40 companies on Monday. Among them is Saffron Peak Components, a firm that shipped sensors.', 'SANCTIONS');
    expect(got).toContain('European Union SANCTIONS Saffron Peak Components');
  });

  it('does not invent a sanctioner for "it added" without a sanctions sentence before', () => {
    expect(claims('The ministry published a report. On Wednesday it added Koral Bay General Trading to a list of sponsors.', 'SANCTIONS')).toEqual([]);
  });

  it('gives every member of a coordinated subject the coordinated demonym targets', () => {
    const got = claims('Norway, Chile and the United States sanctioned several Syrian and Libyan officials on Monday.', 'SANCTIONS');
    for (const s of ['Norway', 'Chile', 'United States']) for (const o of ['Syria', 'Libya']) expect(got, `${s} ${o}`).toContain(`${s} SANCTIONS ${o}`);
  });

  it('reads Washington acting as the US', () => {
    expect(claims('Washington on Tuesday sanctioned Ostrel Marine Logistics.', 'SANCTIONS')).toContain('United States SANCTIONS Ostrel Marine Logistics');
    expect(claims('Washington urged Ankara to close the loophole.', 'URGED')).toContain('United States URGED Turkey');
  });
});

describe('MET_WITH with titles and demonyms', () => {
  it('meets the titled person, not the demonym before the title', () => {
    const got = claims('Canadian Prime Minister Alan Marsh met with Mexican President Rosa Quintero on Friday.', 'MET_WITH');
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^(Alan Marsh MET_WITH Rosa Quintero|Rosa Quintero MET_WITH Alan Marsh)$/);
  });

  it('reads the subject past a lower-case appositive', () => {
    const got = claims("Lena Ortiz, deputy director for trade compliance, met with Chile's economy minister Pablo Ruiz in Santiago.", 'MET_WITH');
    expect(got.map((x) => x.split(' MET_WITH ').sort().join(' + '))).toEqual(['Lena Ortiz + Pablo Ruiz']);
  });

  it('does not make a country meet when an unnamed official of it did', () => {
    expect(claims('The Canadian foreign minister met Rosa Quintero in Ottawa.', 'MET_WITH')).toEqual([]);
  });
});

describe('he/she', () => {
  it('stands for the subject of the sentence before, not its last person', () => {
    const got = claims('Foreign Minister Alan Marsh met with Rosa Quintero for two hours. He urged Mexico to tighten export checks.', 'URGED');
    expect(got).toEqual(['Alan Marsh URGED Mexico']);
  });
});
