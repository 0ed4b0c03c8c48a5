import { hash } from 'node:crypto';
import type { Template } from 'nunjucks';
import { TbError, ErrorCodes } from '../core/errors';
import type { ColumnInfo, NodeConfig, RelationNode } from '../core/types';
import { RelationRef } from '../compile/relation-ref';
import { callMacro } from '../compile/jinja-environment';
import type { NodeHooks } from '../compile/node-hooks';
import { mergeConfig, validateConfigKeys, type ConfigValues } from './config-tree';
import type { ParseContext } from './parse-context';
import type { ProjectFile } from './discover-files';
import type { ColumnSpec, NodePatch } from './properties';
import type { ConfigResource } from '../config/config-keys';
import { positionAt, withoutComments, type TextPosition } from '../core/text-position';

export interface ParsedSql {
  readonly node: RelationNode;
  readonly template: Template;
}

const DEFAULTS: Record<string, ConfigValues> = {
  models: { enabled: true, materialized: 'view', tags: [], pre_hook: [], post_hook: [] },
  snapshots: { enabled: true, materialized: 'snapshot', tags: [], pre_hook: [], post_hook: [] },
  tests: { enabled: true, materialized: 'test', severity: 'error', tags: [], pre_hook: [], post_hook: [] },
  analyses: { enabled: true, materialized: 'view', tags: [], pre_hook: [], post_hook: [] },
};

export interface SqlNodeInput {
  readonly resourceType: 'model' | 'snapshot' | 'test' | 'analysis';
  readonly configResource: ConfigResource;
  readonly file: ProjectFile;
  readonly name: string;
  readonly rawCode: string;
  /** Line of rawCode's first line in the file (snapshot blocks start inside the file). */
  readonly firstLine?: number;
}

/**
 * The parse pass of one SQL file: render it once with recording hooks (no database), resolve its config
 * (project tree < properties YAML < `config()` in the file), its schema and alias.
 */
export function parseSqlNode(ctx: ParseContext, input: SqlNodeInput): ParsedSql | undefined {
  const { file, name, rawCode, resourceType } = input;
  const folders = file.path.split('/').slice(0, -1);
  const fqn = [ctx.project.name, ...folders, name];
  const patchKind = resourceType === 'analysis' ? 'analyses' : `${resourceType}s`;
  const patch = ctx.patches.get(`${patchKind}:${name}`);
  const treeKey =
    input.configResource === 'data_tests'
      ? 'tests'
      : (input.configResource as 'models' | 'snapshots' | 'tests');
  const base = mergeConfig(
    mergeConfig(
      DEFAULTS[patchKind === 'tests' ? 'tests' : patchKind] ?? DEFAULTS.models,
      ctx.trees[treeKey]?.configFor(fqn) ?? {},
    ),
    validateConfigKeys(
      patch?.config ?? {},
      input.configResource,
      patch?.file ?? file.originalFilePath,
      (key) => patch?.configPosition?.(key),
      ctx.diag,
    ),
  );
  const recorded = { refs: [] as string[][], sources: [] as [string, string][], config: {} as ConfigValues };
  const template = ctx.runtime.compileTemplate(rawCode, file.originalFilePath);
  const hooks = parseHooks(ctx, name, fqn, base, recorded);
  ctx.runtime.render(template, hooks, file.originalFilePath);
  const fileConfig = validateConfigKeys(
    recorded.config,
    input.configResource,
    file.originalFilePath,
    (key) => configKeyPosition(rawCode, key, input.firstLine),
    ctx.diag,
  );
  const config = normalizeConfig(mergeConfig(base, fileConfig));
  const nodeDict = {
    name,
    resource_type: resourceType,
    fqn,
    path: file.path,
    original_file_path: file.originalFilePath,
    config,
  };
  const { schema, alias } = resolveRelationName(ctx, config, nodeDict, file.originalFilePath);
  const node: RelationNode & { resourceType: typeof resourceType } = {
    uniqueId: `${resourceType}.${ctx.project.name}.${name}`,
    resourceType,
    name,
    packageName: ctx.project.name,
    originalFilePath: file.originalFilePath,
    path: file.path,
    fqn,
    tags: config.tags,
    config,
    description: patch?.description ?? '',
    columns: columnsOf(patch),
    dependsOn: { nodes: [], macros: ctx.macroCalls.calledIn(rawCode) },
    checksum: sha256(rawCode),
    patchPath: patch?.file,
    schema,
    alias,
    rawCode,
    refs: recorded.refs,
    sources: recorded.sources,
  };
  return { node, template };
}

