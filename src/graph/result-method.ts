import { oneOf } from './attribute-methods';
import { SelectorValueError } from './selector-error';
import type { SelectorMethod } from './selector-method-types';
import { matching } from './selector-method-types';

/** Statuses a node result can have in run_results.json (models: success/error/skipped; tests: pass/fail/warn/error). */
const STATUSES = ['success', 'error', 'skipped', 'pass', 'fail', 'warn', 'runtime error'];

/** `result:error`, `result:fail`: nodes whose result in the previous run had that status. */
export const resultMethod: SelectorMethod = (context, value) => {
  oneOf(value, STATUSES, 'result status');
  const previous = context.previousResults;
  if (!previous) {
    throw new SelectorValueError('result: needs the previous run_results.json', 'pass --state <folder>');
  }
  const ids = new Set(previous.results.filter((r) => r.status === value).map((r) => r.unique_id));
  return matching(context, (node) => ids.has(node.uniqueId));
};
