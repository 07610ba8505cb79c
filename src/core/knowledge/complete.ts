import {
  ClaimSchema,
  type Entity,
  EntitySchema,
  type Fact,
  FactSchema,
  type Source,
  SourceSchema,
} from "./schema.js";

/**
 * A record with every field its schema names, in the schema's order, undefined where the file
 * says nothing. A file leaves out what it does not say, so records of one kind came in several
 * field sets, and V8 gave each its own hidden class: the code that reads claims, facts and
 * entities on every question saw too many of them and fell back to slow, megamorphic lookups.
 * Completed, the records of one kind share one class (the knowledge cache keeps them so).
 */
function complete<T extends object>(shape: object, record: T): T {
  const full: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) full[key] = (record as Record<string, unknown>)[key];
  return full as T;
}

export function completeSource(source: Source): Source {
  return complete(SourceSchema.shape, source);
}

export function completeEntity(entity: Entity): Entity {
  return complete(EntitySchema.shape, entity);
}

/** A fact completed, and each of its claims. */
export function completeFact(fact: Fact): Fact {
  const claims = fact.claims.map((claim) => complete(ClaimSchema.shape, claim));
  return complete(FactSchema.shape, { ...fact, claims });
}