function parseHooks(
  ctx: ParseContext,
  name: string,
  fqn: string[],
  base: ConfigValues,
  recorded: { refs: string[][]; sources: [string, string][]; config: ConfigValues },
): NodeHooks {
  const caps = ctx.capabilities;
  return {
    ref: (args) => {
      recorded.refs.push([...args]);
      return new RelationRef(ctx.target.schema, args[args.length - 1], caps);
    },
    source: (s, t) => {
      recorded.sources.push([s, t]);
      return new RelationRef(s, t, caps);
    },
    config: (values) => Object.assign(recorded.config, values),
    configGet: (key, fallback) => ({ ...base, ...recorded.config })[key] ?? fallback,
    self: new RelationRef(ctx.target.schema, name, caps),
    model: { name, fqn, config: base },
    isIncremental: false,
    execute: false,
  };
}

/**
 * Where a node is built: `generate_schema_name(config.schema)` and `generate_alias_name(config.alias)`,
 * the project's macros when it has them. A snapshot's target_schema is used as written (dbt's legacy rule).
 */
export function resolveRelationName(
  ctx: ParseContext,
  config: NodeConfig,
  nodeDict: Record<string, unknown>,
  file: string,
  defaultSchema: string | null = null,
): { schema: string; alias: string } {
  const targetSchema =
    typeof config.target_schema === 'string' && config.target_schema ? config.target_schema : undefined;
  return {
    schema:
      targetSchema ??
      resolveName(ctx, 'generate_schema_name', config.schema ?? defaultSchema, nodeDict, file),
    alias: resolveName(ctx, 'generate_alias_name', config.alias ?? null, nodeDict, file),
  };
}

function resolveName(
  ctx: ParseContext,
  macro: string,
  custom: unknown,
  node: Record<string, unknown>,
  file: string,
): string {
  try {
    return String(callMacro(ctx.runtime.getGlobal(macro), [custom, node])).trim();
  } catch (err) {
    throw new TbError(ErrorCodes.compilerError, `${macro} failed: ${(err as Error).message}`, { file });
  }
}

export function normalizeConfig(values: ConfigValues): NodeConfig {
  const list = (v: unknown): string[] =>
    v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
  return {
    ...values,
    enabled: values.enabled !== false && String(values.enabled).toLowerCase() !== 'false',
    materialized: String(values.materialized ?? 'view'),
    tags: [...new Set(list(values.tags))],
    pre_hook: list(values.pre_hook),
    post_hook: list(values.post_hook),
  } as NodeConfig;
}

export function columnsOf(patch: NodePatch | undefined): Record<string, ColumnInfo> {
  const out: Record<string, ColumnInfo> = {};
  for (const c of patch?.columns ?? []) out[c.name] = toColumnInfo(c);
  return out;
}

export function toColumnInfo(c: ColumnSpec): ColumnInfo {
  return { name: c.name, description: c.description, dataType: c.dataType, meta: c.meta };
}

export function sha256(text: string): string {
  // One-shot hash: a third of createHash's cost, 10,000 times a parse.
  return hash('sha256', text);
}

/**
 * Where a key is written in the file's `config(...)` calls (`key=` or `'key':`, up to the call's `}}`),
 * else the first `config(` call, else nothing: a key a macro set is not written in the file.
 */
function configKeyPosition(text: string, key: string, firstLine = 1): TextPosition | undefined {
  const code = withoutComments(text);
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const keyPattern = new RegExp(`(?<![\\w-])${escaped}\\s*=(?!=)|['"]${escaped}['"]\\s*:`);
  let first: number | undefined;
  for (const call of code.matchAll(/\bconfig\s*\(/g)) {
    first ??= call.index;
    const rest = code.slice(call.index);
    const end = rest.search(/[}%]\}/);
    const found = keyPattern.exec(end < 0 ? rest : rest.slice(0, end));
    if (found) return positionAt(text, call.index + found.index, firstLine);
  }
  return first === undefined ? undefined : positionAt(text, first, firstLine);
}
