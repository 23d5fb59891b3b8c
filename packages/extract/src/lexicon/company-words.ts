/**
 * Head and suffix words that end company names ("Falcon Ridge General Trading", "Volna Maritime",
 * "Acme Holdings", "Nord Metals GmbH"). Written from public knowledge of how firms are named and of
 * legal-form abbreviations across jurisdictions; no names are listed here. A capitalised span of two
 * or more words ending in one of these is an Organization of kind Company (Bank for bank words).
 * Foreign heads are the words firms of Turkey ("Dis Ticaret", "Sanayi ve Ticaret A.S.", "Savunma"),
 * Russia and Central Asia ("Snabzhenie" supply, "Zavod" plant, "AO", "TOV", "TOO") put last.
 */
export const COMPANY_HEADS: ReadonlySet<string> = new Set(
  `trading traders shipping maritime marine management electronics electronic components industries industrial
  aviation aerospace logistics holdings holding group technologies technology tech systems engineering energy
  petroleum petrochemicals petrochemical oil gas capital partners ventures enterprises enterprise imports exports
  import export manufacturing metals metal chemicals chemical machinery tankers tanker lines navigation freight
  supply supplies solutions investments investment resources mining minerals steel pharmaceuticals pharma
  motors motor automotive airlines airways shipbuilding shipyard shipyards defense-industries textiles foods
  construction contracting consulting consultants telecom telecommunications semiconductor semiconductors
  instruments equipment microelectronics microsystems optics robotics software brokerage securities compute computing
  cloud materials helicopters analytics
  insurance assurance leasing commodities agro
  defence defense armaments concern
  ticaret sanayi elektronik teknoloji makina makine savunma lojistik denizcilik kimya enerji
  snabzhenie zavod kombinat tekhnologii elektronika
  co corp corporation inc incorporated ltd limited llc llp lp plc gmbh ag sa nv bv spa srl sarl sas kgaa oy oyj ab asa
  kk pte bhd sdn jsc pjsc ojsc cjsc ooo zao oao pao ao tov too fze fzco fzc fz-llc dmcc wll llc-fz pvt a.s a.ş şti sti`
    .split(/\s+/)
    .filter(Boolean),
);

/** Company heads that make the company a bank. */
export const BANK_HEADS: ReadonlySet<string> = new Set(['bank', 'banks', 'bancorp', 'banking', 'bankers', 'bankasi', 'bankası']);

/**
 * One word ending in "bank" is a bank's name ("Halkbank", "Sberbank", "Promsvyazbank"): banks in
 * Turkey, Russia and Central Asia are often named so. Eight letters or more, so "Westbank" style
 * words of four-letter stems are not taken blindly; capitalised, never sentence-initial alone.
 */
export const BANK_WORD = /^\p{Lu}\p{Ll}{3,}bank$/u;

/**
 * Company heads that are also ordinary plural nouns of trade: after a bare demonym they name goods,
 * not a firm ("Chinese Imports", "Russian Components" in a title-case headline).
 */
export const GOODS_LIKE_HEADS: ReadonlySet<string> = new Set(
  `imports exports import export supplies supply metals chemicals machinery components electronics tankers equipment
  instruments semiconductors microelectronics commodities minerals resources`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Conjunctions of other languages that stay inside a company name when a company head follows
 * ("Marmara Elektronik Sanayi ve Ticaret", "Maschinenbau und Handel GmbH", "Dupont et Fils SA"):
 * never a word of English text, so they cannot join two English names.
 */
export const NAME_CONJUNCTIONS: ReadonlySet<string> = new Set(['ve', 'und', 'et', 'i']);

/**
 * Fields of business that come in pairs inside company and institute names ("Science and Industry",
 * "Oil and Gas", "Research and Production", "Trade and Development"): joined by "and" only on the
 * way to a company head, so "Oil and Gas Corporation" is one name.
 */
export const FIELD_WORDS: ReadonlySet<string> = new Set(
  `science sciences technology technologies industry industrial trade commerce investment investments development
  research production oil gas mining exploration energy engineering construction electronics machinery import export
  shipping transport logistics finance economic design manufacturing`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Legal forms written before the name in Russia, Ukraine, Central Asia and Indonesia ("OOO
 * Tekhnopark Rubin", "AO Zvezda", "JSC Kronstadt", "TOO Nomad", "PT Garuda"): written in capitals,
 * they open an Organization.
 */
export const LEGAL_FORM_OPENERS: ReadonlySet<string> = new Set(['OOO', 'AO', 'OAO', 'ZAO', 'PAO', 'JSC', 'PJSC', 'OJSC', 'CJSC', 'TOV', 'TOO', 'LLC', 'PT']);

/**
 * Heads of industrial plants' names, which are firms when an industry word comes before them
 * ("Baikal Aviation Plant", "Kazan Gunpowder Plant", "Tula Cartridge Works"); alone they end
 * people's names too ("Robert Plant"), so they count only after one of `PLANT_INDUSTRIES`.
 */
export const PLANT_HEADS: ReadonlySet<string> = new Set(['plant', 'works', 'factory', 'combine', 'arsenal']);
export const PLANT_INDUSTRIES: ReadonlySet<string> = new Set(
  `aviation aircraft helicopter engine motor tractor tank automobile truck machine-building machinebuilding mechanical
  electromechanical optical optical-mechanical instrument instrument-making radio electronic electronics chemical
  chemicals metallurgical steel metal cartridge ammunition gunpowder powder explosives shipbuilding armoured armored
  defence defense missile rocket artillery munitions`
    .split(/\s+/)
    .filter(Boolean),
);
