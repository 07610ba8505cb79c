import type { KnowledgeBase } from "../knowledge/loader.js";
import type { Entity } from "../knowledge/schema.js";
import { compileGrammar, type Grammar } from "./grammar.js";
import { hanNumber } from "./han-numerals.js";
import { isEnglishWord, isSubjectWord, lemma } from "./lemma.js";
import { remembered } from "./memo.js";
import { editDistance, isCjk, isNumber, normalise, YEAR } from "./text.js";
import { TypoCorrector } from "./typos.js";
import { buildTables, type PhraseNode, type VocabularyTables } from "./vocabulary-tables.js";
import { anyOf, wordsPattern } from "./word-patterns.js";

/** What reading a text finds: the entities it names, its canonical terms, and its Chinese question words. */
export interface Reading {
  entities: Entity[];
  terms: Term[];
  /** English heads of the Chinese question words it uses ("how many", "when"), for the answer type. */
  cues: string[];
  /** The text as read: normalised, typos corrected ("how meny" reads "how many"). */
  text: string;
  /** The text normalised, as written. */
  normalised: string;
}

export interface Term {
  term: string;
  /** A common word ("bring", "year") that does not say what a question is about. */
  light: boolean;
  /** Taken from WordNet for a word the knowledge base does not use: a guess, worth less when it matches. */
  guessed?: boolean;
  /** Read as another word of the knowledge base, taken for mistyped ("cohorts" as "cohosts"): not said outright. */
  corrected?: boolean;
}

/** A form in -ing: read as a verb unless something before it makes it a noun. */
const GERUND = /[a-z]ing$/;
/** A word in capitals, which may be a name ("US") rather than a stop word ("us"). */
const ACRONYM = /\b[A-Z]{2,5}\b/g;
const NO_ACRONYMS: ReadonlySet<string> = new Set();
/** A name found in a text: its entity, how many words (or characters) it takes, and its compact form. */
interface NameFound {
  entity: Entity;
  length: number;
  key: string;
}

/**
 * What reading asks of a word as the knowledge base spells it, found once for each word: whether it
 * is Chinese, a figure or a stop word, the name it spells alone, how longer names and phrases go on
 * from it, and its term.
 */
interface WordTraits {
  cjk: boolean;
  number: boolean;
  stop: boolean;
  alias: Entity | undefined;
  /** The letters that follow it in the longer aliases that begin with it (see lettersAfter). */
  lettersAfter: string;
  /** Its dictionary form, which phrases are matched by. */
  lemma: string;
  /** The phrases that begin with its lemma, if any do. */
  phrases: PhraseNode | undefined;
  /** Its canonical term (see term). */
  term: Term;
}

/** A word as the knowledge base spells it, and what is known of that spelling. */
interface Spelled {
  word: string;
  traits: WordTraits;
}

/** The longest dictionary word tried when scanning Chinese text. */
const LONGEST_CJK = 10;

/** Intl.Segmenter for Chinese loads ICU's dictionary (about 10 ms): made on first Chinese text, not at start-up. */
let segmenter: Intl.Segmenter | undefined;
function chineseWords(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  return segmenter;
}

/** The question word a mistyped word of four letters or more stands for, within one edit. */
function questionWord(word: string, mistyped: readonly string[]): string | undefined {
  return word.length < 4 ? undefined : mistyped.find((q) => editDistance(word, q, 1) <= 1);
}

/** The largest number read as a place on a list after a placing word ("top 10"). */
const PLACES = 10;

/** A number as the knowledge base's figures are compared: no trailing ".0". */
function numberTerm(value: number): string {
  return String(Number(value.toFixed(4)));
}

/**
 * The words of the knowledge base and of questions, English or Chinese, brought to one set of
 * canonical terms: dictionary forms (lemmas), curated synonyms, WordNet synonyms for words the
 * knowledge base does not use, and the bilingual lexicon for Chinese.
 */
