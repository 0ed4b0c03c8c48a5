import {
  dotted,
  formatNodeFinished,
  formatNodeStarted,
  formatSeconds,
  LINE_WIDTH,
} from '../../../src/run/format-node-line';
import {
  countResults,
  formatCompletion,
  formatCounts,
  formatFinished,
} from '../../../src/run/format-summary';
import type { NodeResult, NodeStatus } from '../../../src/run/run-types';

describe('node lines', () => {
  it('pads with dots to the line width, keeping at least three', () => {
    expect(dotted('left', 'right')).toHaveLength(LINE_WIDTH);
    expect(dotted('x'.repeat(100), 'r')).toBe(`${'x'.repeat(100)} ... [r]`);
  });

  it('prints the OK line with thousands separators and seconds', () => {
    const line = formatNodeFinished(
      {
        index: 3,
        total: 12,
        status: 'success',
        action: 'created table',
        relation: 'gold.moveouts',
        ms: 410,
        rows: 15262,
      },
      false,
    );
    expect(line).toMatch(/^3 of 12 OK created table gold\.moveouts \.{3,} \[15,262 rows in 0\.41s\]$/);
    expect(line).toHaveLength(LINE_WIDTH);
  });

  it('prints errors, skips and views without rows', () => {
    const base = { index: 1, total: 2, relation: 'gold.x', ms: 1234 };
    expect(formatNodeFinished({ ...base, status: 'error', action: 'table' }, false)).toMatch(
      /^1 of 2 ERROR creating table gold\.x \.+ \[ERROR in 1\.23s\]$/,
    );
    expect(formatNodeFinished({ ...base, status: 'skipped', action: 'view' }, false)).toMatch(
      /^1 of 2 SKIP view gold\.x \.+ \[SKIP\]$/,
    );
    expect(formatNodeFinished({ ...base, status: 'success', action: 'created view' }, false)).toMatch(
      /\[OK in 1\.23s\]$/,
    );
    expect(formatNodeStarted(2, 12, 'table', 'gold.y')).toMatch(/^2 of 12 START table gold\.y \.+ \[RUN\]$/);
  });

  it('colours the status only when asked', () => {
    const line = { index: 1, total: 1, status: 'error' as const, action: 'table', relation: 'a.b', ms: 1 };
    expect(formatNodeFinished(line, false)).not.toContain('\u001b[');
    expect(formatNodeFinished(line, true)).toContain('\u001b[31mERROR\u001b[0m');
  });

  it('formats durations', () => {
    expect(formatSeconds(410)).toBe('0.41s');
    expect(formatSeconds(123_000)).toBe('2m 03.0s');
  });
});

describe('summary', () => {
  const result = (status: NodeStatus): NodeResult => ({
    uniqueId: status,
    status,
    message: '',
    timing: [],
    executionTimeMs: 0,
    dbTimeMs: 0,
  });

  it('counts and prints PASS/WARN/ERROR/SKIP/TOTAL', () => {
    const statuses: NodeStatus[] = [
      'success',
      'success',
      'pass',
      'warn',
      'error',
      'fail',
      'skipped',
      'skipped',
    ];
    const counts = countResults(statuses.map(result));
    expect(counts).toEqual({ pass: 3, warn: 1, error: 2, skip: 2, total: 8 });
    expect(formatCounts(counts, false)).toBe('PASS=3 WARN=1 ERROR=2 SKIP=2 TOTAL=8');
    expect(formatCounts(counts, true)).toContain('\u001b[31mERROR=2\u001b[0m');
  });

  it('says how the run ended', () => {
    expect(formatFinished(13, 1230, false)).toBe('Finished running 13 models in 1.23s.');
    expect(formatFinished(1, 500, true)).toBe('Run of 1 model interrupted after 0.50s.');
    expect(formatCompletion({ pass: 1, warn: 0, error: 0, skip: 0, total: 1 }, false)).toBe(
      'Completed successfully',
    );
    expect(formatCompletion({ pass: 1, warn: 2, error: 1, skip: 0, total: 4 }, false)).toBe(
      'Completed with 1 error and 2 warnings:',
    );
  });
});
