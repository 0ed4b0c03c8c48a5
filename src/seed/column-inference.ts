import type { PortableType } from '../adapters/portable-types';
import type { CellKind } from './cell-kind';
import { cellFacts } from './cell-kind';

const INTEGER = 1;
const DECIMAL = 2;
const BOOLEAN = 4;
const DATE = 8;
const DATETIME = 16;
const ANY = INTEGER | DECIMAL | BOOLEAN | DATE | DATETIME;

/** The column types a cell of each kind still allows: an integer fits a decimal column, a date a datetime one. */
const ALLOWS: Readonly<Record<CellKind, number>> = {
  integer: INTEGER | DECIMAL,
  decimal: DECIMAL,
  boolean: BOOLEAN,
  date: DATE | DATETIME,
  datetime: DATETIME,
  text: 0,
};

/**
 * MySQL's DECIMAL limits, kept on every engine so that a seed has one type everywhere.
 * @see https://dev.mysql.com/doc/refman/8.0/en/precision-math-decimal-characteristics.html
 */
export const MAX_DECIMAL_PRECISION = 65;
export const MAX_DECIMAL_SCALE = 30;

const BIGINT_MIN = -(2n ** 63n);
const BIGINT_MAX = 2n ** 63n - 1n;

/**
 * Narrows one column's type over every cell of the file, in constant memory: a column that is integer for
 * 99,999 rows and `abc` on the last is text. The rules are in src/seed/README.md.
 */
export class ColumnInference {
  private possible = ANY;
  private values = 0;
  private maxLength = 0;
  private integerDigits = 0;
  private scale = 0;
  private fractionDigits = 0;
  private beyondBigint = false;

  /** An empty cell is NULL and says nothing about the type. */
  observe(cell: string): void {
    if (cell.length === 0) return;
    this.values++;
    if (cell.length > this.maxLength) this.maxLength = cell.length;
    if (this.possible === 0) return;
    const facts = cellFacts(cell);
    this.possible &= ALLOWS[facts.kind];
    if (this.possible === 0) return;
    if (facts.integerDigits > this.integerDigits) this.integerDigits = facts.integerDigits;
    if (facts.kind === 'decimal' && facts.fractionDigits > this.scale) this.scale = facts.fractionDigits;
    if (facts.kind === 'datetime' && facts.fractionDigits > this.fractionDigits) {
      this.fractionDigits = facts.fractionDigits;
    }
    if (facts.kind === 'integer' && facts.integerDigits >= 19 && !this.beyondBigint) {
      const n = BigInt(cell);
      this.beyondBigint = n < BIGINT_MIN || n > BIGINT_MAX;
    }
  }

  result(): PortableType {
    const text: PortableType = { kind: 'text', maxLength: this.maxLength };
    if (this.values === 0) return text;
    if (this.possible & INTEGER && !this.beyondBigint) return { kind: 'integer' };
    if (this.possible & (INTEGER | DECIMAL)) {
      const precision = this.integerDigits + this.scale;
      const fits = precision <= MAX_DECIMAL_PRECISION && this.scale <= MAX_DECIMAL_SCALE;
      return fits ? { kind: 'decimal', precision, scale: this.scale } : text;
    }
    if (this.possible & BOOLEAN) return { kind: 'boolean' };
    if (this.possible & DATE) return { kind: 'date' };
    if (this.possible & DATETIME) return { kind: 'datetime', fractionDigits: this.fractionDigits };
    return text;
  }
}
