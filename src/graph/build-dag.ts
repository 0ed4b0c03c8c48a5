import type { Manifest } from '../core/types';
import type { DagEdge } from './dag';
import { Dag } from './dag';

/**
 * The project's DAG: every node and source, with an edge from each parent to its child (a test is a
 * child of the nodes it tests). Parents come from `parentMap`, and from `dependsOn.nodes` in case a
 * hand-built manifest left the map out. A parent the manifest does not hold (the parse stage already
 * reported it) gets no edge. Throws a TbError (dagCycle) naming the whole chain on a cycle.
 */
export function buildDag(manifest: Manifest): Dag {
  const { nodes, sources, parentMap } = manifest;
  const known = (id: string) => id in nodes || id in sources;
  const ids = [...Object.keys(sources), ...Object.keys(nodes)];
  const info = (id: string) => ({ id, file: (nodes[id] ?? sources[id]).originalFilePath });
  const edges: DagEdge[] = [];
  for (const child of ids) {
    // Usually the same short list twice: no Set per node (10,000 of them at 5,000 models).
    const mapped = parentMap[child] ?? [];
    for (const parent of mapped) if (known(parent)) edges.push([parent, child]);
    for (const parent of (nodes[child] ?? sources[child]).dependsOn.nodes) {
      if (known(parent) && !mapped.includes(parent)) edges.push([parent, child]);
    }
  }
  return Dag.from(ids.map(info), edges);
}
