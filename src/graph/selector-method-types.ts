import type { GraphNode, Manifest } from '../core/types';

/** The part of a previous run's run_results.json that `result:` reads. */
export interface PreviousRunResults {
  readonly results: readonly { readonly unique_id: string; readonly status: string }[];
}

export interface SelectorMethodContext {
  readonly manifest: Manifest;
  /** Enabled nodes and sources: the only ids a method may return. */
  readonly candidates: ReadonlySet<string>;
  /** The previous manifest that `state:` compares against. */
  readonly state?: Manifest;
  readonly previousResults?: PreviousRunResults;
}

/**
 * A selector method (`tag`, `config`, ...): the candidate ids that match `value`. `args` are the dotted
 * parts after the method name (`config.materialized` -> `['materialized']`). A value the method cannot
 * use is reported by throwing a SelectorValueError.
 */
export type SelectorMethod = (
  context: SelectorMethodContext,
  value: string,
  args: readonly string[],
) => Iterable<string>;

export type SelectorMethodRegistry = Readonly<Record<string, SelectorMethod>>;

/** The candidate nodes and sources, with their ids, in id order. */
export function* candidateNodes(context: SelectorMethodContext): Generator<GraphNode> {
  const { manifest } = context;
  for (const id of [...context.candidates].sort()) {
    const node = manifest.nodes[id] ?? manifest.sources[id];
    if (node) yield node;
  }
}

/** Ids of the candidates for which `test` holds. */
export function* matching(
  context: SelectorMethodContext,
  test: (node: GraphNode) => boolean,
): Generator<string> {
  for (const node of candidateNodes(context)) if (test(node)) yield node.uniqueId;
}
