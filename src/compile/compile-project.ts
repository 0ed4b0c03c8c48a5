import { mkdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
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
  const files = write ? await writeCompiled(project, compiled) : [];
  return { compiled, files };
}

/** Where a node's compiled SQL goes: `target/compiled/<project>/<file>` (generic tests under their YAML file). */
export function compiledPath(project: ParsedProject, c: CompiledNode): string {
  const rel =
    c.node.resourceType === 'test' && c.node.testMetadata
      ? `${c.node.path.replace(/\.ya?ml$/, '')}/${c.node.name}.sql`
      : c.node.originalFilePath;
  return join(project.config.projectDir, project.config.targetPath, 'compiled', project.config.name, rel);
}

/**
 * Thousands of small files: each folder made once, writes overlapped on libuv's thread pool. A file whose
 * text is unchanged is not rewritten: reading it (synchronously: one call instead of four thread-pool
 * round trips) costs a tenth of truncating and rewriting it, so a warm compile of an unchanged project
 * writes nothing.
 */
async function writeCompiled(project: ParsedProject, compiled: readonly CompiledNode[]): Promise<string[]> {
  const paths = compiled.map((c) => compiledPath(project, c));
  for (const dir of new Set(paths.map((p) => dirname(p)))) mkdirSync(dir, { recursive: true });
  const changed: [string, string][] = [];
  compiled.forEach((c, i) => {
    const text = c.compiledSql + '\n';
    if (readIfExists(paths[i]) !== text) changed.push([paths[i], text]);
  });
  const batch = 64;
  for (let i = 0; i < changed.length; i += batch) {
    await Promise.all(changed.slice(i, i + batch).map(([path, text]) => writeFile(path, text)));
  }
  return paths;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
