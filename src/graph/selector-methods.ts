import {
  resourceTypeMethod,
  sourceMethod,
  tagMethod,
  testNameMethod,
  testTypeMethod,
} from './attribute-methods';
import { configMethod } from './config-method';
import { fqnMethod, packageMethod } from './fqn-method';
import { fileMethod, pathMethod } from './path-methods';
import { resultMethod } from './result-method';
import type { SelectorMethodRegistry } from './selector-method-types';
import { stateMethod } from './state-method';

export type {
  PreviousRunResults,
  SelectorMethod,
  SelectorMethodContext,
  SelectorMethodRegistry,
} from './selector-method-types';

/**
 * The `method:` names `--select` understands. To add one, spread this into a new object with the extra
 * entry and pass it as `methods` to selectNodes.
 */
export const defaultSelectorMethods: SelectorMethodRegistry = Object.freeze({
  fqn: fqnMethod,
  package: packageMethod,
  tag: tagMethod,
  path: pathMethod,
  file: fileMethod,
  config: configMethod,
  resource_type: resourceTypeMethod,
  source: sourceMethod,
  test_type: testTypeMethod,
  test_name: testNameMethod,
  state: stateMethod,
  result: resultMethod,
});
