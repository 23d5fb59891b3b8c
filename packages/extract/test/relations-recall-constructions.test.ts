import { describe, expect, it } from 'vitest';
import { extractRelations } from '../src/relations/extract-relations.ts';
import { analysisFromMarkup } from './relations-fixture.ts';

/**
 * Constructions of sanctions reporting that no rule read before branch `recall` (issue 10):
 * relative clauses of designation notices, goods bought from described sellers, designations by
 * "listed" and "added to its own list", companies placed by an appositive, posts in organizations
 * introduced by their home, ownership. Sentences are our own, with hand-marked entities.
 */

/** "subject PREDICATE object rule modality" for the claims of one predicate, sorted. */
function claims(markup: string, predicate: string, rulePrefix = ''): string[] {
  return extractRelations(analysisFromMarkup(markup))
    .filter((r) => r.predicate === predicate && r.evidence.rule.startsWith(rulePrefix))
    .map((r) => `${r.subject} ${r.predicate} ${r.object} ${r.evidence.rule} ${r.evidence.modality ?? 'asserted'}`)
    .sort();
}

const IR = '[[Iran|Country|country:IR]]';
const RU = '[[Russia|Country|country:RU]]';

describe('supplies-relative: the seller described by a relative clause or a noun of supply', () => {
  it('reads the antecedent of "that <source> said had shipped ... to", not the source', () => {
    expect(claims(`[[Vantor Trading|Organization]], a [[Dubai|Place]] company that prosecutors said had shipped [[drone engines|Goods]] to ${IR}, was fined.`, 'SUPPLIES')).toEqual([
      'org:vantor-trading SUPPLIES country:IR supplies-relative.clause asserted',
    ]);
  });

  it('expands a plural appositive to every member and skips the country inside it', () => {
    const out = claims(
      '[[Helix Ltd|Organization]] and [[Kestrel GmbH|Organization]], two [[Cyprus|Country|country:CY]] shell companies that the [[Treasury|Organization]] says forwarded the chips to [[Orion Group|Organization]], were listed.',
      'SUPPLIES',
    );
    expect(out).toEqual([
      'org:helix-ltd SUPPLIES org:orion-group supplies-relative.clause.list asserted',
      'org:kestrel-gmbh SUPPLIES org:orion-group supplies-relative.clause asserted',
    ]);
  });

  it('reads a second verb of the clause and a country owning the buying industry', () => {
    expect(claims(`[[Baltic Spares LLC|Organization]], which the ministry said had bought bearings in [[Europe|Place]] and shipped them to ${IR}'s drone industry, denies it.`, 'SUPPLIES')).toEqual([
      'org:baltic-spares-llc SUPPLIES country:IR supplies-relative.clause asserted',
    ]);
  });

  it('reads a capital as its country when the story names the country, and a city possessive as a place only', () => {
    expect(claims(`Exports to ${RU} rose. [[Helix Ltd|Organization]], a broker that sold chips to [[Moscow|Place]], closed.`, 'SUPPLIES')).toContain(
      'org:helix-ltd SUPPLIES country:RU supplies-relative.clause asserted',
    );
    expect(claims(`[[Helix Ltd|Organization]], a broker that sold chips to [[Moscow|Place]], closed.`, 'SUPPLIES')).toEqual([]);
    expect(claims(`[[Helix Ltd|Organization]], a broker that sold chips to [[Moscow|Place]]'s [[Orion Group|Organization]], closed.`, 'SUPPLIES')).toEqual([
      'org:helix-ltd SUPPLIES org:orion-group supplies-relative.clause asserted',
    ]);
  });

  it('reads a seller noun with its buyer in an appositive', () => {
    expect(claims('[[Aeroservis LLC|Organization]], a [[Moscow|Place]] supplier to the airline [[Taiga Air|Organization]], was listed.', 'SUPPLIES')).toEqual([
      'org:aeroservis-llc SUPPLIES org:taiga-air supplies-relative.seller-noun asserted',
    ]);
  });

  it('keeps a negation as a negated claim and reads no ban, no sale of a business', () => {
    expect(claims(`[[Orbit LLC|Organization]], a firm that prosecutors say never sold chips to ${IR}, was cleared.`, 'SUPPLIES')).toEqual([
      'org:orbit-llc SUPPLIES country:IR supplies-relative.clause negated',
    ]);
    expect(claims(`[[Acme Ltd|Organization]], a firm that was barred from selling chips to ${IR}, closed.`, 'SUPPLIES')).toEqual([]);
    expect(claims('[[Norvik AS|Organization]], which sold its shipping unit to [[Halden Corp|Organization]], grew.', 'SUPPLIES')).toEqual([]);
  });
});

