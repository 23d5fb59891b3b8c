import { describe, expect, it } from 'vitest';
import type { ExtractedRelation } from '@newsgraph/shared';
import { extractRelations } from '../src/relations/extract-relations.ts';
import { ARTICLE_SUBJECT } from '../src/relations/sentence-context.ts';
import { extractFromAnalysis } from '../src/extract.ts';
import { analysisFromMarkup } from './relations-fixture.ts';

/** Relations of a marked-up text as "subject PREDICATE object" strings (sorted). */
function triples(markup: string): string[] {
  return extractRelations(analysisFromMarkup(markup))
    .map((r) => `${r.subject} ${r.predicate} ${r.object}`)
    .sort();
}

function only(markup: string, predicate: string): string[] {
  return triples(markup).filter((t) => t.split(' ')[1] === predicate);
}

describe('VISITED', () => {
  it('reads an active visit with the sentence as evidence', () => {
    const a = analysisFromMarkup('Nothing here. [[Jane Doe|Person]] visited [[Paris|Place]] on Monday. Later text.');
    const rels = extractRelations(a);
    expect(rels).toHaveLength(1);
    const r = rels[0] as ExtractedRelation;
    expect(r).toMatchObject({ subject: 'person:jane-doe', predicate: 'VISITED', object: 'place:paris' });
    expect(r.evidence.rule).toBe('visit.verb');
    expect(r.evidence.sentence).toBe('Jane Doe visited Paris on Monday.');
    expect(a.text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.sentence);
    expect(r.evidence.confidence).toBeGreaterThan(0);
    expect(r.evidence.confidence).toBeLessThanOrEqual(1);
  });

  it('skips a few words between the agent and the verb, and expands object lists', () => {
    expect(triples('[[Acme Corp|Organization]] officials also toured [[Spain|Country|country:ES]] and [[Portugal|Country|country:PT]] in May.')).toEqual([
      'org:acme-corp VISITED country:ES',
      'org:acme-corp VISITED country:PT',
    ]);
    expect(triples('[[Jane Doe|Person]] recently travelled to [[Northern Oslo|Place]].')).toEqual(['person:jane-doe VISITED place:northern-oslo']);
  });

  it('reads the passive and presence for an event', () => {
    expect(triples('[[Paris|Place]] was visited by [[Jane Doe|Person]] last year.')).toEqual(['person:jane-doe VISITED place:paris']);
    expect(only('[[Jane Doe|Person]] leads the agency and is in [[Oslo|Place]] for a trade conference.', 'VISITED')).toEqual([
      'person:jane-doe VISITED place:oslo',
    ]);
  });

  it('reads trips and relative clauses', () => {
    expect(only('During a visit to [[Oslo|Place]], [[Jane Doe|Person]] said prices rose.', 'VISITED')).toEqual(['person:jane-doe VISITED place:oslo']);
    expect(only('[[Jane Doe|Person]] said on a trip to [[Oslo|Place]] that prices rose.', 'VISITED')).toEqual(['person:jane-doe VISITED place:oslo']);
    expect(only('[[Jane Doe|Person]], who recently visited [[Oslo|Place]], spoke.', 'VISITED')).toEqual(['person:jane-doe VISITED place:oslo']);
  });

  it('does not take a place named in another clause', () => {
    expect(only('[[Jane Doe|Person]], who was born in [[Oslo|Place]], said prices rose.', 'VISITED')).toEqual([]);
    expect(only('Officials who visited [[Oslo|Place]] said nothing.', 'VISITED')).toEqual([]);
  });
});

