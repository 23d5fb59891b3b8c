/**
 * Countries and ISO 3166-1 territories, written from public facts: alpha-2 code, English short
 * name, other names, demonyms/adjectives, capital. One row per line:
 *   ISO|Name|other names;...|demonyms;...|capital
 * Ambiguous short forms (e.g. "Georgia", "Jordan", "Chad") are kept; the recognizer weighs context.
 * Hand-written on purpose: this table holds the news forms the `world-countries` package lacks
 * ("Britain", "mainland China", short demonyms) and former states under their ISO 3166-3 codes
 * (Yugoslavia YU, Soviet Union SU, Czechoslovakia CS, East Germany DD), which no package lists as
 * countries; `world-countries.ts` adds names in other languages and the package's demonyms.
 */

export interface CountryRecord {
  iso: string;
  name: string;
  aliases: string[];
  demonyms: string[];
  capital: string | null;
}

const TABLE = `
AF|Afghanistan||Afghan;Afghans|Kabul
AX|Aland Islands|Åland Islands;Åland||Mariehamn
AL|Albania||Albanian;Albanians|Tirana
DZ|Algeria||Algerian;Algerians|Algiers
AS|American Samoa||American Samoan|Pago Pago
AD|Andorra||Andorran|Andorra la Vella
AO|Angola||Angolan;Angolans|Luanda
AI|Anguilla||Anguillan|
AQ|Antarctica||Antarctic|
AG|Antigua and Barbuda|Antigua||Saint John's
AR|Argentina|Argentine Republic|Argentine;Argentinian;Argentines;Argentinians|Buenos Aires
AM|Armenia||Armenian;Armenians|Yerevan
AW|Aruba||Aruban|Oranjestad
AU|Australia||Australian;Australians|Canberra
AT|Austria||Austrian;Austrians|Vienna
AZ|Azerbaijan||Azerbaijani;Azeri;Azerbaijanis|Baku
BS|Bahamas|The Bahamas|Bahamian|Nassau
BH|Bahrain||Bahraini;Bahrainis|Manama
BD|Bangladesh||Bangladeshi;Bangladeshis|Dhaka
BB|Barbados||Barbadian;Bajan|Bridgetown
BY|Belarus|Byelorussia|Belarusian;Belarussian;Belarusians|Minsk
BE|Belgium||Belgian;Belgians|Brussels
BZ|Belize||Belizean|Belmopan
BJ|Benin||Beninese|Porto-Novo
BM|Bermuda||Bermudian|
BT|Bhutan||Bhutanese|Thimphu
BO|Bolivia||Bolivian;Bolivians|Sucre
BQ|Caribbean Netherlands|Bonaire||Kralendijk
BA|Bosnia and Herzegovina|Bosnia;Bosnia-Herzegovina|Bosnian;Bosnians|Sarajevo
BW|Botswana||Botswanan;Motswana|Gaborone
BV|Bouvet Island|||
BR|Brazil||Brazilian;Brazilians|Brasilia
IO|British Indian Ocean Territory|Chagos Islands||
BN|Brunei|Brunei Darussalam|Bruneian|Bandar Seri Begawan
BG|Bulgaria||Bulgarian;Bulgarians|Sofia
BF|Burkina Faso||Burkinabe|Ouagadougou
BI|Burundi||Burundian|Gitega
CV|Cape Verde|Cabo Verde|Cape Verdean|Praia
KH|Cambodia||Cambodian;Cambodians|Phnom Penh
CM|Cameroon||Cameroonian;Cameroonians|Yaounde
CA|Canada||Canadian;Canadians|Ottawa
KY|Cayman Islands|Caymans|Caymanian|George Town
CF|Central African Republic|||Bangui
TD|Chad||Chadian|N'Djamena
CL|Chile||Chilean;Chileans|Santiago
CN|China|People's Republic of China;PRC;Mainland China;mainland China|Chinese|Beijing
CX|Christmas Island|||Flying Fish Cove
CC|Cocos (Keeling) Islands|Cocos Islands||West Island
CO|Colombia||Colombian;Colombians|Bogota
KM|Comoros||Comoran;Comorian|Moroni
CG|Republic of the Congo|Congo-Brazzaville;Congo Republic||Brazzaville
CD|Democratic Republic of the Congo|DR Congo;DRC;Congo-Kinshasa;Congo;Zaire|Congolese|Kinshasa
CK|Cook Islands|||Avarua
CR|Costa Rica||Costa Rican;Costa Ricans|San Jose
CI|Ivory Coast|Côte d'Ivoire;Cote d'Ivoire|Ivorian;Ivorians|Yamoussoukro
HR|Croatia||Croatian;Croat;Croats;Croatians|Zagreb
CU|Cuba||Cuban;Cubans|Havana
CW|Curacao|Curaçao|Curacaoan|Willemstad
CY|Cyprus||Cypriot;Cypriots|Nicosia
CZ|Czech Republic|Czechia|Czech;Czechs|Prague
DK|Denmark||Danish;Dane;Danes|Copenhagen
DJ|Djibouti||Djiboutian|Djibouti
DM|Dominica||Dominican|Roseau
DO|Dominican Republic||Dominicans|Santo Domingo
EC|Ecuador||Ecuadorian;Ecuadorean;Ecuadorians|Quito
EG|Egypt||Egyptian;Egyptians|Cairo
SV|El Salvador|Salvador|Salvadoran;Salvadorean|San Salvador
GQ|Equatorial Guinea||Equatoguinean|Malabo
ER|Eritrea||Eritrean;Eritreans|Asmara
EE|Estonia||Estonian;Estonians|Tallinn
SZ|Eswatini|Swaziland|Swazi|Mbabane
ET|Ethiopia||Ethiopian;Ethiopians|Addis Ababa
FK|Falkland Islands|Falklands;Malvinas|Falkland Islander|
FO|Faroe Islands|Faroes|Faroese|Torshavn
FJ|Fiji||Fijian;Fijians|Suva
FI|Finland||Finnish;Finn;Finns|Helsinki
FR|France|French Republic|French;Frenchman;Frenchmen|Paris
GF|French Guiana||French Guianese|Cayenne
PF|French Polynesia||French Polynesian|Papeete
TF|French Southern Territories|||
GA|Gabon||Gabonese|Libreville
GM|Gambia|The Gambia|Gambian|Banjul
GE|Georgia||Georgian;Georgians|Tbilisi
DE|Germany|Federal Republic of Germany|German;Germans|Berlin
GH|Ghana||Ghanaian;Ghanaians|Accra
GI|Gibraltar||Gibraltarian|Gibraltar
GR|Greece|Hellenic Republic|Greek;Greeks|Athens
GL|Greenland||Greenlandic;Greenlander|Nuuk
GD|Grenada||Grenadian|St. George's
GP|Guadeloupe||Guadeloupean|Basse-Terre
GU|Guam||Guamanian|Hagatna
GT|Guatemala||Guatemalan;Guatemalans|Guatemala City
GG|Guernsey|||Saint Peter Port
GN|Guinea||Guinean;Guineans|Conakry
GW|Guinea-Bissau||Bissau-Guinean|Bissau
GY|Guyana||Guyanese|Georgetown
HT|Haiti||Haitian;Haitians|Port-au-Prince
HM|Heard Island and McDonald Islands|||
VA|Vatican City|Holy See;Vatican||Vatican City
HN|Honduras||Honduran;Hondurans|Tegucigalpa
HK|Hong Kong|Hong Kong SAR;HKSAR|Hong Konger;Hong Kongers|
HU|Hungary||Hungarian;Hungarians|Budapest
IS|Iceland||Icelandic;Icelander;Icelanders|Reykjavik
IN|India|Republic of India|Indian;Indians|New Delhi
ID|Indonesia||Indonesian;Indonesians|Jakarta
IR|Iran|Islamic Republic of Iran;Persia|Iranian;Iranians|Tehran
IQ|Iraq||Iraqi;Iraqis|Baghdad
IE|Ireland|Republic of Ireland;Eire|Irish|Dublin
IM|Isle of Man||Manx|
IL|Israel|State of Israel|Israeli;Israelis|Jerusalem
IT|Italy||Italian;Italians|Rome
JM|Jamaica||Jamaican;Jamaicans|Kingston
JP|Japan||Japanese|Tokyo
JE|Jersey|||Saint Helier
JO|Jordan||Jordanian;Jordanians|Amman
KZ|Kazakhstan|Kazakstan|Kazakh;Kazakhstani;Kazakhs|Astana
KE|Kenya||Kenyan;Kenyans|Nairobi
KI|Kiribati||I-Kiribati|Tarawa
KP|North Korea|Democratic People's Republic of Korea;DPRK|North Korean;North Koreans|Pyongyang
KR|South Korea|Republic of Korea;Korea|South Korean;South Koreans;Korean;Koreans|Seoul
XK|Kosovo||Kosovar;Kosovan;Kosovars|Pristina
KW|Kuwait||Kuwaiti;Kuwaitis|Kuwait City
KG|Kyrgyzstan|Kyrgyz Republic;Kirghizia|Kyrgyz|Bishkek
LA|Laos|Lao PDR|Laotian;Lao|Vientiane
LV|Latvia||Latvian;Latvians|Riga
LB|Lebanon||Lebanese|Beirut
LS|Lesotho||Basotho|Maseru
LR|Liberia||Liberian;Liberians|Monrovia
LY|Libya||Libyan;Libyans|Tripoli
LI|Liechtenstein||Liechtensteiner|Vaduz
LT|Lithuania||Lithuanian;Lithuanians|Vilnius
LU|Luxembourg||Luxembourgish;Luxembourger|Luxembourg
MO|Macau|Macao;Macau SAR|Macanese|
MG|Madagascar||Malagasy|Antananarivo
MW|Malawi||Malawian;Malawians|Lilongwe
MY|Malaysia||Malaysian;Malaysians|Kuala Lumpur
MV|Maldives|The Maldives|Maldivian;Maldivians|Malé
ML|Mali||Malian;Malians|Bamako
MT|Malta||Maltese|Valletta
MH|Marshall Islands||Marshallese|Majuro
MQ|Martinique||Martinican|Fort-de-France
MR|Mauritania||Mauritanian;Mauritanians|Nouakchott
MU|Mauritius||Mauritian;Mauritians|Port Louis
YT|Mayotte||Mahoran|Mamoudzou
MX|Mexico||Mexican;Mexicans|Mexico City
FM|Micronesia|Federated States of Micronesia|Micronesian|Palikir
MD|Moldova||Moldovan;Moldovans|Chisinau
MC|Monaco||Monegasque|Monaco
MN|Mongolia||Mongolian;Mongolians|Ulaanbaatar
ME|Montenegro||Montenegrin;Montenegrins|Podgorica
MS|Montserrat||Montserratian|Brades
MA|Morocco||Moroccan;Moroccans|Rabat
MZ|Mozambique||Mozambican;Mozambicans|Maputo
MM|Myanmar|Burma|Burmese;Myanmarese|Naypyidaw
NA|Namibia||Namibian;Namibians|Windhoek
NR|Nauru||Nauruan|Yaren
NP|Nepal||Nepali;Nepalese|Kathmandu
NL|Netherlands|The Netherlands;Holland|Dutch;Dutchman|Amsterdam
NC|New Caledonia||New Caledonian|Noumea
NZ|New Zealand||New Zealander;New Zealanders;Kiwi|Wellington
NI|Nicaragua||Nicaraguan;Nicaraguans|Managua
NE|Niger||Nigerien|Niamey
NG|Nigeria||Nigerian;Nigerians|Abuja
NU|Niue||Niuean|Alofi
NF|Norfolk Island|||Kingston
MK|North Macedonia|Macedonia;FYROM|Macedonian;Macedonians|Skopje
MP|Northern Mariana Islands|||Saipan
NO|Norway||Norwegian;Norwegians|Oslo
OM|Oman||Omani;Omanis|Muscat
PK|Pakistan||Pakistani;Pakistanis|Islamabad
PW|Palau||Palauan|Ngerulmud
PS|Palestine|Palestinian Territories;State of Palestine;West Bank;Gaza;Gaza Strip|Palestinian;Palestinians|Ramallah
PA|Panama||Panamanian;Panamanians|Panama City
PG|Papua New Guinea||Papua New Guinean|Port Moresby
PY|Paraguay||Paraguayan;Paraguayans|Asuncion
PE|Peru||Peruvian;Peruvians|Lima
PH|Philippines|The Philippines|Filipino;Philippine;Filipinos|Manila
PN|Pitcairn Islands|Pitcairn||Adamstown
PL|Poland||Polish;Pole;Poles|Warsaw
PT|Portugal||Portuguese|Lisbon
PR|Puerto Rico||Puerto Rican;Puerto Ricans|San Juan
QA|Qatar||Qatari;Qataris|Doha
RE|Reunion|Réunion|Reunionese|Saint-Denis
RO|Romania|Rumania|Romanian;Romanians|Bucharest
RU|Russia|Russian Federation|Russian;Russians|Moscow
RW|Rwanda||Rwandan;Rwandans|Kigali
BL|Saint Barthelemy|Saint Barthélemy;St. Barts||Gustavia
SH|Saint Helena|||Jamestown
KN|Saint Kitts and Nevis|St. Kitts and Nevis||Basseterre
LC|Saint Lucia|St. Lucia|St. Lucian|Castries
MF|Saint Martin|||Marigot
PM|Saint Pierre and Miquelon|||Saint-Pierre
VC|Saint Vincent and the Grenadines|St. Vincent and the Grenadines||Kingstown
WS|Samoa||Samoan;Samoans|Apia
SM|San Marino||Sammarinese|San Marino
ST|Sao Tome and Principe|São Tomé and Príncipe||Sao Tome
SA|Saudi Arabia|Saudi|Saudi Arabian;Saudis|Riyadh
SN|Senegal||Senegalese|Dakar
RS|Serbia||Serbian;Serb;Serbs;Serbians|Belgrade
SC|Seychelles||Seychellois|
SL|Sierra Leone||Sierra Leonean|Freetown
SG|Singapore||Singaporean;Singaporeans|
SX|Sint Maarten|||Philipsburg
SK|Slovakia|Slovak Republic|Slovak;Slovakian;Slovaks|Bratislava
SI|Slovenia||Slovenian;Slovene;Slovenians|Ljubljana
SB|Solomon Islands||Solomon Islander|Honiara
SO|Somalia||Somali;Somalis|Mogadishu
ZA|South Africa|Republic of South Africa|South African;South Africans|Pretoria
GS|South Georgia and the South Sandwich Islands|||
SS|South Sudan||South Sudanese|Juba
ES|Spain||Spanish;Spaniard;Spaniards|Madrid
LK|Sri Lanka|Ceylon|Sri Lankan;Sri Lankans|Colombo
SD|Sudan||Sudanese|Khartoum
SR|Suriname|Surinam|Surinamese|Paramaribo
SJ|Svalbard and Jan Mayen|Svalbard||Longyearbyen
SE|Sweden||Swedish;Swede;Swedes|Stockholm
CH|Switzerland|Swiss Confederation|Swiss|Bern
SY|Syria|Syrian Arab Republic|Syrian;Syrians|Damascus
TW|Taiwan|Republic of China;Chinese Taipei|Taiwanese|Taipei
TJ|Tajikistan||Tajik;Tajikistani|Dushanbe
TZ|Tanzania||Tanzanian;Tanzanians|Dodoma
TH|Thailand||Thai;Thais|Bangkok
TL|Timor-Leste|East Timor|Timorese|Dili
TG|Togo||Togolese|Lome
TK|Tokelau||Tokelauan|
TO|Tonga||Tongan|Nuku'alofa
TT|Trinidad and Tobago|Trinidad|Trinidadian;Tobagonian|Port of Spain
TN|Tunisia||Tunisian;Tunisians|Tunis
TR|Turkey|Türkiye;Turkiye|Turkish;Turk;Turks|Ankara
TM|Turkmenistan||Turkmen|Ashgabat
TC|Turks and Caicos Islands|Turks and Caicos||Cockburn Town
TV|Tuvalu||Tuvaluan|Funafuti
UG|Uganda||Ugandan;Ugandans|Kampala
UA|Ukraine|The Ukraine|Ukrainian;Ukrainians|Kyiv
AE|United Arab Emirates|UAE;U.A.E.;Emirates|Emirati;Emiratis|Abu Dhabi
GB|United Kingdom|UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland|British;Briton;Britons|London
US|United States|US;U.S.;USA;U.S.A.;United States of America;America;the States|American;Americans|Washington
UM|United States Minor Outlying Islands|||
UY|Uruguay||Uruguayan;Uruguayans|Montevideo
UZ|Uzbekistan||Uzbek;Uzbekistani;Uzbeks|Tashkent
VU|Vanuatu||Ni-Vanuatu|Port Vila
VE|Venezuela||Venezuelan;Venezuelans|Caracas
VN|Vietnam|Viet Nam|Vietnamese|Hanoi
VG|British Virgin Islands|BVI||Road Town
VI|U.S. Virgin Islands|US Virgin Islands||Charlotte Amalie
WF|Wallis and Futuna|||Mata-Utu
EH|Western Sahara||Sahrawi|Laayoune
YE|Yemen||Yemeni;Yemenis|Sanaa
ZM|Zambia||Zambian;Zambians|Lusaka
ZW|Zimbabwe||Zimbabwean;Zimbabweans|Harare
YU|Yugoslavia|Federal Republic of Yugoslavia|Yugoslav;Yugoslavs|
SU|Soviet Union|USSR;U.S.S.R.|Soviet;Soviets|
CS|Czechoslovakia||Czechoslovak|
DD|East Germany|German Democratic Republic;GDR|East German;East Germans|
`;

function parseTable(table: string): CountryRecord[] {
  const out: CountryRecord[] = [];
  for (const line of table.split('\n')) {
    if (!line.trim()) continue;
    const [iso = '', name = '', aliases = '', demonyms = '', capital = ''] = line.split('|');
    const list = (s: string) => s.split(';').map((x) => x.trim()).filter(Boolean);
    out.push({ iso, name, aliases: list(aliases), demonyms: list(demonyms), capital: capital.trim() || null });
  }
  return out;
}

export const COUNTRIES: readonly CountryRecord[] = parseTable(TABLE);

const BY_ISO = new Map(COUNTRIES.map((c) => [c.iso, c]));

export function countryByIso(iso: string): CountryRecord | undefined {
  return BY_ISO.get(iso.toUpperCase());
}
