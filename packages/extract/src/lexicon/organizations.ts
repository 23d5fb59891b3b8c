/**
 * Well-known organizations with their aliases and kind, written from public facts. The alias
 * lexicon is what makes "Treasury Department", "US Treasury" and "Department of the Treasury"
 * one node across documents.
 * Row format: Canonical name|kind|aliases;...|country ISO (optional)
 */

export const ORGANIZATION_KINDS = [
  'GovernmentAgency',
  'Company',
  'Bank',
  'MediaOutlet',
  'InternationalOrganization',
  'Association',
  'PoliticalParty',
  'University',
  'SportsTeam',
  'ArmedGroup',
  'StockExchange',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface OrganizationRecord {
  name: string;
  kind: OrganizationKind;
  aliases: string[];
  country: string | null;
}

const TABLE = `
US Department of the Treasury|GovernmentAgency|US Treasury Department;U.S. Treasury Department;Treasury Department;US Treasury;U.S. Treasury;United States Treasury;Department of the Treasury;Treasury;the Treasury;US Department of the Treasury;U.S. Department of the Treasury;Treasury Dept|US
Office of Foreign Assets Control|GovernmentAgency|OFAC;Treasury's Office of Foreign Assets Control|US
Financial Crimes Enforcement Network|GovernmentAgency|FinCEN|US
Bureau of Industry and Security|GovernmentAgency|BIS;Commerce Department's Bureau of Industry and Security|US
US Department of Commerce|GovernmentAgency|Commerce Department;US Commerce Department;U.S. Commerce Department;Department of Commerce;Commerce Dept|US
US Department of State|GovernmentAgency|State Department;US State Department;U.S. State Department;Department of State|US
US Department of Justice|GovernmentAgency|Justice Department;US Justice Department;U.S. Justice Department;Department of Justice;DOJ|US
US Department of Defense|GovernmentAgency|Pentagon;Defense Department;US Defense Department;U.S. Defense Department;Department of Defense;DoD|US
US Department of Homeland Security|GovernmentAgency|Homeland Security;Department of Homeland Security;DHS|US
US Department of Energy|GovernmentAgency|Energy Department;Department of Energy|US
Federal Bureau of Investigation|GovernmentAgency|FBI|US
Central Intelligence Agency|GovernmentAgency|CIA|US
Federal Reserve|GovernmentAgency|Fed;US Federal Reserve;U.S. Federal Reserve;Federal Reserve Board|US
Securities and Exchange Commission|GovernmentAgency|SEC|US
White House|GovernmentAgency|the White House|US
US Congress|GovernmentAgency|Congress;U.S. Congress|US
US Senate|GovernmentAgency|Senate;U.S. Senate|US
House of Representatives|GovernmentAgency|US House of Representatives|US
Kremlin|GovernmentAgency|the Kremlin|RU
Bank of Russia|GovernmentAgency|Central Bank of Russia;Russian central bank|RU
People's Bank of China|GovernmentAgency|PBOC;PBoC|CN
Ministry of Commerce of China|GovernmentAgency|MOFCOM|CN
Hong Kong Monetary Authority|GovernmentAgency|HKMA|HK
Monetary Authority of Singapore|GovernmentAgency|MAS|SG
Bank of England|GovernmentAgency|BoE|GB
Bank of Japan|GovernmentAgency|BOJ;BoJ|JP
European Central Bank|GovernmentAgency|ECB|
Bundesbank|GovernmentAgency|Deutsche Bundesbank|DE
Office of Financial Sanctions Implementation|GovernmentAgency|OFSI|GB
HM Treasury|GovernmentAgency|Her Majesty's Treasury;His Majesty's Treasury;UK Treasury;U.K. Treasury;British Treasury;United Kingdom Treasury;Britain's Treasury|GB
European Union|InternationalOrganization|EU;E.U.;the EU;European Community;EC|
European Commission|GovernmentAgency|the Commission;Commission of the European Union|
European Parliament|GovernmentAgency||
European Council|GovernmentAgency||
Council of the European Union|GovernmentAgency|EU Council|
United Nations|InternationalOrganization|UN;U.N.;the UN|
UN Security Council|InternationalOrganization|U.N. Security Council;United Nations Security Council;Security Council;UNSC|
North Atlantic Treaty Organization|InternationalOrganization|NATO;Nato|
Group of Seven|InternationalOrganization|G7;G-7;Group of 7|
Group of Twenty|InternationalOrganization|G20;G-20|
International Monetary Fund|InternationalOrganization|IMF|
World Bank|InternationalOrganization||
World Trade Organization|InternationalOrganization|WTO;World Trade Organisation|
Organization of the Petroleum Exporting Countries|InternationalOrganization|OPEC;OPEC+|
Association of Southeast Asian Nations|InternationalOrganization|ASEAN|
Financial Action Task Force|InternationalOrganization|FATF|
Organisation for Economic Co-operation and Development|InternationalOrganization|OECD|
International Atomic Energy Agency|InternationalOrganization|IAEA|
World Health Organization|InternationalOrganization|WHO;World Health Organisation|
Bank for International Settlements|InternationalOrganization||
African Union|InternationalOrganization||
Shanghai Cooperation Organisation|InternationalOrganization|SCO;Shanghai Cooperation Organization|
Eurasian Economic Union|InternationalOrganization|EAEU|
BRICS|InternationalOrganization||
Wassenaar Arrangement|InternationalOrganization||
Interpol|InternationalOrganization|INTERPOL|
Gulf Cooperation Council|InternationalOrganization|GCC|
Organization for Security and Co-operation in Europe|InternationalOrganization|OSCE|
Union of Arab Banks|Association||
Association of Certified Anti-Money Laundering Specialists|Association|ACAMS|
HSBC|Company|HSBC Holdings;HSBC Holdings plc;HSBC Bank|GB
Standard Chartered|Company|Standard Chartered Bank;Standard Chartered plc;StanChart|GB
Bank of China|Company|BOC|CN
Bank of China Hong Kong|Company|BOCHK;Bank of China (Hong Kong)|HK
Industrial and Commercial Bank of China|Company|ICBC|CN
China Construction Bank|Company|CCB|CN
Agricultural Bank of China|Company||CN
JPMorgan Chase|Company|JPMorgan;JP Morgan;J.P. Morgan|US
Citigroup|Company|Citi;Citibank|US
Goldman Sachs|Company||US
Morgan Stanley|Company||US
Bank of America|Company||US
Wells Fargo|Company||US
Deutsche Bank|Company||DE
Commerzbank|Company||DE
UBS|Company||CH
Credit Suisse|Company||CH
Barclays|Company||GB
Lloyds|Company|Lloyds Banking Group|GB
BNP Paribas|Company||FR
Societe Generale|Company|Société Générale|FR
Raiffeisen Bank International|Company|Raiffeisen|AT
UniCredit|Company||IT
ING|Company|ING Groep|NL
Sberbank|Company||RU
VTB|Company|VTB Bank|RU
Gazprombank|Company||RU
Alfa-Bank|Company|Alfa Bank|RU
DBS|Company|DBS Bank|SG
Mitsubishi UFJ Financial Group|Company|MUFG|JP
Nomura|Company||JP
SoftBank|Company||JP
ASML Holding NV|Company|ASML;ASML Holding|NL
Huawei|Company|Huawei Technologies|CN
ZTE|Company||CN
SMIC|Company|Semiconductor Manufacturing International Corp;Semiconductor Manufacturing International|CN
Taiwan Semiconductor Manufacturing Co|Company|TSMC;Taiwan Semiconductor Manufacturing Company|TW
Samsung Electronics|Company|Samsung|KR
SK Hynix|Company||KR
Nvidia|Company|NVIDIA|US
Intel|Company||US
AMD|Company|Advanced Micro Devices|US
Qualcomm|Company||US
Texas Instruments|Company||US
Micron Technology|Company|Micron|US
Applied Materials|Company||US
Lam Research|Company||US
KLA|Company|KLA Corp|US
Tokyo Electron|Company||JP
Apple|Company|Apple Inc|US
Microsoft|Company||US
Google|Company|Alphabet|US
Amazon|Company||US
Meta|Company|Facebook|US
Boeing|Company||US
Airbus|Company||FR
Lockheed Martin|Company||US
Raytheon|Company|RTX|US
General Electric|Company|GE|US
Siemens|Company||DE
Gazprom|Company||RU
Rosneft|Company||RU
Lukoil|Company||RU
Novatek|Company||RU
Rosatom|Company||RU
Rostec|Company||RU
Aeroflot|Company||RU
Saudi Aramco|Company|Aramco|SA
ExxonMobil|Company|Exxon;Exxon Mobil|US
Chevron|Company||US
Shell|Company|Royal Dutch Shell|GB
BP|Company|British Petroleum|GB
TotalEnergies|Company||FR
Glencore|Company||CH
Trafigura|Company||CH
Vitol|Company||CH
Maersk|Company|A.P. Moller-Maersk|DK
DJI|Company||CN
Hikvision|Company||CN
Tencent|Company||CN
Alibaba|Company|Alibaba Group|CN
WhatsApp|Company||US
Wagner Group|ArmedGroup|Wagner;PMC Wagner|RU
Islamic Revolutionary Guard Corps|ArmedGroup|IRGC;Revolutionary Guards;Revolutionary Guard|IR
Hezbollah|ArmedGroup|Hizbollah;Hizballah|LB
Hamas|ArmedGroup||PS
Taliban|ArmedGroup|the Taliban|AF
Houthis|ArmedGroup|Houthi;Ansar Allah;Ansarallah|YE
Al-Qaeda|ArmedGroup|al Qaeda;Al Qaeda;al-Qaeda|
Islamic State|ArmedGroup|ISIS;ISIL;Daesh|
Rosoboronexport|Company||RU
Sovcomflot|Company||RU
Kalashnikov Concern|Company|Kalashnikov|RU
Almaz-Antey|Company||RU
United Aircraft Corporation|Company||RU
Uralvagonzavod|Company||RU
Russian Direct Investment Fund|GovernmentAgency|RDIF|RU
Central Bank of Iran|GovernmentAgency|Bank Markazi|IR
National Iranian Oil Company|Company|NIOC|IR
Mahan Air|Company||IR
Iran Air|Company||IR
Shahed Aviation Industries|Company||IR
China Electronics Technology Group|Company|CETC|CN
Aviation Industry Corporation of China|Company|AVIC|CN
Norinco|Company|NORINCO;China North Industries Group|CN
Dahua Technology|Company|Dahua|CN
Inspur|Company|Inspur Group|CN
Yangtze Memory Technologies|Company|YMTC|CN
ChangXin Memory Technologies|Company|CXMT|CN
Communist Party of China|PoliticalParty|Chinese Communist Party;CCP;CPC|CN
Democratic Party|PoliticalParty|Democrats;US Democrats;U.S. Democrats;Democratic Party of the United States|US
Republican Party|PoliticalParty|GOP;Republicans;US Republicans;U.S. Republicans|US
Conservative Party|PoliticalParty|Conservatives;Tories;Tory;Tory Party;Conservative and Unionist Party;Tory party;Conservative party|GB
Labour Party|PoliticalParty|Labour;New Labour;Labour party;British Labour Party|GB
Liberal Democrats|PoliticalParty|Lib Dems;Lib Dem;LibDems;Liberal Democrat Party;Liberal Democrat;Lib Democrats|GB
Scottish National Party|PoliticalParty|SNP|GB
Plaid Cymru|PoliticalParty||GB
UK Independence Party|PoliticalParty|UKIP|GB
House of Commons|GovernmentAgency|Commons;the Commons;British House of Commons|GB
House of Lords|GovernmentAgency|Lords;the Lords|GB
UK Parliament|GovernmentAgency|British Parliament;Westminster Parliament;Parliament of the United Kingdom|GB
Foreign Office|GovernmentAgency|Foreign and Commonwealth Office;FCO;British Foreign Office|GB
Home Office|GovernmentAgency|British Home Office|GB
Cabinet Office|GovernmentAgency||GB
US Department of Agriculture|GovernmentAgency|USDA;U.S. Department of Agriculture;US Agriculture Department;U.S. Agriculture Department;Agriculture Department;Department of Agriculture|US
United Russia|PoliticalParty||RU
New York Stock Exchange|StockExchange|NYSE|US
Nasdaq|StockExchange|NASDAQ|US
London Stock Exchange|StockExchange||GB
Hong Kong Stock Exchange|StockExchange|HKEX;Hong Kong Exchanges and Clearing|HK
Moscow Exchange|StockExchange|MOEX|RU
Der Spiegel|MediaOutlet|Spiegel|DE
Le Monde|MediaOutlet||FR
NHK|MediaOutlet||JP
Kommersant|MediaOutlet||RU
Vedomosti|MediaOutlet||RU
Caixin|MediaOutlet||CN
Global Times|MediaOutlet||CN
Financial Action Task Force on Money Laundering|InternationalOrganization||
European Bank for Reconstruction and Development|InternationalOrganization|EBRD|
Asian Development Bank|InternationalOrganization|ADB|
Asian Infrastructure Investment Bank|InternationalOrganization|AIIB|
New Development Bank|InternationalOrganization||
International Criminal Court|InternationalOrganization||
International Court of Justice|InternationalOrganization|ICJ|
Red Cross|InternationalOrganization|International Committee of the Red Cross;ICRC|
Amnesty International|Association|Amnesty|
Human Rights Watch|Association||
Transparency International|Association||
Reuters|MediaOutlet|Thomson Reuters|GB
Bloomberg News|MediaOutlet|Bloomberg|US
Nikkei Asia|MediaOutlet|Nikkei Asian Review;Nikkei|JP
The Wall Street Journal|MediaOutlet|Wall Street Journal;WSJ|US
The New York Times|MediaOutlet|New York Times;NYT|US
The Washington Post|MediaOutlet|Washington Post|US
Financial Times|MediaOutlet|FT;The Financial Times|GB
The Economist|MediaOutlet|Economist|GB
The Guardian|MediaOutlet|Guardian|GB
BBC|MediaOutlet|British Broadcasting Corporation;BBC News|GB
CNN|MediaOutlet||US
Associated Press|MediaOutlet|AP;The Associated Press|US
Agence France-Presse|MediaOutlet|AFP|FR
Xinhua|MediaOutlet|Xinhua News Agency|CN
TASS|MediaOutlet|Tass|RU
RIA Novosti|MediaOutlet|RIA|RU
Interfax|MediaOutlet||RU
Al Jazeera|MediaOutlet||QA
South China Morning Post|MediaOutlet|SCMP|HK
The Star|MediaOutlet||MY
Politico|MediaOutlet||US
Axios|MediaOutlet||US
CNBC|MediaOutlet||US
Kyodo News|MediaOutlet|Kyodo|JP
Yonhap|MediaOutlet|Yonhap News Agency|KR
Deutsche Welle|MediaOutlet|DW|DE
Radio Free Europe/Radio Liberty|MediaOutlet|RFE/RL|
`;

const list = (s: string | undefined) =>
  (s ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

export const ORGANIZATIONS: readonly OrganizationRecord[] = TABLE.split('\n')
  .filter((l) => l.trim())
  .map((l) => {
    const [name = '', kind = 'Company', aliases, country] = l.split('|');
    return {
      name,
      kind: ((ORGANIZATION_KINDS as readonly string[]).includes(kind) ? kind : 'Company') as OrganizationKind,
      aliases: list(aliases),
      country: country?.trim() || null,
    };
  });
