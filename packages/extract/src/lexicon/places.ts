/**
 * Places that are not countries: continents, world regions, and major cities/states/provinces,
 * with the ISO code of their country where there is one. Written from public facts.
 * Row format: Name|ISO or empty|aliases;...|kind
 */

export interface PlaceRecord {
  name: string;
  country: string | null;
  aliases: string[];
  kind: 'continent' | 'region' | 'city' | 'province';
}

const REGIONS = `
Europe||Continental Europe|continent
Asia||Asian continent|continent
Africa|||continent
North America|||continent
South America|||continent
Latin America|||region
Central America|||region
Oceania|||continent
Antarctica|||continent
Middle East||Mideast;Near East|region
Far East|||region
Gulf||Persian Gulf;Arabian Gulf;the Gulf|region
Balkans||the Balkans|region
Caucasus||the Caucasus;South Caucasus|region
Central Asia|||region
Southeast Asia||South-East Asia;South East Asia|region
South Asia|||region
East Asia|||region
Asia-Pacific||Asia Pacific;Indo-Pacific|region
Scandinavia|||region
Baltics||Baltic states|region
Eastern Europe|||region
Western Europe|||region
Central Europe|||region
Arab world|||region
Sahel|||region
Midwest|US|Middle West;American Midwest|region
Balkan Peninsula|||region
Horn of Africa|||region
Caribbean||the Caribbean|region
Siberia|RU||region
Crimea|UA||region
Donbas|UA|Donbass|region
Kashmir|||region
Tibet|CN||region
Xinjiang|CN||province
Chechnya|RU||region
Kurdistan|||region
Scotland|GB||region
England|GB||region
Wales|GB||region
Northern Ireland|GB|Ulster|region
Bavaria|DE||region
Catalonia|ES||region
Basque Country|ES||region
Quebec|CA||province
Ontario|CA||province
British Columbia|CA||province
Alberta|CA||province
California|US||province
Texas|US||province
Florida|US||province
New York State|US||province
Alaska|US||province
Hawaii|US||province
Guangdong|CN||province
Shenzhen|CN||city
Black Sea|||region
Baltic Sea|||region
Mediterranean||Mediterranean Sea|region
Red Sea|||region
South China Sea|||region
East China Sea|||region
Strait of Hormuz||Hormuz|region
Taiwan Strait|||region
Suez Canal|EG||region
Panama Canal|PA||region
Persian Gulf|||region
Atlantic||Atlantic Ocean|region
Pacific||Pacific Ocean|region
Indian Ocean|||region
Arctic|||region
Silicon Valley|US||region
Wall Street|US||region
`;