describe('supplies-sourced: goods bought from a seller', () => {
  it('reads a long goods phrase with a number and the buyer before the verb', () => {
    expect(claims(`${RU}'s defence industry imported more than 2,000 tonnes of [[nitrocellulose|Goods]] from [[China|Country|country:CN]] last year.`, 'SUPPLIES')).toContain(
      'country:CN SUPPLIES country:RU supplies-sourced.from asserted',
    );
  });

  it('reads sellers described as distributors in a list of countries', () => {
    expect(claims('[[Kestrel GmbH|Organization]] bought the engines from distributors in [[Italy|Country|country:IT]] and [[Poland|Country|country:PL]].', 'SUPPLIES')).toEqual([
      'country:IT SUPPLIES org:kestrel-gmbh supplies-sourced.from asserted',
      'country:PL SUPPLIES org:kestrel-gmbh supplies-sourced.from.list asserted',
    ]);
  });

  it('reads no stake, no loan', () => {
    expect(claims('[[Acme Corp|Organization]] bought a 20 percent stake in the plant from [[Halden Corp|Organization]].', 'SUPPLIES')).toEqual([]);
    expect(claims('[[Acme Corp|Organization]] obtained a loan of $5 million from [[China|Country|country:CN]].', 'SUPPLIES')).toEqual([]);
  });
});

describe('sanctions-designated: "listed" and "added to its own list"', () => {
  it('reads "also listed" by a capital standing for its government, with a described second member', () => {
    const out = claims(
      '[[Japan|Country|country:JP]] froze the assets of two firms on Friday. [[Tokyo|Place]] also listed [[Borey Trading LLC|Organization]] and an [[Armenian|Country|country:AM|adj]] freight forwarder, [[Ararat Cargo CJSC|Organization]].',
      'SANCTIONS',
    );
    expect(out).toContain('country:JP SANCTIONS org:borey-trading-llc sanctions-designated.listed asserted');
    expect(out).toContain('country:JP SANCTIONS org:ararat-cargo-cjsc sanctions-designated.listed.list asserted');
  });

  it('reads "added X to its own sanctions list"', () => {
    expect(claims('The [[United States|Country|country:US]] added [[Skyline Parts FZE|Organization]] to its own sanctions list in January.', 'SANCTIONS')).toContain(
      'country:US SANCTIONS org:skyline-parts-fze sanctions-designated.added asserted',
    );
  });

  it('reads no listing by a company, outside a sanctions story, or by a capital whose country the story does not name', () => {
    expect(claims('[[Halden Corp|Organization]] listed [[Norvik AS|Organization]] as a customer.', 'SANCTIONS')).toEqual([]);
    expect(claims('The [[Treasury|Organization]] imposed sanctions on two banks. [[Halden Corp|Organization]] listed [[Norvik AS|Organization]] as a client.', 'SANCTIONS')).not.toContain(
      'org:halden-corp SANCTIONS org:norvik-as sanctions-designated.listed asserted',
    );
    expect(claims('[[Norway|Country|country:NO]] listed [[Norvik AS|Organization]] among its best exporters.', 'SANCTIONS')).toEqual([]);
    expect(claims('Sanctions were widened. [[Tokyo|Place]] also listed [[Borey Trading LLC|Organization]].', 'SANCTIONS')).toEqual([]);
  });
});

