import { describe, expect, it } from 'vitest';
import { analyzeEntities } from '../src/analyze-entities.ts';
import { RUN_SEGMENTERS, SENTENCE_PASSES } from '../src/entities/recognizer/index.ts';
import { addLabelledSentence, emptyTypeLexicon } from '../src/lexicon/type-lexicon.ts';

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

describe('datelines and score tables', () => {
  it('reads the capitalised town opening a dateline as a place', () => {
    // Invented towns: only the dateline's shape (TOWN, country or state, then a date, agency or dash) types them.
    expect(typed('VELMORSK , Slovakia 1996-08-30\nThe mayor opened the bridge.')).toContain('Place VELMORSK');
    expect(typed('OSTREBNIK, Tajikistan (Reuters) - Fighting resumed.')).toContain('Place OSTREBNIK');
    // Not a dateline: a sentence goes on after the country, or the town is not in capitals.
    expect(typed('VELMORSK , Slovakia said nothing .')).not.toContain('Place VELMORSK');
    expect(typed('Velmorsk , Slovakia 1996-08-30')).not.toContain('Place Velmorsk');
  });

  it('keeps a person the training lexicon knows as a person in a score table', () => {
    const lexicon = emptyTypeLexicon();
    addLabelledSentence(lexicon, [
      { text: 'Ostrel', label: 'PER', begin: true },
      { text: 'Varnokov', label: 'PER', begin: false },
      { text: 'won', label: null, begin: false },
    ]);
    addLabelledSentence(lexicon, [
      { text: 'Kettlebury', label: 'LOC', begin: true },
      { text: 'is', label: null, begin: false },
      { text: 'far', label: null, begin: false },
    ]);
    const types = analyzeEntities('287 Ostrel Varnokov 70 76 71 70\nKettlebury 2 Fenwick 1', { typeLexicon: lexicon }).entities.map((e) => `${e.type} ${e.name}`);
    expect(types).toContain('Person Ostrel Varnokov');
    // A place before a score is still its side.
    expect(types).toContain('Organization Kettlebury');
  });
});


describe('source lines, numbered formations, state abbreviations, quoted surnames', () => {
  it('reads the outlet after the city in a translated item source line', () => {
    // Invented outlets: only the line's shape (item code or "in <Language> <date>") types them.
    expect(typed('NC1404123794 Cairo AL-VARNOK in Arabic 6 Apr 94 p 6')).toEqual(expect.arrayContaining(['Place Cairo', 'Organization AL-VARNOK']));
    expect(typed('Paris Radio Ostrelia in Arabic 1700 GMT 7 Apr 94')).toContain('Organization Radio Ostrelia');
    // Without the code or the language-and-date, a city before a name is not a source line.
    expect(typed('Paris Radio Ostrelia said it would close.')).not.toContain('Organization Radio Ostrelia');
  });

  it('reads an ordinal before a formation head as a numbered unit', () => {
    const types = typed('The ships joined the 6th Fleet while the 12th Brigade stayed home.');
    expect(types).toContain('Organization 6th Fleet');
    expect(types).toContain('Organization 12th Brigade');
    expect(typed('He finished 6th Sunday.')).not.toContain('Organization 6th Sunday');
  });

  it('reads a state abbreviation whose dot is split off in tokenised text', () => {
    expect(typed('Composer Thomas is a native of Chisholm , Minn .')).toEqual(expect.arrayContaining(['Place Chisholm', 'Place Minnesota']));
  });

  it('reads a title before a given name that is also a word', () => {
    expect(typed('Rep. Bill Varnokov said no.')).toContain('Person Bill Varnokov');
  });

  it('reads an unknown word opening a sentence before a speech verb as a surname, not an ordinary word', () => {
    expect(typed('Varnokov said the union wants to avoid unrest.')).toContain('Person Varnokov');
    expect(typed('Officials said the union wants to avoid unrest.')).toEqual([]);
    expect(typed('Gary Hess , an Ostrelco employee , said it.')).toContain('Organization Ostrelco');
  });
});

describe('places by their kind', () => {
  it('reads the name after a settlement kind and "of" as a place', () => {
    expect(typed('Fire reached the small resort town of Varnoskil , near the border.')).toContain('Place Varnoskil');
    // Capitalised, the kind word opens a name of its own ("Town of ..." is not read by this rule).
    expect(typed('The members of Varnoskil said no.')).not.toContain('Place Varnoskil');
  });

  it('reads a forest as a place by its last word', () => {
    expect(typed('A fire burned in the Ostrel National Forest on Tuesday.')).toContain('Place Ostrel National Forest');
  });
});

describe('age appositives', () => {
  it('reads a name followed by an age between commas as a person', () => {
    expect(typed('Ulf D. Varnokov , 47 , of the European Space Agency was chosen.')).toContain('Person Ulf D. Varnokov');
    expect(typed('Ostrelin, 29, told reporters.')).toContain('Person Ostrelin');
    // A year or a score is no age.
    expect(typed('Ostrelin , 1996 , was a good year.')).not.toContain('Person Ostrelin');
  });
});

describe('recognizer state between sentences', () => {
  it('reads goods where a sentence before had names on the same token positions', () => {
    // The goods pass keeps its per-token flags in a buffer reused from sentence to sentence:
    // "gold" is token 4 of the second sentence, where the first had "Putin".
    const goods = (text: string) =>
      analyzeEntities(text)
        .entities.filter((e) => e.type === 'Goods')
        .map((e) => e.name)
        .sort();
    expect(goods('Exports of oil and gold rose.')).toEqual(['gold', 'oil']);
    expect(goods('Angela Merkel met Vladimir Putin and Xi Jinping in Berlin. Exports of oil and gold rose.')).toEqual(['gold', 'oil']);
  });
});
