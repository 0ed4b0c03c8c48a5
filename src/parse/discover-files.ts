import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface ProjectFile {
  /** Relative to the project root, with forward slashes: `models/gold/moveouts.sql`. */
  readonly originalFilePath: string;
  /** Relative to its resource folder: `gold/moveouts.sql`. */
  readonly path: string;
  readonly absolutePath: string;
}

/** Every file under the given resource folders whose name ends with one of `extensions`, sorted. */
export function discoverFiles(
  projectDir: string,
  folders: readonly string[],
  extensions: readonly string[],
): ProjectFile[] {
  const out: ProjectFile[] = [];
  for (const folder of folders) {
    const root = join(projectDir, folder);
    if (!existsSync(root)) continue;
    for (const abs of walk(root)) {
      if (!extensions.some((e) => abs.endsWith(e))) continue;
      out.push({
        originalFilePath: toPosix(relative(projectDir, abs)),
        path: toPosix(relative(root, abs)),
        absolutePath: abs,
      });
    }
  }
  return out.sort((a, b) => (a.originalFilePath < b.originalFilePath ? -1 : 1));
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) yield* walk(abs);
    else yield abs;
  }
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}
