/** What one non-empty CSV cell looks like; inference narrows a column over all its cells. */
export type CellKind = 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'text';

/** No leading zeros (a code like `007` stays text), no `+`, no `-0`. */
const INTEGER = /^(?:0|-?[1-9][0-9]*)$/;
/** Digits on both sides of the point; no exponent (`1e5` is text). */
const DECIMAL = /^-?(?:0|[1-9][0-9]*)\.([0-9]+)$/;
const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
/** MySQL keeps at most 6 fractional digits of a second. */
const DATETIME = /^([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,6}))?$/;
const BOOLEAN = /^(?:true|false)$/i;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day: `2023-02-29` and `0000-00-00` are text, not dates. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  return day <= days;
}

function dateParts(m: RegExpExecArray): boolean {
  return isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function timeParts(m: RegExpExecArray): boolean {
  return Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 59;
}

export interface CellFacts {
  readonly kind: CellKind;
  /** Integer and decimal: digits before the point. */
  readonly integerDigits: number;
  /** Decimal: digits after the point; datetime: fractional-second digits. */
  readonly fractionDigits: number;
}

const TEXT: CellFacts = { kind: 'text', integerDigits: 0, fractionDigits: 0 };
const BOOL: CellFacts = { kind: 'boolean', integerDigits: 0, fractionDigits: 0 };
const DATE_FACTS: CellFacts = { kind: 'date', integerDigits: 0, fractionDigits: 0 };

function numberFacts(cell: string): CellFacts | undefined {
  const sign = cell.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (INTEGER.test(cell)) return { kind: 'integer', integerDigits: cell.length - sign, fractionDigits: 0 };
  const dec = DECIMAL.exec(cell);
  if (dec) {
    const scale = dec[1].length;
    return { kind: 'decimal', integerDigits: cell.length - sign - scale - 1, fractionDigits: scale };
  }
  return undefined;
}

function temporalFacts(cell: string): CellFacts | undefined {
  if (cell.length === 10) {
    const d = DATE.exec(cell);
    return d && dateParts(d) ? DATE_FACTS : undefined;
  }
  const t = DATETIME.exec(cell);
  if (!t || !dateParts(t) || !timeParts(t)) return undefined;
  return { kind: 'datetime', integerDigits: 0, fractionDigits: t[7]?.length ?? 0 };
}

/** Classifies a non-empty cell. The first character picks the few patterns worth trying. */
export function cellFacts(cell: string): CellFacts {
  const c = cell.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 45) {
    return numberFacts(cell) ?? (c === 45 ? undefined : temporalFacts(cell)) ?? TEXT;
  }
  if (c === 116 || c === 84 || c === 102 || c === 70) return BOOLEAN.test(cell) ? BOOL : TEXT;
  return TEXT;
}
