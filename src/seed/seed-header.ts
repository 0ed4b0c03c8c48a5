import { ErrorCodes, TbError } from '../core/errors';

/**
 * Column names as written, trimmed (csv-parse has already dropped a BOM). Empty, duplicate (engines compare
 * column names case-insensitively) or too long names are errors naming the file and the column.
 */
export function validateHeader(raw: readonly string[], file: string, maxIdentifierLength: number): string[] {
  const names = raw.map((n) => n.trim());
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const at = { file, line: 1, hint: 'every column of a seed needs its own name in the first row' };
    if (name.length === 0) {
      throw new TbError(ErrorCodes.seedParse, `column ${i + 1} of the header has no name`, at);
    }
    if (name.length > maxIdentifierLength) {
      throw new TbError(
        ErrorCodes.seedParse,
        `column name '${name}' is longer than ${maxIdentifierLength} characters`,
        at,
      );
    }
    const key = name.toLowerCase();
    const before = seen.get(key);
    if (before !== undefined) {
      throw new TbError(
        ErrorCodes.seedParse,
        `column '${name}' appears twice in the header (columns ${before + 1} and ${i + 1})`,
        at,
      );
    }
    seen.set(key, i);
  });
  return names;
}
