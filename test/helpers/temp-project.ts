import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes a project inline into a fresh temp folder: `{ 'project.yml': '...', 'models/a.sql': '...' }`. */
export function writeProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tb-project-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export const PROJECT_YML = `name: shop
profile: shop
models:
  shop:
    +materialized: table
    silver:
      +schema: silver
    gold:
      +schema: gold
`;
