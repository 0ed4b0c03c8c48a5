import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Template } from 'nunjucks';
import { capabilitiesFor } from '../adapters/capabilities-for';
import { Diagnostics, ErrorCodes, TbError } from '../core/errors';
import type { Logger } from '../core/logger';
import { publicTarget, type TargetConfig } from '../core/target';
import type { ExecutableNode, Manifest, MacroDef, SourceNode } from '../core/types';
import { tbVersion } from '../core/version';
import { loadProjectConfig, type ProjectConfig } from '../config/project-config';
import { readYaml, type YamlFile } from '../config/render-yaml';
import { YamlCache } from '../config/yaml-cache';
import { resolveVars } from '../config/vars';
import { TemplateRuntime } from '../compile/template-runtime';
import { TemplateCache } from '../compile/template-cache';
import { join } from 'node:path';
import { builtinMacroFiles, registerMacros } from '../compile/macro-registry';
import { ConfigTree } from './config-tree';
import { ProjectFiles } from './discover-files';
import { readProperties, type NodePatch } from './properties';
import type { ParseContext } from './parse-context';
import { parseResources } from './parse-resources';
import { linkNodes } from './link-nodes';
import { MacroCalls } from './macro-calls';
import type { GenericTestDraft } from './generic-tests';

export interface ParseOptions {
  readonly projectDir: string;
  readonly target: TargetConfig;
  readonly cliVars?: Readonly<Record<string, unknown>>;
  readonly env?: NodeJS.ProcessEnv;
  readonly logger?: Logger;
  readonly invocationId?: string;
  readonly runStartedAt?: Date;
  /** Reuse templates compiled by earlier runs, kept in `<target-path>/partial_parse.json` (default on). */
  readonly partialParse?: boolean;
  /** Render simple templates without nunjucks' compiler (see static-template); default on. */
  readonly staticParser?: boolean;
}

/** The parsed project: the manifest (plain data) plus what the runtime render needs (templates, runtime). */
export interface ParsedProject {
  readonly config: ProjectConfig;
  readonly target: TargetConfig;
  readonly vars: Readonly<Record<string, unknown>>;
  readonly manifest: Manifest;
  readonly runtime: TemplateRuntime;
  readonly templates: ReadonlyMap<string, Template>;
  readonly genericTests: ReadonlyMap<string, GenericTestDraft>;
}

/** Parse: discover files, read YAML, render every SQL file once with recording hooks, link refs. */
export function parseProject(options: ParseOptions): ParsedProject {
  const env = options.env ?? process.env;
  const diag = new Diagnostics();
  const project = loadProjectConfig(options.projectDir, diag, env);
  // Unknown keys are reported with the rest of the project's errors; anything else (a bad name) leaves
  // nothing to build node ids from. An unreadable or invalid project.yml has thrown already.
  if (diag.errors.some((e) => e.code !== ErrorCodes.configUnknownKey)) diag.throwIfAny();
  const capabilities = capabilitiesFor(options.target.type);
  const vars = resolveVars(project.vars, project.name, options.cliVars ?? {});
  const invocationId = options.invocationId ?? randomUUID();
  const runtime = new TemplateRuntime({
    capabilities,
    target: publicTarget(options.target),
    vars,
    env,
    invocationId,
    runStartedAt: options.runStartedAt ?? new Date(),
    logger: options.logger,
    staticTemplates: options.staticParser,
    cache:
      options.partialParse === false
        ? undefined
        : TemplateCache.open(join(project.projectDir, project.targetPath, 'partial_parse.json')),
  });
  const files = new ProjectFiles(project.projectDir);
  const macroFiles = files.find(project.macroPaths, ['.sql']).map((f) => ({
    originalFilePath: f.originalFilePath,
    text: readFileSync(f.absolutePath, 'utf8'),
    packageName: project.name,
  }));
  const registered = registerMacros(runtime, [...builtinMacroFiles(), ...macroFiles], diag);
  const macroCalls = new MacroCalls(registered);
  const macros = macroCalls.withDependencies(registered);
  const yamlPaths = [
    ...project.modelPaths,
    ...project.seedPaths,
    ...project.snapshotPaths,
    ...project.analysisPaths,
    ...project.macroPaths,
  ];
  const yamlCache =
    options.partialParse === false
      ? undefined
      : YamlCache.open(join(project.projectDir, project.targetPath, 'partial_parse_yaml.v8'));
  const properties = readProperties(files.find(yamlPaths, ['.yml', '.yaml']), diag, env, yamlCache);
  let projectYaml: YamlFile | undefined;
  const positionOf = (path: (string | number)[]) => {
    projectYaml ??= readYaml(
      project.configFile,
      readFileSync(join(project.projectDir, project.configFile), 'utf8'),
    );
    return projectYaml.positionOf(path);
  };
  const tree = (r: 'models' | 'seeds' | 'snapshots' | 'tests' | 'sources') =>
    new ConfigTree(project.trees[r], r, project.configFile, diag, positionOf);
  const ctx: ParseContext = {
    project,
    target: options.target,
    capabilities,
    runtime,
    diag,
    trees: {
      models: tree('models'),
      seeds: tree('seeds'),
      snapshots: tree('snapshots'),
      tests: tree('tests'),
      sources: tree('sources'),
    },
    properties,
    files,
    patches: indexPatches(properties.patches, diag),
    macroCalls,
  };
  const parsed = parseResources(ctx);
  const linked = linkNodes(ctx, parsed);
  diag.throwIfAny();
  runtime.saveCache();
  yamlCache?.save();
  return {
    config: project,
    target: options.target,
    vars,
    manifest: buildManifest(project, options.target, invocationId, linked.nodes, linked.sources, macros),
    runtime,
    templates: linked.templates,
    genericTests: linked.genericTests,
  };
}

function indexPatches(patches: readonly NodePatch[], diag: Diagnostics): Map<string, NodePatch> {
  const out = new Map<string, NodePatch>();
  for (const p of patches) {
    const key = `${p.kind}:${p.name}`;
    const prior = out.get(key);
    if (prior) {
      diag.add(
        new TbError(
          ErrorCodes.duplicateName,
          `${p.kind} '${p.name}' is described twice (also in ${prior.file})`,
          {
            file: p.file,
            line: p.line,
            column: p.column,
            hint: 'keep one entry per name: merge the two descriptions into one',
          },
        ),
      );
    }
    out.set(key, p);
  }
  return out;
}

function buildManifest(
  project: ProjectConfig,
  target: TargetConfig,
  invocationId: string,
  nodes: Record<string, ExecutableNode>,
  sources: Record<string, SourceNode>,
  macroList: MacroDef[],
): Manifest {
  const parentMap: Record<string, string[]> = {};
  const childMap: Record<string, string[]> = {};
  for (const id of [...Object.keys(sources), ...Object.keys(nodes)]) {
    parentMap[id] = [];
    childMap[id] = [];
  }
  for (const node of Object.values(nodes)) {
    parentMap[node.uniqueId] = [...node.dependsOn.nodes].sort();
    for (const parent of node.dependsOn.nodes) childMap[parent]?.push(node.uniqueId);
  }
  for (const list of Object.values(childMap)) list.sort();
  const macros: Record<string, MacroDef> = {};
  for (const m of macroList) macros[m.uniqueId] = m;
  return {
    metadata: {
      projectName: project.name,
      generatedAt: new Date().toISOString(),
      invocationId,
      tbVersion,
      adapterType: target.type,
    },
    nodes,
    sources,
    macros,
    parentMap,
    childMap,
  };
}
