/**
 * Loads a dependency on first use instead of at start-up. knex (with lodash), mysql2 and the `yaml`
 * package take ~140 ms to load together, and `tb compile`, `tb ls` or a SQLite run need none or only
 * some of them. The type comes from an `import type * as M`, so call sites stay fully typed.
 */
export function lazyModule<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}
