import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** tb's version, read from package.json (two levels up from both src/core and dist/core). */
export const tbVersion: string = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
).version;
