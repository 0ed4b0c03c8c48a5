import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

interface Stage {
  readonly name: string;
  readonly base: string;
  readonly lines: string[];
}

/** The Dockerfile's stages and their instructions (no engine here to build it, so it is checked by reading). */
function stages(): Stage[] {
  const out: Stage[] = [];
  for (const line of dockerfile.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'))) {
    const from = /^FROM\s+(\S+)\s+AS\s+(\S+)/i.exec(line);
    if (from) out.push({ base: from[1], name: from[2], lines: [] });
    else out[out.length - 1]?.lines.push(line.trim());
  }
  return out;
}

/** `COPY a b ./dest` sources that come from the build context (not --from another stage). */
function contextCopies(stage: Stage): string[] {
  return stage.lines
    .filter((l) => l.startsWith('COPY ') && !l.includes('--from='))
    .flatMap((l) => l.split(/\s+/).slice(1, -1));
}

describe('the Dockerfile', () => {
  const all = stages();
  const runtime = all[all.length - 1];

  it('is multi-stage on node:20-slim, ending in a non-root runtime with tb as the entrypoint', () => {
    expect(all.map((s) => s.name)).toEqual(['build', 'deps', 'runtime']);
    expect(new Set(all.map((s) => s.base))).toEqual(new Set(['node:20-slim']));
    expect(runtime.lines).toContain('USER node');
    expect(runtime.lines).toContain('ENTRYPOINT ["node", "/app/bin/tb.js"]');
    expect(runtime.lines.find((l) => l.startsWith('CMD'))).toContain('"pipeline"');
    // No dev dependencies and no compiler in the image: node_modules come from the --omit=dev stage.
    expect(all[1].lines.some((l) => l.includes('npm ci --omit=dev'))).toBe(true);
    expect(runtime.lines).toContain('COPY --from=deps /app/node_modules ./node_modules');
    expect(runtime.lines.some((l) => /apt-get|npm (ci|install)/.test(l))).toBe(false);
  });

  it('copies only files that exist, none that .dockerignore leaves out', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    for (const stage of all) {
      for (const source of contextCopies(stage)) {
        expect([source, existsSync(join(ROOT, source))]).toEqual([source, true]);
        expect([source, ignored.includes(source.split('/')[0])]).toEqual([source, false]);
      }
    }
  });

  it('runs tb from the runtime file set with production dependencies only', () => {
    const app = mkdtempSync(join(tmpdir(), 'tbprod-image-'));
    try {
      for (const source of ['package.json', 'package-lock.json', 'bin', 'include', 'dist']) {
        cpSync(join(ROOT, source), join(app, source), { recursive: true });
      }
      const ci = spawnSync(
        'npm',
        ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'],
        {
          cwd: app,
          encoding: 'utf8',
        },
      );
      expect([ci.status, ci.stderr.slice(-500)]).toEqual([0, expect.any(String)]);
      expect(existsSync(join(app, 'node_modules', 'typescript'))).toBe(false);
      const help = spawnSync(process.execPath, ['bin/tb.js', 'pipeline', '--help'], {
        cwd: app,
        encoding: 'utf8',
      });
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('--from <stage>');
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  }, 120_000);
});