describe('located-apposed: a company placed by its appositive', () => {
  it('reads the place before the company noun, for every member of a plural appositive', () => {
    expect(claims('[[Tekhno OOO|Organization]], a [[Moscow|Place]] electronics firm, makes radios.', 'LOCATED_IN')).toEqual([
      'org:tekhno-ooo LOCATED_IN place:moscow located-apposed.place-noun asserted',
    ]);
    expect(claims('[[Helix Ltd|Organization]] and [[Kestrel GmbH|Organization]], two [[Hong Kong|Country|country:HK]] shell companies, were named.', 'LOCATED_IN')).toEqual([
      'org:helix-ltd LOCATED_IN country:HK located-apposed.place-noun.list asserted',
      'org:kestrel-gmbh LOCATED_IN country:HK located-apposed.place-noun asserted',
    ]);
  });

  it('reads "a maker of <goods> in <place>" and the description before the name', () => {
    expect(claims('[[Zvezda AO|Organization]], a maker of reconnaissance drones in [[Izhevsk|Place]], was named.', 'LOCATED_IN')).toEqual([
      'org:zvezda-ao LOCATED_IN place:izhevsk located-apposed.noun-in-place asserted',
    ]);
    expect(claims('Tokyo also named an [[Armenian|Country|country:AM|adj]] freight forwarder, [[Ararat Cargo CJSC|Organization]].', 'LOCATED_IN')).toEqual([
      'org:ararat-cargo-cjsc LOCATED_IN country:AM located-apposed.described-before asserted',
    ]);
  });

  it('reads no buyer country, no person, no office abroad', () => {
    expect(claims('[[Omega Ltd|Organization]], a supplier to buyers in [[Iran|Country|country:IR]], closed.', 'LOCATED_IN')).toEqual([]);
    expect(claims('[[Lena Park|Person]], a critic of [[Seoul|Place]], spoke.', 'LOCATED_IN')).toEqual([]);
    expect(claims('[[Omega Ltd|Organization]], a company with offices in [[Paris|Place]], grew.', 'LOCATED_IN', 'located-apposed')).toEqual([]);
  });
});

describe('role-post-at: posts the title rules leave out', () => {
  it('reads a post at an organization introduced by its home', () => {
    expect(claims('The risk is rising, said [[Dmitri Orlov|Person]], an analyst at the [[Vienna|Place]]-based [[Institute for Arms Research|Organization]].', 'HOLDS_ROLE')).toEqual([
      'person:dmitri-orlov HOLDS_ROLE org:institute-for-arms-research role-post-at.based asserted',
    ]);
  });

  it("reads a country's post with a long complement, not a noun that is no post", () => {
    expect(claims("[[Uzbekistan|Country|country:UZ]]'s deputy minister of investment and foreign trade, [[Dilshod Rakhimov|Person]], said so.", 'HOLDS_ROLE')).toEqual([
      'person:dilshod-rakhimov HOLDS_ROLE country:UZ role-post-at.long-post asserted',
    ]);
    expect(claims("[[Norway|Country|country:NO]]'s ban of exports and imports, [[Olaf Berg|Person]] said, is wrong.", 'HOLDS_ROLE')).toEqual([]);
  });
});

describe('part-of-owned: a company owned by another organization', () => {
  it('reads "owned by" in the description, not a part share or a person owner', () => {
    expect(claims('[[Tekhno OOO|Organization]], a [[Moscow|Place]] electronics firm owned by the state corporation [[Rostec|Organization]], makes radios.', 'PART_OF')).toEqual([
      'org:tekhno-ooo PART_OF org:rostec part-of-owned.owned-by asserted',
    ]);
    expect(claims('[[Norfrost AS|Organization]] is partly owned by [[Halden Corp|Organization]].', 'PART_OF')).toEqual([]);
    expect(claims('[[Kestrel GmbH|Organization]], owned by [[Ivan Petrov|Person]], closed.', 'PART_OF')).toEqual([]);
  });
});

describe('supplies: a demonym opening a sentence after a name ending in a capital', () => {
  // Defect: the "demonym inside a larger name" test read the end of the previous sentence
  // ("the Group of Seven. Japanese exports ...") and dropped the claim.
  it('reads "Japanese exports of X to Russia" after a sentence ending in a capitalised word', () => {
    const out = claims(`[[Japan|Country|country:JP]] acts with the [[Group of Seven|Organization]]. [[Japanese|Country|country:JP|adj]] exports of [[machinery|Goods]] to ${RU} fell.`, 'SUPPLIES');
    expect(out.some((c) => c.startsWith('country:JP SUPPLIES country:RU'))).toBe(true);
  });
});

