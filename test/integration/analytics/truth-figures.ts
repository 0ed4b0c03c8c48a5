/**
 * The figures of the generator's truth file (docs/domain-rules.md, "The truth file"), recomputed from the gold
 * tables an engine built. The test compares them with the truth JSON with toEqual: every daily row, every
 * count and sum, every moveout_summary row.
 */
import type { Row, Table } from './gold-tables';

type Counts = Record<string, number>;

/** Zero-filled counts for the keys the truth always lists, plus any key that occurs. */
function countBy(rows: readonly Row[], column: string, keys: readonly string[] = []): Counts {
  const out: Counts = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const r of rows) {
    const k = String(r[column]);
    out[k] = (out[k] ?? 0) + 1;
  }
  return sortKeys(out);
}

function sortKeys(c: Counts): Counts {
  return Object.fromEntries(Object.entries(c).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

function sum(rows: readonly Row[], column: string): number {
  return rows.reduce((s, r) => s + (r[column] === null ? 0 : Number(r[column])), 0);
}

const RENT_RANGES = ['<50k', '50-60k', '60-70k', '70-80k', '80-100k', '100k+'];
const AGE_GROUPS = ['<20', '20-24', '25-29', '30-34', '35-39', '40-49', '50+', 'Unknown'];
const TENURE_BUCKETS = ['<3m', '3-6m', '6-12m', '1-2y', '2y+'];

export function dailyFigures(t: Table) {
  const rows = t.rows.map((r) => [
    r.activity_date,
    r.tenant_type,
    r.inquiries,
    r.applications,
    r.contracts_signed,
    r.move_ins,
    r.move_outs,
  ]);
  // The truth lists dates ascending, Individual before Corporate.
  const typeOrder = (x: unknown) => (x === 'Individual' ? 0 : 1);
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || typeOrder(a[1]) - typeOrder(b[1]));
  const kinds = ['inquiries', 'applications', 'contracts_signed', 'move_ins', 'move_outs'];
  return {
    first_date: rows.length > 0 ? rows[0][0] : null,
    last_date: rows.length > 0 ? rows[rows.length - 1][0] : null,
    row_count: rows.length,
    totals: Object.fromEntries(kinds.map((k) => [k, sum(t.rows, k)])),
    rows,
  };
}

export function newContractFigures(t: Table) {
  return {
    rows: t.rows.length,
    rent_sum: sum(t.rows, 'rent'),
    by_tenant_type: countBy(t.rows, 'tenant_type', ['Individual', 'Corporate']),
    by_age_group: countBy(t.rows, 'age_group', AGE_GROUPS),
    by_rent_range: countBy(t.rows, 'rent_range', RENT_RANGES),
    by_region: countBy(t.rows, 'region'),
  };
}

export function moveoutFigures(t: Table) {
  const withNotice = t.rows.filter((r) => r.notice_days !== null);
  return {
    rows: t.rows.length,
    tenure_days_sum: sum(t.rows, 'tenure_days'),
    total_revenue_sum: sum(t.rows, 'total_revenue'),
    notice_days_sum: sum(withNotice, 'notice_days'),
    notice_days_rows: withNotice.length,
    by_reason_category: countBy(t.rows, 'reason_category'),
  };
}

export function noticeFigures(t: Table) {
  const withPlan = t.rows.filter((r) => r.advance_notice_days !== null);
  return {
    rows: t.rows.length,
    advance_notice_days_sum: sum(withPlan, 'advance_notice_days'),
    advance_notice_days_rows: withPlan.length,
    by_status: countBy(t.rows, 'notice_status', ['Moved out', 'Pending']),
  };
}

export function analysisFigures(t: Table) {
  return {
    rows: t.rows.length,
    by_tenure_bucket: countBy(t.rows, 'tenure_bucket', TENURE_BUCKETS),
    by_age_group: countBy(t.rows, 'age_group', AGE_GROUPS),
    by_rent_range: countBy(t.rows, 'rent_range', RENT_RANGES),
  };
}

/** The summary rows in the truth's column order, sorted as JSON text (the truth's own order is for reading). */
export function summaryRows(t: Table): Row[keyof Row][][] {
  return sortAsJson(
    t.rows.map((r) => [
      r.moveout_month,
      r.rent_range,
      r.municipality,
      r.move_outs,
      r.avg_tenure_days,
      r.total_revenue,
      r.tenure_days_sum,
    ]),
  );
}

export function sortAsJson<T>(rows: readonly T[]): T[] {
  return rows
    .map((r) => [JSON.stringify(r), r] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, r]) => r);
}
