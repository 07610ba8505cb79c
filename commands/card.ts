import { decline, nameOf } from "../src/core/compose/answer.js";
import { say } from "../src/core/compose/say.js";
import type { Entity, EntityKind } from "../src/core/knowledge/schema.js";
import type { CommandContext } from "./command.js";
import { commandMessages } from "./messages.js";
import { type Reply, replyOf } from "./replies.js";

/** A card command's options for the core: the topic asked for and the language to answer in. */
function cardOptions(args: Readonly<Record<string, string>>, { language }: CommandContext) {
  return { language, ...(args.topic?.trim() ? { topic: args.topic } : {}) };
}

/** The card of an entity a command names: `/convention`'s, marked in the knowledge base. */
export function markedCard(
  command: string,
  args: Readonly<Record<string, string>>,
  context: CommandContext,
): Reply {
  const { core, language } = context;
  const entity = [...core.kb.entities.values()].find((e) => e.command === command);
  return entity === undefined
    ? replyOf(decline(say(language).declineBody(core.kb.sources.size), core.starters(), language), core)
    : replyOf(core.card(entity, cardOptions(args, context)), core);
}

/**
 * The card of the entity a name means among these kinds; an unknown name is declined with the
 * known ones, and curators see it as unanswered.
 */
export function namedCard(
  command: "city" | "policy",
  kinds: readonly EntityKind[],
  args: Readonly<Record<string, string>>,
  context: CommandContext,
): Reply {
  const { core, language } = context;
  const name = args.name ?? "";
  const entity = core.resolve(name, kinds);
  if (entity !== undefined) return replyOf(core.card(entity, cardOptions(args, context)), core);
  const words = commandMessages[language];
  const known = core.entitiesOfKind(kinds);
  const names = known.map((e: Entity) => nameOf(e, core.kb, language));
  const tries = known.slice(0, 3).map((e) => ({ command, args: { name: e.name } }));
  const said = `${words.unknownName[command](name)} ${words.knownNames[command](names)}`;
  return decline(said, tries, language, undefined, []);
}
