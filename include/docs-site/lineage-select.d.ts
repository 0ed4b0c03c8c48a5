/** Types of lineage-select.js, a plain script the docs page loads; jest tests import it through these. */
import type { DocsNode } from '../catalog-types';

export interface LineageGraph {
  readonly byId: Map<string, DocsNode>;
  readonly parents: Map<string, readonly string[]>;
  readonly children: Map<string, readonly string[]>;
}

export interface LineageSelection {
  readonly ids: Set<string>;
  readonly error: string | null;
}

export function buildGraph(nodes: Readonly<Record<string, DocsNode>>): LineageGraph;
export function select(graph: LineageGraph, selectText: string, excludeText?: string): LineageSelection;
export function fnmatch(value: string, pattern: string): boolean;
