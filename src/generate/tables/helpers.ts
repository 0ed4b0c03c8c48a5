/**
 * Building blocks for the ~70 other tables. Row counts are drawn before streaming (so the
 * CREATE TABLE can carry AUTO_INCREMENT and the writer can check the count), rows are drawn
 * while streaming, each from its own random stream, and never held in memory.
 */
import type { Rng } from '../prng';
import type { SqlValue } from '../sql/escape';
import type { DumpTable, TableSpec } from '../sql/table-spec';
import { tuple } from '../sql/tuple';
import type { TableContext } from './context';

export type RowOut = readonly SqlValue[] | string;

function format(kinds: TableSpec['columns'][number]['kind'][], r: RowOut): string | Buffer {
  return typeof r === 'string' ? r : tuple(kinds, r);
}

/** `n` rows with ids 1..n. */
export function fixedTable(
  ctx: TableContext,
  spec: TableSpec,
  n: number,
  row: (id: number, rng: Rng) => RowOut,
): DumpTable {
  const kinds = spec.columns.map((c) => c.kind);
  return {
    spec,
    rowCount: n,
    autoIncrement: n + 1,
    *rows() {
      const rng = ctx.rng(`${spec.name}:rows`);
      for (let id = 1; id <= n; id++) yield format(kinds, row(id, rng));
    },
  };
}

/** Children of each parent: `count` decides how many (drawn up front), `row` draws each one. */
export function perParent<P>(
  ctx: TableContext,
  spec: TableSpec,
  parents: readonly P[],
  count: (p: P, rng: Rng) => number,
  row: (p: P, j: number, id: number, rng: Rng) => RowOut,
): DumpTable {
  const kinds = spec.columns.map((c) => c.kind);
  const countRng = ctx.rng(`${spec.name}:count`);
  const counts = Int32Array.from(parents, (p) => Math.max(0, count(p, countRng)));
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    spec,
    rowCount: total,
    autoIncrement: total + 1,
    *rows() {
      const rng = ctx.rng(`${spec.name}:rows`);
      let id = 0;
      for (let i = 0; i < parents.length; i++) {
        for (let j = 0; j < counts[i]; j++) yield format(kinds, row(parents[i], j, ++id, rng));
      }
    },
  };
}

/**
 * Events spread over days in proportion to `weight(day)`, `total` in all, ids in time order:
 * the shape of every log table. `row` gets the day and the second of the day.
 */
export function timelineTable(
  ctx: TableContext,
  spec: TableSpec,
  total: number,
  weight: (day: number) => number,
  row: (day: number, sec: number, id: number, rng: Rng) => RowOut,
  from = ctx.opts.startDay,
): DumpTable {
  const kinds = spec.columns.map((c) => c.kind);
  const days = ctx.opts.asOfDay - from + 1;
  const w = Float64Array.from({ length: days }, (_, i) => Math.max(0, weight(from + i)));
  const sum = w.reduce((a, b) => a + b, 0) || 1;
  const countRng = ctx.rng(`${spec.name}:count`);
  const counts = Int32Array.from(w, (x) => countRng.round((x / sum) * total));
  const n = counts.reduce((a, b) => a + b, 0);
  return {
    spec,
    rowCount: n,
    autoIncrement: n + 1,
    *rows() {
      const rng = ctx.rng(`${spec.name}:rows`);
      let id = 0;
      for (let i = 0; i < days; i++) {
        const secs = daySeconds(rng, counts[i], from + i === ctx.opts.asOfDay);
        for (const sec of secs) yield format(kinds, row(from + i, sec, ++id, rng));
      }
    },
  };
}

/** Sorted seconds of a day, busier in the daytime and evening; D stops before the dump runs. */
function daySeconds(rng: Rng, n: number, isAsOf: boolean): Float64Array {
  const out = new Float64Array(n);
  const limit = isAsOf ? 23 * 3600 + 30 * 60 : 86_400;
  for (let k = 0; k < n; k++) {
    const hourish = rng.float() < 0.85 ? 7 * 3600 + rng.float() * 17 * 3600 : rng.float() * 7 * 3600;
    out[k] = Math.floor(Math.min(hourish, limit - 1));
  }
  return out.sort();
}

/** Rooms occupied on each day since the start of history: the pulse of activity for logs. */
export function occupancy(ctx: TableContext): Float64Array {
  const from = ctx.opts.startDay;
  const days = ctx.opts.asOfDay - from + 1;
  const diff = new Float64Array(days + 1);
  for (const m of ctx.movings) {
    if (m.livedFrom === null || m.livedTo === null) continue;
    diff[Math.max(0, m.livedFrom - from)] += 1;
    diff[Math.min(days, Math.max(0, m.livedTo - from + 1))] -= 1;
  }
  const out = new Float64Array(days);
  let acc = 0;
  for (let i = 0; i < days; i++) out[i] = acc += diff[i];
  return out;
}

/** The scaled row count for a table whose scale-1 size is `atScale1` (at least `min`). */
export function scaled(ctx: TableContext, atScale1: number, min = 1): number {
  return Math.max(min, Math.round(atScale1 * ctx.opts.scale));
}
