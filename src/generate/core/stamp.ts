/** Date and datetime text for rows, and the dump's own moment: late on D, after the day's work. */
import { formatDay, formatDateTime } from '../dates';
import type { SqlValue } from '../sql/escape';
import type { TableSpec } from '../sql/table-spec';

export const ZERO_DATE = '0000-00-00';
export const ZERO_DATETIME = '0000-00-00 00:00:00';

/** The dump starts at 23:40 on D; nothing on D is stamped later than this. */
export const LAST_SECOND_OF_D = 23 * 3600 + 30 * 60;

export class Stamper {
  constructor(private readonly asOfDay: number) {}

  day(day: number | null): string | null {
    return day === null ? null : formatDay(day);
  }

  /** A datetime, clamped so that nothing on D happens after the dump ran. */
  at(day: number, sec: number): string {
    const s = day === this.asOfDay ? Math.min(sec, LAST_SECOND_OF_D) : sec;
    return formatDateTime(day, s);
  }
}

/** A row as an array in the table's column order, from a record keyed by column name. */
export function rowOf(spec: TableSpec, values: Readonly<Record<string, SqlValue | undefined>>): SqlValue[] {
  return spec.columns.map((c) => {
    const v = values[c.name];
    if (v === undefined) throw new Error(`internal: ${spec.name}.${c.name} has no value`);
    return v;
  });
}
