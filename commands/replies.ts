import { say } from "../src/core/compose/say.js";
import type { Core } from "../src/core/core.js";
import { type Entity, type EntityKind, POLICY_KINDS, type Topic } from "../src/core/knowledge/schema.js";
import { withFields } from "../src/core/objects.js";
import type { Answer, Reference } from "../src/core/types.js";

/** A follow-up as a command and its options, so that renaming a command's wording cannot break a button. */
export interface Suggestion {
  command: string;
  args: Readonly<Record<string, string>>;
  /** What a button shows, when not the command line itself (a card's topic, say). */
  label?: string;
}

/** An answer as the adapters render it: the core's, its follow-ups made commands. */
export type Reply = Answer<Suggestion>;

/** The kinds of entity each card command names, and so the command a follow-up on such an entity runs. */
export const CARD_KINDS: Readonly<Record<"city" | "policy", readonly EntityKind[]>> = {
  city: ["city"],
  policy: POLICY_KINDS,
};

/** The card command of each kind of entity that has one: the first in CARD_KINDS that names it. */
const CARD_COMMANDS = new Map<EntityKind, string>();
for (const [command, kinds] of Object.entries(CARD_KINDS)) {
  for (const kind of kinds) if (!CARD_COMMANDS.has(kind)) CARD_COMMANDS.set(kind, command);
}

/** The command an entity's card is: the one the knowledge base marks it for, else its kind's. */
function commandOf(entity: Entity): Suggestion | undefined {
  if (entity.command !== undefined) return { command: entity.command, args: {} };
  const command = CARD_COMMANDS.get(entity.kind);
  return command === undefined ? undefined : { command, args: { name: entity.name } };
}

/** A reference as the command that shows it; a topic of an entity without a card of its own is asked about. */
export function suggestionFor(entity: Entity, topic?: Topic, label?: string): Suggestion | undefined {
  const card = commandOf(entity);
  const suggestion =
    topic === undefined || card === undefined
      ? topic === undefined
        ? card
        : { command: "ask", args: { question: `${entity.name} ${say("en").topics[topic]}` } }
      : { command: card.command, args: withFields(card.args, { topic }) };
  // The label is set, not spread in: see objects.ts.
  if (suggestion !== undefined && label !== undefined) suggestion.label = label;
  return suggestion;
}

/** The core's references as commands, those that name an entity the knowledge base no longer has left out. */
export function suggestionsFor(references: readonly Reference[], core: Core): Suggestion[] {
  return references.flatMap((r) => {
    const entity = core.kb.entities.get(r.entity);
    return (entity && suggestionFor(entity, r.topic, r.label)) ?? [];
  });
}

/** The core's answer with its follow-ups made commands. */
export function replyOf(answer: Answer, core: Core): Reply {
  const { more, suggestions, ...rest } = answer;
  // `rest` is a copy already: the follow-ups made commands are set on it.
  const reply: Reply = Object.assign(rest, { suggestions: suggestionsFor(suggestions, core) });
  if (more !== undefined) reply.more = suggestionsFor(more, core);
  return reply;
}
