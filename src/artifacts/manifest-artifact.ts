import { join } from 'node:path';
import type { Manifest } from '../core/types';
import { writeJsonAtomic } from './write-json';

/** `target/manifest.json`: the parsed project as data, for `--state` comparisons and for tools. */
export function writeManifest(projectDir: string, targetPath: string, manifest: Manifest): string {
  const path = join(projectDir, targetPath, 'manifest.json');
  writeJsonAtomic(path, manifest);
  return path;
}
