import { inflection } from "./text.js";

/**
 * Words that carry no subject of their own in a question: function words, question words,
 * politeness and chat filler. They neither count for nor against a fact.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the and or but nor so yet of in on at to for from by with without about into onto over under
  as than then there here this that these those it its it's itself they them their theirs he him his she her
  hers we us our you your yours i me my mine who whom whose which what whats when where why how
  is are was were be been being am do does did done doing have has had having can could shall should will
  would may might must ought not no yes any some all each every either neither both more most much many
  such own same other another also too very just only even still ever again once please thanks thank hi
  hello hey tell know let me explain give show list find say says said want wanna need like get got
  gets getting go goes going come comes came kind sort something anything everything lot lots really
  actually currently current now today day days nowadays lately recently recent latest exactly approximately roughly around
  about number numbers amount figure figures count counts quantity percent percentage percentages
  share shares proportion fraction one headcount tally chunk portion ratio vs versus compare comparison
  whether if while during per via among up down out off onto upon across behind beyond within
  bot returneebot question answer info information detail details tell know
  article articles quoted quote mentioned mention featured feature cover covers covered include includes
  included involve involves mean means meaning stand stands offer offers provide provides describe`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Common verbs and nouns that rarely say what a question is about ("bring", "work", "year"), in
 * any inflection. They do not count against a fact that lacks them, and count a little for one that has them.
 */
const LIGHT_FORMS: ReadonlySet<string> = new Set(
  `bring brought come came go went take took make made have had give gave put set start begin began begun
  launch introduce establish found create issue publish release hold held happen open run ran work settle
  choose chose chosen pick focus do did does play move help use need turn year time place city people
  person become became`
    .split(/\s+/)
    .filter(Boolean)
    .map(inflection),
);

export function isLight(word: string): boolean {
  return LIGHT_FORMS.has(inflection(word));
}
