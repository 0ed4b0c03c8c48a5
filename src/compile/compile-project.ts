import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Diagnostics, TbError } from '../core/errors';
import type { CompiledNode } from '../core/types';
import type { ParsedProject } from '../parse/parse-project';
import { ProjectCompiler } from './node-compiler';

export interface CompileResult {
  readonly compiled: CompiledNode[];
  readonly files: string[];
}

/**
 * Renders the selected nodes as they would run from scratch (not incremental) and writes each to
 * `target/compiled/<project>/<path>`. Errors are collected so that one run reports them all.
 */
export function compileProject(project: ParsedProject, ids: readonly string[], write = true): CompileResult {
  const compiler = new ProjectCompiler(project);
  const diag = new Diagnostics();
  const compiled: CompiledNode[] = [];
  const files: string[] = [];
  for (const id of ids) {
    const node = project.manifest.nodes[id];
    if (!node || node.resourceType === 'seed') continue;
    try {
      const c = compiler.compile(id, { isIncremental: false, fullRefresh: false });
      compiled.push(c);
      if (write) files.push(writeCompiled(project, c));
    } catch (err) {
      if (err instanceof TbError) diag.add(err);
      else throw err;
    }
  }
  diag.throwIfAny();
  return { compiled, files };
}

function writeCompiled(project: ParsedProject, c: CompiledNode): string {
  const rel =
    c.node.resourceType === 'test' && c.node.testMetadata
      ? `${c.node.path.replace(/\.ya?ml$/, '')}/${c.node.name}.sql`
      : c.node.originalFilePath;
  const path = join(
    project.config.projectDir,
    project.config.targetPath,
    'compiled',
    project.config.name,
    rel,
  );
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, c.compiledSql + '\n');
  return path;
}
