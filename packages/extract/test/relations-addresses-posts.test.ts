import { describe, expect, it } from 'vitest';
import { analyzeEntities } from '../src/analyze-entities.ts';
import { claimsOfRule, textClaims } from './relation-claims.ts';

/**
 * Issue 10 (CoNLL04 recall, second round): a name before a state abbreviation, posts of a town or
 * a public land, the predecessor in a post, a speaker titled before the name, and the recognizer
 * changes that feed them (state abbreviations in all-caps datelines, "People's Party" names).
 * Our own sentences, with invented names; each rule has a near miss it must not read.
 */

const P = (name: string): string => `[[${name}|Person]]`;
const ORG = (name: string): string => `[[${name}|Organization]]`;
const CITY = (name: string): string => `[[${name}|Place|place:${name.toLowerCase().replace(/\s+/g, '-')}|kind=city]]`;
const LAND = (name: string): string => `[[${name}|Place|place:${name.toLowerCase().replace(/\s+/g, '-')}]]`;
const STATE = (surface: string, id: string): string => `[[${surface}|Place|place:${id}|kind=province]]`;

describe('located-address', () => {
  it('reads a name written before a state abbreviation as an address', () => {
    expect(claimsOfRule(`The ${ORG('Harbour Clinic')}, ${STATE('N.M.', 'new-mexico')}, opened a wing.`, 'located-address')).toEqual([
      'org:harbour-clinic LOCATED_IN place:new-mexico located-address.state',
    ]);
    // The abbreviation's dot outside the mention ("Calif" + ".") and a line of just the address.
    expect(claimsOfRule(`${ORG('LAKESIDE DEPOT')}, ${STATE('Calif', 'california')}. _ Crews worked late.`, 'located-address')).toEqual([
      'org:lakeside-depot LOCATED_IN place:california located-address.state',
    ]);
  });

  it('reads nothing from a state written in full, a list of states, or a list of names', () => {
    expect(claimsOfRule(`${ORG('Brekke Foods')}, ${STATE('California', 'california')} and Oregon raised prices.`, 'located-address')).toEqual([]);
    // (On plain text: the test markup ends a sentence at every full stop.)
    expect(textClaims('Lawyers for Brekke Foods Inc., Calif., met on Monday.', 'LOCATED_IN')).toEqual(['Brekke Foods Inc. LOCATED_IN California']);
    expect(textClaims('Lawyers for Brekke Foods Inc., Calif., and Norvik Corp. met on Monday.', 'LOCATED_IN')).toEqual([]);
    expect(claimsOfRule(`${ORG('Norvik')}, ${ORG('Brekke Foods')}, ${STATE('Calif.', 'california')} signed.`, 'located-address')).toEqual([]);
    expect(claimsOfRule(`${P('Ana Ruiz')}, ${STATE('Calif.', 'california')}, won the prize.`, 'located-address')).toEqual([]);
  });
});

describe('role-place-post', () => {
  it('reads a post of a town or a public land, before the name or in an appositive', () => {
    expect(claimsOfRule(`${CITY('Lakeside')} spokesman ${P('Tom Berg')} said the road was closed.`, 'role-place-post')).toEqual([
      'person:tom-berg HOLDS_ROLE place:lakeside role-place-post.title',
    ]);
    expect(claimsOfRule(`${LAND('Pine Ridge National Forest')} spokeswoman ${P('Ana Ruiz')} said crews were ready.`, 'role-place-post')).toEqual([
      'person:ana-ruiz HOLDS_ROLE place:pine-ridge-national-forest role-place-post.title',
    ]);
    expect(claimsOfRule(`"We need rain," said ${P('Ana Ruiz')}, a spokeswoman for the ${LAND('Pine Ridge National Forest')}.`, 'role-place-post')).toEqual([
      'person:ana-ruiz HOLDS_ROLE place:pine-ridge-national-forest role-place-post.appositive',
    ]);
    expect(claimsOfRule(`${P('Tom Berg')}, the mayor of ${CITY('Lakeside')}, cut the ribbon.`, 'role-place-post')).toEqual([
      'person:tom-berg HOLDS_ROLE place:lakeside role-place-post.appositive',
    ]);
  });

  it('reads no post a place does not have, nor one of a state or of what the place opens', () => {
    expect(claimsOfRule(`${CITY('Lakeside')} director ${P('Tom Berg')} showed his new film.`, 'role-place-post')).toEqual([]);
    expect(claimsOfRule(`${STATE('Ohio', 'ohio')} spokesman ${P('Tom Berg')} said the road was closed.`, 'role-place-post')).toEqual([]);
    expect(claimsOfRule(`${P('Tom Berg')}, a spokesman for ${CITY('Lakeside')}'s water board, spoke.`, 'role-place-post')).toEqual([]);
    expect(claimsOfRule(`${P('Tom Berg')}, who lives in ${CITY('Lakeside')}, spoke.`, 'role-place-post')).toEqual([]);
    expect(claimsOfRule(`"We will appeal," said ${P('Tom Berg')}, a spokesman for the ${CITY('Lakeside')} prosecutor.`, 'role-place-post')).toEqual([]);
  });
});

