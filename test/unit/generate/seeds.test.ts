import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderSeeds } from '../../../src/generate/seeds';
import { COUNTRIES, NATIONALITY_UNMAPPED, nationalityVariants } from '../../../src/generate/nationalities';

const SEEDS = path.join(__dirname, '../../../seeds');

/** Folding as a case-, accent-, width- and kana-insensitive collation (utf8mb4_0900_ai_ci) compares. */
function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

describe('seeds', () => {
  it('on disk are exactly what codes.ts renders', () => {
    for (const [name, text] of Object.entries(renderSeeds())) {
      expect(fs.readFileSync(path.join(SEEDS, name), 'utf8')).toBe(text);
    }
  });

  it('have snake_case headers', () => {
    for (const text of Object.values(renderSeeds())) {
      expect(text.split('\n')[0]).toMatch(/^[a-z_]+(,[a-z_]+)*$/);
    }
  });

  it('never hold two nationality variants a case/accent/width/kana-insensitive join would confuse', () => {
    const folded = nationalityVariants().map((v) => fold(v.variant));
    expect(new Set(folded).size).toBe(folded.length);
    for (const u of NATIONALITY_UNMAPPED) expect(folded).not.toContain(fold(u.trim()));
  });

  it('write every non-ASCII form so that lower-casing cannot change it (SQLite only folds ASCII)', () => {
    for (const c of COUNTRIES) {
      for (const f of c.forms) {
        const nonAscii = f.replace(/[\x00-\x7f]/g, '');
        expect(nonAscii.toLowerCase()).toBe(nonAscii);
      }
    }
  });
});
