/**
 * Controlled vocabulary of traded and export-controlled goods, with the Harmonized System
 * heading (`hs`) where one exists. HS headings are public (WCO nomenclature); the electronics
 * headings follow the public Common High Priority List categories (8542 integrated circuits,
 * 8517 telecom equipment, 8526 navigation/radar, 8471 computers, 8482 ball bearings, 8486
 * semiconductor-making machines, 9013 optics, 8806/8807 drones and their parts).
 * Row format: canonical name|hs heading or empty|surface forms (lower case);...|flags
 * Flags: `always` — a one-word form is goods wherever it stands (uranium, drones); otherwise a
 * one-word form ("arms", "gold", "technology", "chips") is goods only in a sentence about trade,
 * shipping or the military (see `GOODS_CONTEXT_WORDS`); `named` — capitalised system names
 * ("Shahed", "Iskander"), matched as names; `military` — such a name needs a military sentence
 * ("Javelin", "Patriot"); `strict` — a one-word form needs a sentence about export controls,
 * transfers or the military (`STRICT_GOODS_CONTEXT_WORDS`): "technology" sold in shops is no
 * controlled good. Forms of two words or more are specific enough on their own. `traded` — every
 * form is goods only as the thing sold, bought, built or exported ("exports of ships", "sold two
 * tankers"): in shipping news tankers and vessels are mostly the carriers, not the cargo.
 * Bare generic words ("goods", "items", "products", "parts") are deliberately absent.
 * Hand-written on purpose: HS headings and Common High Priority List categories are public
 * references (WCO, BIS/EU/UK/Japan CHPL) that no npm package ships.
 */

export interface GoodsRecord {
  name: string;
  hs: string | null;
  forms: string[];
  /** One-word forms need no trade/military context. */
  always: boolean;
  /** Capitalised system names ("Shahed", "Kalibr"), matched as names. */
  named: boolean;
  /** A named system that is also an ordinary name ("Patriot", "Javelin"): only in a military sentence. */
  military: boolean;
  /** One-word forms need a sentence about export controls, transfers or the military. */
  strict: boolean;
  /** Every form needs a trade word right before it ("exports of ships"): otherwise the carrier, not the cargo. */
  traded: boolean;
}

