import type { Entity, EntityKind, Topic } from "../../src/core/knowledge/schema.js";
import { Figures } from "./figures.js";
import type { Random } from "./random.js";
import { TEMPLATES } from "./templates.js";

/** A synthetic fact before it gets an id and a source, with the questions it answers. */
export interface Draft {
  text: string;
  topic: Topic;
  entities: string[];
  figures: string[];
  asOf?: string;
  questions: string[];
}

/** What a template may draw on: randomness, the subject's city, and other synthetic entities. */
export interface World {
  r: Random;
  cityOf(entity: Entity): Entity;
  /** Any entity of a kind, or undefined when the knowledge base has none. */
  any(kind: EntityKind): Entity | undefined;
}

/** Writes one fact about a subject, with a template chosen at random among those for its kind. */
export function draftFact(subject: Entity, world: World): Draft {
  const templates = TEMPLATES[subject.kind];
  for (const template of world.r.sample(templates, templates.length)) {
    const draft = template(subject, world, new Figures(world.r));
    if (draft !== undefined) return draft;
  }
  throw new Error(`no fact template fits ${subject.id}`);
}