describe('visit-fronted: a fronted trip with a time, a relative clause of presence, presence with a time', () => {
  it('reads a fronted trip phrase with a time before the comma', () => {
    expect(claims('During a trip to [[Astana|Place]] last week, [[Anna Berg|Person]] met bankers.', 'VISITED', 'visit-fronted')).toEqual([
      'person:anna-berg VISITED place:astana visit-fronted.trip asserted',
    ]);
  });

  it('reads "who is visiting" and "who was in ... to"', () => {
    expect(claims('[[Tom Reyes|Person]], who is visiting [[Hanoi|Place]], said so.', 'VISITED', 'visit-fronted')).toEqual(['person:tom-reyes VISITED place:hanoi visit-fronted.who asserted']);
    expect(claims('[[Tom Reyes|Person]], who was in [[Riga|Place]] to address a conference, said so.', 'VISITED', 'visit-fronted')).toEqual([
      'person:tom-reyes VISITED place:riga visit-fronted.who asserted',
    ]);
  });

  it('reads a person present with a time as a visit (planned with "will"), not an organization, not without a time', () => {
    expect(claims('[[Anna Berg|Person]] will be in [[Tokyo|Place]] next week.', 'VISITED', 'visit-fronted')).toEqual(['person:anna-berg VISITED place:tokyo visit-fronted.presence planned']);
    expect(claims('[[Norvik AS|Organization]] was in [[Oslo|Place]] on Monday.', 'VISITED', 'visit-fronted')).toEqual([]);
    expect(claims('[[Anna Berg|Person]] was in [[Tokyo|Place]] during the war.', 'VISITED', 'visit-fronted')).toEqual([]);
  });
});

describe('meet-fronted: a meeting or call that opens the sentence', () => {
  it('reads "In a call with X, Y", with a titled person and a list closed by "and"', () => {
    expect(claims('In a phone call with [[French|Country|country:FR|adj]] President [[Anne Roux|Person]], [[Li Wen|Person]] urged restraint.', 'MET_WITH', 'meet-fronted')).toEqual([
      'person:anne-roux MET_WITH person:li-wen meet-fronted.phrase asserted',
    ]);
    expect(claims('During talks with [[Anne Roux|Person]] and [[Tom Reyes|Person]] in [[Riyadh|Place]] on Monday, [[Li Wen|Person]] said trade must grow.', 'MET_WITH', 'meet-fronted')).toEqual([
      'person:anne-roux MET_WITH person:li-wen meet-fronted.phrase asserted',
      'person:li-wen MET_WITH person:tom-reyes meet-fronted.phrase.list asserted',
    ]);
  });

  it('reads no meeting that has not happened, no match in a sports story', () => {
    expect(claims('Before her meeting with [[Anne Roux|Person]], [[Li Wen|Person]] said she was ready.', 'MET_WITH', 'meet-fronted')).toEqual([]);
    expect(claims('After her meeting with [[Anne Roux|Person]] in the semi-final, [[Li Wen|Person]] said she was ready.', 'MET_WITH', 'meet-fronted')).toEqual([]);
  });
});

describe('corpus errors read before the fixes (BBC and Reuters sentences, rewritten)', () => {
  it('reads no appositive where a clause follows the comma', () => {
    expect(claims('When [[Halden Corp|Organization]] still owned [[Norvik AS|Organization]], the [[Oslo|Place]] factory was busy.', 'LOCATED_IN', 'located-apposed')).toEqual([]);
  });

  it('reads no part for a share in per cent', () => {
    expect(claims('[[Norvik AS|Organization]], which is 64 pct owned by [[Halden Corp|Organization]], grew.', 'PART_OF', 'part-of-owned')).toEqual([]);
  });
});

