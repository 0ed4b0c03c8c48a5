/**
 * Which failures are worth another attempt: the database or the network went away, or the server asked us to
 * come back later. A model's SQL error, a data-test failure or a bad dump is not: retrying repeats it.
 */

/**
 * MySQL / MariaDB server error numbers that say "try again".
 * @see https://dev.mysql.com/doc/mysql-errors/8.0/en/server-error-reference.html
 * @see https://dev.mysql.com/doc/mysql-errors/8.0/en/client-error-reference.html
 */
export const TRANSIENT_MYSQL_ERRNOS: ReadonlyMap<number, string> = new Map([
  [1040, 'too many connections'],
  [1053, 'server shutdown in progress'],
  [1205, 'lock wait timeout'],
  [1213, 'deadlock'],
  [1927, 'connection killed (MariaDB)'],
  [2002, 'cannot connect (socket)'],
  [2003, 'cannot connect'],
  [2006, 'server has gone away'],
  [2013, 'lost connection during query'],
  [3024, 'query execution interrupted by timeout'],
]);

/** Driver and socket codes (mysql2, Node's net, SQLite). */
export const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK',
  'ER_CONNECTION_KILLED',
  'ERR_STREAM_PREMATURE_CLOSE',
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
  'SQLITE_LOCKED',
]);

/** S3 error names that mean "slow down" or "our side failed" whatever the status says. */
const TRANSIENT_S3_NAMES: ReadonlySet<string> = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'RequestTimeout',
  'RequestTimeTooSkewed',
  'InternalError',
  'ServiceUnavailable',
  'TimeoutError',
]);

/** Messages of errors that carry no code (knex's pool, Node's http client on a cut stream). */
const TRANSIENT_MESSAGES: readonly RegExp[] = [
  /Knex: Timeout acquiring a connection/i,
  /Connection lost: The server closed the connection/i,
  /^aborted$/,
  /socket hang up/i,
  /Premature close/i,
];

interface ErrorShape {
  readonly errno?: unknown;
  readonly code?: unknown;
  readonly name?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $retryable?: unknown;
  readonly errors?: unknown;
}

/** Why `err` (or an error it wraps) is transient, or undefined when it is not. */
export function transientReason(err: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (current !== null && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const reason = ownReason(current as ErrorShape);
    if (reason) return reason;
    const nested = (current as ErrorShape).errors;
    // AggregateError (Node's happy-eyeballs connect tries every address): transient if any part is.
    if (Array.isArray(nested)) {
      for (const e of nested) {
        const r = transientReason(e);
        if (r) return r;
      }
    }
    current = (current as ErrorShape).cause;
  }
  return undefined;
}

export function isTransientError(err: unknown): boolean {
  return transientReason(err) !== undefined;
}

function ownReason(e: ErrorShape): string | undefined {
  if (typeof e.errno === 'number' && TRANSIENT_MYSQL_ERRNOS.has(e.errno)) {
    return `${TRANSIENT_MYSQL_ERRNOS.get(e.errno)} (${e.errno})`;
  }
  if (typeof e.code === 'string' && TRANSIENT_CODES.has(e.code)) return e.code;
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && (status >= 500 || status === 429)) return `S3 HTTP ${status}`;
  if (typeof e.name === 'string' && TRANSIENT_S3_NAMES.has(e.name)) return `S3 ${e.name}`;
  if (e.$retryable) return 'retryable AWS error';
  const message = typeof e.message === 'string' ? e.message : '';
  const hit = TRANSIENT_MESSAGES.find((re) => re.test(message));
  return hit ? message : undefined;
}
