/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian, no time zone).
 * Every date of the dump is a local Tokyo date written as text; nothing here touches the host clock.
 */

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** `YYYY-MM-DD` to a day number; undefined when it is not a real calendar date. */
export function parseDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return dayOf(y, mo, d);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function ymdOf(dayNumber: number): Ymd {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

const cache = new Map<number, string>();

/** `YYYY-MM-DD`, memoised: the same few thousand dates are written millions of times. */
export function formatDay(dayNumber: number): string {
  let s = cache.get(dayNumber);
  if (s === undefined) {
    s = new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
    cache.set(dayNumber, s);
  }
  return s;
}

const TWO = Array.from({ length: 60 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** `YYYY-MM-DD HH:MM:SS` from a day number and seconds into that day. */
export function formatDateTime(dayNumber: number, seconds: number): string {
  const s = Math.max(0, Math.min(86_399, Math.floor(seconds)));
  const h = Math.floor(s / 3600);
  const mi = Math.floor((s % 3600) / 60);
  return `${formatDay(dayNumber)} ${TWO[h]}:${TWO[mi]}:${TWO[s % 60]}`;
}

/** Adds calendar months, clamping the day to the end of the month (MySQL's DATE_ADD semantics). */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = ymdOf(dayNumber);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return dayOf(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Full years from `birth` to `at`, as MySQL's TIMESTAMPDIFF(YEAR, birth, at). */
export function fullYears(birth: number, at: number): number {
  const b = ymdOf(birth);
  const a = ymdOf(at);
  let years = a.year - b.year;
  if (a.month < b.month || (a.month === b.month && a.day < b.day)) years -= 1;
  return years;
}

/** `YYYY-MM` of a day. */
export function formatMonth(dayNumber: number): string {
  return formatDay(dayNumber).slice(0, 7);
}