describe('role-succession', () => {
  it('reads the predecessor in a post written with its organization', () => {
    expect(claimsOfRule(`${ORG('Brekke')} named ${P('Ana Ruiz')} chief executive of ${ORG('Norvik Foods')}, succeeding ${P('Tom Berg')}, who retires.`, 'role-succession')).toEqual([
      'person:tom-berg HOLDS_ROLE org:norvik-foods role-succession.predecessor',
    ]);
    expect(claimsOfRule(`${P('Ana Ruiz')} becomes editor of the ${ORG('Lakeside Courier')}, replacing ${P('Tom Berg')}.`, 'role-succession')).toEqual([
      'person:tom-berg HOLDS_ROLE org:lakeside-courier role-succession.predecessor',
    ]);
  });

  it('reads nothing without a post before the organization', () => {
    expect(claimsOfRule(`${ORG('Norvik Foods')} sponsors the race, succeeding ${P('Tom Berg')} as its patron.`, 'role-succession')).toEqual([]);
    expect(claimsOfRule(`${P('Ana Ruiz')} bought ${ORG('Norvik Foods')}, replacing ${P('Tom Berg')} as its largest owner.`, 'role-succession')).toEqual([]);
  });
});

describe('role-speaker.title', () => {
  it("reads a speaker titled in lower case before the name, for the sentence's subject organization", () => {
    expect(claimsOfRule(`The ${ORG('Harbour Patrol')} rescued six sailors, said station chief ${P('Tom Berg')}.`, 'role-speaker')).toEqual([
      'person:tom-berg HOLDS_ROLE org:harbour-patrol role-speaker.title',
    ]);
    expect(claimsOfRule(`${ORG('Norvik Foods')} will close the plant, said company spokeswoman ${P('Ana Ruiz')}.`, 'role-speaker')).toEqual([
      'person:ana-ruiz HOLDS_ROLE org:norvik-foods role-speaker.title',
    ]);
  });

  it('reads nothing from an outside title, a capitalised title, or another body named between', () => {
    expect(claimsOfRule(`${ORG('Norvik Foods')} will close the plant, said attorney ${P('Ana Ruiz')}.`, 'role-speaker')).toEqual([]);
    // "said" as the clause's own verb, not an attribution.
    expect(claimsOfRule(`${ORG('Norvik Foods')} said spokeswoman ${P('Ana Ruiz')} resigned.`, 'role-speaker')).toEqual([]);
    expect(claimsOfRule(`${ORG('Norvik Foods')} will close the plant, said President ${P('Ana Ruiz')}.`, 'role-speaker')).toEqual([]);
    expect(claimsOfRule(`${ORG('Norvik Foods')} will sell the plant to ${ORG('Brekke')}, said spokeswoman ${P('Ana Ruiz')}.`, 'role-speaker')).toEqual([]);
  });
});

