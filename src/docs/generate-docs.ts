import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Adapter } from '../adapters/adapter';
import type { RunResultsArtifact } from '../artifacts/run-results';
import { ProjectCompiler } from '../compile/node-compiler';
import { TbError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { GraphNode } from '../core/types';
import { tbVersion } from '../core/version';
import type { ParsedProject } from '../parse/parse-project';
import { buildCatalog, type CompiledSql, type WarehouseColumns } from './build-catalog';
import type { DocsCatalog } from './catalog-types';
import { readWarehouseColumns } from './read-warehouse-columns';
import { writeSite } from './write-site';

export interface GenerateDocsOptions {
  /** The warehouse to read column types from; absent: types from the YAML (`--empty-catalog`). */
  readonly adapter?: Adapter;
  readonly logger: Logger;
  readonly now?: () => Date;
}

export interface GenerateDocsResult {
  readonly outDir: string;
  readonly catalog: DocsCatalog;
  /** Nodes whose SQL did not render; each one's page shows the error instead. */
  readonly compileErrors: number;
}

/** `target/docs`: where `tb docs generate` writes and `tb docs serve` serves. */
export function docsDir(project: ParsedProject): string {
  return join(project.config.projectDir, project.config.targetPath, 'docs');
}

/** Compile every node, read the warehouse's columns and the last run's results, write the site. */
export async function generateDocs(
  project: ParsedProject,
  options: GenerateDocsOptions,
): Promise<GenerateDocsResult> {
  const { manifest } = project;
  const compiled = compileAll(project);
  const nodes: GraphNode[] = [...Object.values(manifest.nodes), ...Object.values(manifest.sources)].filter(
    (n) => n.config.enabled !== false,
  );
  const warehouse: WarehouseColumns = options.adapter
    ? await readWarehouseColumns(options.adapter, nodes)
    : { state: 'skipped' };
  if (warehouse.state === 'unreachable') {
    options.logger.warn(
      'docs_warehouse_unreachable',
      `The warehouse did not answer (${warehouse.error}): column types come from the YAML data_type`,
    );
  }
  const runResults = readRunResults(project, options.logger);
  const catalog = buildCatalog({
    manifest,
    compiled,
    warehouse,
    runResults,
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    tbVersion,
    targetName: project.target.name,
  });
  const outDir = docsDir(project);
  writeSite(outDir, catalog);
  const compileErrors = [...compiled.values()].filter((c) => c.error !== undefined).length;
  return { outDir, catalog, compileErrors };
}

/**
 * Renders each node as it would run from scratch. Unlike `tb compile`, one node that does not render
 * does not stop the docs: its page shows the error where the SQL would be.
 */
function compileAll(project: ParsedProject): Map<string, CompiledSql> {
  const compiler = new ProjectCompiler(project);
  const out = new Map<string, CompiledSql>();
  for (const node of Object.values(project.manifest.nodes)) {
    if (node.resourceType === 'seed' || node.config.enabled === false) continue;
    try {
      out.set(node.uniqueId, {
        sql: compiler.compile(node.uniqueId, { isIncremental: false, fullRefresh: false }).compiledSql,
      });
    } catch (err) {
      if (!(err instanceof TbError)) throw err;
      out.set(node.uniqueId, { error: err.format() });
    }
  }
  return out;
}

/** The last `tb run`/`test`/`build`'s results, if there are any; an unreadable file is only a warning. */
function readRunResults(project: ParsedProject, logger: Logger): RunResultsArtifact | undefined {
  const path = join(project.config.projectDir, project.config.targetPath, 'run_results.json');
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RunResultsArtifact;
  } catch (err) {
    logger.warn(
      'docs_run_results_unreadable',
      `${path} could not be read (${(err as Error).message}): no statuses shown`,
    );
    return undefined;
  }
}