const TABLE = `
semiconductors|8542|semiconductor;semiconductors;microchip;microchips;computer chips;integrated circuit;integrated circuits;microelectronics;microprocessor;microprocessors;advanced chips;semiconductor chips;memory chips;foreign chips;chip;chips;processors;graphics processors;graphics chips;gpus;ai chips;logic chips;analog chips;fpgas;field-programmable gate arrays;field programmable gate arrays;microcontrollers;microcontroller;analog-to-digital converters;analogue-to-digital converters;digital-to-analog converters;digital signal processors;signal processors;memory modules|
semiconductor devices|8541|transistors;diodes;thyristors;photodiodes;light-emitting diodes;semiconductor devices;quartz crystals;piezoelectric crystals|always
semiconductor manufacturing equipment|8486|chipmaking equipment;chipmaking tools;chipmaking machines;lithography machines;lithography equipment;semiconductor equipment;semiconductor manufacturing equipment;chip-making equipment;lithography systems;wafer fabrication equipment;lithography parts;lithography components|
capacitors|8532|capacitors;tantalum capacitors;ceramic capacitors|always
resistors|8533|resistors|always
connectors and switches|8536|electrical connectors;connectors;relays;circuit breakers;electrical switches|
printed circuit boards|8534|printed circuit boards;circuit boards;pcbs;printed circuits|
electronic components|8548|electronic components;electronic parts;electronics;electronic modules;electronic goods;electrical goods;consumer electronics|
drones|8806|drone;drones;uav;uavs;unmanned aerial vehicle;unmanned aerial vehicles;unmanned aircraft;kamikaze drones;attack drones;loitering munitions;loitering munition|always
drone parts|8807|drone parts;drone components;uav components;uav parts;drone engines;drone airframes;airframes;drone motors|always
drone families|8806|Shahed;Shahed-136;Shahed-131;Shahed-238;Geran;Geran-2;Orlan;Orlan-10;Orlan-30;Garpiya;Gerbera;Supercam;Forpost;Bayraktar;Bayraktar TB2;Mohajer;Mohajer-6;Switchblade;Lancet;Zala;Kub|named
missile families|9306|Kalibr;Iskander;Kinzhal;Tomahawk;ATACMS;HIMARS;Storm Shadow;Scud;Fateh-110;Zelzal;KN-23;KN-24;KN-25;Hwasong;Hwasong-11;Kh-101;Kh-22;Kh-31;Kh-35;Kh-47;Kh-55;Kh-59;Kh-69;Iskander-M;Tochka-U;Zircon;Oreshnik;Onyx;Zolfaghar;Fateh-360|named
guided missile systems|9301|Patriot;Stinger;Javelin;NLAW;Pantsir;Buk;Tor-M1;S-300;S-400;S-500|named military
rocket artillery families|9301|Grad;BM-21;Smerch;Uragan;Tornado-S;TOS-1|named military
military aircraft families|8802|Su-24;Su-25;Su-27;Su-30;Su-34;Su-35;Su-57;MiG-29;MiG-31;Tu-22M3;Tu-95;Tu-160;Ka-52;Mi-8;Mi-24;Mi-28;Il-76|named
armoured vehicles|8710|tanks;battle tanks;main battle tanks;armoured vehicles;armored vehicles;armoured personnel carriers;infantry fighting vehicles;Leopard;Abrams;T-72;T-90|
machine tools|8456|machine tool;machine tools;cnc machines;cnc machine tools;cnc milling machines;cnc lathes;lathes;milling machines;grinding machines;machining centres;machining centers;metal-cutting machines;metalworking machines;electrical discharge machines;5-axis machines|
measuring instruments|9031|vibration sensors;pressure sensors;infrared sensors;measuring instruments;coordinate measuring machines;oscilloscopes;test equipment;spectrometers;measuring equipment|
dual-use goods||dual-use items;dual-use goods;dual-use products;dual use items;dual use goods;dual-use components;dual-use equipment;high priority dual-use items;sensitive dual-use items;high-priority items;common high priority items;dual-use|always
technology||technology;technologies;high-tech items;high-tech goods;high technology;advanced technology;dual-use technology;sensitive technology;western technology;military technology;american technology;us technology;u.s. technology|strict
weapons|9301|weapon;weapons;arms;weaponry;firearms;rifles;guns;missiles;missile;ballistic missiles;cruise missiles;artillery;munitions;howitzers;mortars;rocket launchers;small arms;military equipment;rockets;artillery rockets;multiple rocket launchers;multiple launch rocket systems;glide bombs;guided bombs;bombs;air defence systems;air defense systems;anti-aircraft missiles;anti-tank missiles;surface-to-air missiles;hypersonic missiles;hypersonic missile|
ammunition|9306|ammunition;ammo;artillery shells;shells;cartridges;rounds of ammunition;artillery rounds;artillery ammunition;tank shells;mortar rounds;bullets;warheads;grenades;mines;landmines|
propellants|3601|propellant;propellants;propellant powders;propellant chemicals;propellant ingredients;rocket propellant;smokeless powder;gunpowder;solid rocket fuel;rocket fuel;black powder;solid rocket propellant;solid propellant;solid propellants;composite propellant|always
explosives|3602|explosives;explosive;tnt;trinitrotoluene;rdx;hmx;pentrite;petn;semtex;c-4;dynamite|always
detonators|3603|detonators;detonating fuses;blasting caps;fuses for munitions;fuzes;artillery fuzes;proximity fuzes|always
explosive precursors|2904|nitrocellulose;ammonium perchlorate;ammonium nitrate;nitric acid;nitroglycerin;nitroglycerine;toluene;hexamine;potassium nitrate;sodium nitrate;potassium perchlorate;aluminium powder;aluminum powder;nitroguanidine;htpb;hydroxyl-terminated polybutadiene;cotton linters;cotton cellulose|always
chemical weapon precursors|2931|nerve agents;sarin;vx;mustard gas;chemical weapons;thiodiglycol;precursor chemicals|always
oil|2709|oil;crude;crude oil;petroleum;oil products;petroleum products;diesel;gasoline;fuel oil;refined products;jet fuel;kerosene;naphtha;fuel|
natural gas|2711|gas;natural gas;lng;liquefied natural gas;pipeline gas|
coal|2701|coal|
ball bearings|8482|ball bearings;bearings;roller bearings;needle bearings;bearing steel balls|always
transmission parts|8483|gearboxes;transmission shafts;gears;crankshafts|
engines|8407|engines;piston engines;aero engines;marine engines;outboard motors|
engine parts|8409|engine parts;engine components;piston engine parts;fuel injectors|always
turbine engine parts|8411|turbofan engine parts;jet engine parts;aircraft engine parts;turbine blades;turbine parts|always
diesel engines|8408|diesel engines;diesel generators|always
turbines|8411|turbojets;turbofans;gas turbines;turbine engines;jet engines;aircraft engines;turboprops|always
electric motors|8501|electric motors;servo motors;servomotors;dc motors;brushless motors;generators;electric generators|
transformers|8504|transformers;power transformers;static converters;inverters;power supplies;rectifiers|
batteries|8507|batteries;lithium-ion batteries;lithium batteries;accumulators;battery cells|
telecommunications equipment|8517|telecommunications equipment;telecom equipment;network equipment;routers;smartphones;mobile phones;radios;transceivers;base stations;network switches;satellite phones|
navigation equipment|8526|navigation equipment;navigation systems;navigation modules;satellite navigation modules;gps receivers;radar;radars;radar equipment;gnss receivers;gnss modules;radio navigation equipment|
navigation instruments|9014|guidance systems;guidance units;guidance kits;guidance modules;missile seekers;seekers;flight controllers;autopilots;gyroscopes;accelerometers;inertial navigation systems;inertial measurement units;compasses|
cameras and transmitters|8525|cameras;thermal cameras;television cameras;transmitters;radio transmitters;video cameras|
antennas|8529|antennas;antennae;aerials|
computers|8471|computers;laptops;servers;computer equipment;computer parts;storage devices;hard drives;supercomputers;personal computers|
optical equipment|9013|optical equipment;lasers;industrial lasers;optics;optical sights;thermal imaging;thermal imaging cameras;thermal imagers;night vision;night-vision goggles;thermal sights;rifle scopes;telescopic sights;laser rangefinders|
aircraft parts|8803|aircraft parts;aircraft components;aviation parts;spare parts for aircraft;landing gear;landing gear components;aircraft spare parts;aviation spare parts;avionics|
aircraft|8802|aircraft;airplanes;planes;jets;helicopters;fighter jets;fighter aircraft;airliners|
vessels|8901|tankers;oil tankers;ships;vessels;cargo ships;container ships;bulk carriers|traded
warships|8906|warships;frigates;corvettes;submarines;destroyers;patrol boats|always
gold|7108|gold;gold bars;bullion|
diamonds|7102|diamonds;rough diamonds|
steel|7206|steel;steel products;iron and steel|
aluminium|7601|aluminium;aluminum|
copper|7403|copper|
metals||metals;base metals;non-ferrous metals;precious metals;rare earth metals;rare earths|
nickel|7502|nickel|
titanium|8108|titanium|
uranium|2844|uranium;enriched uranium;yellowcake|always
timber|4403|timber;lumber|
wheat|1001|wheat;grain;grains|
fertilizer|3105|fertilizer;fertilizers;fertiliser;fertilisers;potash|always
luxury goods||luxury goods;luxury items|always
vehicles|8703|cars;vehicles;trucks;automobiles;motor vehicles;autos;electric vehicles;electric cars|
vehicle parts|8708|vehicle parts;car parts;auto parts;vehicle chassis;chassis;vehicle components|
construction machinery|8429|construction machinery;construction equipment;excavators;bulldozers|always
machinery|8479|machinery;industrial machinery;industrial equipment|
industrial robots|8479|industrial robots;robotic arms;welding robots|always
thermostats|9032|thermostats;automatic regulating instruments|always
nuclear fuel|8401|nuclear fuel;fuel rods;fuel assemblies|always
agricultural products||agricultural products;agricultural goods;farm products;farm goods;agricultural exports;farm exports|always
textiles||textiles;textile;textile products;apparel;clothing;garments|
seamless pipe|7304|seamless pipe;seamless pipes;steel pipe;steel pipes;oil country tubular goods|always
oil and gas equipment|8430|oil and gas equipment;drilling equipment;drilling rigs;oilfield equipment|always
sugar|1701|sugar;raw sugar;refined sugar|
rice|1006|rice|
soybeans|1201|soybeans;soybean;soya beans;soyabeans|always
cotton|5201|cotton|
beef|0201|beef;meat|
cattle|0102|cattle;livestock|
cocoa|1801|cocoa;cocoa beans|
coffee|0901|coffee;coffee beans|
peanuts|1202|peanuts;groundnuts|
citrus|0805|citrus;citrus fruit;oranges|
dairy products|0401|dairy products;milk powder;butter|always
cheese|0406|cheese|
wine|2204|wine;wines|
medicines|3004|medicines;pharmaceuticals;drugs and medicines|
medical equipment|9018|medical equipment;medical instruments;medical devices|always
`;

