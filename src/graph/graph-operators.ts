import type { Dag } from './dag';
import type { SelectionCriterion } from './selector-ast';

type GraphOperators = Pick<
  SelectionCriterion,
  'parents' | 'parentsDepth' | 'children' | 'childrenDepth' | 'childrensParents'
>;

/**
 * Adds the relatives a criterion's operators ask for to the nodes its method matched: `+m`/`n+m`
 * (ancestors), `m+`/`m+n` (descendants), `@m` (descendants, then every ancestor of those and of m).
 * `through` says which nodes a walk may enter: select-nodes keeps walks to enabled non-test nodes,
 * since tests come in by indirect selection instead.
 * @see https://github.com/dbt-labs/dbt-core/blob/main/core/dbt/graph/graph.py (select_childrens_parents)
 */
export function applyGraphOperators(
  dag: Dag,
  matched: ReadonlySet<string>,
  operators: GraphOperators,
  through?: (id: string) => boolean,
): Set<string> {
  const selected = new Set(matched);
  const add = (ids: Iterable<string>): void => {
    for (const id of ids) selected.add(id);
  };
  if (operators.childrensParents) {
    const withChildren = new Set([...matched, ...dag.descendants(matched, { through })]);
    add(withChildren);
    add(dag.ancestors(withChildren, { through }));
  }
  if (operators.parents) add(dag.ancestors(matched, { depth: operators.parentsDepth, through }));
  if (operators.children) add(dag.descendants(matched, { depth: operators.childrenDepth, through }));
  return selected;
}
