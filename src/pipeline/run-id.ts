/**
 * `20260205_220000_123`: UTC, to the millisecond, digits and underscores only, because it becomes part of
 * table names (`<table>__tb_bk_<run id>`) and sorts by time as text.
 */
export function newRunId(now: Date = new Date()): string {
  const iso = now.toISOString(); // 2026-02-05T22:00:00.123Z
  return `${iso.slice(0, 10).replace(/-/g, '')}_${iso.slice(11, 19).replace(/:/g, '')}_${iso.slice(20, 23)}`;
}

export const RUN_ID_PATTERN = /^\d{8}_\d{6}_\d{3}$/;
