/**
 * The posts of a company's officers as business news writes them before or after a name
 * ("Chairman Kenneth Douglas told analysts", "said Susan Park, treasurer", "executive vice
 * president and chief financial officer X"). Posts that governments, parties or clubs also have
 * ("President", "spokesman", "director", "manager", "secretary") are left out: without a company
 * written next to them they do not say whose post it is. Written by hand from ordinary English.
 */
const RANK = String.raw`(?:(?:senior|executive|first|group|deputy|joint|co-)\s*)*`;
const OFFICE = String.raw`(?:chairman|chairwoman|vice[- ]chairman|vice[- ]president|chief\s+executive(?:\s+officer)?|chief\s+(?:financial|operating|accounting|investment|economic)\s+officer|treasurer|controller|managing\s+director|general\s+counsel|ceo|cfo|coo)`;

/** One company post with its ranks, possibly two joined by "and" ("chairman and chief executive"). */
export const COMPANY_OFFICE = String.raw`${RANK}${OFFICE}(?:\s+(?:and|&)\s+${RANK}(?:${OFFICE}|president))?`;

/** "president" after a company post ("vice chairman and president") or alone in lower case ("said president X"). */
export const LOWER_PRESIDENT = String.raw`${RANK}president(?:\s+(?:and|&)\s+${RANK}${OFFICE})?`;
