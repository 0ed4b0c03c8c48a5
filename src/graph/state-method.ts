import type { GraphNode, Manifest } from '../core/types';
import { oneOf } from './attribute-methods';
import { SelectorValueError } from './selector-error';
import type { SelectorMethod } from './selector-method-types';
import { matching } from './selector-method-types';

type StateCheck = (
  old: GraphNode | undefined,
  node: GraphNode,
  state: Manifest,
  manifest: Manifest,
) => boolean;

/**
 * `state:<check>` against a previous manifest. `modified` is any of body (file checksum), configs,
 * relation (schema, alias or identifier), fqn (the file moved) or the text of a macro the node calls;
 * a node the previous manifest lacks counts as modified. `old` is every node that existed before.
 * @see https://docs.getdbt.com/reference/node-selection/state-comparison-caveats
 */
const CHECKS: Readonly<Record<string, StateCheck>> = {
  new: (old) => old === undefined,
  old: (old) => old !== undefined,
  modified: (old, node, state, manifest) => old === undefined || isModified(old, node, state, manifest),
  unmodified: (old, node, state, manifest) => old !== undefined && !isModified(old, node, state, manifest),
  'modified.body': (old, node) => old === undefined || old.checksum !== node.checksum,
  'modified.configs': (old, node) => old === undefined || stableJson(old.config) !== stableJson(node.config),
  'modified.relation': (old, node) => old === undefined || relationOf(old) !== relationOf(node),
  'modified.macros': (_old, node, state, manifest) => macrosModified(node, state, manifest),
};

export const stateMethod: SelectorMethod = (context, value) => {
  oneOf(value, Object.keys(CHECKS), 'state check');
  const { state, manifest } = context;
  if (!state) {
    throw new SelectorValueError(
      'state: needs the previous manifest to compare with',
      'pass --state <folder>',
    );
  }
  const check = CHECKS[value];
  return matching(context, (node) =>
    check(state.nodes[node.uniqueId] ?? state.sources[node.uniqueId], node, state, manifest),
  );
};

function isModified(old: GraphNode, node: GraphNode, state: Manifest, manifest: Manifest): boolean {
  return (
    old.checksum !== node.checksum ||
    stableJson(old.config) !== stableJson(node.config) ||
    relationOf(old) !== relationOf(node) ||
    old.fqn.join('.') !== node.fqn.join('.') ||
    macrosModified(node, state, manifest)
  );
}

function relationOf(node: GraphNode): string {
  return node.resourceType === 'source'
    ? `${node.schema}.${node.identifier}`
    : `${node.schema}.${node.alias}`;
}

/**
 * Whether the text of a macro the node reaches changed: the macros it calls, the ones those call, and so
 * on (a model calling `cents_to_yen` is modified when the `safe_cast` inside that macro changes). A macro
 * absent from either manifest counts as changed.
 */
function macrosModified(node: GraphNode, state: Manifest, manifest: Manifest): boolean {
  const seen = new Set<string>();
  const pending = [...node.dependsOn.macros];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const now = manifest.macros[id];
    if (state.macros[id]?.macroSql !== now?.macroSql) return true;
    pending.push(...(now?.dependsOn?.macros ?? []));
  }
  return false;
}

/** JSON with object keys sorted, so two equal configs compare equal whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
