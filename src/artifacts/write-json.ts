import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Compact by default (the manifest of 10,000 nodes is tens of MB indented). Writes through a temporary file and a rename, so a reader never sees half an artifact. */
export function writeJsonAtomic(path: string, value: unknown, indent = 0): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value, null, indent || undefined) + '\n');
  renameSync(tmp, path);
}
