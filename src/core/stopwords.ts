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
  about total number numbers amount figure figures count counts quantity percent percentage percentages
  share shares proportion fraction
  whether if while during per via among up down out off onto upon across behind beyond within
  bot returneebot question answer info information detail details tell know
  article articles quoted quote mentioned mention featured feature cover covers covered include includes
  included involve involves mean means meaning stand stands offer offers provide provides describe`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Common verbs and nouns that rarely say what a question is about ("bring", "work", "year").
 * They do not count against a fact that lacks them, and count a little for one that has them.
 */
export const LIGHT_WORDS: ReadonlySet<string> = new Set(
  `bring brings brought come comes came go went take takes took make makes made have had give gives gave
  put set sets start starts started begin began begun launch launched introduce introduced establish
  established found founded create created issue issues issued publish published release released hold
  holds held happen happened open opened run runs ran work works worked working settle settled choose
  chose chosen pick picked focus focused do play played move moved help helped use used need needs turn
  turned year years time times place places city cities people person become became`
    .split(/\s+/)
    .filter(Boolean),
);
