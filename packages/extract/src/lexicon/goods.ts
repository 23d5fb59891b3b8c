/**
 * Controlled vocabulary of traded and export-controlled goods, with the Harmonized System
 * heading (`hs`) where one exists. HS headings are public (WCO nomenclature); the electronics
 * headings follow the public Common High Priority List categories (8542 integrated circuits,
 * 8517 telecom equipment, 8526 navigation/radar, 8471 computers, 8482 ball bearings, 8486
 * semiconductor-making machines, 9013 optics, 8806/8807 drones and their parts).
 * Row format: canonical name|hs heading or empty|surface forms (lower case);...
 * Bare generic words ("goods", "items", "products", "parts") are deliberately absent.
 */

export interface GoodsRecord {
  name: string;
  hs: string | null;
  forms: string[];
}

const TABLE = `
semiconductors|8542|semiconductor;semiconductors;chip;chips;microchip;microchips;computer chips;integrated circuit;integrated circuits;microelectronics;microprocessor;microprocessors;processors;advanced chips;semiconductor chips;memory chips;foreign chips
semiconductor manufacturing equipment|8486|chipmaking equipment;chipmaking tools;chipmaking machines;lithography machines;lithography equipment;semiconductor equipment;semiconductor manufacturing equipment;chip-making equipment
drones|8806|drone;drones;uav;uavs;unmanned aerial vehicle;unmanned aerial vehicles;unmanned aircraft;kamikaze drones;attack drones
drone parts|8807|drone parts;drone components;uav components;uav parts
machine tools|8456|machine tool;machine tools;cnc machines;cnc machine tools;lathes;milling machines
dual-use goods||dual-use items;dual-use goods;dual-use products;dual use items;dual use goods;dual-use components;dual-use equipment;high priority dual-use items;sensitive dual-use items;high-priority items;common high priority items;dual-use
technology||technology;technologies;tech;high-tech items;high-tech goods;high technology;advanced technology;dual-use technology;sensitive technology;western technology;military technology
weapons|9301|weapon;weapons;arms;weaponry;firearms;rifles;guns;missiles;missile;ballistic missiles;artillery;munitions
ammunition|9306|ammunition;ammo;artillery shells;cartridges;rounds of ammunition
oil|2709|oil;crude;crude oil;petroleum;oil products;petroleum products;diesel;gasoline;fuel oil;refined products
natural gas|2711|gas;natural gas;lng;liquefied natural gas;pipeline gas
coal|2701|coal
ball bearings|8482|ball bearings;bearings;roller bearings
electronic components|8541|electronic components;electronics;electronic parts;transistors;diodes;capacitors;resistors;circuit boards;printed circuit boards
telecommunications equipment|8517|telecommunications equipment;telecom equipment;network equipment;routers;smartphones;mobile phones;radios;transceivers
navigation equipment|8526|navigation equipment;navigation systems;gps receivers;radar;radars;radar equipment;gnss receivers
computers|8471|computers;laptops;servers;computer equipment
optical equipment|9013|optical equipment;lasers;optics;optical sights;thermal imaging;night vision;night-vision goggles;cameras
aircraft parts|8803|aircraft parts;aircraft components;aviation parts;spare parts for aircraft;jet engines;aircraft engines
aircraft|8802|aircraft;airplanes;planes;jets;helicopters
vessels|8901|tankers;oil tankers;ships;vessels;cargo ships
gold|7108|gold;gold bars;bullion
diamonds|7102|diamonds;rough diamonds
steel|7206|steel;steel products;iron and steel
aluminium|7601|aluminium;aluminum
copper|7403|copper
nickel|7502|nickel
titanium|8108|titanium
uranium|2844|uranium;enriched uranium
timber|4403|timber;lumber
wheat|1001|wheat;grain;grains
fertilizer|3105|fertilizer;fertilizers;fertiliser;fertilisers;potash
luxury goods||luxury goods;luxury items
vehicles|8703|cars;vehicles;trucks;automobiles
explosives|3602|explosives
`;

export const GOODS: readonly GoodsRecord[] = TABLE.split('\n')
  .filter((l) => l.trim())
  .map((l) => {
    const [name = '', hs = '', forms = ''] = l.split('|');
    return {
      name,
      hs: hs || null,
      forms: forms
        .split(';')
        .map((f) => f.trim())
        .filter(Boolean),
    };
  });
