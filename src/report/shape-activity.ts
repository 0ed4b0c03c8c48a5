import { toNumber } from './shape-counts';
import {
  ACTIVITY_METRICS,
  METRIC_TITLES,
  type ActivityMetric,
  type ActivityWindow,
  type ChartDataset,
  type ChartSpec,
} from './report-types';

/** A row of daily_activity_summary, as either engine returns it. */
export type ActivityRow = Readonly<Record<string, unknown>> & {
  readonly activity_date: unknown;
  readonly tenant_type: unknown;
};

export const WINDOWS = [30, 90, 365] as const;
/** Listed first, in this order; any other tenant type found in gold follows. */
export const TENANT_TYPES = ['Individual', 'Corporate'] as const;

/** `YYYY-MM-DD` of a DATE as SQLite (text) or MySQL (dateStrings, or a Date) returns it. */
export function isoDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The `days` calendar dates ending at `asOf`, oldest first. */
export function windowDates(asOf: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDays(asOf, i - days + 1));
}

export function tenantTypesOf(rows: readonly ActivityRow[]): string[] {
  const found = new Set(rows.map((r) => String(r.tenant_type ?? 'Unknown')));
  const known: string[] = TENANT_TYPES.filter((t) => found.has(t));
  return [...known, ...[...found].filter((t) => !known.includes(t)).sort()];
}

/**
 * The Executive Summary of one window: per-day series per tenant type and metric (missing days are
 * zeros), their totals, a grouped bar of totals and a daily line chart. Rows outside the window are ignored.
 */
export function activityWindow(rows: readonly ActivityRow[], asOf: string, days: number): ActivityWindow {
  const dates = windowDates(asOf, days);
  const index = new Map(dates.map((d, i) => [d, i]));
  const types = tenantTypesOf(rows);
  const series = new Map<string, number[]>();
  const key = (type: string, metric: ActivityMetric): string => `${type}\u0000${metric}`;
  for (const t of types)
    for (const m of ACTIVITY_METRICS)
      series.set(
        key(t, m),
        dates.map(() => 0),
      );
  for (const row of rows) {
    const i = index.get(isoDate(row.activity_date));
    if (i === undefined) continue;
    const type = String(row.tenant_type ?? 'Unknown');
    for (const m of ACTIVITY_METRICS) series.get(key(type, m))![i] += toNumber(row[m]);
  }
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const totals = Object.fromEntries(
    ACTIVITY_METRICS.map((m) => [m, Object.fromEntries(types.map((t) => [t, sum(series.get(key(t, m))!)]))]),
  ) as ActivityWindow['totals'];
  const totalsChart: ChartSpec = {
    id: `activity-totals-${days}`,
    title: `Totals over the last ${days} days by tenant type`,
    type: 'bar',
    labelHeader: 'metric',
    labels: ACTIVITY_METRICS.map((m) => METRIC_TITLES[m]),
    datasets: types.map((t) => ({ label: t, data: ACTIVITY_METRICS.map((m) => totals[m][t]) })),
  };
  const daily: ChartDataset[] = ACTIVITY_METRICS.flatMap((m) =>
    types.map((t) => ({
      label: `${METRIC_TITLES[m]} · ${t}`,
      data: series.get(key(t, m))!,
      // Ten lines at once are unreadable: contracts are shown, the rest one legend click away.
      hidden: m !== 'contracts_signed',
    })),
  );
  const dailyChart: ChartSpec = {
    id: `activity-daily-${days}`,
    title: `Daily activity by tenant type (${dates[0]} to ${asOf})`,
    type: 'line',
    labelHeader: 'date',
    labels: dates,
    datasets: daily,
    note: 'Click a legend entry to show or hide a series; the CSV holds all of them.',
  };
  return { days, from: dates[0], to: asOf, totals, charts: [totalsChart, dailyChart] };
}

export function activityWindows(rows: readonly ActivityRow[], asOf: string): ActivityWindow[] {
  return WINDOWS.map((days) => activityWindow(rows, asOf, days));
}
