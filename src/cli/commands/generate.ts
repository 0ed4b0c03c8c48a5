import type { Command } from 'commander';
import { setFlagsFromString } from 'node:v8';
import { ErrorCodes, TbError } from '../../core/errors';
import { runAction } from '../run-action';

interface GenerateFlags {
  readonly scale: string;
  readonly seed: string;
  readonly asOf: string;
  readonly out: string;
  readonly gzip?: boolean;
  readonly dirtScale?: string;
  readonly dirt?: string;
  readonly json?: boolean;
  readonly progress?: boolean;
}

/** Default D: the dump date of domain.md's example (`gghouse_20260205.sql`). */
export const DEFAULT_AS_OF = '2026-02-05';

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description(
      'write a realistic PMS dump (mysqldump format) and its ground truth: DIR/gghouse_YYYYMMDD.sql and .truth.json',
    )
    .option('--scale <s>', 'size: 1 is ~945 MB (~60,000 movings), 0.01 is ~10 MB', '1')
    .option('--seed <n>', 'random seed; same seed and scale give byte-identical output', '1')
    .option('--as-of <date>', 'the dump date D (YYYY-MM-DD)', DEFAULT_AS_OF)
    .option('--out <dir>', 'output folder', '.')
    .option('--gzip', 'write gghouse_YYYYMMDD.sql.gz')
    .option('--dirt-scale <x>', 'multiply every dirt rate (0 = a clean dump)', '1')
    .option(
      '--dirt <kind=rate,...>',
      'override dirt rates, e.g. soft-deleted=0.05,zero-rent=0 (see docs/domain-rules.md)',
    )
    .option('--progress', 'print one line per table while writing')
    .option('--json', 'print the result as JSON (paths, bytes, rows per table, elapsed ms, peak RSS)')
    .action(
      runAction(async (opts: GenerateFlags) => {
        // The generator allocates fast and keeps little: conservative heap growth keeps scale 1
        // near 230 MB of RSS instead of 300+, for a few percent of time. A heuristic flag, safe
        // to switch at run time; a process-wide choice, so the CLI makes it, not the library.
        // @see https://nodejs.org/api/v8.html#v8setflagsfromstringflags
        setFlagsFromString('--optimize-for-size');
        const { generateDump, parseDirtOverrides } = await import('../../generate');
        const result = await generateDump({
          scale: numberFlag('--scale', opts.scale),
          seed: numberFlag('--seed', opts.seed),
          asOf: opts.asOf,
          outDir: opts.out,
          gzip: opts.gzip === true,
          dirtScale: numberFlag('--dirt-scale', opts.dirtScale ?? '1'),
          dirt: opts.dirt ? parseDirtOverrides(opts.dirt) : {},
          log: opts.progress ? (line) => process.stderr.write(`${line}\n`) : undefined,
        });
        const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ ...result, maxRssMb })}\n`);
          return 0;
        }
        const tables = Object.keys(result.tables).length;
        const empty = Object.values(result.tables).filter((n) => n === 0).length;
        process.stdout.write(
          `wrote ${result.sqlPath} (${(result.fileBytes / 1e6).toFixed(1)} MB, ${tables} tables of which ${empty} empty, ` +
            `${result.totalRows.toLocaleString('en-US')} rows) in ${(result.elapsedMs / 1000).toFixed(1)} s, peak RSS ${maxRssMb} MB\n` +
            `truth: ${result.truthPath}\n`,
        );
        return 0;
      }),
    );
}

function numberFlag(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) {
    throw new TbError(ErrorCodes.configInvalidValue, `${flag} must be a number, got '${text}'`);
  }
  return n;
}
