/**
 * The silver cleaning rules on raw dump values (docs/domain-rules.md, rules 1-6), written
 * without reference to how the generator made the values.
 */
import { parseDay, dayOf } from '../dates';
import type { SqlValue } from '../sql/escape';
import { AGREEMENT_TYPES, nationalityVariants } from '../codes';
import type { Country, TenantType } from '../codes';

const MIN_DAY = dayOf(1900, 1, 2);

/** A DATE value: NULL, '0000-00-00', unparsable or before 1900-01-02 all become null. */
export function cleanDate(v: SqlValue): number | null {
  if (typeof v !== 'string') return null;
  const d = parseDay(v);
  return d === undefined || d < MIN_DAY ? null : d;
}

/** A DATETIME value's calendar date (as written, no time-zone shift), cleaned like a date. */
export function cleanDateTimeDay(v: SqlValue): number | null {
  return typeof v === 'string' ? cleanDate(v.slice(0, 10)) : null;
}

/** A DATETIME for ordering: null when zero or invalid; the text sorts chronologically. */
export function cleanDateTime(v: SqlValue): string | null {
  return cleanDateTimeDay(v) === null ? null : (v as string);
}

export function num(v: SqlValue): number | null {
  if (v === null || Buffer.isBuffer(v)) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

const TENANT_TYPE = new Map(AGREEMENT_TYPES.map((a) => [a.code, a.tenantType]));

/** Tenant type of a code; NULL or unmapped codes count as Individual (rule 7). */
export function tenantTypeOfCode(v: SqlValue): TenantType {
  return TENANT_TYPE.get(num(v) ?? -1) ?? 'Individual';
}

const VARIANTS = new Map(nationalityVariants().map((v) => [v.variant, v.country]));

/** Trim spaces (only U+0020, as SQL TRIM) and lower-case, then look the variant up. */
export function countryOf(v: SqlValue): Country | null {
  if (typeof v !== 'string') return null;
  return VARIANTS.get(v.replace(/^ +| +$/g, '').toLowerCase()) ?? null;
}
