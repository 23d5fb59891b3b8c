import { BANK_HEADS, COMPANY_HEADS } from './company-words.ts';

/**
 * Words that make up titles and roles written next to person names, honorifics, and the
 * head/suffix words that mark organizations and places. Written by hand from ordinary English.
 */

/** Nouns that end a role phrase right before a name ("... Secretary Wally Adeyemo"). */
export const ROLE_HEADS = new Set(
  `secretary minister commissioner spokesman spokeswoman spokesperson specialist investigator president
  vice-president director chairman chairwoman chair chief ceo cfo coo cto executive official officer ambassador envoy
  adviser advisor analyst economist strategist governor senator lawmaker legislator representative congressman
  congresswoman leader head manager founder co-founder owner professor general colonel major captain lieutenant
  sergeant admiral commander coach striker midfielder defender goalkeeper keeper forward winger player batsman bowler
  king queen prince princess premier chancellor mayor judge justice prosecutor attorney lawyer counsel diplomat
  correspondent reporter editor columnist writer author researcher scientist expert consultant partner trader broker
  banker negotiator mediator inspector auditor regulator administrator undersecretary under-secretary deputy
  assistant aide treasurer president-elect chairman-elect spokesmen spokeswomen sheikh emir sultan pope cardinal
  bishop archbishop rabbi imam ayatollah cleric pastor dr mr mrs ms miss sir dame lord lady mp mep
  boss rival champion veteran opponent challenger candidate nominee dictator ruler monarch magnate tycoon billionaire
  activist dissident commentator pundit historian actor actress singer director-general secretary-general
  attorney-general solicitor-general prime-minister manager-coach skipper umpire referee jockey driver rider`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Military and police ranks as news abbreviates them before a name ("Lt.", "Capt.", "Sgt."): the
 * head of a title after the body the person serves ("Coast Guard Lt. X", "Navy Capt. X").
 */
export const RANK_ABBREVIATIONS = new Set(['lt', 'capt', 'sgt', 'cmdr', 'col', 'maj', 'adm', 'cpl', 'pvt', 'det', 'insp', 'supt', 'brig']);

/** Role heads that name a government post: a country written before them is the person's affiliation. */
export const GOVERNMENT_ROLE_HEADS = new Set(
  `secretary minister president vice-president premier chancellor ambassador envoy governor senator lawmaker
  congressman congresswoman undersecretary under-secretary mayor king queen prince emir sultan official diplomat
  spokesman spokeswoman spokesperson commissioner treasurer negotiator regulator prosecutor attorney-general general
  admiral colonel secretary-general director-general`
    .split(/\s+/)
    .filter(Boolean),
);

/** Capitalised words that may sit inside a title ("Deputy Treasury Secretary", "Secretary of State"). */
export const TITLE_WORDS = new Set(
  `deputy assistant acting former interim vice chief senior junior associate executive principal special first second
  prime foreign finance treasury state defense defence interior home justice trade commerce economy economic energy
  health labor labour education transport transportation agriculture environment industry culture information
  security intelligence national homeland international affairs development public works military naval air
  general attorney solicitor under permanent high commerce trade-and-industry financial monetary fiscal budget
  emergency sports tourism communications digital technology science research relations external internal
  european commission council parliamentary supreme central federal regional provincial district county city
  managing group team club party opposition majority minority house senate cabinet white`
    .split(/\s+/)
    .filter(Boolean),
);

/** Honorifics that announce a person: "Mr. Smith", "Dr Jones". */
export const HONORIFICS = new Set(
  `mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady sen sen. rep rep. gov gov. gen gen. col col.
  capt capt. lt lt. sgt sgt. adm adm. rev rev. fr fr. sheikh president chancellor premier king queen prince
  princess pope judge justice`
    .split(/\s+/)
    .filter(Boolean),
);

/** Last words that make a span an organization ("... Inc", "... Bank", "... Ministry"). */
export const ORG_SUFFIXES = new Set(
  `inc inc. corp corp. corporation co co. ltd ltd. llc plc nv n.v. ag sa s.a. gmbh bv spa s.p.a. ab asa oyj kk pte
  group holding holdings unit division subsidiary bank bancorp banks company companies partners associates industries international
  ministry department bureau agency authority commission council committee office service services board
  administration directorate secretariat parliament assembly congress senate court tribunal government cabinet
  association federation confederation union league society institute institution foundation fund trust alliance coalition
  organisation organization organizations forum network centre center consortium syndicate exchange
  university college school academy
  party movement front army navy fleet corps patrol force forces police guard brigade militia
  airlines airline airways motor motors petroleum oil energy steel pharmaceuticals pharma technologies technology
  systems electronics telecom telecommunications communications media press news times post journal herald
  tribune gazette daily weekly magazine radio television tv broadcasting newsroom newsdesk desk
  club fc united city rovers wanderers athletic`
    .split(/\s+/)
    .filter(Boolean)
    .concat([...COMPANY_HEADS, ...BANK_HEADS]),
);

/** Head words that take an "of ..." complement and make the whole an organization ("Bank of China"). */
export const ORG_OF_HEADS = new Set(
  `bank ministry department bureau agency authority commission council committee office board administration
  association federation union league society institute foundation fund university college school academy
  chamber court house church museum organisation organization group party government cabinet corporation
  embassy consulate parliament assembly congress senate federal-reserve directorate secretariat`
    .split(/\s+/)
    .filter(Boolean),
);

/** Head words that take "of ..." and make the whole a place ("Republic of Ireland", "Gulf of Mexico"). */
export const PLACE_OF_HEADS = new Set(
  `republic kingdom gulf sea bay isle island islands strait straits cape city state province county port lake
  mount river coast`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that end a place name ("... River", "... Province"). */
export const PLACE_SUFFIXES = new Set(
  `river lake mountains mountain mount sea ocean bay gulf island islands peninsula valley desert province region
  state county district city town village street avenue road airport port harbour harbor coast square park
  strait canal plateau basin delta forest parish
  republic oblast oblys krai kray okrug prefecture governorate voivodeship canton emirate cosmodrome spaceport airfield`
    .split(/\s+/)
    .filter(Boolean),
);

/** Last words of names of events, prizes, laws and the like (CoNLL's MISC): not a person, organization or place. */
export const MISC_LAST_WORDS = new Set(
  `award awards prize prizes cup trophy championship championships games olympics open series festival act bill
  treaty accord accords agreement convention war wars day week month year summit conference tournament classic
  grand-prix prix marathon derby medal plan protocol doctrine index round`
    .split(/\s+/)
    .filter(Boolean),
);

/** All-caps abbreviations of ordinary things, not organizations. */
export const COMMON_ACRONYMS = new Set(
  `pc pcs tv ceo cfo coo cto gdp cpi ppi ipo ai it dvd dvds cd cds mp3 sms gps pdf vat gmt bst est am pm ok usb hiv aids
  sars covid dna rna lng lpg suv suvs atm atms pin id ids faq url www html api cpu gpu ram rom hd hdtv lcd led
  mba phd bbq diy vip rip aka fyi asap hq r&d m&a p&l eps ebitda yoy qoq fx nav etf etfs esg ev evs ict isp`
    .split(/\s+/)
    .filter(Boolean),
);

/** Compass words that prefix a region ("Northwestern Europe", "Eastern Ukraine"). */
export const COMPASS_WORDS = new Set(
  `north south east west northern southern eastern western northeast northwest southeast southwest northeastern
  northwestern southeastern southwestern central north-west north-east south-west south-east mid upper lower`
    .split(/\s+/)
    .filter(Boolean),
);
