import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TbError, ErrorCodes, type Diagnostics } from '../core/errors';
import { suggestion } from '../core/did-you-mean';
import { readYaml, renderYamlValues, yamlContext } from './render-yaml';
import { toStringList } from './coerce';

/** Top-level keys of project.yml. dbt keys tb does not use are accepted so dbt projects compile unmodified. */
const PROJECT_KEYS = new Set([
  'name',
  'version',
  'config-version',
  'profile',
  'model-paths',
  'source-paths',
  'seed-paths',
  'data-paths',
  'macro-paths',
  'test-paths',
  'snapshot-paths',
  'analysis-paths',
  'docs-paths',
  'asset-paths',
  'target-path',
  'log-path',
  'packages-install-path',
  'clean-targets',
  'require-dbt-version',
  'vars',
  'models',
  'seeds',
  'snapshots',
  'tests',
  'data_tests',
  'sources',
  'on-run-start',
  'on-run-end',
  'quoting',
  'dispatch',
  'query-comment',
  'flags',
  'restrict-access',
  'exposures',
  'metrics',
  'semantic-models',
  'saved-queries',
  'unit_tests',
  // tb's own: per-stage retries for `tb pipeline`, and loader settings.
  'pipeline',
  'load',
]);

export interface ProjectConfig {
  readonly projectDir: string;
  /** project.yml or dbt_project.yml, relative to the project dir. */
  readonly configFile: string;
  readonly name: string;
  readonly version: string;
  readonly profile: string;
  readonly modelPaths: readonly string[];
  readonly seedPaths: readonly string[];
  readonly macroPaths: readonly string[];
  readonly testPaths: readonly string[];
  readonly snapshotPaths: readonly string[];
  readonly analysisPaths: readonly string[];
  readonly targetPath: string;
  readonly vars: Readonly<Record<string, unknown>>;
  /** Config trees by resource type, as written (`models: {project: {gold: {+schema: gold}}}`). */
  readonly trees: Readonly<Record<string, unknown>>;
  readonly onRunStart: readonly string[];
  readonly onRunEnd: readonly string[];
  /** Sections tb's own stages read (`pipeline`, `load`). */
  readonly extras: Readonly<Record<string, unknown>>;
}

export function findProjectFile(projectDir: string): string {
  for (const file of ['project.yml', 'dbt_project.yml']) {
    if (existsSync(join(projectDir, file))) return file;
  }
  throw new TbError(ErrorCodes.projectNotFound, `no project.yml (or dbt_project.yml) in ${projectDir}`, {
    hint: 'run tb from the project folder, or pass --project-dir',
  });
}

export function loadProjectConfig(projectDir: string, diag: Diagnostics, env = process.env): ProjectConfig {
  const configFile = findProjectFile(projectDir);
  const yaml = readYaml(configFile, readFileSync(join(projectDir, configFile), 'utf8'));
  const raw = renderYamlValues(yaml.data, yamlContext(env), configFile) as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!PROJECT_KEYS.has(key)) {
      diag.add(
        new TbError(ErrorCodes.configUnknownKey, `unknown key '${key}' in ${configFile}`, {
          file: configFile,
          ...yaml.positionOf([key]),
          hint: suggestion(key, PROJECT_KEYS) ?? 'remove it: tb and dbt do not read it',
        }),
      );
    }
  }
  if (typeof raw.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(raw.name)) {
    diag.add(
      new TbError(
        ErrorCodes.configInvalidValue,
        `'name' must be a project name of letters, digits and underscores`,
        {
          file: configFile,
          ...(yaml.positionOf(['name']) ?? { line: 1, column: 1 }),
          hint: "e.g. name: shop (it prefixes every node's unique id)",
        },
      ),
    );
  }
  const name = String(raw.name ?? 'project');
  const paths = (key: string, legacy: string | undefined, fallback: string): string[] =>
    toStringList(raw[key] ?? (legacy ? raw[legacy] : undefined) ?? [fallback]);
  return {
    projectDir,
    configFile,
    name,
    version: String(raw.version ?? '1.0.0'),
    profile: String(raw.profile ?? name),
    modelPaths: paths('model-paths', 'source-paths', 'models'),
    seedPaths: paths('seed-paths', 'data-paths', 'seeds'),
    macroPaths: paths('macro-paths', undefined, 'macros'),
    testPaths: paths('test-paths', undefined, 'tests'),
    snapshotPaths: paths('snapshot-paths', undefined, 'snapshots'),
    analysisPaths: paths('analysis-paths', undefined, 'analyses'),
    targetPath: String(raw['target-path'] ?? 'target'),
    vars: (raw.vars as Record<string, unknown>) ?? {},
    trees: {
      models: raw.models ?? {},
      seeds: raw.seeds ?? {},
      snapshots: raw.snapshots ?? {},
      tests: { ...((raw.tests as object) ?? {}), ...((raw.data_tests as object) ?? {}) },
      sources: raw.sources ?? {},
    },
    onRunStart: toStringList(raw['on-run-start'] ?? []),
    onRunEnd: toStringList(raw['on-run-end'] ?? []),
    extras: { pipeline: raw.pipeline, load: raw.load },
  };
}
