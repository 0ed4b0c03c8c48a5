/** 1-based, as editors count. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** 1-based line and column of an offset; `firstLine` is the file line of the text's first line. */
export function positionAt(text: string, offset: number, firstLine = 1): TextPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length + firstLine - 1, column: offset - lineStart + 1 };
}

/**
 * The text with `{# comments #}` turned into spaces (newlines kept): a call commented out is never made,
 * so a search for the calls that were made must not find it, and offsets must not move.
 */
export function withoutComments(text: string): string {
  return text.replace(/\{#[\s\S]*?#\}/g, (comment) => comment.replace(/[^\n]/g, ' '));
}
