import { join } from 'node:path';
import { Diagnostics, TbError } from '../core/errors';
import type { CompiledNode } from '../core/types';
import type { ParsedProject } from '../parse/parse-project';
import { CompiledFiles } from './compiled-files';
import { ProjectCompiler } from './node-compiler';

export interface CompileResult {
  readonly compiled: CompiledNode[];
  readonly files: string[];
}

/**
 * Renders the selected nodes as they would run from scratch (not incremental) and writes each to
 * `target/compiled/<project>/<path>`. Errors are collected so that one run reports them all.
 */
export async function compileProject(
  project: ParsedProject,
  ids: readonly string[],
  write = true,
): Promise<CompileResult> {
  const compiler = new ProjectCompiler(project);
  const diag = new Diagnostics();
  const compiled: CompiledNode[] = [];
  for (const id of ids) {
    const node = project.manifest.nodes[id];
    if (!node || node.resourceType === 'seed') continue;
    try {
      compiled.push(compiler.compile(id, { isIncremental: false, fullRefresh: false }));
    } catch (err) {
      if (err instanceof TbError) diag.add(err);
      else throw err;
    }
  }
  diag.throwIfAny();
  const files = write ? writeCompiled(project, compiled) : [];
  return { compiled, files };
}

/** Where a node's compiled SQL goes: `target/compiled/<project>/<file>` (generic tests under their YAML file). */
export function compiledPath(project: ParsedProject, c: CompiledNode): string {
  const rel =
    c.node.resourceType === 'test' && c.node.testMetadata
      ? `${c.node.path.replace(/\.ya?ml$/, '')}/${c.node.name}.sql`
      : c.node.originalFilePath;
  return join(compiledRoot(project), project.config.name, rel);
}

/** Writes each compiled node, leaving files whose text did not change untouched (see CompiledFiles). */
function writeCompiled(project: ParsedProject, compiled: readonly CompiledNode[]): string[] {
  const files = CompiledFiles.open(compiledRoot(project));
  const paths = compiled.map((c) => compiledPath(project, c));
  compiled.forEach((c, i) => files.write(paths[i], c.compiledSql + '\n'));
  files.save();
  return paths;
}

function compiledRoot(project: ParsedProject): string {
  return join(project.config.projectDir, project.config.targetPath, 'compiled');
}
