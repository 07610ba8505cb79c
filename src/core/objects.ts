/**
 * An object's fields with some replaced or added: what `{ ...base, ...fields }` says. Node 20's V8
 * gives each object built by a spread followed by more fields a hidden class of its own once the
 * code is optimised, so every answer built that way is slow to make and slow to read; built by
 * `Object.assign` on a fresh object, the objects share their classes.
 */
export function withFields<T extends object, U extends object>(base: T, fields: U): Omit<T, keyof U> & U {
  return Object.assign({}, base, fields);
}
