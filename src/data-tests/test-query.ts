import { TbError, ErrorCodes } from '../core/errors';
import type { NodeConfig } from '../core/types';

/** `">10"`, `"!=0"`, `">= 5"`: a comparison applied to the failure count. */
const THRESHOLD = /^\s*(=|==|!=|<>|>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$/;

export function parseThreshold(text: string | undefined, key: string, fallback = '!=0'): string {
  const value = text === undefined || text === null ? fallback : String(text);
  const m = THRESHOLD.exec(value);
  if (!m) {
    throw new TbError(
      ErrorCodes.configInvalidValue,
      `${key} must be a comparison like ">10" or "!=0", got '${value}'`,
    );
  }
  const op = m[1] === '==' ? '=' : m[1] === '<>' ? '!=' : m[1];
  return `${op} ${m[2]}`;
}

/**
 * dbt's test query: the failure count and both thresholds in one round trip. The test's own SQL returns the
 * failing rows; `limit` caps how many are counted.
 */
export function testCountQuery(sql: string, config: NodeConfig): string {
  const failCalc = String(config.fail_calc ?? 'count(*)');
  const warnIf = parseThreshold(config.warn_if, 'warn_if');
  const errorIf = parseThreshold(config.error_if, 'error_if');
  const limit = config.limit === undefined || config.limit === null ? '' : `\nlimit ${Number(config.limit)}`;
  return [
    `select ${failCalc} as failures,`,
    `  case when ${failCalc} ${warnIf} then 1 else 0 end as should_warn,`,
    `  case when ${failCalc} ${errorIf} then 1 else 0 end as should_error`,
    `from (\n${sql}${limit}\n) tb_internal_test`,
  ].join('\n');
}

export function sampleQuery(sql: string, rows: number): string {
  return `select * from (\n${sql}\n) tb_failing_rows\nlimit ${rows}`;
}

export type TestStatus = 'pass' | 'warn' | 'fail';

/** severity error: error_if decides fail, then warn_if decides warn. severity warn: warn_if decides warn. */
export function testStatus(
  severity: string | undefined,
  shouldWarn: boolean,
  shouldError: boolean,
): TestStatus {
  if (String(severity ?? 'error').toLowerCase() === 'error' && shouldError) return 'fail';
  if (shouldWarn) return 'warn';
  return 'pass';
}
