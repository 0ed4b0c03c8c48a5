import type { Dag } from './dag';

/**
 * How tests follow the nodes they test (dbt's --indirect-selection): `eager` takes a test when any node
 * it tests is selected, `cautious` only when all of them are, `buildable` when all of them are selected,
 * upstream of the selection or sources, `empty` never.
 * @see https://docs.getdbt.com/reference/node-selection/test-selection-examples#indirect-selection
 */
export type IndirectSelection = 'eager' | 'cautious' | 'buildable' | 'empty';

/** Nodes selected outright, and tests held back (cautious, buildable) until all their parents turn up. */
export interface SelectionSets {
  readonly direct: ReadonlySet<string>;
  readonly indirect: ReadonlySet<string>;
}

export interface TestGraph {
  readonly dag: Dag;
  /** Whether an id is a test that may be selected (enabled). */
  readonly isTest: (id: string) => boolean;
  readonly isSource: (id: string) => boolean;
}

/** The selection plus the tests attached to it, following `mode` (dbt's expand_selection). */
export function expandTests(
  graph: TestGraph,
  selected: ReadonlySet<string>,
  mode: IndirectSelection,
): SelectionSets {
  const direct = new Set(selected);
  const indirect = new Set<string>();
  if (mode === 'empty') return { direct, indirect };
  const allowed = parentsAllowed(graph, selected, mode);
  for (const id of attachedTests(graph, selected)) {
    if (mode === 'eager' || graph.dag.parents(id).every(allowed)) direct.add(id);
    else indirect.add(id);
  }
  return { direct, indirect };
}

/** After a set operation: held-back tests whose parents are now all selected join (dbt's incorporate_indirect_nodes). */
export function incorporateIndirect(
  graph: TestGraph,
  sets: SelectionSets,
  mode: IndirectSelection,
): ReadonlySet<string> {
  if (mode !== 'cautious' && mode !== 'buildable') return sets.direct;
  const selected = new Set(sets.direct);
  const allowed = parentsAllowed(graph, sets.direct, mode);
  for (const id of sets.indirect) {
    if (!selected.has(id) && graph.dag.parents(id).every(allowed)) selected.add(id);
  }
  return selected;
}

function attachedTests(graph: TestGraph, selected: ReadonlySet<string>): Set<string> {
  const tests = new Set<string>();
  for (const id of selected) {
    for (const child of graph.dag.children(id))
      if (!selected.has(child) && graph.isTest(child)) tests.add(child);
  }
  return tests;
}

/** Which parents count as present for a held-back test. */
function parentsAllowed(
  graph: TestGraph,
  selected: ReadonlySet<string>,
  mode: IndirectSelection,
): (id: string) => boolean {
  if (mode !== 'buildable') return (id) => selected.has(id);
  const upstream = graph.dag.ancestors(selected);
  return (id) => selected.has(id) || upstream.has(id) || graph.isSource(id);
}