describe('MET_WITH (symmetric)', () => {
  it('emits one claim with subject id < object id', () => {
    const rels = extractRelations(analysisFromMarkup('[[Zed Corp|Organization]] officials met with [[Acme Corp|Organization]] executives.'));
    expect(rels.map((r) => `${r.subject} ${r.predicate} ${r.object}`)).toEqual(['org:acme-corp MET_WITH org:zed-corp']);
  });

  it('takes the titled person, not the demonym of the title, as the one met', () => {
    expect(only('[[Jane Doe|Person]] met with [[Syldavian|Country|country:SY|adj]] President [[John Roe|Person]] on Monday.', 'MET_WITH')).toEqual([
      'person:jane-doe MET_WITH person:john-roe',
    ]);
  });

  it('reads "talks between A and B" and a pronoun subject', () => {
    expect(only('Talks between [[Jane Doe|Person]] and [[Acme Corp|Organization]]\'s [[John Roe|Person]] lasted hours.', 'MET_WITH')).toEqual([
      'person:jane-doe MET_WITH person:john-roe',
    ]);
    const rels = extractRelations(analysisFromMarkup('[[Jane Doe|Person]] arrived on Monday. She met with [[John Roe|Person]] in the evening.'));
    const met = rels.find((r) => r.predicate === 'MET_WITH');
    expect(met).toMatchObject({ subject: 'person:jane-doe', object: 'person:john-roe', evidence: { rule: 'meet.verb.pronoun' } });
    expect(met?.evidence.sentence).toBe('She met with John Roe in the evening.');
    expect(only('The talks were cut off. [[Jane Doe|Person]] said they cut off talks with [[John Roe|Person]].', 'MET_WITH')).toEqual([]);
  });

  it('reads "met with officials from X" and ignores the noun "meeting"', () => {
    expect(only('[[Treasury|Organization]] officials also met with officials from the [[Kingdom of Fredonia|Country|country:FD]].', 'MET_WITH')).toEqual([
      'country:FD MET_WITH org:treasury',
    ]);
    expect(only('[[Acme Corp|Organization]] attended the meeting in [[Oslo|Place]].', 'MET_WITH')).toEqual([]);
  });
});

describe('URGED', () => {
  it('reads active, passive and "called on"', () => {
    expect(only('[[France|Country|country:FR]] urged [[Germany|Country|country:DE]] to act.', 'URGED')).toEqual(['country:FR URGED country:DE']);
    expect(only('[[Germany|Country|country:DE]] was urged by [[France|Country|country:FR]] to act.', 'URGED')).toEqual(['country:FR URGED country:DE']);
    expect(only('[[Jane Doe|Person]] called on [[Acme Corp|Organization]] to stop.', 'URGED')).toEqual(['person:jane-doe URGED org:acme-corp']);
  });

  it('reads an urging coordinated with the main clause', () => {
    expect(only("[[Syldavia|Country|country:SY]]'s ministry said it opposed the move and urged [[Borduria|Country|country:BO]] to reverse it.", 'URGED')).toEqual([
      'country:SY URGED country:BO',
    ]);
  });

  it('resolves "to urge the central bank" to the country just visited', () => {
    expect(only('[[Acme Agency|Organization]] staff flew to [[Ruritania|Country|country:RR]] last week to urge the central bank to act.', 'URGED')).toEqual([
      'org:acme-agency URGED country:RR',
    ]);
  });
});

