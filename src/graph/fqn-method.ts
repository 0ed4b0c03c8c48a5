import type { GraphNode } from '../core/types';
import { fnmatch, hasWildcard } from './fnmatch';
import type { SelectorMethod } from './selector-method-types';
import { matching } from './selector-method-types';

/**
 * `fqn:` (the default method): the node's name, a prefix of its fqn (`gold` is every model under
 * models/gold, `gold.moveouts`, the package `tb`), with or without the package in front. A wildcard
 * part matches the rest of the dotted fqn (`*.staging.*`). Sources are not fqn-selected (use `source:`),
 * as in dbt. Beyond dbt: a dotless pattern also globs the node name, so `stg_*` finds models in folders.
 * @see https://github.com/dbt-labs/dbt-core/blob/main/core/dbt/graph/selector_methods.py (is_selected_node)
 */
export const fqnMethod: SelectorMethod = (context, value) =>
  matching(context, (node) => node.resourceType !== 'source' && fqnMatches(node, value));

/** `package:` the project or package a node belongs to. */
export const packageMethod: SelectorMethod = (context, value) =>
  matching(context, (node) => fnmatch(node.packageName, value));

export function fqnMatches(node: GraphNode, selector: string): boolean {
  if (!selector.includes('.') && hasWildcard(selector) && fnmatch(node.name, selector)) return true;
  return isSelectedFqn(node.fqn, selector) || isSelectedFqn(node.fqn.slice(1), selector);
}

function isSelectedFqn(fqn: readonly string[], selector: string): boolean {
  if (fqn.length > 0 && fqn[fqn.length - 1] === selector) return true;
  // Dots inside a name act as separators, as in dbt.
  const flat = fqn.flatMap((part) => part.split('.'));
  const parts = selector.split('.');
  if (flat.length < parts.length) return false;
  for (let i = 0; i < parts.length; i++) {
    if (hasWildcard(parts[i])) return fnmatch(flat.slice(i).join('.'), parts.slice(i).join('.'));
    if (flat[i] !== parts[i]) return false;
  }
  return true;
}
