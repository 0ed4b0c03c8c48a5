/**
 * How dirty the dump is. Each rate is the share of a population that gets one kind of dirt
 * (domain.md, "The dirt"); the generator injects exactly max(1, round(rate × population)) items
 * of each kind whose rate is above zero, so even a tiny test dump holds every kind.
 */
import { TbError, ErrorCodes } from '../core/errors';
import { suggestion } from '../core/did-you-mean';

export interface DirtRates {
  /** Share of rows of each core table with `deleted_at` set. */
  readonly softDeleted: number;
  /** Share of tenants whose birth date is NULL, 0000-00-00, 1900-01-01 or after D. */
  readonly badBirthDate: number;
  /** Share of nationalities written in odd case or with padding spaces. */
  readonly messyNationality: number;
  /** Share of tenants whose nationality names no country. */
  readonly unmappedNationality: number;
  /** Share of movings entered twice (same tenant, room and move-in date). */
  readonly duplicateMovings: number;
  /** Share of moved-out movings whose move-out date lies before the move-in date. */
  readonly moveoutBeforeMovein: number;
  /** Share of apartments with latitude/longitude NULL or 0. */
  readonly missingCoordinates: number;
  /** Share of movings with rent 0. */
  readonly zeroRent: number;
  /** Share of movings whose room or tenant does not exist. */
  readonly orphanKeys: number;
  /** Share of rows with a zero date or datetime (`0000-00-00`, `0000-00-00 00:00:00`) for "none". */
  readonly zeroDates: number;
  /** Share of notice-given movings whose move-out date is already filled in (after D). */
  readonly futureMoveoutDate: number;
  /** Share of memo and message texts carrying emoji, half-width kana, control characters and quotes. */
  readonly messyText: number;
}

export const DEFAULT_DIRT: DirtRates = {
  softDeleted: 0.025,
  badBirthDate: 0.04,
  messyNationality: 0.15,
  unmappedNationality: 0.01,
  duplicateMovings: 0.007,
  moveoutBeforeMovein: 0.003,
  missingCoordinates: 0.03,
  zeroRent: 0.01,
  orphanKeys: 0.005,
  zeroDates: 0.004,
  futureMoveoutDate: 0.5,
  messyText: 0.05,
};

export const DIRT_KINDS = Object.keys(DEFAULT_DIRT) as readonly (keyof DirtRates)[];

/** `soft-deleted` and `soft_deleted` both name `softDeleted`. */
function camel(name: string): string {
  return name.trim().replace(/[-_]([a-z])/g, (_, ch: string) => ch.toUpperCase());
}

/** Applies `--dirt-scale` to every rate, then the per-kind overrides (`kind=rate,...`). */
export function resolveDirt(scale = 1, overrides: Readonly<Record<string, number>> = {}): DirtRates {
  if (!(scale >= 0) || !Number.isFinite(scale)) {
    throw new TbError(ErrorCodes.configInvalidValue, `dirt scale must be a number >= 0, got ${scale}`);
  }
  const out: Record<string, number> = {};
  for (const kind of DIRT_KINDS) out[kind] = Math.min(1, DEFAULT_DIRT[kind] * scale);
  for (const [raw, rate] of Object.entries(overrides)) {
    const kind = camel(raw);
    if (!(kind in DEFAULT_DIRT)) {
      throw new TbError(ErrorCodes.configUnknownKey, `unknown dirt kind '${raw}'`, {
        hint: suggestion(kind, DIRT_KINDS) ?? `known kinds: ${DIRT_KINDS.join(', ')}`,
      });
    }
    if (!(rate >= 0 && rate <= 1)) {
      throw new TbError(
        ErrorCodes.configInvalidValue,
        `dirt rate of '${raw}' must be between 0 and 1, got ${rate}`,
      );
    }
    out[kind] = rate;
  }
  return out as unknown as DirtRates;
}

/** `softDeleted=0.05,zero-rent=0` into a record; throws on a malformed item. */
export function parseDirtOverrides(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of text.split(',').filter((s) => s.trim() !== '')) {
    const m = /^\s*([A-Za-z_-]+)\s*=\s*([0-9.eE+-]+)\s*$/.exec(item);
    if (!m || Number.isNaN(Number(m[2]))) {
      throw new TbError(ErrorCodes.configInvalidValue, `malformed dirt override '${item}'`, {
        hint: 'write kind=rate pairs separated by commas, e.g. --dirt soft-deleted=0.05,zero-rent=0',
      });
    }
    out[m[1]] = Number(m[2]);
  }
  return out;
}

/** How many items of a population get a kind of dirt. */
export function dirtCount(rate: number, population: number): number {
  if (rate <= 0 || population <= 0) return 0;
  return Math.min(population, Math.max(1, Math.round(rate * population)));
}
