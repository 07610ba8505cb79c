import { type Agreement, claimId, type Frame } from "./answering/claims.js";
import { passes, type Tracer } from "./answering/retrieve.js";
import type { AskOptions, Core } from "./core.js";
import { understand } from "./language/understand.js";
import type { ConversationContext, Language } from "./types.js";

/**
 * What `--explain` is told by the code that decides, as it decides (as Lucene's `explain` sits
 * beside its scorer): each retrieval's best candidates, the claims held against each frame, and
 * why the question was answered or declined. A comparison's sides each say which side they are.
 */
export interface Explainer {
  retrieval: Tracer;
  claims(frame: Frame, considered: readonly Agreement[], side?: string): void;
  decision(reason: string): void;
}

/** How many of the claims held against a frame are shown. */
const CLAIMS_SHOWN = 8;

/** Explains how a question is answered: its reading, each retrieval, each frame and claim, each decision. */
export function explainQuestion(
  core: Core,
  question: string,
  language: Language,
  conversation?: ConversationContext,
): string {
  const { index } = core;
  const query = understand(question, core.vocabulary, language);
  const lines = [
    `language: ${query.language}`,
    `answer type: ${query.type}`,
    `entities: ${query.entities.map((e) => e.id).join(", ") || "none"}`,
    `terms: ${query.terms.map((t) => `${t.term}${t.light ? " (light)" : ""} w=${index.weight(t.term).toFixed(2)}${index.known(t.term) ? "" : " unknown"}`).join(", ") || "none"}`,
    `years: ${query.years.join(", ") || "none"}`,
  ];
  const anchored = query.entities.length > 0;
  const explain: Explainer = {
    retrieval: (step, ranked, measure) => {
      lines.push(`${step}: ${ranked.length} candidates shown`);
      for (const r of ranked) {
        const c = measure(r);
        const fields = r
          .match()
          .map((m) => `${m.term} in ${m.fields.join("+")}`)
          .join("; ");
        lines.push(
          `  ${r.indexed.fact.id}: bm25 ${r.score.toFixed(2)} [${fields || "no term"}]; coverage ${(c.share * 100).toFixed(0)}%${anchored ? "" : ` (all words ${(c.whole * 100).toFixed(0)}%)`}, ${c.matched}/${c.terms} words matched${c.missing.length > 0 ? `, missing ${c.missing.join(", ")}` : ""}${c.rare ? "" : ", lacks a word one other fact alone has"} → ${passes(c, anchored) ? "passes" : "below threshold"}`,
        );
      }
    },
    claims: (frame, considered, side) => {
      lines.push(
        `${side === undefined ? "" : `${side}: `}frame: subjects ${frame.subjects.map((e) => e.id).join(", ") || "none"}; expects ${frame.expects}; years ${frame.years.join(", ") || "any"}; properties ${frame.properties.map((p) => `${p.property.id} ${(p.share * 100).toFixed(0)}% by "${p.by}"`).join(", ") || "none named"}${frame.carried === undefined ? "" : `; carried ${frame.carried}`}${frame.through === undefined ? "" : `; through ${frame.through.join(" ")}`}`,
      );
      for (const a of considered.slice(0, CLAIMS_SHOWN)) {
        const { claim, property } = a.claim;
        lines.push(
          `  claim ${claimId(a.claim)} ${claim.subject} · ${property.id} = ${claim.value}: subject ${a.subject}, type ${a.type ? "fits" : "differs"}, time ${a.time ? "fits" : "differs"}, property ${(a.property * 100).toFixed(0)}%${a.echoes ? ", value only repeats a name asked" : ""}${a.excluded ? ", of a thing left out" : ""}, score ${a.score.toFixed(2)} → ${a.agrees ? "agrees" : "disagrees"}${a.claim.standing.status === "superseded" ? `; superseded by ${a.claim.standing.supersededBy}` : ""}`,
        );
      }
    },
    decision: (reason) => lines.push(`decision: ${reason}`),
  };
  const options: AskOptions = { language, explain };
  if (conversation !== undefined) options.conversation = conversation;
  const answer = core.ask(question, options);
  lines.push(
    answer === undefined
      ? "verdict: nothing to look up"
      : `verdict: ${answer.answered ? "answered" : "declined"}: ${answer.title}`,
  );
  return lines.join("\n");
}