describe('SUPPLIES', () => {
  it('reads "X firms supplying Y with goods" from a demonym', () => {
    expect(only('Officials worry about [[Ruritanian|Country|country:RR|adj]] firms supplying [[Freedonia|Country|country:FD]] with machine tools.', 'SUPPLIES')).toEqual([
      'country:RR SUPPLIES country:FD',
    ]);
  });

  it('expands "came from A, followed by B, the C and D" into one claim per supplier', () => {
    const markup =
      'Most parts sent to [[Freedonia|Country|country:FD]] came from [[Ruritania|Country|country:RR]], followed by [[Syldavia|Country|country:SY]], the [[Borduria|Country|country:BO]] and [[Elbonia|Country|country:EL]].';
    const rels = extractRelations(analysisFromMarkup(markup)).filter((r) => r.predicate === 'SUPPLIES');
    expect(rels.map((r) => `${r.subject} ${r.object}`).sort()).toEqual([
      'country:BO country:FD',
      'country:EL country:FD',
      'country:RR country:FD',
      'country:SY country:FD',
    ]);
    expect(new Set(rels.map((r) => r.evidence.rule))).toEqual(new Set(['supplies.came-from', 'supplies.list']));
  });

  it('reads acquisition through intermediaries and use of foreign-made goods', () => {
    expect(only('[[Freedonia|Country|country:FD]] continues to obtain [[microchips|Goods]] through intermediaries like [[Syldavia|Country|country:SY]].', 'SUPPLIES')).toEqual([
      'country:SY SUPPLIES country:FD',
    ]);
    expect(only('We know [[Freedonia|Country|country:FD]] is using [[Ruritanian|Country|country:RR|adj]] missiles.', 'SUPPLIES')).toEqual([
      'country:RR SUPPLIES country:FD',
    ]);
    expect(only('[[Acme Corp|Organization]] exported turbines to [[Freedonia|Country|country:FD]].', 'SUPPLIES')).toEqual([
      'org:acme-corp SUPPLIES country:FD',
    ]);
  });

  it("reads a buyer's purchases of a demonym's goods", () => {
    expect(only("[[Freedonia|Country|country:FD]]'s purchases of [[Syldavian|Country|country:SY|adj]] oil surged.", 'SUPPLIES')).toEqual([
      'country:SY SUPPLIES country:FD',
    ]);
  });

  it('does not read a ban as supply, and reads a denial as a negated claim', () => {
    expect(only("The [[Elbonian Union|Organization]]'s ban on arms exports to [[Freedonia|Country|country:FD]] stays.", 'SUPPLIES')).toEqual([]);
    const denied = extractRelations(analysisFromMarkup('[[Syldavia|Country|country:SY]] has denied supplying weapons to [[Freedonia|Country|country:FD]].')).filter((r) => r.predicate === 'SUPPLIES');
    expect(denied.map((r) => `${r.subject} ${r.object} ${r.evidence.modality}`)).toEqual(['country:SY country:FD negated']);
  });

  it('does not read a passive shipment as a supplier', () => {
    expect(only('Goods that passed [[Syldavia|Country|country:SY]] were shipped to [[Freedonia|Country|country:FD]].', 'SUPPLIES')).toEqual([]);
  });
});

describe('SHIPPED_VIA', () => {
  it('reads goods shipped through a list of hubs, skipping a bloc', () => {
    expect(only('[[Semiconductors|Goods]] were shipped through hubs such as [[Dubai|Place]], [[EU|Organization]] and [[Armenia|Country|country:AM]].', 'SHIPPED_VIA')).toEqual([
      'goods:semiconductors SHIPPED_VIA country:AM',
      'goods:semiconductors SHIPPED_VIA place:dubai',
    ]);
  });

  it('takes the goods named between the verb and the hub', () => {
    expect(only('The firms shipped [[drones|Goods]] and [[microchips|Goods]] to [[Freedonia|Country|country:FD]] via [[Syldavia|Country|country:SY]].', 'SHIPPED_VIA')).toEqual([
      'goods:drones SHIPPED_VIA country:SY',
      'goods:microchips SHIPPED_VIA country:SY',
    ]);
  });

  it('finds the goods inside the subject phrase', () => {
    expect(only('Shipments of [[ball bearings|Goods]] to [[Freedonia|Country|country:FD]] were routed through [[Syldavia|Country|country:SY]] and [[Borduria|Country|country:BO]].', 'SHIPPED_VIA')).toEqual([
      'goods:ball-bearings SHIPPED_VIA country:BO',
      'goods:ball-bearings SHIPPED_VIA country:SY',
    ]);
  });

  it('resolves "some chips" to the goods named before', () => {
    const text = 'Exports of [[dual-use chips|Goods]] rose. Some chips were routed via [[Kazakhstan|Country|country:KZ]] last year.';
    expect(only(text, 'SHIPPED_VIA')).toEqual(['goods:dual-use-chips SHIPPED_VIA country:KZ']);
  });
});

