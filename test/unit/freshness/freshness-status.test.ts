import type { FreshnessConfig } from '../../../src/core/types';
import { formatAge, freshnessStatus, parseLoadedAt } from '../../../src/freshness';
import { criteriaProblem } from '../../../src/freshness/freshness-status';

const HOUR = 3600;
const both: FreshnessConfig = {
  warn_after: { count: 12, period: 'hour' },
  error_after: { count: 1, period: 'day' },
};

describe('freshnessStatus', () => {
  it('exceeds a threshold only when strictly older (dbt)', () => {
    expect(freshnessStatus(12 * HOUR, both)).toBe('pass');
    expect(freshnessStatus(12 * HOUR + 1, both)).toBe('warn');
    expect(freshnessStatus(24 * HOUR, both)).toBe('warn');
    expect(freshnessStatus(24 * HOUR + 1, both)).toBe('error');
  });

  it('checks error_after alone, and minutes', () => {
    const onlyError: FreshnessConfig = { error_after: { count: 30, period: 'minute' } };
    expect(freshnessStatus(29 * 60, onlyError)).toBe('pass');
    expect(freshnessStatus(31 * 60, onlyError)).toBe('error');
    expect(freshnessStatus(-5 * HOUR, both)).toBe('pass');
  });

  it('names a config it cannot use', () => {
    expect(criteriaProblem(both)).toBeUndefined();
    expect(criteriaProblem({ warn_after: { count: 12, period: 'hours' as never } })).toMatch(
      /warn_after.period must be minute, hour or day, got "hours"/,
    );
    expect(criteriaProblem({ error_after: { count: 0, period: 'day' } })).toMatch(
      /error_after.count must be a positive/,
    );
  });
});

describe('parseLoadedAt', () => {
  it('reads text without a zone as UTC, and honours an explicit zone', () => {
    expect(parseLoadedAt('2026-02-05 06:00:00')?.toISOString()).toBe('2026-02-05T06:00:00.000Z');
    expect(parseLoadedAt('2026-02-05T06:00:00.123456')?.toISOString()).toBe('2026-02-05T06:00:00.123Z');
    expect(parseLoadedAt('2026-02-05 15:00:00+09:00')?.toISOString()).toBe('2026-02-05T06:00:00.000Z');
    expect(parseLoadedAt('2026-02-05T06:00:00Z')?.toISOString()).toBe('2026-02-05T06:00:00.000Z');
    expect(parseLoadedAt('2026-02-05')?.toISOString()).toBe('2026-02-05T00:00:00.000Z');
  });

  it('refuses what is not a real time', () => {
    expect(parseLoadedAt('0000-00-00 00:00:00')).toBeUndefined();
    expect(parseLoadedAt('2026-02-30 00:00:00')).toBeUndefined();
    expect(parseLoadedAt('yesterday')).toBeUndefined();
    expect(parseLoadedAt(1738713600)).toBeUndefined();
  });
});

describe('formatAge', () => {
  it('shows the two largest units', () => {
    expect(formatAge(2 * 86400 + 3 * HOUR + 59)).toBe('2d 3h');
    expect(formatAge(5 * HOUR + 12 * 60)).toBe('5h 12m');
    expect(formatAge(42 * 60 + 5)).toBe('42m');
    expect(formatAge(18)).toBe('18s');
    expect(formatAge(-2 * HOUR)).toBe('-2h 0m');
  });
});