export class Vocabulary {
  readonly tables: VocabularyTables;
  /** How questions are put, from the knowledge base's grammar files. */
  readonly grammar: Grammar;
  /** Whether the knowledge base uses a term; undefined until its documents have been read. */
  private isKnown: ((term: string) => boolean) | undefined;
  /** The words mistyped words of questions are corrected to: those facts, names and questions use. */
  private typoWords: () => Iterable<string> = () => [];
  /** Made on the first word that may be a typo. */
  private typos: TypoCorrector | undefined;
  /** Each word as read so far, spelled as the knowledge base does, and each as a term: looked up once. */
  private readonly spellings = new Map<string, Spelled>();
  private readonly terms = new Map<string, Term>();
  /** The first term of each word or short phrase read alone so far (see firstTerm). */
  private readonly firstTerms = new Map<string, Term | undefined>();
  /** The compact aliases, sorted: made on the first question. */
  private aliasesInOrder: string[] | undefined;
  /** The letters that follow each text asked so far in the longer aliases that begin with it: looked up once. */
  private readonly followers = new Map<string, string>();
  /** What reading asks first of each word read so far (see WordTraits); its term too, so made afresh on learning. */
  private readonly traits = new Map<string, WordTraits>();
  /** The names of each set of entities named together so far, as one pattern (see namesPattern). */
  private readonly namePatterns = new Map<string, RegExp | undefined>();
  /** Each entity's compact names, grouped on the first name read that another name follows. */
  private namesOf: Map<Entity, string[]> | undefined;

  /** Built from the knowledge base, or the tables saved with it in the knowledge cache. */
  constructor(
    private readonly kb: KnowledgeBase,
    saved?: VocabularyTables,
  ) {
    this.grammar = compileGrammar(kb.grammar);
    this.tables = saved ?? buildTables(kb, this.grammar);
  }

  /** Compact alias → entity. */
  get aliases(): ReadonlyMap<string, Entity> {
    return this.tables.aliases;
  }

  /**
   * Fixes which terms count as the knowledge base's own, and the words typos are corrected to,
   * once its documents have been read; both are asked for only when a question needs them.
   */
  learn(isKnown: (term: string) => boolean, words: () => Iterable<string>): void {
    this.isKnown = isKnown;
    this.typoWords = words;
    this.typos = undefined;
    this.spellings.clear();
    this.terms.clear();
    this.traits.clear();
    this.firstTerms.clear();
  }

  /** A word as read: as the knowledge base spells it (see spelling), with what is known of that spelling. */
  private spelled(word: string): Spelled {
    return remembered(this.spellings, word, this.spell);
  }

  private readonly spell = (word: string): Spelled => {
    const spelled = this.spelling(word);
    return { word: spelled, traits: this.traitsOf(spelled) };
  };

  /**
   * A word as the knowledge base spells it: a stop word or English word as it is, else its own word
   * ("Chen" of Chen Weidong is no mistyped "when"), a question word mistyped, or another of its words mistyped.
   */
  private spelling(word: string): string {
    const { stopwords, mistyped } = this.grammar;
    if (stopwords.has(word) || isEnglishWord(word)) return word;
    this.typos ??= new TypoCorrector(this.typoWords());
    if (this.typos.knows(word)) return word;
    return questionWord(word, mistyped) ?? this.typos.correct(word) ?? this.swapped(word) ?? word;
  }