describe('SANCTIONS', () => {
  it('reads verb, noun, passive and compound forms', () => {
    expect(only('[[Canada|Country|country:CA]] sanctioned [[Acme Bank|Organization]] on Friday.', 'SANCTIONS')).toEqual(['country:CA SANCTIONS org:acme-bank']);
    expect(only('The [[European Union|Organization]] imposed sanctions on [[Borduria|Country|country:BO]].', 'SANCTIONS')).toEqual([
      'org:european-union SANCTIONS country:BO',
    ]);
    expect(only('[[Acme Bank|Organization]] was sanctioned by the [[United States|Country|country:US]] in May.', 'SANCTIONS')).toEqual([
      'country:US SANCTIONS org:acme-bank',
    ]);
    expect(only('Shares of [[US|Country|country:US|adj]]-sanctioned [[Acme Bank|Organization]] fell.', 'SANCTIONS')).toEqual(['country:US SANCTIONS org:acme-bank']);
  });

  it('reads "whether to sanction companies in A, B and C" as one claim per country', () => {
    expect(only('[[Group of Twenty|Organization]] members are discussing whether to sanction companies in [[Syldavia|Country|country:SY]], [[Borduria|Country|country:BO]] and [[Elbonia|Country|country:EL]].', 'SANCTIONS')).toEqual([
      'org:group-of-twenty SANCTIONS country:BO',
      'org:group-of-twenty SANCTIONS country:EL',
      'org:group-of-twenty SANCTIONS country:SY',
    ]);
  });

  it('reads sanctions on companies named by their country and entity-list additions', () => {
    expect(only('[[Syldavia|Country|country:SY]] has imposed sanctions on more than 1,000 [[Bordurian|Country|country:BO|adj]] entities.', 'SANCTIONS')).toEqual([
      'country:SY SANCTIONS country:BO',
    ]);
    expect(only('The [[Trade Ministry|Organization]] added 12 [[Bordurian|Country|country:BO|adj]] companies to its Entity List on Tuesday.', 'SANCTIONS')).toEqual([
      'org:trade-ministry SANCTIONS country:BO',
    ]);
  });

  it('reads designations, export controls and titled targets', () => {
    expect(only('The [[Trade Ministry|Organization]] designated three [[Syldavia|Country|country:SY]]-based firms on Monday.', 'SANCTIONS')).toEqual([
      'org:trade-ministry SANCTIONS country:SY',
    ]);
    expect(only('[[Borduria|Country|country:BO]] imposed export controls on [[Syldavia|Country|country:SY]] in October.', 'SANCTIONS')).toEqual([
      'country:BO SANCTIONS country:SY',
    ]);
    expect(only('[[Borduria|Country|country:BO]] sanctioned [[Syldavian|Country|country:SY|adj]] oligarch [[John Roe|Person]].', 'SANCTIONS')).toEqual([
      'country:BO SANCTIONS person:john-roe',
    ]);
    expect(only('A list of items designated as high priority by [[Borduria|Country|country:BO]] circulated.', 'SANCTIONS')).toEqual([]);
  });

  it('does not read a compound noun as a sanction', () => {
    expect(only('according to [[Borduria|Country|country:BO]] sanctions investigator [[Jane Doe|Person]].', 'SANCTIONS')).toEqual([]);
    expect(only('according to [[Borduria|Country|country:BO]] sanctions investigator [[Jane Doe|Person]].', 'HOLDS_ROLE')).toEqual([]);
  });
});

describe('TRADES_WITH', () => {
  it('reads "trade with" with the trading country named before', () => {
    expect(only('[[Syldavian|Country|country:SY|adj]] minister [[Jane Doe|Person]] said her country keeps trading with [[Borduria|Country|country:BO]].', 'TRADES_WITH')).toEqual([
      'country:BO TRADES_WITH country:SY',
    ]);
    expect(only('Trade between [[Syldavia|Country|country:SY]] and [[Borduria|Country|country:BO]] doubled.', 'TRADES_WITH')).toEqual([
      'country:BO TRADES_WITH country:SY',
    ]);
  });
});

