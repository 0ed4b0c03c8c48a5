import { Graph } from '@dagrejs/graphlib';
import { ErrorCodes, TbError } from '../core/errors';
import { findCycle } from './find-cycle';
import { MinHeap } from './min-heap';

/** What the DAG knows about a node besides its id: where it came from, for error messages. */
export interface DagNodeInfo {
  readonly file?: string;
}

/** A dependency edge: `from` must run before `to`. */
export type DagEdge = readonly [from: string, to: string];

export interface WalkOptions {
  /** Stop after this many hops (`2+m` walks two generations); undefined walks the whole graph. */
  readonly depth?: number;
  /** Whether the walk may enter a node; nodes refused here are neither returned nor crossed. */
  readonly through?: (id: string) => boolean;
}

/**
 * A directed acyclic graph keyed by unique id, over @dagrejs/graphlib. Built once and then only read:
 * every listing is sorted by id, so that the same project always yields the same order.
 */
export class Dag {
  private readonly graph = new Graph({ directed: true });
  private order: readonly string[] | undefined;

  /** Throws a TbError (dagCycle) naming the whole chain when the edges close a cycle. */
  static from(
    nodes: Iterable<string | ({ readonly id: string } & DagNodeInfo)>,
    edges: Iterable<DagEdge>,
  ): Dag {
    const dag = new Dag();
    for (const node of nodes) {
      if (typeof node === 'string') dag.graph.setNode(node, {});
      else dag.graph.setNode(node.id, { file: node.file });
    }
    for (const [from, to] of edges) {
      const unknown = !dag.graph.hasNode(from) ? from : !dag.graph.hasNode(to) ? to : undefined;
      if (unknown !== undefined) {
        throw new TbError(ErrorCodes.internal, `DAG edge ${from} -> ${to} names an unknown node ${unknown}`);
      }
      dag.graph.setEdge(from, to);
    }
    dag.topologicalOrder();
    return dag;
  }

  get size(): number {
    return this.graph.nodeCount();
  }

  has(id: string): boolean {
    return this.graph.hasNode(id);
  }

  info(id: string): DagNodeInfo | undefined {
    return this.graph.hasNode(id) ? (this.graph.node(id) as DagNodeInfo) : undefined;
  }

  nodes(): string[] {
    return this.graph.nodes().sort();
  }

  edges(): DagEdge[] {
    return this.graph
      .edges()
      .map((e): DagEdge => [e.v, e.w])
      .sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
  }

  parents(id: string): string[] {
    return (this.graph.predecessors(id) ?? []).sort();
  }

  children(id: string): string[] {
    return (this.graph.successors(id) ?? []).sort();
  }

  /** Every node with a path to one of `ids`, within `depth` hops when given; `ids` themselves are left out. */
  ancestors(ids: string | Iterable<string>, options: WalkOptions = {}): Set<string> {
    return this.walk(ids, (v) => this.graph.predecessors(v) ?? [], options);
  }

  /** Every node reachable from one of `ids`, within `depth` hops when given; `ids` themselves are left out. */
  descendants(ids: string | Iterable<string>, options: WalkOptions = {}): Set<string> {
    return this.walk(ids, (v) => this.graph.successors(v) ?? [], options);
  }

  /**
   * Kahn's algorithm taking the smallest ready id first: the order only depends on the graph,
   * never on insertion order. Throws a TbError (dagCycle) with the whole chain on a cycle.
   */
  topologicalOrder(): readonly string[] {
    if (this.order) return this.order;
    const inDegree = new Map<string, number>();
    const ready = new MinHeap();
    for (const id of this.graph.nodes()) {
      const degree = this.graph.predecessors(id)?.length ?? 0;
      inDegree.set(id, degree);
      if (degree === 0) ready.push(id);
    }
    const order: string[] = [];
    for (let id = ready.pop(); id !== undefined; id = ready.pop()) {
      order.push(id);
      for (const child of this.graph.successors(id) ?? []) {
        const left = (inDegree.get(child) ?? 0) - 1;
        inDegree.set(child, left);
        if (left === 0) ready.push(child);
      }
    }
    if (order.length < this.graph.nodeCount()) throw this.cycleError();
    this.order = order;
    return order;
  }

  /**
   * The selected nodes only, keeping their order through removed nodes (dbt's get_subset_graph):
   * with a -> b -> c and b left out, the subgraph has a -> c.
   */
  subgraph(ids: Iterable<string>): Dag {
    const keep = new Set(ids);
    for (const id of keep) {
      if (!this.has(id)) throw new TbError(ErrorCodes.internal, `subgraph: ${id} is not in the DAG`);
    }
    // For each removed node, the kept nodes first reached below it; filled from the sinks upward.
    const reach = new Map<string, ReadonlySet<string>>();
    const below = (id: string): ReadonlySet<string> => {
      const out = new Set<string>();
      for (const child of this.graph.successors(id) ?? []) {
        if (keep.has(child)) out.add(child);
        else for (const r of reach.get(child) ?? []) out.add(r);
      }
      return out;
    };
    const edges: DagEdge[] = [];
    for (const id of [...this.topologicalOrder()].reverse()) {
      const targets = below(id);
      if (keep.has(id)) for (const t of targets) edges.push([id, t]);
      else reach.set(id, targets);
    }
    const nodes = [...keep].map((id) => ({ id, ...this.info(id) }));
    return Dag.from(nodes, edges);
  }

  /** Breadth-first from all starts at once: a node within `depth` hops of any start is found. */
  private walk(
    starts: string | Iterable<string>,
    next: (id: string) => string[],
    options: WalkOptions,
  ): Set<string> {
    let frontier = (typeof starts === 'string' ? [starts] : [...starts]).filter((id) =>
      this.graph.hasNode(id),
    );
    const visited = new Set(frontier);
    const found = new Set<string>();
    const maxDepth = options.depth ?? Infinity;
    for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
      const nextFrontier: string[] = [];
      for (const id of frontier) {
        for (const n of next(id)) {
          if (visited.has(n) || (options.through && !options.through(n))) continue;
          visited.add(n);
          found.add(n);
          nextFrontier.push(n);
        }
      }
      frontier = nextFrontier;
    }
    return found;
  }

  private cycleError(): TbError {
    const chain = findCycle(this.nodes(), (id) => this.children(id)) ?? [];
    const file = chain.length ? this.info(chain[0])?.file : undefined;
    return new TbError(ErrorCodes.dagCycle, `Found a cycle: ${chain.join(' -> ')}`, {
      file,
      hint: 'each node must not depend on itself, directly or through others; remove one of these references',
    });
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
