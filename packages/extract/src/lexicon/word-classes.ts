/**
 * Closed-class English words and name lists. The open lists (first names, surnames, common
 * verbs/adjectives) come from compromise's lexicon, read once at load time: compromise is not run
 * over the text, only its word list is used.
 */
import nlp from 'compromise';
import { packageFirstNames } from './first-names.ts';

/** Determiners, pronouns, prepositions, conjunctions, auxiliaries: never part of a name. */
export const FUNCTION_WORDS = new Set(
  `a an the this that these those some any each every no neither either both all few many much more most other
  another such what which who whom whose where when why how whether if then than as because since while although
  though unless until so yet but and or nor for of in on at by to from with without within into onto upon about
  above below over under after before between among amid against during through throughout via per
  i me my mine we us our ours you your yours he him his she her hers it its they them their theirs one ones
  is are was were be been being am do does did done have has had having will would shall should can could may might
  must ought not also just only even still too very really quite already again ever never always often sometimes
  there here now then today yesterday tomorrow tonight meanwhile however moreover furthermore nevertheless
  instead thus hence therefore indeed perhaps maybe according said says say told tell asked added noted`
    .split(/\s+/)
    .filter(Boolean),
);

export const MONTHS_AND_DAYS = new Set(
  `january february march april may june july august september october november december jan feb mar apr jun jul
  aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
  fri sat sun`
    .split(/\s+/)
    .filter(Boolean),
);

/** Verbs and verb-like words after a capital that show a government actor ("Washington said"). */
export const ACTOR_VERBS = new Set(
  `said says say told tells warned warns denied denies announced announces accused accuses urged urges called calls
  demanded demands insisted insists rejected rejects responded responds imposed imposes sanctioned sanctions
  threatened threatens agreed agrees decided decides wants wanted plans planned hopes hoped believes believed
  should would will could must may might has had is was hit hits blamed blames condemned condemns criticised
  criticized criticises criticizes claimed claims argued argues pledged pledges vowed vows signed signs approved
  approves ordered orders expelled expels summoned summons protested protests retaliated retaliates banned bans
  restricted restricts targeted targets blacklisted blacklists designated designates levied levies froze freezes
  seized seizes slapped slaps pressed presses pushed pushes stepped steps added adds blocked blocks barred bars
  tightened tightens expanded expands announced`
    .split(/\s+/)
    .filter(Boolean),
);

export interface WordClasses {
  firstNames: Set<string>;
  lastNames: Set<string>;
  /** Words compromise knows as ordinary vocabulary (verbs, adjectives, adverbs, nouns...). */
  common: Set<string>;
  /** Past tense and gerund forms, which end a role phrase walking back from a name. */
  verbForms: Set<string>;
  /** Every given name of the lists, ordinary words included ("bill", "will"): read only before a name-like word. */
  givenNames: Set<string>;
  /** Words compromise knows as names of people, organizations or other proper nouns (not places). */
  namesOfOtherThings: Set<string>;
}

let cached: WordClasses | null = null;

export function wordClasses(): WordClasses {
  if (cached) return cached;
  const world = nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } };
  const lexicon = world.model.one.lexicon;
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  const common = new Set<string>();
  const verbForms = new Set<string>();
  const namesOfOtherThings = new Set<string>();
  for (const [word, tagValue] of Object.entries(lexicon)) {
    if (word.includes(' ')) continue;
    const tags = Array.isArray(tagValue) ? tagValue : [tagValue];
    const tag = tags[0] ?? '';
    if (['Person', 'ProperNoun', 'Organization', 'SportsTeam', 'Abbreviation', 'Currency'].includes(tag)) namesOfOtherThings.add(word);
    if (tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName') firstNames.add(word);
    else if (tag === 'LastName') lastNames.add(word);
    else if (
      !['Country', 'City', 'Region', 'Place', 'Organization', 'SportsTeam', 'Person', 'ProperNoun', 'Demonym', 'Currency', 'Abbreviation'].includes(tag)
    ) {
      common.add(word);
      if (tag === 'PastTense' || tag === 'Gerund' || tag === 'Copula' || tag === 'Modal' || tag === 'Auxiliary') verbForms.add(word);
    }
  }
  for (const w of FUNCTION_WORDS) common.add(w);
  // Given names from a maintained list; a name that is also an ordinary word ("will", "may") stays a word.
  const givenNames = new Set<string>([...firstNames, ...packageFirstNames()]);
  for (const n of packageFirstNames()) if (!common.has(n) && !lastNames.has(n)) firstNames.add(n);
  cached = { firstNames, lastNames, common, verbForms, namesOfOtherThings, givenNames };
  return cached;
}
