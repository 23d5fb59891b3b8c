/**
 * Nouns that describe a person by what they are or do and that no state confers: after a
 * nationality adjective they say whose national the person is ("British actress X", "a Russian
 * national", "Kenyan runner X"). Written by hand from ordinary English.
 *
 * Left out on purpose:
 * - offices of a state and posts that represent one (president, minister, ambassador, envoy,
 *   official, officer, diplomat, spokesman, senator, lawmaker, leader, chief, head, agent): there the
 *   adjective names the country served, which HOLDS_ROLE reads ("French President X");
 * - posts of a team (coach, manager, captain, skipper): "the Brazilian coach" is as often Brazil's
 *   coach as a coach from Brazil;
 * - nouns that name a firm or a machine as well as a person (maker, producer, owner, partner,
 *   operator, publisher, fighter, bomber, carrier); the Person type of the name keeps "Swiss trader
 *   Glencore" out for the few kept ones (trader, broadcaster);
 * - "rival" ("US rival X" is as often a firm typed as a person) and "vaulter" ("Pole vaulter X"
 *   reads the sport as a nationality);
 * - "resident" (of a country, not its national), "subject" ("a Russian subject" is a region) and
 *   "executive" ("its UK chief executive" runs the firm's British arm).
 */
const SINGULAR = `
national citizen passport-holder expatriate expat emigre émigré exile refugee migrant immigrant
man woman boy girl teenager schoolboy schoolgirl student pensioner grandmother grandfather mother father wife husband
tourist backpacker traveller traveler hostage prisoner detainee captive suspect defendant fugitive convict victim survivor
businessman businesswoman entrepreneur tycoon billionaire millionaire oligarch magnate mogul financier banker investor
heir heiress philanthropist industrialist trader broker
journalist reporter correspondent photographer photojournalist writer author novelist poet playwright columnist blogger
commentator pundit broadcaster presenter film-maker filmmaker director actor actress singer musician composer pianist
violinist conductor tenor soprano rapper comedian dancer ballerina model designer artist painter sculptor cartoonist
celebrity star
athlete runner sprinter hurdler marathoner cyclist swimmer diver skier snowboarder skater gymnast boxer wrestler
golfer footballer cricketer batsman bowler jockey rider driver racer rower sailor climber mountaineer tennis-player
player striker midfielder defender goalkeeper forward winger champion
flanker fly-half scrum-half full-back jumper thrower heptathlete decathlete heavyweight qualifier seed
wild-card international legend great youngster referee umpire
songwriter singer-songwriter vocalist guitarist bassist drummer frontman frontwoman supermodel critic host
scientist researcher academic professor scholar historian economist physicist chemist biologist mathematician
philosopher engineer architect doctor surgeon physician nurse lawyer priest missionary nun monk cleric
activist dissident campaigner politician aid-worker worker soldier veteran volunteer pilot fisherman farmer
hacker spy explorer adventurer chef
`;

const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  man: 'men',
  woman: 'women',
  businessman: 'businessmen',
  businesswoman: 'businesswomen',
  fisherman: 'fishermen',
  wife: 'wives',
  'passport-holder': 'passport-holders',
  'tennis-player': 'tennis-players',
  'aid-worker': 'aid-workers',
  frontman: 'frontmen',
  frontwoman: 'frontwomen',
};

function pluralOf(noun: string): string {
  const irregular = IRREGULAR_PLURALS[noun];
  if (irregular) return irregular;
  if (/(?:s|sh|ch|x)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

const singular = SINGULAR.split(/\s+/).filter(Boolean);

/** The singular nouns, lower case; "tennis-player" stands for the two words "tennis player". */
export const PERSON_NOUNS: ReadonlySet<string> = new Set(singular);
/** Their plurals ("nationals", "businessmen"), for a description of several people. */
export const PERSON_NOUN_PLURALS: ReadonlySet<string> = new Set(singular.map(pluralOf));

/**
 * A regular-expression alternation of every form, longest first: two-word nouns with a space or a
 * hyphen, the first letter in either case (a headline capitalises it: "British Actress Jane Doe").
 */
export function personNounPattern(forms: ReadonlySet<string>): string {
  return [...forms]
    .sort((a, b) => b.length - a.length)
    .map((w) => {
      const body = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '[\\s-]');
      const first = w.charAt(0);
      return first.toUpperCase() === first ? body : `[${first.toUpperCase()}${first}]${body.slice(1)}`;
    })
    .join('|');
}
