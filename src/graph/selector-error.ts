import { ErrorCodes, TbError } from '../core/errors';

export interface SelectorTextSpan {
  /** The argument string (`--select "<input>"`). */
  readonly input: string;
  /** The selector term the problem is in. */
  readonly raw: string;
  /** 1-based position of the problem inside `input`. */
  readonly column: number;
}

/** A selectorSyntax TbError that quotes the selector and says where in the argument it went wrong. */
export function selectorError(span: SelectorTextSpan, problem: string, hint?: string): TbError {
  const where = span.input === span.raw ? '' : ` of "${span.input}"`;
  return new TbError(
    ErrorCodes.selectorSyntax,
    `Invalid selector "${span.raw}" at position ${span.column}${where}: ${problem}`,
    { column: span.column, hint },
  );
}

/**
 * Thrown by a selector method that cannot use its value (`state:modifed`); select-nodes turns it into
 * a selectorError pointing at the value.
 */
export class SelectorValueError extends Error {
  readonly hint?: string;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'SelectorValueError';
    this.hint = hint;
  }
}
