/**
 * One word of a goods phrase between a trade verb or noun and its recipient or source, as a
 * regular-expression source: "sold 180,000 tonnes of white sugar to", "shipped 1.5 mln barrels of
 * crude to", "$30 million of chips from". Commodity news writes quantities with thousands
 * separators and decimals; a plain `[\w-]+` stops at the first comma and misses them. A comma or a
 * point counts only between digits, so the word never spans a clause ("its unit, which ...").
 */
export const GOODS_WORD = String.raw`(?:\$?[\w%-]+(?:[.,]\d+)*|(?:[A-Z]\.){2,})`;
