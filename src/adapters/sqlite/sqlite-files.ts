import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The main database file; every other schema is `<folder>/<schema>.db`, attached under its name. */
export const MAIN_SCHEMA = 'main';

export function schemaFile(folder: string, schema: string): string {
  return join(folder, `${schema}.db`);
}

/** Schemas present on disk (their .db files), main excluded. */
export function schemasOnDisk(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.db'))
    .map((f) => f.slice(0, -3))
    .filter((s) => s !== MAIN_SCHEMA && /^[A-Za-z_][A-Za-z0-9_]*$/.test(s))
    .sort();
}

export function removeSchemaFiles(folder: string, schema: string): void {
  const base = schemaFile(folder, schema);
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(base + suffix, { force: true });
}
