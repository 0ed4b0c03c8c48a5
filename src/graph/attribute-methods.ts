import { suggestion } from '../core/did-you-mean';
import { RESOURCE_TYPES } from '../core/types';
import { fnmatch } from './fnmatch';
import { SelectorValueError } from './selector-error';
import type { SelectorMethod } from './selector-method-types';
import { matching } from './selector-method-types';

/** `schema` and `data` are the names dbt used before 1.0; dbt still accepts them. */
const TEST_TYPES: Readonly<Record<string, 'generic' | 'singular'>> = {
  generic: 'generic',
  schema: 'generic',
  singular: 'singular',
  data: 'singular',
};

/** `tag:nightly`, `tag:pii_*`. */
export const tagMethod: SelectorMethod = (context, value) =>
  matching(context, (node) => [...node.tags, ...(node.config.tags ?? [])].some((tag) => fnmatch(tag, value)));

/** `resource_type:model`. */
export const resourceTypeMethod: SelectorMethod = (context, value) => {
  oneOf(value, RESOURCE_TYPES, 'resource type');
  return matching(context, (node) => node.resourceType === value);
};

/** `source:pms`, `source:pms.movings`, `source:tb.pms.*` (package, source, table; wildcards allowed). */
export const sourceMethod: SelectorMethod = (context, value) => {
  const parts = value.split('.');
  if (parts.length > 3) {
    throw new SelectorValueError('a source selector is source, source.table or package.source.table');
  }
  const [pkg, source, table] =
    parts.length === 1 ? ['*', value, '*'] : parts.length === 2 ? ['*', ...parts] : parts;
  return matching(
    context,
    (node) =>
      node.resourceType === 'source' &&
      fnmatch(node.packageName, pkg) &&
      fnmatch(node.sourceName, source) &&
      fnmatch(node.name, table),
  );
};

/** `test_type:generic` (a `{% test %}` applied in YAML) or `test_type:singular` (a .sql file in tests/). */
export const testTypeMethod: SelectorMethod = (context, value) => {
  oneOf(value, Object.keys(TEST_TYPES), 'test type');
  const wanted = TEST_TYPES[value];
  return matching(
    context,
    (node) => node.resourceType === 'test' && (node.testMetadata ? 'generic' : 'singular') === wanted,
  );
};

/** `test_name:unique`, `test_name:accepted_*`: the generic test's name. */
export const testNameMethod: SelectorMethod = (context, value) =>
  matching(
    context,
    (node) =>
      node.resourceType === 'test' &&
      node.testMetadata !== undefined &&
      fnmatch(node.testMetadata.name, value),
  );

export function oneOf(value: string, allowed: readonly string[], what: string): void {
  if (allowed.includes(value)) return;
  throw new SelectorValueError(
    `"${value}" is not a ${what}`,
    suggestion(value, allowed) ?? `expected one of: ${allowed.join(', ')}`,
  );
}
