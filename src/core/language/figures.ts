import type { GrammarData } from "../knowledge/grammar-schema.js";

/** Figures as the grammar files write them in words: read as sizes, and shown the Chinese way. */
export interface Figures {
  /** The figure in Chinese where it is a common form; else as written (digits read the same in both). */
  chinese(figure: string): string;
  /** A value's size: "24.3 percent" is 24.3, "2.85 million" 2,850,000, "6.7万" 67,000; undefined without a figure. */
  magnitude(value: string): number | undefined;
}

const compiled = new WeakMap<GrammarData, Figures>();

/** The figures of a knowledge base's grammar, compiled on first use. */
export function figuresOf(grammar: GrammarData): Figures {
  let figures = compiled.get(grammar);
  if (figures === undefined) {
    figures = compile(grammar);
    compiled.set(grammar, figures);
  }
  return figures;
}

function compile({ en, zh }: GrammarData): Figures {
  const { months, numbers, ordinals } = en.figures;
  // Scales written after a figure, biggest first: "billion" and 亿 before "million" and 万.
  const scales = Object.entries({ ...en.figures.scales, ...zh.numerals.large })
    .sort(([, a], [, b]) => b - a)
    .map(([unit, size]) => ({
      size,
      written: new RegExp(/^[a-z]/.test(unit) ? `\\b${unit}\\b` : unit, "i"),
    }));
  // Chinese large units, biggest first: a figure is written in the biggest it reaches (285万, 108亿).
  const large = Object.entries(zh.numerals.large).sort(([, a], [, b]) => b - a);
  const han = new Map<number, string>();
  for (const [character, value] of Object.entries({ ...zh.numerals.units, ...zh.numerals.digits }).reverse())
    han.set(value, character);
  const measures = Object.keys(zh.measures).join("|");
  const scaled = new RegExp(
    `^(\\d+(?:\\.\\d+)?) (${Object.keys(en.figures.scales).join("|")})(?: (${measures}))?$`,
  );
  const measured = new RegExp(`^([\\d,.]+) (${measures})$`);
  const inHan = (word: string, list: readonly string[]) => {
    const position = list.indexOf(word);
    return position < 0 ? undefined : han.get(position + 1);
  };

  return {
    chinese(figure) {
      const text = figure.trim().toLowerCase();
      const scale = scaled.exec(text);
      if (scale !== null) {
        const value = Number(scale[1]) * (en.figures.scales[scale[2] as string] ?? 1);
        const [unit, size] = large.find(([, size]) => value >= size) ?? ["", 1];
        const measure = scale[3] === undefined ? "" : zh.measures[scale[3]];
        return `${Number((value / size).toFixed(4))}${unit}${measure}`;
      }
      const dated = /^(?:(\d{1,2})(?:-(\d{1,2}))? )?([a-z]+) (\d{4})$/.exec(text);
      const month = dated === null ? -1 : months.indexOf(dated[3] as string);
      if (dated !== null && month >= 0) {
        const [, from, to, , year] = dated;
        const days = from === undefined ? "" : `${from}${to === undefined ? "" : `-${to}`}日`;
        return `${year}年${month + 1}月${days}`;
      }
      const number = inHan(text, numbers);
      if (number !== undefined) return number;
      const ordinal = inHan(text.replace(/ place$/, ""), ordinals);
      if (ordinal !== undefined) return `第${ordinal}`;
      const measure = measured.exec(text);
      if (measure !== null) return `${measure[1]}${zh.measures[measure[2] as string]}`;
      return figure;
    },

    magnitude(value) {
      const digits = /\d[\d,]*(?:\.\d+)?/.exec(value)?.[0];
      if (digits === undefined) return undefined;
      const scale = scales.find(({ written }) => written.test(value))?.size ?? 1;
      return Number(digits.replaceAll(",", "")) * scale;
    },
  };
}
