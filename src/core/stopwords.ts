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
  actually currently current now today recently recent latest exactly approximately roughly around
  about total number numbers amount figure figures count counts quantity
  whether if while during per via among up down out off onto upon across behind beyond within
  bot returneebot question answer info information detail details tell know`
    .split(/\s+/)
    .filter(Boolean),
);
