/**
 * The fifty US states with their AP-style abbreviations ("Calif.", "N.Y.", "Ga."), written from
 * public facts. Full names are Places of kind province with country US; abbreviations are read by
 * the recognizer only where news style puts them ("Albany, N.Y.", "Sen. Jane Doe, D-Calif."),
 * because several are also ordinary words or honorifics ("Mass", "Miss.", "Pa").
 * Row format: Name|abbreviations;...|flags — flag `noname`: the bare name means something else
 * first (Georgia the country, Washington the capital), so only the abbreviation is read.
 */
export interface UsStateRecord {
  name: string;
  abbreviations: string[];
  /** Whether the bare name is read as the state. */
  byName: boolean;
}

const TABLE = `
Alabama|Ala.|
Alaska||
Arizona|Ariz.|
Arkansas|Ark.|
California|Calif.|
Colorado|Colo.|
Connecticut|Conn.|
Delaware|Del.|
Florida|Fla.|
Georgia|Ga.|noname
Hawaii||
Idaho||
Illinois|Ill.|
Indiana|Ind.|
Iowa||
Kansas|Kan.;Kans.|
Kentucky|Ky.|
Louisiana|La.|
Maine||
Maryland|Md.|
Massachusetts|Mass.|
Michigan|Mich.|
Minnesota|Minn.|
Mississippi|Miss.|
Missouri|Mo.|
Montana|Mont.|
Nebraska|Neb.;Nebr.|
Nevada|Nev.|
New Hampshire|N.H.|
New Jersey|N.J.|
New Mexico|N.M.;N.Mex.|
New York State|N.Y.|noname
North Carolina|N.C.|
North Dakota|N.D.;N.Dak.|
Ohio||
Oklahoma|Okla.|
Oregon|Ore.;Oreg.|
Pennsylvania|Pa.;Penn.|
Rhode Island|R.I.|
South Carolina|S.C.|
South Dakota|S.D.;S.Dak.|
Tennessee|Tenn.|
Texas|Tex.|
Utah||
Vermont|Vt.|
Virginia|Va.|
Washington State|Wash.|noname
West Virginia|W.Va.;W.Va|
Wisconsin|Wis.;Wisc.|
Wyoming|Wyo.|
`;

export const US_STATES: readonly UsStateRecord[] = TABLE.split('\n')
  .filter((l) => l.trim())
  .map((l) => {
    const [name = '', abbr = '', flags = ''] = l.split('|');
    return {
      name,
      abbreviations: abbr
        .split(';')
        .map((a) => a.trim())
        .filter(Boolean),
      byName: !flags.includes('noname'),
    };
  });
