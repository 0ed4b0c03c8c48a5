import { SelectorValueError } from './selector-error';
import type { SelectorMethod } from './selector-method-types';
import { matching } from './selector-method-types';

/**
 * `config.<key>:<value>` (`config.materialized:table`, `config.meta.owner:ops`): nodes whose resolved
 * config holds the value; a list matches when it contains the value. Booleans compare as `true`/`false`
 * in any case, and `severity` ignores case, as in dbt. Beyond dbt, numbers compare by their text.
 */
export const configMethod: SelectorMethod = (context, value, args) => {
  if (args.length === 0) throw new SelectorValueError('config needs a key', 'e.g. config.materialized:table');
  return matching(context, (node) => {
    const actual = descend(node.config, args);
    const caseInsensitive = args.length === 1 && args[0] === 'severity';
    return Array.isArray(actual)
      ? actual.some((item) => scalarMatches(item, value, caseInsensitive))
      : scalarMatches(actual, value, caseInsensitive);
  });
};

function descend(config: unknown, path: readonly string[]): unknown {
  let current = config;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function scalarMatches(actual: unknown, wanted: string, caseInsensitive: boolean): boolean {
  if (typeof actual === 'string')
    return caseInsensitive ? actual.toLowerCase() === wanted.toLowerCase() : actual === wanted;
  if (typeof actual === 'boolean') return String(actual) === wanted.toLowerCase();
  if (typeof actual === 'number') return String(actual) === wanted;
  return false;
}
