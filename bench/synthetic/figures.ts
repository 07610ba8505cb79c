import type { Random } from "./random.js";

const MONTHS = "January February March April May June July August September October November December".split(
  " ",
);

/** 12345 → "12,345", as articles write counts. */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 4 → "4th". */
export function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** The figures a template writes, each recorded exactly as the text states it. */
export class Figures {
  readonly list: string[] = [];
  constructor(private readonly r: Random) {}
  put(figure: string): string {
    if (!this.list.includes(figure)) this.list.push(figure);
    return figure;
  }
  year(): string {
    return this.put(String(this.r.int(2008, 2024)));
  }
  count(min: number, max: number): string {
    return this.put(grouped(this.r.int(min, max)));
  }
  percent(): string {
    return this.put(`${this.r.int(1, 40)}.${this.r.int(0, 9)}%`);
  }
  month(): { words: string; iso: string } {
    const m = this.r.int(1, 12);
    const year = this.r.int(2008, 2024);
    return { words: this.put(`${MONTHS[m - 1]} ${year}`), iso: `${year}-${String(m).padStart(2, "0")}` };
  }
}
