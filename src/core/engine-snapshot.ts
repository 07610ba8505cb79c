import MiniSearch, { type Options } from "minisearch";

/**
 * MiniSearch's index as its own Maps, for the knowledge cache. MiniSearch's public form
 * (toJSON/loadJS) writes every posting list as an object keyed by strings, which loadJS turns
 * back into Maps key by key: about half of a cold start's indexing time. Structured clone keeps
 * Maps as they are, so the cache stores the fields loadJS would fill and this restores them.
 * The fields are MiniSearch 7's own; the cache key covers the installed dependencies
 * (package-lock.json), and a state of another shape is never restored.
 */
interface Internals {
  _documentCount: number;
  _nextId: number;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _dirtCount: number;
  _documentIds: Map<number, unknown>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, unknown>;
  _index: { _tree: Map<string, unknown>; _size: number | undefined };
}

export interface EngineState {
  shape: typeof SHAPE;
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  avgFieldLength: number[];
  dirtCount: number;
  documentIds: Map<number, unknown>;
  fieldLength: Map<number, number[]>;
  storedFields: Map<number, unknown>;
  tree: Map<string, unknown>;
}

const SHAPE = "minisearch-7-internals";

function internals<T>(engine: MiniSearch<T>): Internals | undefined {
  const inner = engine as unknown as Partial<Internals>;
  const fields: (keyof Internals)[] = ["_documentIds", "_fieldLength", "_storedFields", "_idToShortId"];
  return fields.every((f) => inner[f] instanceof Map) && inner._index?._tree instanceof Map
    ? (inner as Internals)
    : undefined;
}

/** The index's state, or undefined if this MiniSearch is not shaped as expected (then the public form is used). */
export function engineState<T>(engine: MiniSearch<T>): EngineState | undefined {
  const e = internals(engine);
  if (e === undefined) return undefined;
  return {
    shape: SHAPE,
    documentCount: e._documentCount,
    nextId: e._nextId,
    fieldIds: e._fieldIds,
    avgFieldLength: e._avgFieldLength,
    dirtCount: e._dirtCount,
    documentIds: e._documentIds,
    fieldLength: e._fieldLength,
    storedFields: e._storedFields,
    tree: e._index._tree,
  };
}

/** A MiniSearch with these options holding a saved state, or undefined if either is not as expected. */
export function restoreEngine<T>(state: EngineState, options: Options<T>): MiniSearch<T> | undefined {
  const engine = new MiniSearch(options);
  const e = internals(engine);
  if (e === undefined || state.shape !== SHAPE) return undefined;
  e._documentCount = state.documentCount;
  e._nextId = state.nextId;
  e._fieldIds = state.fieldIds;
  e._avgFieldLength = state.avgFieldLength;
  e._dirtCount = state.dirtCount;
  e._documentIds = state.documentIds;
  e._fieldLength = state.fieldLength;
  e._storedFields = state.storedFields;
  e._idToShortId = new Map([...state.documentIds].map(([short, id]) => [id, short]));
  e._index._tree = state.tree;
  e._index._size = undefined;
  return engine;
}
