import type { Adapter } from '../adapters/adapter';
import { ErrorCodes, TbError } from '../core/errors';
import type { ExecutableNode } from '../core/types';
import { databaseMessage, errorLine, sqlExcerpt } from '../run/database-error';
import { previewColumns, type Preview } from './format-preview-table';
import { INLINE_FILE } from './inline-node';
import { previewSql } from './preview-sql';

export interface PreviewResult extends Preview {
  /** The statement that ran. */
  readonly sql: string;
}

/**
 * Runs the limited preview query. A database error names the node, its file and the failing lines of the
 * query, as `tb run` does, and is a project error (exit 1), not an internal one.
 */
export async function runPreview(
  adapter: Adapter,
  node: ExecutableNode,
  compiledSql: string,
  limit: number,
): Promise<PreviewResult> {
  const sql = previewSql(compiledSql, limit);
  try {
    const { rows } = await adapter.execute(sql);
    return { sql, columns: previewColumns(rows), rows };
  } catch (err) {
    const message = databaseMessage(err, sql);
    const line = errorLine(message, sql);
    const what = isInline(node)
      ? 'inline SQL'
      : `${node.resourceType} ${node.name} (${node.originalFilePath})`;
    throw new TbError(
      ErrorCodes.database,
      `Database error previewing ${what}: ${message}\n${sqlExcerpt(sql, line)}`,
      { file: node.originalFilePath, cause: err, hint: hintFor(node, message) },
    );
  }
}

/** A missing relation is the usual cause: a preview reads what the node refers to, which must be built. */
function hintFor(node: ExecutableNode, message: string): string | undefined {
  if (!/doesn't exist|no such table|unknown table/i.test(message)) return undefined;
  return isInline(node)
    ? 'build the relations the query refers to first (tb run)'
    : `build the relations ${node.name} refers to first (tb run -s +${node.name})`;
}

function isInline(node: ExecutableNode): boolean {
  return node.originalFilePath === INLINE_FILE;
}
