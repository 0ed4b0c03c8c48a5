import type { Dag } from './dag';

/**
 * For each node, the weight of the heaviest path from it down to a sink, its own weight included
 * (a sink's priority is its weight; 1 per node without weights). The runner starts the node with the
 * highest priority first, so the longest chain of work never waits behind short ones.
 */
export function criticalPathPriority(
  dag: Dag,
  weights?: ReadonlyMap<string, number> | ((id: string) => number),
): Map<string, number> {
  const weightOf = (id: string): number =>
    weights === undefined ? 1 : typeof weights === 'function' ? weights(id) : (weights.get(id) ?? 1);
  const priority = new Map<string, number>();
  const order = dag.topologicalOrder();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i];
    let below = 0;
    for (const child of dag.children(id)) below = Math.max(below, priority.get(child) ?? 0);
    priority.set(id, weightOf(id) + below);
  }
  return priority;
}
