import { ErrorCodes, TbError } from '../../../src/core/errors';
import { isTransientError, transientReason } from '../../../src/pipeline/transient-error';

const mysqlError = (errno: number, code: string) => Object.assign(new Error(code), { errno, code });

describe('transient error classification', () => {
  it.each([
    [mysqlError(1205, 'ER_LOCK_WAIT_TIMEOUT'), 'lock wait timeout (1205)'],
    [mysqlError(1213, 'ER_LOCK_DEADLOCK'), 'deadlock (1213)'],
    [mysqlError(1040, 'ER_CON_COUNT_ERROR'), 'too many connections (1040)'],
    [mysqlError(1053, 'ER_SERVER_SHUTDOWN'), 'server shutdown in progress (1053)'],
    [mysqlError(2013, 'CR_SERVER_LOST'), 'lost connection during query (2013)'],
    [Object.assign(new Error('x'), { code: 'PROTOCOL_CONNECTION_LOST' }), 'PROTOCOL_CONNECTION_LOST'],
    [Object.assign(new Error('connect'), { code: 'ECONNREFUSED', errno: -111 }), 'ECONNREFUSED'],
    [Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }), 'SQLITE_BUSY'],
    [Object.assign(new Error('s3'), { $metadata: { httpStatusCode: 503 } }), 'S3 HTTP 503'],
    [
      Object.assign(new Error('slow'), { name: 'SlowDown', $metadata: { httpStatusCode: 200 } }),
      'S3 SlowDown',
    ],
    [new Error('aborted'), 'aborted'],
  ])('%s is transient', (err, reason) => {
    expect(transientReason(err)).toBe(reason);
  });

  it('looks through TbError causes and AggregateError parts', () => {
    const wrapped = new TbError(ErrorCodes.database, 'Database error in model a', {
      cause: mysqlError(1213, 'ER_LOCK_DEADLOCK'),
    });
    expect(isTransientError(wrapped)).toBe(true);
    const agg = new AggregateError([new Error('no'), Object.assign(new Error(), { code: 'ECONNREFUSED' })]);
    expect(isTransientError(agg)).toBe(true);
  });

  it.each([
    [mysqlError(1064, 'ER_PARSE_ERROR')],
    [mysqlError(1146, 'ER_NO_SUCH_TABLE')],
    [mysqlError(1045, 'ER_ACCESS_DENIED_ERROR')],
    [Object.assign(new Error('s3'), { name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } })],
    [new TbError(ErrorCodes.dumpTruncated, 'the dump ends inside a statement')],
    [Object.assign(new Error('syntax'), { code: 'SQLITE_ERROR' })],
  ])('%s is not transient', (err) => {
    expect(isTransientError(err)).toBe(false);
  });

  it('survives cycles in the cause chain', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(isTransientError(a)).toBe(false);
  });
});
