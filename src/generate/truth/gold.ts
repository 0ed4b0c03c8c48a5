/**
 * The six gold tables' figures, by domain.md's rules and the decisions in docs/domain-rules.md.
 * This is the oracle the SQL models must match exactly, on every adapter.
 */
import { addMonths, formatDay, formatMonth } from '../dates';
import { MOVEOUT_REASONS, TENANT_TYPE_NAMES } from '../codes';
import type { TenantType } from '../codes';
import type { Contract, Silver } from './silver';
import {
  ageAt,
  ageGroup,
  average2,
  rentRange,
  tenureBucket,
  totalRevenue,
  AGE_GROUPS,
  RENT_RANGES,
  TENURE_BUCKETS,
} from './buckets';

type Counts = Record<string, number>;

export const DAILY_COLUMNS = [
  'date',
  'tenant_type',
  'inquiries',
  'applications',
  'contracts_signed',
  'move_ins',
  'move_outs',
] as const;
export const SUMMARY_COLUMNS = [
  'moveout_month',
  'rent_range',
  'municipality',
  'move_outs',
  'avg_tenure_days',
  'total_revenue',
  'tenure_days_sum',
] as const;

export interface Gold {
  readonly daily_activity_summary: unknown;
  readonly new_contracts: unknown;
  readonly moveouts: unknown;
  readonly moveout_notices: unknown;
  readonly moveout_analysis: unknown;
  readonly moveout_summary: unknown;
}

/** A valid contract's move-out that counts: on or before D, and not before its move-in. */
export function countedMoveout(c: Contract, asOf: number): boolean {
  return (
    c.valid &&
    c.moveoutDay !== null &&
    c.moveinDay !== null &&
    c.moveoutDay <= asOf &&
    c.moveoutDay >= c.moveinDay
  );
}

export function buildGold(silver: Silver, asOf: number): Gold {
  const moveouts = silver.movings.filter((c) => countedMoveout(c, asOf));
  return {
    daily_activity_summary: daily(silver, asOf),
    new_contracts: newContracts(
      silver.movings.filter((c) => c.valid && (c.contractDay as number) <= asOf),
      asOf,
    ),
    moveouts: moveoutFigures(moveouts),
    moveout_notices: notices(silver.movings, asOf),
    moveout_analysis: analysis(moveouts, asOf),
    moveout_summary: summary(moveouts),
  };
}

const KINDS = 5;

function daily(silver: Silver, asOf: number) {
  const events = new Map<number, number[]>();
  const add = (day: number | null, type: TenantType, kind: number) => {
    if (day === null || day > asOf) return;
    let a = events.get(day);
    if (!a) events.set(day, (a = new Array<number>(2 * KINDS).fill(0)));
    a[(type === 'Individual' ? 0 : KINDS) + kind] += 1;
  };
  for (const q of silver.inquiries) add(q.day, q.tenantType, 0);
  for (const m of silver.movings) {
    add(m.applicationDay, m.tenantType, 1);
    if (!m.valid) continue;
    add(m.contractDay, m.tenantType, 2);
    add(m.moveinDay, m.tenantType, 3);
    if (countedMoveout(m, asOf)) add(m.moveoutDay, m.tenantType, 4);
  }
  const first = Math.min(...events.keys());
  const rows: (string | number)[][] = [];
  const totals = new Array<number>(KINDS).fill(0);
  for (let d = first; d <= asOf; d++) {
    const a = events.get(d) ?? new Array<number>(2 * KINDS).fill(0);
    TENANT_TYPE_NAMES.forEach((type, t) => {
      const counts = a.slice(t * KINDS, t * KINDS + KINDS);
      counts.forEach((n, k) => (totals[k] += n));
      rows.push([formatDay(d), type, ...counts]);
    });
  }
  return {
    columns: DAILY_COLUMNS,
    first_date: formatDay(first),
    last_date: formatDay(asOf),
    row_count: rows.length,
    totals: Object.fromEntries(DAILY_COLUMNS.slice(2).map((c, k) => [c, totals[k]])),
    rows,
  };
}

function tally(keys: readonly string[]): Counts {
  return Object.fromEntries(keys.map((k) => [k, 0]));
}

/** Rule 2: a birth date after D (a century-late typo) is NULL, so the age is unknown rather than negative. */
function birthDayOf(c: Contract, asOf: number): number | null {
  const birth = c.tenant?.birthDay ?? null;
  return birth !== null && birth > asOf ? null : birth;
}