describe('HOLDS_ROLE', () => {
  it('reads titles before names (country, organization, demonym)', () => {
    expect(only('[[Syldavia|Country|country:SY]] Foreign Minister [[Jane Doe|Person]] spoke.', 'HOLDS_ROLE')).toEqual(['person:jane-doe HOLDS_ROLE country:SY']);
    expect(only('[[Acme Corp|Organization]] chief executive [[John Roe|Person]] resigned.', 'HOLDS_ROLE')).toEqual(['person:john-roe HOLDS_ROLE org:acme-corp']);
    expect(only('[[Syldavian|Country|country:SY|adj]] assistant secretary of trade for export policy [[Jane Doe|Person]] spoke.', 'HOLDS_ROLE')).toEqual([
      'person:jane-doe HOLDS_ROLE country:SY',
    ]);
  });

  it('does not make an ambassador to a country its official', () => {
    expect(only('[[John Roe|Person]], ambassador to [[Syldavia|Country|country:SY]], spoke.', 'HOLDS_ROLE')).toEqual([]);
  });

  it('reads appositives, "works for" and "at"', () => {
    expect(only('said [[John Roe|Person]], a spokesman for [[Acme Corp|Organization]], on Monday.', 'HOLDS_ROLE')).toEqual(['person:john-roe HOLDS_ROLE org:acme-corp']);
    expect(only('[[John Roe|Person]], chief executive of the [[Acme Corp|Organization]], resigned.', 'HOLDS_ROLE')).toEqual(['person:john-roe HOLDS_ROLE org:acme-corp']);
    expect(only('[[John Roe|Person]] works for [[Acme Corp|Organization]].', 'HOLDS_ROLE')).toEqual(['person:john-roe HOLDS_ROLE org:acme-corp']);
    expect(only('[[John Roe|Person]] at the [[Institute of Optics|Organization]] found a flaw.', 'HOLDS_ROLE')).toEqual(['person:john-roe HOLDS_ROLE org:institute-of-optics']);
  });

  it("reads an organization's possessive before a name", () => {
    expect(only("[[Acme Corp|Organization]]'s [[John Roe|Person]] declined to comment.", 'HOLDS_ROLE')).toEqual(['person:john-roe HOLDS_ROLE org:acme-corp']);
  });

  it('does not read a verb between organization and person as a title', () => {
    expect(only('[[Acme Corp|Organization]] said director [[John Roe|Person]] resigned.', 'HOLDS_ROLE')).toEqual([]);
  });
});

describe('PART_OF', () => {
  it('reads a possessive sub-unit and membership', () => {
    expect(only("the [[Ministry of Finance|Organization]]'s [[Customs Bureau|Organization]] said", 'PART_OF')).toEqual([
      'org:customs-bureau PART_OF org:ministry-of-finance',
    ]);
    expect(only('[[Syldavia|Country|country:SY]] is a member of [[NATO|Organization]].', 'PART_OF')).toEqual(['country:SY PART_OF org:nato']);
    expect(only('[[EU|Organization]] members [[Syldavia|Country|country:SY]] and [[Borduria|Country|country:BO]] objected.', 'PART_OF')).toEqual([
      'country:BO PART_OF org:eu',
      'country:SY PART_OF org:eu',
    ]);
  });

  it('reads plural membership', () => {
    expect(only('[[Syldavia|Country|country:SY]] and [[Borduria|Country|country:BO]] are members of [[NATO|Organization]].', 'PART_OF')).toEqual([
      'country:BO PART_OF org:nato',
      'country:SY PART_OF org:nato',
    ]);
  });

  it('does not read an ordinary possessive as membership', () => {
    expect(only("[[Acme Corp|Organization]]'s [[Zed Corp|Organization]] deal fell through.", 'PART_OF')).toEqual([]);
  });
});

