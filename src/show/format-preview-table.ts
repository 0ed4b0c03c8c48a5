import { cellText, isNumeric } from './format-cell';
import { displayWidth, padToWidth, truncateToWidth } from './display-width';

/** The rows a preview query answered, with its columns in select order. */
export interface Preview {
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

export interface TableOptions {
  /** Widest a column may be, in terminal columns; longer values end with `…`. */
  readonly maxColumnWidth?: number;
}

export const DEFAULT_MAX_COLUMN_WIDTH = 40;

/**
 * dbt's preview table (a Markdown-style grid, as agate prints it): a header, a dashed rule, one line per
 * row. Numeric columns align right. Widths count full-width characters as two, so Japanese text lines up.
 */
export function formatPreviewTable(preview: Preview, options: TableOptions = {}): string {
  const max = Math.max(2, options.maxColumnWidth ?? DEFAULT_MAX_COLUMN_WIDTH);
  const { columns, rows } = preview;
  if (columns.length === 0) return '(no columns)';
  const header = columns.map((c) => truncateToWidth(cellText(c), max));
  const cells = rows.map((row) => columns.map((c) => truncateToWidth(cellText(row[c]), max)));
  const widths = columns.map((_, i) =>
    Math.max(1, displayWidth(header[i]), ...cells.map((line) => displayWidth(line[i]))),
  );
  const right = columns.map(
    (c) => rows.some((r) => !isEmpty(r[c])) && rows.every((r) => isEmpty(r[c]) || isNumeric(r[c])),
  );
  const line = (values: readonly string[], align: (i: number) => 'left' | 'right') =>
    `| ${values.map((v, i) => padToWidth(v, widths[i], align(i))).join(' | ')} |`;
  return [
    line(header, () => 'left'),
    line(
      widths.map((w) => '-'.repeat(w)),
      () => 'left',
    ),
    ...cells.map((c) => line(c, (i) => (right[i] ? 'right' : 'left'))),
  ].join('\n');
}

/** Columns in select order: the keys of the first row, then any later row's extra keys. */
export function previewColumns(rows: readonly Readonly<Record<string, unknown>>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined;
}
