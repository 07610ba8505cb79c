import { describe, expect, it } from "vitest";
import { replyOf, suggestionFor } from "../../commands/replies.js";
import type { Entity } from "../../src/core/knowledge/schema.js";
import { answerTo, fixtureCore } from "../helpers.js";

const core = fixtureCore();
const entity = (id: string) => core.kb.entities.get(id) as Entity;

describe("follow-ups as commands", () => {
  it("given a city or a programme, then offers its card command by name, with the topic when there is one", () => {
    expect(suggestionFor(entity("guangzhou"))).toEqual({ command: "city", args: { name: "Guangzhou" } });
    expect(suggestionFor(entity("guangzhou"), "events", "events (2)")).toEqual({
      command: "city",
      args: { name: "Guangzhou", topic: "events" },
      label: "events (2)",
    });
    expect(suggestionFor(entity("green-card"))?.command).toBe("policy");
  });

  it("given an entity the knowledge base marks for a command, then offers that command without a name", () => {
    const marked = { ...entity("fair"), command: "convention" };
    expect(suggestionFor(marked, "history")).toEqual({ command: "convention", args: { topic: "history" } });
  });

  it("given an entity without a card command, then asks about its topic, and offers nothing for it alone", () => {
    const ada = entity("ada");
    expect(suggestionFor(ada, "people")).toEqual({
      command: "ask",
      args: { question: `${ada.name} people` },
    });
    expect(suggestionFor(ada)).toBeUndefined();
  });

  it("turns every reference of the core's answer into a command, keeping the rest of the answer", () => {
    const answer = answerTo(core, "guangzhou green cards");
    const reply = replyOf(answer, core);
    expect(reply.title).toBe(answer.title);
    expect(reply.suggestions).toHaveLength(answer.suggestions.length);
    for (const s of reply.suggestions) expect(["city", "policy"]).toContain(s.command);
  });
});