describe('LOCATED_IN', () => {
  it('reads "-based", "based in" and "City, Country"', () => {
    expect(only('[[Eindhoven|Place]]-based [[Acme Corp|Organization]] said', 'LOCATED_IN')).toEqual(['org:acme-corp LOCATED_IN place:eindhoven']);
    expect(only('[[Acme Corp|Organization]], based in [[Eindhoven|Place]], said', 'LOCATED_IN')).toEqual(['org:acme-corp LOCATED_IN place:eindhoven']);
    expect(only('It happened in [[Lyon|Place]], [[France|Country|country:FR]], on Monday.', 'LOCATED_IN')).toEqual(['place:lyon LOCATED_IN country:FR']);
  });

  it('reads "based in" past an appositive and address chains', () => {
    expect(only("[[Acme Corp|Organization]], [[Syldavia|Country|country:SY]]'s largest shipper, is based in [[Klow|Place]].", 'LOCATED_IN')).toEqual([
      // The appositive says where it is too ("Syldavia's largest shipper": located-kind.after).
      'org:acme-corp LOCATED_IN country:SY',
      'org:acme-corp LOCATED_IN place:klow',
    ]);
    expect(only('[[Acme Depot|Organization]], [[Davisville|Place]], [[Rhode Island|Place]];', 'LOCATED_IN')).toEqual([
      'org:acme-depot LOCATED_IN place:davisville',
      'org:acme-depot LOCATED_IN place:rhode-island',
      'place:davisville LOCATED_IN place:rhode-island',
    ]);
  });

  it('reads nationality appositives', () => {
    expect(only('[[Acme Corp|Organization]], the [[Syldavian|Country|country:SY|adj]] company that makes lenses, said', 'LOCATED_IN')).toEqual([
      'org:acme-corp LOCATED_IN country:SY',
    ]);
    expect(only("[[Acme Corp|Organization]], [[Syldavia|Country|country:SY]]'s largest chip equipment maker, said", 'LOCATED_IN')).toEqual([
      'org:acme-corp LOCATED_IN country:SY',
    ]);
  });

  it('does not read a list of cities as containment', () => {
    expect(only('She visited [[Lyon|Place]], [[Paris|Place]] and [[Nice|Place]].', 'LOCATED_IN')).toEqual([]);
  });
});

describe('REPORTED_BY', () => {
  it('reads attributions to a media outlet with the article as subject', () => {
    for (const markup of [
      'Prices rose, [[Daily Planet|Organization|org:daily-planet|kind=MediaOutlet]] reported on Monday.',
      'Prices rose, according to [[Daily Planet|Organization|org:daily-planet|kind=MediaOutlet]].',
      'Prices rose, it said [[Daily Planet|Organization|org:daily-planet|kind=MediaOutlet]].',
      'Prices rose. — [[Daily Planet|Organization|org:daily-planet|kind=MediaOutlet]]',
      'Prices rose, [[Reuters|Organization]] has reported.',
      'OSLO ([[Reuters|Organization]]) - Prices rose.',
    ]) {
      const rels = only(markup, 'REPORTED_BY');
      expect(rels, markup).toHaveLength(1);
      expect(rels[0]?.startsWith(`${ARTICLE_SUBJECT} REPORTED_BY org:`), markup).toBe(true);
    }
  });

  it('ignores photo credits and non-media organizations', () => {
    expect(only('Smoke over the city. [[Reuters|Organization]]/Jane Doe', 'REPORTED_BY')).toEqual([]);
    expect(only('Prices rose, [[Acme Corp|Organization]] said.', 'REPORTED_BY')).toEqual([]);
  });

  it('adds the publishing outlet as an entity and a claim', () => {
    const result = extractFromAnalysis(analysisFromMarkup('[[Jane Doe|Person]] visited [[Paris|Place]].'), { outlet: 'The Daily Bugle' });
    const outlet = result.entities.find((e) => e.name === 'The Daily Bugle');
    expect(outlet).toMatchObject({ type: 'Organization', attributes: { kind: 'MediaOutlet' }, mentions: [] });
    expect(result.relations.find((r) => r.predicate === 'REPORTED_BY')).toMatchObject({
      subject: ARTICLE_SUBJECT,
      object: outlet?.id,
      evidence: { rule: 'reported-by.outlet' },
    });
    // Named in the text: the existing entity is reused, with its sentence as evidence.
    const named = extractFromAnalysis(analysisFromMarkup('Prices rose. [[Daily Bugle|Organization]] staff left.'), { outlet: 'The Daily Bugle' });
    expect(named.entities.filter((e) => e.type === 'Organization')).toHaveLength(1);
    expect(named.relations.find((r) => r.evidence.rule === 'reported-by.outlet')?.evidence.sentence).toBe('Daily Bugle staff left.');
  });
});
