import { Readable } from 'node:stream';
import type { Adapter } from '../../adapters/adapter';
import { ErrorCodes, TbError } from '../../core/errors';

/** The slice of a mysql2 callback connection the loader uses. */
export interface RawMysqlConnection {
  readonly threadId?: number;
  query(options: QueryOptions, cb: (err: Error | null, result: unknown) => void): void;
  destroy(): void;
}

interface QueryOptions {
  readonly sql: string;
  readonly infileStreamFactory?: (path: string) => Readable;
}

export interface RawResult {
  readonly rows: Record<string, unknown>[];
  readonly affectedRows: number;
  readonly warningStatus: number;
}

interface RawClient {
  acquireRawConnection(): Promise<RawMysqlConnection>;
  destroyRawConnection(conn: RawMysqlConnection): Promise<void>;
}

/**
 * A dedicated connection with the target's settings, outside knex's pool: the loader changes session
 * variables (checks off, sql_mode) that must never leak into a pooled connection.
 */
export async function openRawConnection(adapter: Adapter): Promise<RawMysqlConnection> {
  try {
    return await (adapter.knex.client as RawClient).acquireRawConnection();
  } catch (err) {
    throw new TbError(
      ErrorCodes.connection,
      `cannot connect to ${adapter.target.name}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}

export async function closeRawConnection(adapter: Adapter, conn: RawMysqlConnection): Promise<void> {
  await (adapter.knex.client as RawClient).destroyRawConnection(conn).catch(() => undefined);
}

/** A LOCAL INFILE body: bytes in memory, or a stream of chunks no larger than one packet. */
export type InfileBody = readonly Buffer[] | (() => Readable);

/** One statement; `body` is streamed to the server when it asks for the LOCAL INFILE. */
export function rawQuery(conn: RawMysqlConnection, sql: string, body?: InfileBody): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const options: QueryOptions = body
      ? {
          sql,
          infileStreamFactory: typeof body === 'function' ? body : () => Readable.from(packets(body)),
        }
      : { sql };
    conn.query(options, (err, result) => {
      if (err) return reject(err);
      if (Array.isArray(result))
        return resolve({ rows: result as Record<string, unknown>[], affectedRows: 0, warningStatus: 0 });
      const header = result as { affectedRows?: number; warningStatus?: number };
      resolve({ rows: [], affectedRows: header.affectedRows ?? 0, warningStatus: header.warningStatus ?? 0 });
    });
  });
}

/** mysql2 sends each chunk of a LOCAL INFILE stream as one packet, which must stay under max_allowed_packet. */
const MAX_PACKET_BODY = 1 << 20;

function* packets(body: readonly Buffer[]): Generator<Buffer> {
  for (const chunk of body) {
    for (let at = 0; at < chunk.length; at += MAX_PACKET_BODY) yield chunk.subarray(at, at + MAX_PACKET_BODY);
  }
}

export function quoteId(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}

export function quoteString(value: string): string {
  return "'" + value.replace(/\\/g, '\\\\').replace(/'/g, "''") + "'";
}
