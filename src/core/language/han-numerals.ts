import type { ChineseGrammar } from "../knowledge/grammar-schema.js";

/** Chinese numerals from the grammar: digits, units within ten thousand, and the large units. */
export interface Numerals {
  digits: ReadonlyMap<string, number>;
  units: ReadonlyMap<string, number>;
  /** 万 and 亿: each scales everything before it. */
  large: ReadonlyMap<string, number>;
}

export function numerals(zh: ChineseGrammar): Numerals {
  const { digits, units, large } = zh.numerals;
  return {
    digits: new Map(Object.entries(digits)),
    units: new Map(Object.entries(units)),
    large: new Map(Object.entries(large)),
  };
}

/** "二十八" → 28, "三千" → 3000, "五万" → 50000; undefined for what is not a numeral. */
export function hanNumber(text: string, { digits, units, large }: Numerals): number | undefined {
  if (text.length < 2) return undefined;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of text) {
    const value = digits.get(ch);
    const unit = units.get(ch);
    const scale = large.get(ch);
    if (value !== undefined) digit = value;
    else if (unit !== undefined) {
      section += (digit || 1) * unit;
      digit = 0;
    } else if (scale !== undefined) {
      total = (total + section + digit) * scale;
      section = 0;
      digit = 0;
    } else return undefined;
  }
  return total + section + digit;
}
