import type { ChartSpec } from './report-types';

/** A `label, n` row as read from a GROUP BY; NULL labels are the group `Unknown`. */
export interface CountRow {
  readonly label: unknown;
  readonly n: unknown;
}

export interface CountOptions {
  /** Categories in this order first (zeros included), then any others by count. */
  readonly order?: readonly string[];
  /** Keep the largest `top` categories and fold the rest into `Other`. */
  readonly top?: number;
}

/** MySQL returns SUM/COUNT of big sets as strings (supportBigNumbers); SQLite as numbers. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return 0;
}

export function labelOf(value: unknown): string {
  if (value === null || value === undefined) return 'Unknown';
  const text = String(value).trim();
  return text === '' ? 'Unknown' : text;
}

/** Merges rows by label (two NULL-ish labels become one `Unknown`) and orders them for a chart. */
export function countSeries(
  rows: readonly CountRow[],
  options: CountOptions = {},
): { labels: string[]; values: number[] } {
  const counts = new Map<string, number>();
  for (const label of options.order ?? []) counts.set(label, 0);
  for (const row of rows) {
    const label = labelOf(row.label);
    counts.set(label, (counts.get(label) ?? 0) + toNumber(row.n));
  }
  const fixed = new Set(options.order ?? []);
  const ordered = [...(options.order ?? []).map((l) => [l, counts.get(l) ?? 0] as const)];
  const rest = [...counts.entries()]
    .filter(([l]) => !fixed.has(l))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  let entries = [...ordered, ...rest];
  if (options.top !== undefined && entries.length > options.top + 1) {
    const other = entries.slice(options.top).reduce((sum, [, n]) => sum + n, 0);
    entries = [...entries.slice(0, options.top), ['Other', other] as const];
  }
  return { labels: entries.map(([l]) => l), values: entries.map(([, n]) => n) };
}

/** A one-dataset chart of counts. */
export function countChart(
  spec: Omit<ChartSpec, 'labels' | 'datasets'> & { readonly valueLabel: string },
  rows: readonly CountRow[],
  options: CountOptions = {},
): ChartSpec {
  const { valueLabel, ...rest } = spec;
  const { labels, values } = countSeries(rows, options);
  return { ...rest, labels, datasets: [{ label: valueLabel, data: values }] };
}