  /**
   * A short word with two neighbouring letters swapped ("hled"), too short for fuzzy correction:
   * the one known word or stop word a single swap makes, if only one does ("hwo" is how or who).
   */
  private swapped(word: string): string | undefined {
    const known = (w: string) => this.grammar.stopwords.has(w) || this.typos?.knows(w) === true;
    const made = new Set<string>();
    for (let i = 0; i + 1 < word.length; i++) {
      const swap = `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
      if (swap !== word && known(swap)) made.add(swap);
    }
    return made.size === 1 ? [...made][0] : undefined;
  }

  /**
   * The canonical term of one normalised English word. A word the knowledge base lacks is mapped
   * through WordNet; a word it still lacks counts against an answer only when it is likely what
   * the question is about (a noun), not how it is put ("pulled", "actually").
   */
  term(word: string): Term {
    return remembered(this.terms, word, this.lookUp);
  }

  private readonly lookUp = (word: string): Term => {
    const { synonyms } = this.tables;
    const base = lemma(word);
    const head = synonyms.get(base) ?? base;
    const light = this.grammar.isLight(word) || !isSubjectWord(word);
    if (this.isKnown === undefined || this.isKnown(head) || isNumber(word)) return { term: head, light };
    const meant = this.kb.wordnet.get(base) ?? this.kb.wordnet.get(word);
    if (meant === undefined) return { term: head, light: light || this.mistypedStopWord(word) };
    // The table's targets are already the knowledge base's own lemmas.
    return { term: synonyms.get(meant) ?? meant, light, guessed: true };
  };

  /**
   * A word of three or four letters no one uses, within one letter of a stop word ("werk": were or work, "hwo": how or
   * who): mistyped, and which word it stands for is not known, so it asks nothing.
   */
  private mistypedStopWord(word: string): boolean {
    if (word.length < 3 || word.length > 4 || isEnglishWord(word)) return false;
    for (const stop of this.grammar.stopwords) if (editDistance(word, stop, 1) <= 1) return true;
    return false;
  }

  /**
   * The first term a word or short phrase of a question reads as alone ("which department",
   * "how many returnees"): a question names few, so each is read once.
   */
  firstTerm(text: string): Term | undefined {
    return remembered(this.firstTerms, text, this.readFirst);
  }

  private readonly readFirst = (text: string): Term | undefined => this.read(text).terms[0];

  /** Reads a question, a fact or an FAQ phrasing, in English, Chinese or both. */
  read(text: string, options?: { namesAsWords?: boolean }): Reading {
    const { stopwords } = this.grammar;
    const acronyms = this.acronymsIn(text);
    const normalised = normalise(text);
    const written: string[] = [];
    const words: string[] = [];
    const traits: WordTraits[] = [];
    let respelled = false;
    for (const typed of normalised.split(" ")) {
      if (typed === "") continue;
      // Chat shorthand stands for its words ("gm": "general manager"), each read as typed.
      const full = this.grammar.shorthand.get(typed);
      for (const word of full?.split(" ") ?? [typed]) {
        const spelled = this.spelled(word);
        written.push(word);
        words.push(spelled.word);
        traits.push(spelled.traits);
        respelled ||= spelled.word !== typed;
      }
    }
    // Normalised text has its words one space apart: as spelled right, it is the text as read.
    const asRead = respelled ? words.join(" ") : normalised;
    const reading: Reading = { entities: [], terms: [], cues: [], text: asRead, normalised };
    const nameAt = (at: number) => this.entityAt(words, traits, at);
    const add = (term: string, light = false, guessed = false) => {
      if (reading.terms.some((t) => t.term === term)) return;
      // Every term read has every field: one hidden class for the code that reads them (see queryOf).
      reading.terms.push({ term, light, guessed, corrected: false });
    };
    for (let i = 0; i < words.length; ) {
      const word = words[i] as string;
      const known = traits[i] as WordTraits;
      if (known.cjk) {
        // "第20届" arrives as "第", "20" and "届…": where the lexicon so writes a word, the three are one run.
        const spans = this.ordinalAt(words, traits, i) ? 3 : 1;
        this.readChinese(words.slice(i, i + spans).join(""), reading, add);
        i += spans;
        continue;
      }
      const entity = this.nameGoingOn(nameAt(i), nameAt, i);
      if (entity !== undefined) {
        if (!reading.entities.includes(entity.entity)) reading.entities.push(entity.entity);
        // A fact's own names are words of it too: "Ministry of Education" says "ministry".
        if (options?.namesAsWords === true) {
          for (const name of words.slice(i, i + entity.length)) {
            if (!stopwords.has(name)) add(this.term(name).term);
          }
        }
        i += entity.length;
        continue;
      }
      const phrase = known.phrases === undefined ? undefined : this.phraseAt(traits, i);
      if (phrase !== undefined) {
        // A phrase for a light word ("apart from": besides) is light as that word is.
        for (const term of phrase.terms)
          add(term, phrase.guessed || this.grammar.isLight(term), phrase.guessed);
        i += phrase.length;
        continue;
      }
      // "6.7万" arrives as "6.7" and a Chinese run that begins with its unit.
      const scale = known.number ? this.grammar.numerals.large.get(words[i + 1]?.[0] ?? "") : undefined;
      if (scale !== undefined) {
        add(numberTerm(Number(word) * scale));
        words[i + 1] = (words[i + 1] as string).slice(1);
        traits[i + 1] = this.traitsOf(words[i + 1] as string);
        i++;
        continue;
      }
      if (acronyms.has(word) || this.grammar.namesAfter(word, words[i - 1])) add(known.term.term);
      else if (!known.stop) {
        const { term, light, guessed } = known.term;
        const added = reading.terms.length;
        // "Top 3", "No. 1": a place on a list, said as a fact may say it in words ("the top three").
        const placed = known.number && Number(word) <= PLACES && this.grammar.placing.has(words[i - 1] ?? "");
        // "More than 3,000": a threshold the answer's figure is held against, where no fact says it.
        const threshold =
          known.number &&
          this.grammar.thresholds.has(words[i - 1] ?? "") &&
          this.isKnown?.(known.term.term) === false;
        // "By the end of 2018": the year says when; "end" asks nothing of its own.
        const ofYear =
          this.grammar.partOfYear.has(word) &&
          YEAR.test(words[i + 1] === "of" ? (words[i + 2] ?? "") : (words[i + 1] ?? ""));
        if (!stopwords.has(term) && !ofYear)
          add(term, placed || threshold || (light && !this.namesAThing(word, words[i - 1])), guessed);
        const read = reading.terms[added];
        if (read !== undefined && word !== written[i]) read.corrected = true;
      }
      i++;
    }
    return reading;
  }

  /** The stop words a text writes in capitals: "US" and "IT" are names, not the words "us" and "it". */
  private acronymsIn(text: string): ReadonlySet<string> {
    const capitals = text.match(ACRONYM);
    if (capitals === null) return NO_ACRONYMS;
    return new Set(capitals.map((w) => w.toLowerCase()).filter((w) => this.grammar.stopwords.has(w)));
  }

  /**
   * The names of these entities as whole words of normalised text, or none when they have none:
   * made once for each set of entities.
   */
  namesPattern(entities: readonly Entity[]): RegExp | undefined {
    return remembered(this.namePatterns, entities.map((e) => e.id).join(" "), () => {
      const names = entities
        .flatMap((e) => [e.name, ...e.aliases].map(normalise))
        .filter((n) => n.length > 0);
      return names.length === 0 ? undefined : anyOf([wordsPattern(names)], "g");
    });
  }

  /** Whether a Chinese run ending in 第, a number and the run after it begin with a lexicon word ("第20届"). */
  private ordinalAt(words: readonly string[], traits: readonly WordTraits[], i: number): boolean {
    const [run, number, next] = words.slice(i, i + 3);
    if (!run?.endsWith("第") || traits[i + 1]?.number !== true || traits[i + 2]?.cjk !== true) return false;
    const after = next ?? "";
    for (let end = 1; end <= Math.min(after.length, LONGEST_CJK); end++) {
      if (this.tables.chinese.has(`第${number}${after.slice(0, end)}`)) return true;
    }
    return false;
  }

  /**
   * Whether a form in -ing, which alone reads as a verb, names a thing: a determiner comes before
   * it ("the housing subsidy", "what funding"). The grammar's light words stay light.
   */
  private namesAThing(word: string, before: string | undefined): boolean {
    return GERUND.test(word) && this.grammar.determiners.has(before ?? "") && !this.grammar.isLight(word);
  }

  private traitsOf(word: string): WordTraits {
    return remembered(this.traits, word, this.traitsFound);
  }

  private readonly traitsFound = (word: string): WordTraits => {
    const base = lemma(word);
    return {
      cjk: isCjk(word),
      number: isNumber(word),
      stop: this.grammar.stopwords.has(word),
      alias: this.tables.aliases.get(word),
      lettersAfter: this.lettersAfter(word),
      lemma: base,
      phrases: this.tables.phrases.next.get(base),
      term: this.term(word),
    };
  };

  /**
   * The longest alias that the words from i on spell, spaces aside ("guang zhou" is Guangzhou); its
   * first word is told by what is known of it, the longer keys are looked up.
   */
  private entityAt(
    words: readonly string[],
    traits: readonly WordTraits[],
    i: number,
  ): NameFound | undefined {
    const first = traits[i];
    if (first === undefined || first.cjk) return undefined;
    let key = words[i] as string;
    let found: NameFound | undefined =
      first.alias === undefined ? undefined : { entity: first.alias, length: 1, key };
    let letters = first.lettersAfter;
    for (let n = 2; letters !== "" && n <= Math.min(this.tables.longestAlias, words.length - i); n++) {
      const word = words[i + n - 1] as string;
      // A word whose first letter goes on no longer alias spells none with the words before it.
      if ((traits[i + n - 1] as WordTraits).cjk || !letters.includes(word.charAt(0))) break;
      key += word;
      const entity = this.tables.aliases.get(key);
      if (entity !== undefined) found = { entity, length: n, key };
      letters = this.lettersAfter(key);
    }
    return found;
  }

  /**
   * The letters that follow this compact text in the longer aliases that begin with it, each once:
   * when none does, no more words can spell one.
   */
  private lettersAfter(key: string): string {
    return remembered(this.followers, key, this.searchFollowers);
  }

  private readonly searchFollowers = (key: string): string => {
    this.aliasesInOrder ??= [...this.tables.aliases.keys()].sort();
    const keys = this.aliasesInOrder;
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((keys[middle] as string) < key) low = middle + 1;
      else high = middle;
    }
    let letters = "";
    for (let at = low; keys[at]?.startsWith(key); at++) {
      const letter = (keys[at] as string).charAt(key.length);
      if (!letters.includes(letter)) letters += letter;
    }
    return letters;
  };

  /**
   * A name found at i, or the name it begins: "Zhejiang" before "Qiangnao" (浙江 before 强脑科技) is
   * part of "Zhejiang Qiangnao Technology", not the province, when the next name found goes on a
   * name of its own thing that begins with both.
   */
  private nameGoingOn(
    found: NameFound | undefined,
    nameAt: (at: number) => NameFound | undefined,
    i: number,
  ): NameFound | undefined {
    if (found === undefined) return undefined;
    const next = nameAt(i + found.length);
    if (next === undefined || next.entity === found.entity) return found;
    const key = found.key + next.key;
    const names = this.namesOfEntities().get(next.entity) ?? [];
    return names.some((name) => name.startsWith(key))
      ? { entity: next.entity, length: found.length + next.length, key }
      : found;
  }

  /**
   * Intl.Segmenter's words of a Chinese text. In a question, characters it leaves single and that
   * are not filler, side by side, are one word it does not know (房价 comes as 房 and 价); the
   * knowledge base's own text keeps its segments, so its words stay as they were indexed.
   */
  private chineseSegments(text: string): string[] {
    const words: string[] = [];
    const joining = this.isKnown !== undefined;
    let single = "";
    const close = () => {
      if (single !== "") words.push(single);
      single = "";
    };
    for (const s of chineseWords().segment(text)) {
      if (!s.isWordLike) close();
      else if (joining && s.segment.length === 1 && !this.grammar.filler.has(s.segment)) single += s.segment;
      else {
        close();
        words.push(s.segment);
      }
    }
    close();
    return words;
  }

  private namesOfEntities(): ReadonlyMap<Entity, string[]> {
    if (this.namesOf === undefined) {
      this.namesOf = new Map();
      for (const [name, entity] of this.tables.aliases) {
        const names = this.namesOf.get(entity);
        if (names === undefined) this.namesOf.set(entity, [name]);
        else names.push(name);
      }
    }
    return this.namesOf;
  }

  /**
   * The longest curated phrase whose lemmas the words from i on are, when one begins with the word at i:
   * a word is added while the lemmas so far begin some longer phrase.
   */
  private phraseAt(
    traits: readonly WordTraits[],
    i: number,
  ): { terms: string[]; guessed: boolean; length: number } | undefined {
    let found: { terms: string[]; guessed: boolean; length: number } | undefined;
    let node = (traits[i] as WordTraits).phrases;
    for (let end = i + 1; node !== undefined; end++) {
      if (node.phrase !== undefined)
        found = { terms: node.phrase.terms, guessed: node.phrase.guessed, length: end - i };
      const next = traits[end];
      node = next === undefined ? undefined : node.next.get(next.lemma);
    }
    return found;
  }

  /**
   * Chinese has no spaces: names and lexicon words are found longest first, numerals are read as
   * numbers, and what is left is cut into words by Intl.Segmenter and kept as Chinese terms.
   */
  private readChinese(run: string, reading: Reading, add: (term: string, light?: boolean) => void): void {
    let rest = "";
    const flush = () => {
      if (rest === "") return;
      let previous = "";
      for (const word of this.chineseSegments(rest)) {
        const after = previous;
        previous = word;
        if (word.length < 2 || [...word].every((c) => this.grammar.filler.has(c))) continue;
        const meaning = this.tables.chinese.get(word);
        // A question word the scan passed over, inside a longer run, is one where the segmenter says so.
        if (meaning !== undefined && "cue" in meaning) {
          if (!reading.cues.includes(meaning.cue)) reading.cues.push(meaning.cue);
          continue;
        }
        const value = hanNumber(word, this.grammar.numerals);
        // A Chinese word the knowledge base never uses is taken as how the question is put, not what
        // about, unless a possessive leads to it: 北京海归的平均工资 asks 平均 (and so a wage) of them.
        if (value !== undefined) add(numberTerm(value));
        else
          add(word, this.isKnown !== undefined && !this.isKnown(word) && !this.grammar.possessive.has(after));
      }
      rest = "";
    };
    let i = 0;
    // Where the segmenter's words of the run end: a question word ends at one (多少人口 asks 多少 of 人口).
    // Segmenting is dear, and most runs hold no question word: done for the first one met.
    let wordEnds: ReadonlySet<number> | undefined;
    const endsWord = (end: number) => {
      wordEnds ??= new Set([...chineseWords().segment(run)].map((s) => s.index + s.segment.length));
      return wordEnds.has(end);
    };
    const nameAt = (at: number): NameFound | undefined => {
      for (let end = Math.min(run.length, at + LONGEST_CJK); end > at; end--) {
        const entity = this.tables.aliases.get(run.slice(at, end));
        if (entity !== undefined) return { entity, length: end - at, key: run.slice(at, end) };
      }
      return undefined;
    };
    scan: while (i < run.length) {
      const first = nameAt(i);
      const name = this.nameGoingOn(first, nameAt, i);
      if (name !== undefined && name !== first) {
        flush();
        if (!reading.entities.includes(name.entity)) reading.entities.push(name.entity);
        i += name.length;
        continue;
      }
      for (let end = Math.min(run.length, i + LONGEST_CJK); end > i; end--) {
        const piece = run.slice(i, end);
        const entity = this.tables.aliases.get(piece);
        const meaning = this.tables.chinese.get(piece);
        const numeral = hanNumber(piece, this.grammar.numerals);
        if (entity === undefined && meaning === undefined && numeral === undefined) {
          if (!this.grammar.framing.has(piece)) continue;
          flush();
          i = end;
          continue scan;
        }
        if (entity === undefined && meaning !== undefined && "cue" in meaning && !endsWord(end)) continue;
        flush();
        if (numeral !== undefined) add(numberTerm(numeral));
        if (entity !== undefined) {
          if (!reading.entities.includes(entity)) reading.entities.push(entity);
        } else if (meaning !== undefined && "cue" in meaning) {
          if (!reading.cues.includes(meaning.cue)) reading.cues.push(meaning.cue);
        } else if (meaning !== undefined) {
          for (const term of meaning.terms) add(term);
          // A question word inside a longer word still asks ("女性占比" asks for a share).
          for (const [cue, words] of this.tables.cueWords) {
            if (!reading.cues.includes(cue) && words.some((w) => piece.includes(w))) reading.cues.push(cue);
          }
        }
        i = end;
        continue scan;
      }
      rest += run[i];
      i++;
    }
    flush();
  }
}
