import { readFileSync } from 'node:fs';
import { TbError, ErrorCodes, type Diagnostics } from '../core/errors';
import { suggestion } from '../core/did-you-mean';
import { readYaml, renderYamlValues, yamlContext, type YamlFile } from '../config/render-yaml';
import { isPlainObject } from '../config/coerce';
import type { FreshnessConfig } from '../core/types';
import type { YamlCache } from '../config/yaml-cache';
import type { TextPosition } from '../core/text-position';
import type { ProjectFile } from './discover-files';

/*
 * The `line` and `column` of a spec are lazy, non-enumerable getters: finding a position needs the slower
 * `yaml` parser (see readYaml) and only an error ever asks for it. Pass `() => spec.line` on, not
 * `spec.line`, to keep it lazy; checksums (JSON.stringify) do not see them, so moving an entry in its file
 * does not modify it.
 */
function withPosition<T extends object>(
  spec: T,
  yaml: YamlFile,
  at: (string | number)[],
): T & { line?: number; column?: number } {
  Object.defineProperty(spec, 'line', { get: () => yaml.positionOf(at)?.line, enumerable: false });
  Object.defineProperty(spec, 'column', { get: () => yaml.positionOf(at)?.column, enumerable: false });
  return spec;
}

/** One `tests:` / `data_tests:` entry, kept raw until the node it tests is known. */
export interface TestSpec {
  readonly raw: unknown;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly columnName?: string;
}

export interface ColumnSpec {
  readonly name: string;
  readonly description: string;
  readonly dataType?: string;
  readonly meta?: Record<string, unknown>;
}

/** What a properties file says about a model, seed, snapshot or analysis. */
export interface NodePatch {
  readonly kind: 'models' | 'seeds' | 'snapshots' | 'analyses';
  readonly name: string;
  readonly description: string;
  readonly config: Record<string, unknown>;
  readonly columns: readonly ColumnSpec[];
  readonly tests: readonly TestSpec[];
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** Where a key of `config:` is written (lazy, like `line`). */
  configPosition?(key: string): TextPosition | undefined;
}

