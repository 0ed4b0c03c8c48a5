/**
 * What differs between the parse pass and the runtime pass, per node. The parse pass records calls;
 * the runtime pass resolves them to real relations.
 */
export interface NodeHooks {
  ref(args: readonly string[]): unknown;
  source(sourceName: string, tableName: string): unknown;
  /** `{{ config(materialized='table') }}` */
  config(values: Record<string, unknown>): void;
  /** `config.get('key', default)` reads the node's resolved config. */
  configGet(key: string, fallback: unknown): unknown;
  readonly self: unknown;
  readonly model: Record<string, unknown>;
  readonly isIncremental: boolean;
  readonly execute: boolean;
}

/** Outside any node (project hooks, YAML rendering): no ref, no config. */
export const NO_NODE: NodeHooks = {
  ref: () => '',
  source: () => '',
  config: () => undefined,
  configGet: (_k, fallback) => fallback,
  self: '',
  model: {},
  isIncremental: false,
  execute: true,
};