describe('supplies-nominal: first objects, dependence, demonyms on goods, suppliers after "by"', () => {
  const CN = '[[China|Country|country:CN]]';
  it('reads the recipient as the first object of a giving verb, not a message or a stake', () => {
    expect(claims(`[[North Korea|Country|country:KP]] has sent ${RU} more than a million artillery shells.`, 'SUPPLIES', 'supplies-nominal')).toEqual([
      'country:KP SUPPLIES country:RU supplies-nominal.double-object asserted',
    ]);
    expect(claims('[[Britain|Country|country:GB]] sent [[Ukraine|Country|country:UA]] a message.', 'SUPPLIES', 'supplies-nominal')).toEqual([]);
    expect(claims('[[Halden Corp|Organization]] sold [[Norvik AS|Organization]] its stake.', 'SUPPLIES', 'supplies-nominal')).toEqual([]);
  });

  it('reads dependence for goods, the one relied on as the supplier', () => {
    expect(claims(`${RU} relies on ${CN} for microchips.`, 'SUPPLIES', 'supplies-nominal')).toEqual(['country:CN SUPPLIES country:RU supplies-nominal.relies-on asserted']);
    expect(claims(`${RU} relies on ${CN} for diplomatic support.`, 'SUPPLIES', 'supplies-nominal')).toEqual([]);
  });

  it('reads a demonym on the goods of a supply noun, not under a ban', () => {
    expect(claims(`Shipments of ${'[[Iranian|Country|country:IR|adj]]'} [[drones|Goods]] to ${RU} continued.`, 'SUPPLIES', 'supplies-nominal')).toEqual([
      'country:IR SUPPLIES country:RU supplies-nominal.demonym-goods asserted',
    ]);
    expect(claims(`The ban on exports of ${'[[American|Country|country:US|adj]]'} [[chips|Goods]] to ${CN} stays.`, 'SUPPLIES', 'supplies-nominal')).toEqual([]);
  });

  it('reads the suppliers after "by"', () => {
    expect(claims(`Sales of chips to ${RU} by [[Helix Ltd|Organization]] and [[Kestrel GmbH|Organization]] tripled.`, 'SUPPLIES', 'supplies-nominal')).toEqual([
      'org:helix-ltd SUPPLIES country:RU supplies-nominal.by asserted',
      'org:kestrel-gmbh SUPPLIES country:RU supplies-nominal.by asserted',
    ]);
  });
});

describe('sanctions-designated: passives with their agent', () => {
  it('reads the passive of a relative clause and "sanctions were imposed on ... by"', () => {
    expect(claims('[[Orion Group|Organization]], which was sanctioned by the [[United States|Country|country:US]] in 2023, denied wrongdoing.', 'SANCTIONS', 'sanctions-designated')).toEqual([
      'country:US SANCTIONS org:orion-group sanctions-designated.relative-passive asserted',
    ]);
    expect(claims('Sanctions were imposed on [[Altair Shipping|Organization]] and [[Vega LLC|Organization]] by the [[EU|Organization|org:eu]].', 'SANCTIONS', 'sanctions-designated')).toEqual([
      'org:eu SANCTIONS org:altair-shipping sanctions-designated.imposed-on-by asserted',
      'org:eu SANCTIONS org:vega-llc sanctions-designated.imposed-on-by.list asserted',
    ]);
  });

  it('reads no praise, no other passive', () => {
    expect(claims('[[Orion Group|Organization]], which was praised by the [[United States|Country|country:US]], grew.', 'SANCTIONS', 'sanctions-designated')).toEqual([]);
  });
});

describe('shipped-via-port: a hub named by its kind, or transited', () => {
  it('reads "through the port of X" and "transited X"', () => {
    expect(claims('The [[artillery shells|Goods]] were shipped to [[Russia|Country|country:RU]] through the port of [[Rajin|Place]].', 'SHIPPED_VIA', 'shipped-via-port')).toEqual([
      'goods:artillery-shells SHIPPED_VIA place:rajin shipped-via-port.port-of asserted',
    ]);
    expect(claims('Tankers carrying [[crude|Goods]] transited the [[Bosphorus|Place]] in May.', 'SHIPPED_VIA', 'shipped-via-port')).toEqual([
      'goods:crude SHIPPED_VIA place:bosphorus shipped-via-port.transit asserted',
    ]);
  });

  it('reads no walk through a port and no crossing without goods', () => {
    expect(claims('[[Anna Berg|Person]] walked through the port of [[Mersin|Place]].', 'SHIPPED_VIA', 'shipped-via-port')).toEqual([]);
  });
});