export const GOODS: readonly GoodsRecord[] = TABLE.split('\n')
  .filter((l) => l.trim())
  .map((l) => {
    const [name = '', hs = '', forms = '', flags = ''] = l.split('|');
    const flagSet = new Set(flags.split(/\s+/).filter(Boolean));
    return {
      name,
      hs: hs || null,
      forms: forms
        .split(';')
        .map((f) => f.trim())
        .filter(Boolean),
      always: flagSet.has('always'),
      named: flagSet.has('named'),
      military: flagSet.has('military'),
      strict: flagSet.has('strict'),
      traded: flagSet.has('traded'),
    };
  });

/**
 * Words that make a sentence one about trade, shipping or the military, where a one-word goods form
 * ("arms", "gold", "chips", "technology") means the goods. Without one, "the goalkeeper's arms",
 * "Olympic gold" and "the technology behind the film" are no goods.
 */
export const GOODS_CONTEXT_WORDS = new Set(
  `export exports exported exporting exporter exporters import imports imported importing importer importers ship ships
  shipped shipping shipment shipments cargo cargoes freight supply supplies supplied supplying supplier suppliers
  sanction sanctions sanctioned embargo embargoes tariff tariffs duty duties quota quotas smuggle smuggled smuggling
  smugglers deliver delivered deliveries delivery sell sold sale sales selling buy bought buying purchase purchases
  purchased procure procured procurement trade traded trading trader traders dealer dealers market markets price prices
  priced production produce produced producer producers output manufacture manufactured manufacturing manufacturer
  manufacturers factory factories deal deals contract contracts customs transfer transfers transferred controls control
  licence license licences licenses barrels barrel tonnes tons tonne ton ounce ounces futures dlrs stocks reserves
  inventories demand consumption shortage shortages military army navy troops weapon war wars defence defense missile
  missiles forces strike strikes attack attacks nuclear deploy deployed conflict rebels militia battlefield frontline
  sanctions-hit dual-use mining miners refinery refineries pipeline crude opec ore source sourced sourcing
  rerouted re-export re-exports re-exported goods licensing transactions`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Nouns of a maker, a place of production, an industry or a programme: a goods word right before
 * one of them names what the factory or firm makes ("arms factories", "a drone maker", "the
 * ammunition plant", "missile programmes", "weapons research"), not goods traded in the sentence.
 */
export const GOODS_PRODUCER_NOUNS = new Set(
  `factory factories plant plants works workshop workshops maker makers manufacturer manufacturers producer producers
  industry industries sector programme programmes program programs research institute institutes laboratory
  laboratories lab labs company companies firm firms group groups conglomerate giant giants makers' division unit
  units complex complexes enterprise enterprises developer developers designer designers bureau`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words right before a `traded` form that make it the thing traded: "exports of ships", "sold two tankers", "built frigates". */
export const GOODS_TRADED_BEFORE =
  /\b(?:exports?|imports?|sales?|purchases?|deliver(?:y|ies)|orders?|shipments?|supply|supplies|transfer|transfers)\s+of\s+(?:[\w-]+\s+){0,3}$|\b(?:sell|sells|sold|selling|buy|buys|bought|buying|purchase[sd]?|purchasing|export(?:s|ed|ing)?|import(?:s|ed|ing)?|build|builds|built|building|order(?:s|ed)?|deliver(?:s|ed|ing)?|suppl(?:y|ies|ied|ying))\s+(?:[\w-]+\s+){0,3}$/i;

/** The narrower context of `strict` goods: export controls, transfers, smuggling, the military. */
export const STRICT_GOODS_CONTEXT_WORDS = new Set(
  `export exports exported exporting exporter exporters import imports imported importing transfer transfers transferred
  sanction sanctions sanctioned embargo embargoes controls licence license licences licenses smuggle smuggled smuggling
  military weapon weapons army defence defense dual-use procure procured procurement supplied supplying supplies`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words right before a one-word goods form that make it another thing: "think tanks", "fuel
 * tanks", "coal mines", "search engines", "blue chips", "artillery batteries" (a unit, not cells).
 * Keyed by the goods form; read by the goods pass after a match.
 */
export const GOODS_OTHER_SENSE_BEFORE: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  [
    ['tanks', 'think fuel storage oil water gas septic fish holding ballast petrol'],
    ['mines', 'coal gold copper salt diamond iron uranium lithium nickel potash zinc silver opencast open-pit'],
    ['shells', 'egg sea oyster nut'],
    ['engines', 'search fire'],
    ['chips', 'potato blue poker bargaining'],
    ['batteries', 'artillery missile patriot rocket'],
    ['cameras', 'speed'],
  ].map(([form, words]) => [form as string, new Set((words as string).split(' '))]),
);

/** Goods forms that are also verbs: after "to" or a modal they are the verb ("would fuel the war"). */
export const GOODS_VERB_FORMS: ReadonlySet<string> = new Set(['fuel', 'arms', 'ship', 'mine']);
export const VERB_OPENERS: ReadonlySet<string> = new Set(['to', 'would', 'will', 'could', 'can', 'may', 'might', 'should', 'must', 'helps', 'help', 'helped', 'continue', 'not']);

/** Nouns right after a goods word that make it a modifier of another thing: "fuel tanks", "gas station". */
export const GOODS_MODIFIED_NOUNS: ReadonlySet<string> = new Set(['tank', 'tanks', 'station', 'stations', 'gauge', 'gauges']);
