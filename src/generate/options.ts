/** What a caller asks of the generator, validated once into what the generator uses. */
import { TbError, ErrorCodes } from '../core/errors';
import { parseDay, formatDay } from './dates';
import type { DirtRates } from './dirt-rates';
import { resolveDirt } from './dirt-rates';

export interface GenerateOptions {
  /** 1 is the full ~945 MB dump; 0.01 is ~10 MB. */
  readonly scale: number;
  readonly seed: number;
  /** The dump date D, `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly outDir: string;
  readonly gzip?: boolean;
  /** Multiplies every dirt rate (0 gives a clean dump). */
  readonly dirtScale?: number;
  /** Per-kind dirt rates, by kind name (`softDeleted` or `soft-deleted`); applied after dirtScale. */
  readonly dirt?: Readonly<Record<string, number>>;
  /** Progress lines (one per table); the generator never prints by itself. */
  readonly log?: (line: string) => void;
}

export interface ResolvedOptions {
  readonly scale: number;
  readonly seed: number;
  readonly asOf: string;
  readonly asOfDay: number;
  /** First day of the simulated history: about 7.6 years before D. */
  readonly startDay: number;
  readonly outDir: string;
  readonly gzip: boolean;
  readonly dirt: DirtRates;
  readonly log: (line: string) => void;
}

/** Days of history before D: 7.6 years. */
export const HISTORY_DAYS = 2776;

export function resolveOptions(o: GenerateOptions): ResolvedOptions {
  if (!(o.scale > 0 && o.scale <= 100)) {
    throw new TbError(ErrorCodes.configInvalidValue, `--scale must be a number in (0, 100], got ${o.scale}`);
  }
  if (!Number.isSafeInteger(o.seed) || o.seed < 0) {
    throw new TbError(ErrorCodes.configInvalidValue, `--seed must be a non-negative integer, got ${o.seed}`);
  }
  const asOfDay = parseDay(o.asOf);
  if (asOfDay === undefined || o.asOf < '2000-01-01' || o.asOf > '2099-12-31') {
    throw new TbError(
      ErrorCodes.configInvalidValue,
      `--as-of must be a date YYYY-MM-DD in 2000-2099, got '${o.asOf}'`,
    );
  }
  return {
    scale: o.scale,
    seed: o.seed,
    asOf: formatDay(asOfDay),
    asOfDay,
    startDay: asOfDay - HISTORY_DAYS,
    outDir: o.outDir,
    gzip: o.gzip === true,
    dirt: resolveDirt(o.dirtScale ?? 1, o.dirt ?? {}),
    log: o.log ?? (() => undefined),
  };
}
