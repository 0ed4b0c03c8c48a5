import { ErrorCodes, TbError } from '../core/errors';
import type { CompiledNode } from '../core/types';

const EXCERPT_LINES = 12;

/** The database's own message, without the SQL text knex puts in front of it (`<sql> - <message>`). */
export function databaseMessage(err: unknown, sql?: string): string {
  const e = err as { sqlMessage?: string; message?: string; errno?: number; code?: string } | undefined;
  if (e?.sqlMessage) return e.errno ? `${e.sqlMessage} (${e.code ?? 'errno'} ${e.errno})` : e.sqlMessage;
  let message = e?.message ?? String(err);
  if (sql && message.startsWith(sql)) message = message.slice(sql.length).replace(/^\s*-\s*/, '');
  return message;
}

/**
 * A failed snapshot statement as a TbError that names the snapshot, its file, the step and the statement
 * (its first lines), so a failure in generated SQL can be told apart from one in the snapshot's SELECT.
 */
export function snapshotDatabaseError(
  compiled: CompiledNode,
  step: string,
  err: unknown,
  sql?: string,
): TbError {
  if (err instanceof TbError) return err;
  const lines = sql?.split('\n') ?? [];
  const excerpt = lines.slice(0, EXCERPT_LINES).join('\n') + (lines.length > EXCERPT_LINES ? '\n...' : '');
  return new TbError(
    ErrorCodes.database,
    `snapshot '${compiled.node.name}' failed while ${step}: ${databaseMessage(err, sql)}`,
    { file: compiled.node.originalFilePath, hint: sql ? `statement:\n${excerpt}` : undefined, cause: err },
  );
}
