/**
 * The fifty US states with their AP-style abbreviations ("Calif.", "N.Y.", "Ga."), written from
 * public facts. Full names are Places of kind province with country US; abbreviations are read by
 * the recognizer only where news style puts them ("Albany, N.Y.", "Sen. Jane Doe, D-Calif."),
 * because several are also ordinary words or honorifics ("Mass", "Miss.", "Pa").
 * Row format: postal code|Name|abbreviations;...|flags (the postal code is GeoNames' admin1 code of the state) — flag `noname`: the bare name means something else
 * first (Georgia the country, Washington the capital), so only the abbreviation is read.
 */
export interface UsStateRecord {
  /** USPS code, which is also the state's admin1 code in GeoNames ("CA"). */
  postal: string;
  name: string;
  abbreviations: string[];
  /** Whether the bare name is read as the state. */
  byName: boolean;
}

const TABLE = `
AL|Alabama|Ala.|
AK|Alaska||
AZ|Arizona|Ariz.|
AR|Arkansas|Ark.|
CA|California|Calif.|
CO|Colorado|Colo.|
CT|Connecticut|Conn.|
DE|Delaware|Del.|
FL|Florida|Fla.|
GA|Georgia|Ga.|noname
HI|Hawaii||
ID|Idaho||
IL|Illinois|Ill.|
IN|Indiana|Ind.|
IA|Iowa||
KS|Kansas|Kan.;Kans.|
KY|Kentucky|Ky.|
LA|Louisiana|La.|
ME|Maine||
MD|Maryland|Md.|
MA|Massachusetts|Mass.|
MI|Michigan|Mich.|
MN|Minnesota|Minn.|
MS|Mississippi|Miss.|
MO|Missouri|Mo.|
MT|Montana|Mont.|
NE|Nebraska|Neb.;Nebr.|
NV|Nevada|Nev.|
NH|New Hampshire|N.H.|
NJ|New Jersey|N.J.|
NM|New Mexico|N.M.;N.Mex.|
NY|New York State|N.Y.|noname
NC|North Carolina|N.C.|
ND|North Dakota|N.D.;N.Dak.|
OH|Ohio||
OK|Oklahoma|Okla.|
OR|Oregon|Ore.;Oreg.|
PA|Pennsylvania|Pa.;Penn.|
RI|Rhode Island|R.I.|
SC|South Carolina|S.C.|
SD|South Dakota|S.D.;S.Dak.|
TN|Tennessee|Tenn.|
TX|Texas|Tex.|
UT|Utah||
VT|Vermont|Vt.|
VA|Virginia|Va.|
WA|Washington State|Wash.|noname
WV|West Virginia|W.Va.;W.Va|
WI|Wisconsin|Wis.;Wisc.|
WY|Wyoming|Wyo.|
`;

export const US_STATES: readonly UsStateRecord[] = TABLE.split('\n')
  .filter((l) => l.trim())
  .map((l) => {
    const [postal = '', name = '', abbr = '', flags = ''] = l.split('|');
    return {
      postal,
      name,
      abbreviations: abbr
        .split(';')
        .map((a) => a.trim())
        .filter(Boolean),
      byName: !flags.includes('noname'),
    };
  });
