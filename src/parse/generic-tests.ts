import { createHash } from 'node:crypto';
import { TbError, ErrorCodes } from '../core/errors';
import { CONFIG_KEYS, normalizeConfigKey } from '../config/config-keys';
import { isPlainObject } from '../config/coerce';
import type { TestSpec } from './properties';

/** A generic test of a properties file, resolved to its macro and arguments. */
export interface GenericTestDraft {
  readonly testName: string;
  readonly namespace?: string;
  /** Arguments for the test macro, `column_name` included; `model` is added at run time. */
  readonly kwargs: Record<string, unknown>;
  readonly config: Record<string, unknown>;
  /** dbt's synthesized node name, e.g. `not_null_stg_rooms_room_id`. */
  readonly name: string;
  readonly columnName?: string;
  readonly spec: TestSpec;
}

const TEST_CONFIG_KEYS = CONFIG_KEYS.tests;

/** `unique`, `{accepted_values: {values: [...], config: {severity: warn}}}`, `{name: x, test_name: y, ...}`. */
export function parseGenericTest(spec: TestSpec, targetName: string): GenericTestDraft {
  let testName: string;
  let args: Record<string, unknown>;
  if (typeof spec.raw === 'string') {
    testName = spec.raw;
    args = {};
  } else if (isPlainObject(spec.raw) && Object.keys(spec.raw).length === 1 && !('test_name' in spec.raw)) {
    const [key, value] = Object.entries(spec.raw)[0];
    testName = key;
    args = isPlainObject(value) ? { ...value } : {};
  } else if (isPlainObject(spec.raw) && typeof spec.raw.test_name === 'string') {
    const { test_name: name, ...rest } = spec.raw;
    testName = name as string;
    args = rest;
  } else {
    throw new TbError(ErrorCodes.configInvalidValue, `cannot read test ${JSON.stringify(spec.raw)}`, {
      file: spec.file,
      line: spec.line,
      hint: 'write a test as `- unique` or `- accepted_values: {values: [a, b]}`',
    });
  }
  const [namespace, bare] = testName.includes('.')
    ? (testName.split('.', 2) as [string, string])
    : [undefined, testName];
  const customName = typeof args.name === 'string' ? args.name : undefined;
  delete args.name;
  const config: Record<string, unknown> = isPlainObject(args.config) ? { ...args.config } : {};
  delete args.config;
  // dbt 1.10 nests the macro's arguments under `arguments:`.
  if (isPlainObject(args.arguments)) {
    Object.assign(args, args.arguments);
    delete args.arguments;
  }
  for (const key of Object.keys(args)) {
    const norm = normalizeConfigKey(key);
    if (TEST_CONFIG_KEYS.has(norm) && key !== 'values') {
      config[norm] = args[key];
      delete args[key];
    }
  }
  const kwargs = spec.columnName === undefined ? args : { column_name: spec.columnName, ...args };
  return {
    testName: bare,
    namespace,
    kwargs,
    config,
    name: customName ?? synthesizeTestName(bare, namespace, targetName, kwargs),
    columnName: spec.columnName,
    spec,
  };
}

/** dbt's synthesize_generic_test_names: `<test>_<target>_<flattened args>`, hashed past 64 characters. */
export function synthesizeTestName(
  testName: string,
  namespace: string | undefined,
  targetName: string,
  kwargs: Record<string, unknown>,
): string {
  const flat: string[] = [];
  for (const key of Object.keys(kwargs).sort()) {
    const value = kwargs[key];
    const parts = isPlainObject(value) ? Object.values(value) : Array.isArray(value) ? value : [value];
    flat.push(...parts.map((p) => String(p)));
  }
  const clean = flat.map((a) => a.replace(/[^0-9a-zA-Z_]+/g, '_'));
  const identifier = `${namespace ? `${namespace}_` : ''}${testName}_${targetName}`;
  const full = clean.length ? `${identifier}_${clean.join('__')}` : identifier;
  if (full.length < 64) return full;
  return `${identifier.slice(0, 30)}_${createHash('md5').update(full).digest('hex')}`;
}