function newContracts(rows: readonly Contract[], asOf: number) {
  const byType = tally(TENANT_TYPE_NAMES);
  const byAge = tally(AGE_GROUPS);
  const byRent = tally(RENT_RANGES);
  const byRegion: Counts = {};
  let rentSum = 0;
  for (const c of rows) {
    byType[c.tenantType]++;
    byAge[ageGroup(ageAt(birthDayOf(c, asOf), c.contractDay as number))]++;
    byRent[rentRange(c.rent)]++;
    const region = c.tenant?.country?.region ?? 'Unknown';
    byRegion[region] = (byRegion[region] ?? 0) + 1;
    rentSum += c.rent;
  }
  return {
    rows: rows.length,
    rent_sum: rentSum,
    by_tenant_type: byType,
    by_age_group: byAge,
    by_rent_range: byRent,
    by_region: sortKeys(byRegion),
  };
}

const CATEGORY = new Map(MOVEOUT_REASONS.map((r) => [r.code, r.category]));

function moveoutFigures(rows: readonly Contract[]) {
  let tenure = 0;
  let revenue = 0;
  let notice = 0;
  let noticeRows = 0;
  const byCategory: Counts = {};
  for (const c of rows) {
    const days = (c.moveoutDay as number) - (c.moveinDay as number);
    tenure += days;
    revenue += totalRevenue(c.rent, days);
    if (c.noticeDay !== null) {
      notice += (c.moveoutDay as number) - c.noticeDay;
      noticeRows++;
    }
    const cat = (c.reason !== null ? CATEGORY.get(c.reason) : undefined) ?? 'Unknown';
    byCategory[cat] = (byCategory[cat] ?? 0) + 1;
  }
  return {
    rows: rows.length,
    tenure_days_sum: tenure,
    total_revenue_sum: revenue,
    notice_days_sum: notice,
    notice_days_rows: noticeRows,
    by_reason_category: sortKeys(byCategory),
  };
}

function notices(movings: readonly Contract[], asOf: number) {
  const after = addMonths(asOf, -24);
  const rows = movings.filter(
    (c) => c.valid && c.noticeDay !== null && c.noticeDay > after && c.noticeDay <= asOf,
  );
  let advance = 0;
  let advanceRows = 0;
  let movedOut = 0;
  for (const c of rows) {
    if (c.planDay !== null) {
      advance += c.planDay - (c.noticeDay as number);
      advanceRows++;
    }
    if (c.moveoutDay !== null && c.moveoutDay <= asOf) movedOut++;
  }
  return {
    rows: rows.length,
    window_after: formatDay(after),
    window_through: formatDay(asOf),
    advance_notice_days_sum: advance,
    advance_notice_days_rows: advanceRows,
    by_status: { 'Moved out': movedOut, Pending: rows.length - movedOut },
  };
}

function analysis(rows: readonly Contract[], asOf: number) {
  const byTenure = tally(TENURE_BUCKETS);
  const byAge = tally(AGE_GROUPS);
  const byRent = tally(RENT_RANGES);
  for (const c of rows) {
    byTenure[tenureBucket((c.moveoutDay as number) - (c.moveinDay as number))]++;
    byAge[ageGroup(ageAt(birthDayOf(c, asOf), c.moveoutDay as number))]++;
    byRent[rentRange(c.rent)]++;
  }
  return { rows: rows.length, by_tenure_bucket: byTenure, by_age_group: byAge, by_rent_range: byRent };
}

function summary(rows: readonly Contract[]) {
  const groups = new Map<
    string,
    { month: string; range: string; muni: string | null; n: number; tenure: number; revenue: number }
  >();
  for (const c of rows) {
    const days = (c.moveoutDay as number) - (c.moveinDay as number);
    const month = formatMonth(c.moveoutDay as number);
    const range = rentRange(c.rent);
    const muni = c.apartment?.municipality ?? null;
    const k = JSON.stringify([month, range, muni]);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { month, range, muni, n: 0, tenure: 0, revenue: 0 }));
    g.n++;
    g.tenure += days;
    g.revenue += totalRevenue(c.rent, days);
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      cmp(a.month, b.month) ||
      RENT_RANGES.indexOf(a.range as never) - RENT_RANGES.indexOf(b.range as never) ||
      cmp(a.muni ?? '', b.muni ?? ''),
  );
  return {
    columns: SUMMARY_COLUMNS,
    row_count: ordered.length,
    rows: ordered.map((g) => [g.month, g.range, g.muni, g.n, average2(g.tenure, g.n), g.revenue, g.tenure]),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys(c: Counts): Counts {
  return Object.fromEntries(Object.entries(c).sort((a, b) => cmp(a[0], b[0])));
}
