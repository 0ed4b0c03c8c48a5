import type { Manifest, ResourceType } from '../core/types';
import type { Dag } from './dag';
import { applyGraphOperators } from './graph-operators';
import type { IndirectSelection, SelectionSets, TestGraph } from './indirect-selection';
import { expandTests, incorporateIndirect } from './indirect-selection';
import type { SelectionCriterion, SelectionUnion } from './selector-ast';
import { SelectorValueError, selectorError } from './selector-error';
import type { PreviousRunResults, SelectorMethodContext, SelectorMethodRegistry } from './selector-methods';
import { defaultSelectorMethods } from './selector-methods';
import { parseSelectors } from './selector-parser';

export interface SelectNodesOptions {
  /** `--select` values; each may hold several space-separated selectors. None selects every enabled node. */
  readonly select?: readonly string[];
  readonly exclude?: readonly string[];
  /** Keep only these resource types in the result (`tb run` keeps models). */
  readonly resourceTypes?: readonly ResourceType[];
  /** Previous manifest for `state:`. */
  readonly state?: Manifest;
  /** Previous run_results for `result:`. */
  readonly previousResults?: PreviousRunResults;
  /** How tests follow the selected nodes; `eager` as in dbt. Exclusion is always eager, as in dbt. */
  readonly indirectSelection?: IndirectSelection;
  /** Selector methods; defaultSelectorMethods unless extended. */
  readonly methods?: SelectorMethodRegistry;
  /** Called with each space-separated selector that matched nothing (dbt warns about these). */
  readonly onNoMatch?: (selector: string) => void;
}

interface Selector {
  readonly dag: Dag;
  readonly context: SelectorMethodContext;
  readonly methods: SelectorMethodRegistry;
  readonly tests: TestGraph;
  /** The nodes graph walks may enter: enabled, and not tests. */
  readonly walkable: (id: string) => boolean;
}

/**
 * The unique ids that `--select`/`--exclude` pick, in the DAG's reproducible topological order.
 * Disabled nodes are never selected. Throws a TbError (selectorSyntax) on a bad selector.
 */
export function selectNodes(manifest: Manifest, dag: Dag, options: SelectNodesOptions = {}): string[] {
  const selector = createSelector(manifest, dag, options);
  const methodNames = Object.keys(selector.methods);
  const mode = options.indirectSelection ?? 'eager';
  const included: SelectionSets = options.select?.length
    ? selectUnion(selector, parseSelectors(options.select, { methods: methodNames }), mode, options.onNoMatch)
    : { direct: selector.context.candidates, indirect: new Set() };
  const excluded: SelectionSets = options.exclude?.length
    ? selectUnion(selector, parseSelectors(options.exclude, { methods: methodNames }), 'eager')
    : { direct: new Set(), indirect: new Set() };
  const chosen = incorporateIndirect(selector.tests, difference(included, excluded), mode);
  const types = options.resourceTypes ? new Set<string>(options.resourceTypes) : undefined;
  const typeOf = (id: string): string | undefined =>
    (manifest.nodes[id] ?? manifest.sources[id])?.resourceType;
  return dag.topologicalOrder().filter((id) => {
    if (!chosen.has(id) || !selector.context.candidates.has(id)) return false;
    return types === undefined || types.has(typeOf(id) ?? '');
  });
}

function createSelector(manifest: Manifest, dag: Dag, options: SelectNodesOptions): Selector {
  const candidates = new Set(
    dag.nodes().filter((id) => {
      const node = manifest.nodes[id] ?? manifest.sources[id];
      return node !== undefined && node.config.enabled !== false;
    }),
  );
  const isTest = (id: string): boolean => candidates.has(id) && manifest.nodes[id]?.resourceType === 'test';
  return {
    dag,
    context: { manifest, candidates, state: options.state, previousResults: options.previousResults },
    methods: options.methods ?? defaultSelectorMethods,
    tests: { dag, isTest, isSource: (id) => candidates.has(id) && id in manifest.sources },
    walkable: (id) => candidates.has(id) && !isTest(id),
  };
}

/** Union of intersections, each combined as dbt's select_nodes_recursively does. */
function selectUnion(
  selector: Selector,
  union: SelectionUnion,
  mode: IndirectSelection,
  onNoMatch?: (selector: string) => void,
): SelectionSets {
  const parts = union.intersections.map((intersection) => {
    const sets = combine(
      selector,
      intersection.criteria.map((c) => selectCriterion(selector, c, mode)),
      intersect,
      mode,
    );
    if (sets.direct.size === 0) onNoMatch?.(intersection.raw);
    return sets;
  });
  return combine(selector, parts, unite, mode);
}

function selectCriterion(
  selector: Selector,
  criterion: SelectionCriterion,
  mode: IndirectSelection,
): SelectionSets {
  const method = selector.methods[criterion.method];
  let matched: Set<string>;
  try {
    matched = new Set(method(selector.context, criterion.value, criterion.methodArguments));
  } catch (error) {
    if (!(error instanceof SelectorValueError)) throw error;
    throw selectorError({ ...criterion, column: criterion.valueColumn }, error.message, error.hint);
  }
  for (const id of matched) if (!selector.context.candidates.has(id)) matched.delete(id);
  const withRelatives = applyGraphOperators(selector.dag, matched, criterion, selector.walkable);
  return expandTests(selector.tests, withRelatives, mode);
}

/** dbt combines the direct sets, and separately direct + held-back sets, then lets held-back tests in. */
function combine(
  selector: Selector,
  parts: readonly SelectionSets[],
  op: (sets: readonly ReadonlySet<string>[]) => Set<string>,
  mode: IndirectSelection,
): SelectionSets {
  const direct = op(parts.map((p) => p.direct));
  const indirect = op(parts.map((p) => new Set([...p.direct, ...p.indirect])));
  return { direct: incorporateIndirect(selector.tests, { direct, indirect }, mode), indirect };
}

function unite(sets: readonly ReadonlySet<string>[]): Set<string> {
  const out = new Set<string>();
  for (const set of sets) for (const id of set) out.add(id);
  return out;
}

function intersect(sets: readonly ReadonlySet<string>[]): Set<string> {
  if (sets.length === 0) return new Set();
  const [first, ...rest] = sets;
  return new Set([...first].filter((id) => rest.every((s) => s.has(id))));
}

function difference(included: SelectionSets, excluded: SelectionSets): SelectionSets {
  const direct = new Set([...included.direct].filter((id) => !excluded.direct.has(id)));
  const drop = new Set([...excluded.direct, ...excluded.indirect]);
  const indirect = new Set([...included.direct, ...included.indirect].filter((id) => !drop.has(id)));
  return { direct, indirect };
}
