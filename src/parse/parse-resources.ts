import { readFileSync } from 'node:fs';
import { TbError, ErrorCodes } from '../core/errors';
import type { SeedNode, SourceNode } from '../core/types';
import { mergeConfig, validateConfigKeys } from './config-tree';
import type { ProjectFile } from './discover-files';
import type { ParseContext } from './parse-context';
import {
  columnsOf,
  normalizeConfig,
  parseSqlNode,
  resolveRelationName,
  sha256,
  toColumnInfo,
  type ParsedSql,
} from './parse-sql-node';
import type { TestSpec } from './properties';

export interface ParsedResources {
  readonly sql: ParsedSql[];
  readonly seeds: SeedNode[];
  readonly sources: SourceNode[];
  /** Generic tests by the unique id of the node or source they test. */
  readonly testSpecs: { readonly attachedTo: string; readonly targetName: string; readonly spec: TestSpec }[];
}

/** Parses every resource file of the project; errors are collected, not thrown. */
export function parseResources(ctx: ParseContext): ParsedResources {
  const { project } = ctx;
  const sql: ParsedSql[] = [];
  const attempt = (fn: () => ParsedSql | undefined) => {
    try {
      const parsed = fn();
      if (parsed) sql.push(parsed);
    } catch (err) {
      if (err instanceof TbError) ctx.diag.add(err);
      else throw err;
    }
  };
  for (const file of ctx.files.find(project.modelPaths, ['.sql'])) {
    attempt(() =>
      parseSqlNode(ctx, {
        resourceType: 'model',
        configResource: 'models',
        file,
        name: stem(file),
        rawCode: read(file),
      }),
    );
  }
  for (const file of ctx.files.find(project.analysisPaths, ['.sql'])) {
    attempt(() =>
      parseSqlNode(ctx, {
        resourceType: 'analysis',
        configResource: 'models',
        file,
        name: stem(file),
        rawCode: read(file),
      }),
    );
  }
  for (const file of ctx.files.find(project.testPaths, ['.sql'])) {
    attempt(() =>
      parseSqlNode(ctx, {
        resourceType: 'test',
        configResource: 'tests',
        file,
        name: stem(file),
        rawCode: read(file),
      }),
    );
  }
  for (const file of ctx.files.find(project.snapshotPaths, ['.sql'])) {
    for (const block of snapshotBlocks(read(file), file)) {
      attempt(() =>
        parseSqlNode(ctx, { resourceType: 'snapshot', configResource: 'snapshots', file, ...block }),
      );
    }
  }
  const seeds = ctx.files.find(project.seedPaths, ['.csv']).map((f) => parseSeed(ctx, f));
  const sources = ctx.properties.sources.map((s) => toSourceNode(ctx, s));
  const testSpecs = [
    ...ctx.properties.patches.flatMap((p) =>
      p.tests.map((spec) => ({
        attachedTo: `${p.kind.replace(/s$/, '').replace('analyse', 'analysis')}.${project.name}.${p.name}`,
        targetName: p.name,
        spec,
      })),
    ),
    ...ctx.properties.sources.flatMap((s) =>
      s.tests.map((spec) => ({
        attachedTo: `source.${project.name}.${s.sourceName}.${s.name}`,
        targetName: `source_${s.sourceName}_${s.name}`,
        spec,
      })),
    ),
  ];
  return { sql, seeds, sources, testSpecs };
}

function parseSeed(ctx: ParseContext, file: ProjectFile): SeedNode {
  const name = stem(file);
  const fqn = [ctx.project.name, ...file.path.split('/').slice(0, -1), name];
  const patch = ctx.patches.get(`seeds:${name}`);
  const config = normalizeConfig(
    mergeConfig(
      mergeConfig({ enabled: true, materialized: 'seed', tags: [] }, ctx.trees.seeds.configFor(fqn)),
      validateConfigKeys(
        patch?.config ?? {},
        'seeds',
        patch?.file ?? file.originalFilePath,
        (key) => patch?.configPosition?.(key),
        ctx.diag,
      ),
    ),
  );
  const nodeDict = { name, resource_type: 'seed', fqn, config };
  const text = readFileSync(file.absolutePath);
  return {
    uniqueId: `seed.${ctx.project.name}.${name}`,
    resourceType: 'seed',
    name,
    packageName: ctx.project.name,
    originalFilePath: file.originalFilePath,
    path: file.path,
    fqn,
    tags: config.tags,
    config,
    description: patch?.description ?? '',
    columns: columnsOf(patch),
    dependsOn: { nodes: [], macros: [] },
    checksum: sha256(text.toString('utf8')),
    patchPath: patch?.file,
    ...resolveRelationName(ctx, config, nodeDict, file.originalFilePath),
    rawCode: '',
    refs: [],
    sources: [],
    seedFilePath: file.absolutePath,
  };
}

function toSourceNode(ctx: ParseContext, s: ParseContext['properties']['sources'][number]): SourceNode {
  const fqn = [ctx.project.name, s.sourceName, s.name];
  const config = normalizeConfig(
    mergeConfig({ enabled: true, materialized: 'source', tags: s.tags }, ctx.trees.sources.configFor(fqn)),
  );
  return {
    uniqueId: `source.${ctx.project.name}.${s.sourceName}.${s.name}`,
    resourceType: 'source',
    name: s.name,
    packageName: ctx.project.name,
    originalFilePath: s.file,
    path: s.file,
    fqn,
    tags: config.tags,
    config,
    description: s.description,
    columns: Object.fromEntries(s.columns.map((c) => [c.name, toColumnInfo(c)])),
    dependsOn: { nodes: [], macros: [] },
    checksum: sha256(JSON.stringify(s)),
    patchPath: s.file,
    sourceName: s.sourceName,
    sourceDescription: s.sourceDescription,
    schema: s.schema,
    identifier: s.identifier,
    loadedAtField: s.loadedAtField,
    freshness: s.freshness,
  };
}

/** `{% snapshot name %} ... {% endsnapshot %}` blocks; the body keeps its line numbers by padding. */
function snapshotBlocks(
  text: string,
  file: ProjectFile,
): { name: string; rawCode: string; firstLine: number }[] {
  const out: { name: string; rawCode: string; firstLine: number }[] = [];
  const re = /\{%-?\s*snapshot\s+([A-Za-z_][A-Za-z0-9_]*)\s*-?%\}([\s\S]*?)\{%-?\s*endsnapshot\s*-?%\}/g;
  for (const m of text.matchAll(re)) {
    const before = text.slice(0, m.index).split('\n').length - 1;
    out.push({ name: m[1], rawCode: '\n'.repeat(before) + m[2], firstLine: 1 });
  }
  if (out.length === 0) {
    throw new TbError(
      ErrorCodes.templateSyntax,
      'a snapshot file needs a {% snapshot name %} ... {% endsnapshot %} block',
      {
        file: file.originalFilePath,
        line: 1,
        column: 1,
        hint: 'wrap the select in {% snapshot name %} ... {% endsnapshot %}, both tags spelled out in full',
      },
    );
  }
  return out;
}

function read(file: ProjectFile): string {
  return readFileSync(file.absolutePath, 'utf8');
}

function stem(file: ProjectFile): string {
  const base = file.path.split('/').pop() ?? file.path;
  return base.replace(/\.[^.]+$/, '');
}
