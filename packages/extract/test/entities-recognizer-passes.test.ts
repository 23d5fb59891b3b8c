import { describe, expect, it } from 'vitest';
import { analyzeEntities } from '../src/analyze-entities.ts';
import { RUN_SEGMENTERS, SENTENCE_PASSES } from '../src/entities/recognizer/index.ts';

/** "Type name" of every entity in a text, sorted. */
function typed(text: string): string[] {
  return analyzeEntities(text)
    .entities.map((e) => `${e.type} ${e.name}`)
    .sort();
}

describe('recognizer passes', () => {
  it('runs its passes and segmenters in the order the index fixes, each named once', () => {
    expect(SENTENCE_PASSES.map((p) => p.name)).toEqual(['headline', 'capitalised-runs', 'goods']);
    const names = RUN_SEGMENTERS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe('title-name');
    expect(names.at(-1)).toBe('greedy');
    expect(names.indexOf('known-run')).toBeLessThan(names.indexOf('org-suffix'));
  });

  it('reads an organization from what is said of it', () => {
    // Invented names: only the construction can type them.
    expect(typed('The official news agency Varnok reported the talks.')).toContain('Organization Varnok');
    expect(typed('Ostreb shares fell after Ostreb general manager Lena Kovac resigned.')).toContain('Organization Ostreb');
  });

  it('keeps "and" inside a name that goes on to its head, and two full names apart', () => {
    expect(typed('The bill goes to the Harbour Dues and Levies Committee next week.')).toContain('Organization Harbour Dues and Levies Committee');
    const banks = typed('Rivermark Bank of Ostrava and Standard Crown Bank agreed to merge.');
    expect(banks).toContain('Organization Rivermark Bank of Ostrava');
    expect(banks).toContain('Organization Standard Crown Bank');
    // A company's head after "and" coordinates two names ("Quuxbank and Grand Fenwick Armaments JSC").
    const firms = typed('Velmora and Grand Ostrel Armaments JSC were named.');
    expect(firms).toContain('Organization Grand Ostrel Armaments JSC');
    expect(firms.some((e) => e.includes('Velmora and'))).toBe(false);
  });

  it('joins a plural possessive before an organization head', () => {
    expect(typed('The Ostrava Millers\' Association said prices would rise.')).toContain("Organization Ostrava Millers' Association");
  });

  it('ends a person name with a place word after a given name, and keeps quantified plurals and party members out', () => {
    const finn = typed('"It is a fair price," said Southcorp chairman Brian Finn.');
    expect(finn).toContain('Person Brian Finn');
    expect(finn.some((e) => e.startsWith('Country'))).toBe(false);
    expect(typed('Most Gibraltarians said they were happy, an Illinois Democrat said.').filter((e) => e.startsWith('Person'))).toEqual([]);
  });

  it('lets a construction decide the type of the same name elsewhere in the document', () => {
    const text = 'Retail bank Kelvara reported profits. Later, Kelvara said it would cut jobs.';
    const a = analyzeEntities(text);
    expect(a.entities.filter((e) => e.name === 'Kelvara').map((e) => e.type)).toEqual(['Organization']);
    expect(a.mentions.filter((m) => m.text === 'Kelvara')).toHaveLength(2);
  });

  it('reads sides in a results table of a sports report and keeps players people', () => {
    const text = 'SOCCER - SCOTTISH LEAGUE RESULTS .\nGLASGOW 1996-08-31\nGreenock Morton 1 Falkirk 0\nSt Mirren v Airdrieonians\nCRICKET - SCORECARD .\nAamir Sohail c Cork b Croft 46';
    const t = typed(text);
    expect(t).toContain('Organization Greenock Morton');
    expect(t).toContain('Organization Falkirk');
    expect(t).toContain('Organization St Mirren');
    expect(t).toContain('Place Glasgow');
    expect(t.some((e) => e === 'Organization Croft' || e === 'Organization Aamir Sohail')).toBe(false);
  });

  it('takes no side from a paragraph that opens with an age ("The 24-year-old ...")', () => {
    const text = 'Leeds striker signs new deal\n\nLeeds beat Chelsea 3-1 in the league on Saturday and the coach praised the goalkeeper.\n\nThe 24-year-old striker scored twice before half-time.\n\nThe 31-year-old defender said the club would fight on.';
    const t = typed(text);
    expect(t.some((e) => e.endsWith(' The'))).toBe(false);
    expect(t).toContain('Organization Leeds');
  });
});
