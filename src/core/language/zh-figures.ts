/** A figure as a Chinese title shows it: "2.85 million" → "285万", "June 2019" → "2019年6月", "third" → "第三". */

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const ORDINALS = [
  "",
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
];
const HAN = "〇一二三四五六七八九十";
const SCALE: Readonly<Record<string, [number, string]>> = { million: [100, "万"], billion: [10, "亿"] };
const UNITS: Readonly<Record<string, string>> = {
  yuan: "元",
  "square meters": "平方米",
  percent: "%",
  years: "年",
};

/** The figure in Chinese where it is a common form; else as written (digits read the same in both). */
export function zhFigure(figure: string): string {
  const text = figure.trim().toLowerCase();
  const scaled = /^(\d+(?:\.\d+)?) (million|billion)(?: (yuan))?$/.exec(text);
  if (scaled !== null) {
    const [factor, unit] = SCALE[scaled[2] as string] ?? [1, ""];
    const value = Number((Number(scaled[1]) * factor).toFixed(4));
    return `${value}${unit}${scaled[3] === undefined ? "" : "元"}`;
  }
  const dated = /^(?:(\d{1,2})(?:-(\d{1,2}))? )?([a-z]+) (\d{4})$/.exec(text);
  const month = dated === null ? -1 : MONTHS.indexOf(dated[3] as string);
  if (dated !== null && month >= 0) {
    const [, from, to, , year] = dated;
    const days = from === undefined ? "" : `${from}${to === undefined ? "" : `-${to}`}日`;
    return `${year}年${month + 1}月${days}`;
  }
  const number = NUMBERS.indexOf(text);
  if (number > 0) return HAN[number] ?? figure;
  const ordinal = ORDINALS.indexOf(text.replace(/ place$/, ""));
  if (ordinal > 0) return `第${HAN[ordinal]}`;
  const unit = /^([\d,.]+) (yuan|square meters|percent|years)$/.exec(text);
  if (unit !== null) return `${unit[1]}${UNITS[unit[2] as string]}`;
  return figure;
}
