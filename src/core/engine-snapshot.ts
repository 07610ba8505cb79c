import MiniSearch, { type AsPlainObject, type Options } from "minisearch";

/** MiniSearch's index in its public, serialisable form (`toJSON`), for the knowledge cache. */
export type EngineState = AsPlainObject;

export function engineState<T>(engine: MiniSearch<T>): EngineState {
  return engine.toJSON();
}

/** A MiniSearch with these options holding a saved index, through MiniSearch's own `loadJS`. */
export function restoreEngine<T>(state: EngineState, options: Options<T>): MiniSearch<T> {
  return MiniSearch.loadJS(state, options);
}