/** Major cities: Name|ISO|aliases. Capitals also come from the country table. */
const CITIES = `
New York|US|New York City;NYC
Los Angeles|US|LA
Chicago|US|
Houston|US|
Boston|US|
San Francisco|US|
Seattle|US|
Miami|US|
Atlanta|US|
Dallas|US|
Denver|US|
Detroit|US|
Philadelphia|US|
Phoenix|US|
Las Vegas|US|
New Orleans|US|
Cleveland|US|
Pittsburgh|US|
Baltimore|US|
Minneapolis|US|
St. Louis|US|St Louis
Cincinnati|US|
Milwaukee|US|
Kansas City|US|
Indianapolis|US|
San Diego|US|
Sacramento|US|
Portland|US|
Salt Lake City|US|
Nashville|US|
Charlotte|US|
Orlando|US|
Tampa|US|
Honolulu|US|
Anchorage|US|
Austin|US|
San Antonio|US|
Toronto|CA|
Montreal|CA|
Vancouver|CA|
Calgary|CA|
Sao Paulo|BR|São Paulo
Rio de Janeiro|BR|Rio
Buenos Aires|AR|
Bogota|CO|Bogotá
Medellin|CO|Medellín
Guadalajara|MX|
Monterrey|MX|
Tijuana|MX|
Havana|CU|
London|GB|
Westminster|GB|City of Westminster|city
Whitehall|GB||city
Manchester|GB|
Birmingham|GB|
Liverpool|GB|
Leeds|GB|
Glasgow|GB|
Edinburgh|GB|
Belfast|GB|
Cardiff|GB|
Bristol|GB|
Oxford|GB|
Cambridge|GB|
Sheffield|GB|
Newcastle|GB|
Nottingham|GB|
Southampton|GB|
Leicester|GB|
Paris|FR|
Marseille|FR|Marseilles
Lyon|FR|Lyons
Toulouse|FR|
Bordeaux|FR|
Strasbourg|FR|
Lille|FR|
Nantes|FR|
Berlin|DE|
Hamburg|DE|
Munich|DE|München
Frankfurt|DE|
Cologne|DE|Köln
Stuttgart|DE|
Dusseldorf|DE|Düsseldorf
Dortmund|DE|
Leipzig|DE|
Dresden|DE|
Bonn|DE|
Bremen|DE|
Hanover|DE|Hannover
Madrid|ES|
Barcelona|ES|
Valencia|ES|
Seville|ES|Sevilla
Bilbao|ES|
Rome|IT|
Milan|IT|Milano
Naples|IT|
Turin|IT|Torino
Florence|IT|
Venice|IT|
Genoa|IT|
Bologna|IT|
Palermo|IT|
Lisbon|PT|
Porto|PT|Oporto
Amsterdam|NL|
Rotterdam|NL|
The Hague|NL|
Eindhoven|NL|
Veldhoven|NL|
Utrecht|NL|
Brussels|BE|
Antwerp|BE|
Geneva|CH|
Zurich|CH|Zürich
Basel|CH|
Bern|CH|Berne
Lausanne|CH|
Davos|CH|
Vienna|AT|
Salzburg|AT|
Prague|CZ|
Warsaw|PL|
Krakow|PL|Kraków;Cracow
Gdansk|PL|Gdańsk
Budapest|HU|
Bucharest|RO|
Sofia|BG|
Athens|GR|
Thessaloniki|GR|
Istanbul|TR|
Ankara|TR|
Izmir|TR|
Belgrade|RS|
Zagreb|HR|
Sarajevo|BA|
Stockholm|SE|
Gothenburg|SE|
Oslo|NO|
Copenhagen|DK|
Helsinki|FI|
Reykjavik|IS|
Dublin|IE|
Tallinn|EE|
Riga|LV|
Vilnius|LT|
Minsk|BY|
Kyiv|UA|Kiev
Kharkiv|UA|Kharkov
Odesa|UA|Odessa
Lviv|UA|Lvov
Mariupol|UA|
Donetsk|UA|
Luhansk|UA|Lugansk
Kherson|UA|
Zaporizhzhia|UA|Zaporizhzhia;Zaporozhye
Dnipro|UA|Dnipropetrovsk
Bakhmut|UA|
Sevastopol|UA|
Moscow|RU|
St Petersburg|RU|St. Petersburg;Saint Petersburg;Leningrad
Novosibirsk|RU|
Yekaterinburg|RU|
Vladivostok|RU|
Kaliningrad|RU|
Murmansk|RU|
Novorossiysk|RU|
Chisinau|MD|
Tbilisi|GE|
Yerevan|AM|
Baku|AZ|
Almaty|KZ|
Astana|KZ|
Tashkent|UZ|
Bishkek|KG|
Tehran|IR|
Isfahan|IR|
Baghdad|IQ|
Basra|IQ|
Mosul|IQ|
Erbil|IQ|
Damascus|SY|
Aleppo|SY|
Beirut|LB|
Amman|JO|
Jerusalem|IL|
Tel Aviv|IL|
Haifa|IL|
Gaza City|PS|
Ramallah|PS|
Cairo|EG|
Alexandria|EG|
Riyadh|SA|
Jeddah|SA|
Mecca|SA|Makkah
Dubai|AE|
Abu Dhabi|AE|
Sharjah|AE|
Doha|QA|
Kuwait City|KW|
Manama|BH|
Muscat|OM|
Sanaa|YE|Sana'a
Aden|YE|
Kabul|AF|
Kandahar|AF|
Islamabad|PK|
Karachi|PK|
Lahore|PK|
New Delhi|IN|Delhi
Mumbai|IN|Bombay
Kolkata|IN|Calcutta
Chennai|IN|Madras
Bangalore|IN|Bengaluru
Hyderabad|IN|
Dhaka|BD|
Kathmandu|NP|
Colombo|LK|
Beijing|CN|Peking
Shanghai|CN|
Guangzhou|CN|Canton
Tianjin|CN|
Chongqing|CN|
Wuhan|CN|
Chengdu|CN|
Hangzhou|CN|
Nanjing|CN|
Xiamen|CN|
Dalian|CN|
Harbin|CN|
Urumqi|CN|
Taipei|TW|
Kaohsiung|TW|
Hsinchu|TW|
Tokyo|JP|
Osaka|JP|
Kyoto|JP|
Yokohama|JP|
Nagoya|JP|
Kobe|JP|
Hiroshima|JP|
Sapporo|JP|
Fukuoka|JP|
Okinawa|JP|
Seoul|KR|
Busan|KR|Pusan
Incheon|KR|
Pyongyang|KP|
Ulaanbaatar|MN|Ulan Bator
Hanoi|VN|
Ho Chi Minh City|VN|Saigon
Bangkok|TH|
Phnom Penh|KH|
Vientiane|LA|
Yangon|MM|Rangoon
Naypyidaw|MM|
Kuala Lumpur|MY|
Penang|MY|
Jakarta|ID|
Surabaya|ID|
Bali|ID|
Manila|PH|
Sydney|AU|
Melbourne|AU|
Brisbane|AU|
Perth|AU|
Adelaide|AU|
Canberra|AU|
Auckland|NZ|
Wellington|NZ|
Christchurch|NZ|
Lagos|NG|
Abuja|NG|
Nairobi|KE|
Addis Ababa|ET|
Johannesburg|ZA|
Cape Town|ZA|
Durban|ZA|
Pretoria|ZA|
Harare|ZW|
Kinshasa|CD|
Khartoum|SD|
Tripoli|LY|
Benghazi|LY|
Tunis|TN|
Algiers|DZ|
Casablanca|MA|
Rabat|MA|
Dakar|SN|
Accra|GH|
Abidjan|CI|
Luanda|AO|
Kampala|UG|
Dar es Salaam|TZ|
Mogadishu|SO|
Lima|PE|
Santiago|CL|
Caracas|VE|
Quito|EC|
Montevideo|UY|
Washington|US|Washington D.C.;Washington DC;Washington, D.C.
Ottawa|CA|
Mexico City|MX|
`;

function rows(table: string): string[][] {
  return table
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.split('|'));
}

const list = (s: string | undefined) =>
  (s ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

export const PLACES: readonly PlaceRecord[] = [
  ...rows(REGIONS).map(([name = '', iso = '', aliases, kind]) => ({
    name,
    country: iso || null,
    aliases: list(aliases),
    kind: (kind === 'continent' || kind === 'province' || kind === 'city' ? kind : 'region') as PlaceRecord['kind'],
  })),
  ...rows(CITIES).map(([name = '', iso = '', aliases]) => ({
    name,
    country: iso || null,
    aliases: list(aliases),
    kind: 'city' as const,
  })),
];
