export { buildDag } from './build-dag';
export { criticalPathPriority } from './critical-path';
export { Dag } from './dag';
export type { DagEdge, DagNodeInfo, WalkOptions } from './dag';
export { fnmatch, hasWildcard } from './fnmatch';
export { applyGraphOperators } from './graph-operators';
export type { IndirectSelection } from './indirect-selection';
export { selectNodes } from './select-nodes';
export type { SelectNodesOptions } from './select-nodes';
export type { SelectionCriterion, SelectionIntersection, SelectionUnion } from './selector-ast';
export { SelectorValueError, selectorError } from './selector-error';
export { defaultSelectorMethods } from './selector-methods';
export type {
  PreviousRunResults,
  SelectorMethod,
  SelectorMethodContext,
  SelectorMethodRegistry,
} from './selector-methods';
export { parseCriterion, parseSelectors } from './selector-parser';
export type { ParseOptions } from './selector-parser';