describe('located.in past an appositive', () => {
  it('reads a common-noun appositive of the site, not another named site', () => {
    expect(claimsOfRule(`Inspectors visited ${ORG('Norvik Chemicals')}, a plant near ${CITY('Grenoble')}, on Monday.`, 'located.in')).toEqual([
      'org:norvik-chemicals LOCATED_IN place:grenoble located.in',
    ]);
    // A list of sites: "the Brekke Plant near Grenoble" is near Grenoble, Lyon is not.
    expect(claimsOfRule(`Work stopped at three sites: the depot at ${CITY('Lyon')}, the Brekke Plant near ${CITY('Grenoble')} and a mine.`, 'located.in')).toEqual([]);
    expect(claimsOfRule(`Work stopped at ${CITY('Lyon')}, the Brekke Site in ${CITY('Grenoble')} and a mine.`, 'located.in')).toEqual([]);
  });
});

describe('recognizer changes these rules rely on', () => {
  it('reads a US state abbreviation and the town before it in an all-caps dateline', () => {
    expect(textClaims('ALBANY, N.Y.', 'LOCATED_IN')).toEqual(['Albany LOCATED_IN New York State']);
    // Only after "TOWN,": an abbreviation elsewhere in a headline stays unread.
    expect(analyzeEntities('STORM HITS N.Y. COAST').entities.map((e) => e.name)).not.toContain('New York');
  });

  it('reads an unknown name after a post in an appositive as the organization', () => {
    expect(textClaims('Andrew Hale, president of Brookvale Plastics, said the plant would close.', 'HOLDS_ROLE')).toEqual(['Andrew Hale HOLDS_ROLE Brookvale Plastics']);
    expect(textClaims('Andrew Hale, president and chief executive of Brookvale Plastics, said.', 'HOLDS_ROLE')).toEqual(['Andrew Hale HOLDS_ROLE Brookvale Plastics']);
    expect(textClaims('Andrew Hale, a spokesman for Brookvale Plastics, said.', 'HOLDS_ROLE')).toEqual(['Andrew Hale HOLDS_ROLE Brookvale Plastics']);
    // The name goes on in lower case: "the Harbour Policy subcommittee" is no organization "Harbour Policy".
    expect(analyzeEntities('Rep. Ana Ruiz, chairman of the Harbour Policy subcommittee, said.').entities.map((e) => e.name)).not.toContain('Harbour Policy');
    // No person before the post: no appositive.
    expect(analyzeEntities('The election of a president of Brookvale Plastics is due.').entities.map((e) => e.name)).not.toContain('Brookvale Plastics');
  });

  it('splits a rank abbreviation between the body and the name: "Coast Guard Lt. X"', () => {
    expect(textClaims('The boat sank near the pier, said Coast Guard Lt. Dan Reyes.', 'HOLDS_ROLE')).toEqual(['Dan Reyes HOLDS_ROLE Coast Guard']);
    expect(textClaims('The fire burned 200 acres, said Fire Department Capt. Dan Reyes.', 'HOLDS_ROLE')).toEqual(['Dan Reyes HOLDS_ROLE Fire Department']);
    // A rank opening the run is the person's own title, with no body before it.
    expect(textClaims('The boat sank near the pier, said Lt. Dan Reyes.', 'HOLDS_ROLE')).toEqual([]);
  });

  it('keeps "People\'s Party" in one name, as written and as tokenised text splits it', () => {
    expect(textClaims("Ana Ruiz, secretary of the Norvik People's Party, spoke.", 'HOLDS_ROLE')).toEqual(["Ana Ruiz HOLDS_ROLE Norvik People's Party"]);
    expect(textClaims("Ana Ruiz , secretary of the Norvik People 's Party , spoke .", 'HOLDS_ROLE')).toEqual(["Ana Ruiz HOLDS_ROLE Norvik People 's Party"]);
    // A possessive of people that no organization head follows opens no name.
    expect(analyzeEntities("Ana Ruiz won the Norvik People's Choice prize on Monday.").entities.map((e) => e.name)).not.toContain("Norvik People's Choice");
  });
});