export interface SourceTableSpec {
  readonly sourceName: string;
  readonly sourceDescription: string;
  readonly name: string;
  readonly identifier: string;
  readonly schema: string;
  readonly description: string;
  readonly loadedAtField?: string;
  readonly freshness?: FreshnessConfig;
  readonly columns: readonly ColumnSpec[];
  readonly tests: readonly TestSpec[];
  readonly tags: readonly string[];
  readonly meta?: Record<string, unknown>;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

export interface Properties {
  readonly patches: NodePatch[];
  readonly sources: SourceTableSpec[];
}

const NODE_KEYS = new Set([
  'name',
  'description',
  'config',
  'columns',
  'tests',
  'data_tests',
  'docs',
  'meta',
  'access',
  'group',
  'constraints',
  'latest_version',
  'versions',
  'deprecation_date',
  'time_spine',
  'tags',
  'arguments',
]);
const COLUMN_KEYS = new Set([
  'name',
  'description',
  'data_type',
  'tests',
  'data_tests',
  'meta',
  'quote',
  'constraints',
  'tags',
  'policy_tags',
  'granularity',
  'config',
]);
const SOURCE_KEYS = new Set([
  'name',
  'description',
  'schema',
  'database',
  'loader',
  'loaded_at_field',
  'freshness',
  'tables',
  'meta',
  'tags',
  'config',
  'overrides',
  'quoting',
  'identifier',
]);
const TABLE_KEYS = new Set([
  'name',
  'identifier',
  'description',
  'columns',
  'tests',
  'data_tests',
  'loaded_at_field',
  'freshness',
  'meta',
  'tags',
  'config',
  'external',
  'quoting',
  'loader',
]);
const TOP_KEYS = new Set([
  'version',
  'models',
  'sources',
  'seeds',
  'snapshots',
  'analyses',
  'macros',
  'exposures',
  'metrics',
  'semantic_models',
  'saved_queries',
  'groups',
  'unit_tests',
  'data_tests',
]);

export function readProperties(
  files: readonly ProjectFile[],
  diag: Diagnostics,
  env: NodeJS.ProcessEnv,
  cache?: YamlCache,
): Properties {
  const out: Properties = { patches: [], sources: [] };
  for (const f of files) {
    let yaml: YamlFile;
    try {
      yaml = readYaml(f.originalFilePath, readFileSync(f.absolutePath, 'utf8'), cache);
    } catch (err) {
      if (err instanceof TbError) diag.add(err);
      else throw err;
      continue;
    }
    if (!isPlainObject(yaml.data)) continue;
    const data = yaml.data;
    checkKeys(data, TOP_KEYS, yaml, [], diag, 'properties file');
    for (const kind of ['models', 'seeds', 'snapshots', 'analyses'] as const) {
      asList(data[kind]).forEach((entry, i) => {
        const patch = readPatch(kind, entry, yaml, [kind, i], diag);
        if (patch) out.patches.push(patch);
      });
    }
    asList(data.sources).forEach((entry, i) => {
      const rendered = renderYamlValues(entry, yamlContext(env), f.originalFilePath);
      out.sources.push(...readSource(rendered, yaml, ['sources', i], diag));
    });
  }
  return out;
}

function readPatch(
  kind: NodePatch['kind'],
  entry: unknown,
  yaml: YamlFile,
  at: (string | number)[],
  diag: Diagnostics,
): NodePatch | undefined {
  if (!isPlainObject(entry) || typeof entry.name !== 'string') {
    diag.add(
      new TbError(ErrorCodes.configInvalidValue, `each entry under ${kind}: needs a name`, {
        file: yaml.path,
        ...yaml.positionOf(at),
        hint: "begin the entry with '- name: ' and the file's name without its extension",
      }),
    );
    return undefined;
  }
  checkKeys(entry, NODE_KEYS, yaml, at, diag, `${kind} entry '${entry.name}'`);
  const columns = readColumns(entry.columns, yaml, [...at, 'columns'], diag);
  const patch = {
    kind,
    name: entry.name,
    description: String(entry.description ?? ''),
    config: isPlainObject(entry.config) ? entry.config : {},
    columns: columns.map((c) => c.column),
    tests: [...testsOf(entry, yaml, at), ...columns.flatMap((c) => c.tests)],
    file: yaml.path,
  };
  Object.defineProperty(patch, 'configPosition', {
    value: (key: string) => yaml.positionOf([...at, 'config', key]),
    enumerable: false,
  });
  return withPosition(patch, yaml, at);
}

function readColumns(
  value: unknown,
  yaml: YamlFile,
  at: (string | number)[],
  diag: Diagnostics,
): { column: ColumnSpec; tests: TestSpec[] }[] {
  return asList(value).flatMap((col, i) => {
    if (!isPlainObject(col) || col.name === undefined) {
      diag.add(
        new TbError(ErrorCodes.configInvalidValue, 'each column needs a name', {
          file: yaml.path,
          ...yaml.positionOf([...at, i]),
          hint: "begin the entry with '- name: ' and the column's name",
        }),
      );
      return [];
    }
    checkKeys(col, COLUMN_KEYS, yaml, [...at, i], diag, `column '${String(col.name)}'`);
    const name = String(col.name);
    return [
      {
        column: {
          name,
          description: String(col.description ?? ''),
          dataType: col.data_type === undefined ? undefined : String(col.data_type),
          meta: isPlainObject(col.meta) ? col.meta : undefined,
        },
        tests: testsOf(col, yaml, [...at, i], name),
      },
    ];
  });
}

function testsOf(
  entry: Record<string, unknown>,
  yaml: YamlFile,
  at: (string | number)[],
  columnName?: string,
): TestSpec[] {
  const out: TestSpec[] = [];
  for (const key of ['tests', 'data_tests']) {
    asList(entry[key]).forEach((raw, i) =>
      out.push(withPosition({ raw, file: yaml.path, columnName }, yaml, [...at, key, i])),
    );
  }
  return out;
}

function readSource(
  entry: unknown,
  yaml: YamlFile,
  at: (string | number)[],
  diag: Diagnostics,
): SourceTableSpec[] {
  if (!isPlainObject(entry) || typeof entry.name !== 'string') {
    diag.add(
      new TbError(ErrorCodes.configInvalidValue, 'each source needs a name', {
        file: yaml.path,
        ...yaml.positionOf(at),
        hint: "begin the entry with '- name: ' and the source's name",
      }),
    );
    return [];
  }
  checkKeys(entry, SOURCE_KEYS, yaml, at, diag, `source '${entry.name}'`);
  const sourceName = entry.name;
  return asList(entry.tables).flatMap((table, i) => {
    const tat = [...at, 'tables', i];
    if (!isPlainObject(table) || typeof table.name !== 'string') {
      diag.add(
        new TbError(ErrorCodes.configInvalidValue, `each table of source '${sourceName}' needs a name`, {
          file: yaml.path,
          ...yaml.positionOf(tat),
          hint: "begin the entry with '- name: ' and the table's name",
        }),
      );
      return [];
    }
    checkKeys(table, TABLE_KEYS, yaml, tat, diag, `source table '${sourceName}.${table.name}'`);
    const columns = readColumns(table.columns, yaml, [...tat, 'columns'], diag);
    // A table's own `freshness: null` switches the check off, so presence matters, not value.
    const freshness = ('freshness' in table ? table.freshness : entry.freshness) as
      FreshnessConfig | null | undefined;
    return [
      withPosition(
        {
          sourceName,
          sourceDescription: String(entry.description ?? ''),
          name: table.name,
          identifier: String(table.identifier ?? table.name),
          schema: String(entry.schema ?? sourceName),
          description: String(table.description ?? ''),
          loadedAtField: (('loaded_at_field' in table ? table.loaded_at_field : entry.loaded_at_field) ??
            undefined) as string | undefined,
          freshness: freshness ?? undefined,
          columns: columns.map((c) => c.column),
          tests: [...testsOf(table, yaml, tat), ...columns.flatMap((c) => c.tests)],
          tags: [...asList(entry.tags), ...asList(table.tags)].map(String),
          meta: isPlainObject(table.meta) ? table.meta : undefined,
          file: yaml.path,
        },
        yaml,
        tat,
      ),
    ];
  });
}

function checkKeys(
  obj: Record<string, unknown>,
  known: ReadonlySet<string>,
  yaml: YamlFile,
  at: (string | number)[],
  diag: Diagnostics,
  what: string,
): void {
  for (const key of Object.keys(obj)) {
    if (known.has(key)) continue;
    diag.add(
      new TbError(ErrorCodes.configUnknownKey, `unknown key '${key}' in ${what}`, {
        file: yaml.path,
        ...yaml.positionOf([...at, key]),
        hint: suggestion(key, known) ?? `known keys: ${[...known].join(', ')}`,
      }),
    );
  }
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
