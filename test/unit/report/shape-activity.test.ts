import { activityWindow, activityWindows, addDays, windowDates } from '../../../src/report/shape-activity';

const row = (
  activity_date: string,
  tenant_type: string,
  values: Partial<Record<string, number | string>> = {},
) => ({
  activity_date,
  tenant_type,
  inquiries: 0,
  applications: 0,
  contracts_signed: 0,
  move_ins: 0,
  move_outs: 0,
  ...values,
});

describe('windowDates', () => {
  it('ends at D and counts D itself, across a month and a leap day', () => {
    expect(windowDates('2024-03-01', 3)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(windowDates('2026-02-05', 30)).toHaveLength(30);
    expect(addDays('2026-01-01', -365)).toBe('2025-01-01');
  });
});

describe('activityWindow', () => {
  const rows = [
    row('2026-02-05', 'Individual', { contracts_signed: 2, inquiries: 5 }),
    row('2026-02-05', 'Corporate', { contracts_signed: 1 }),
    // MySQL's SUM/COUNT may come back as strings
    row('2026-02-04', 'Individual', { move_outs: '3' }),
    // the first day of a 30-day window ending 2026-02-05 is 2026-01-07
    row('2026-01-07', 'Corporate', { inquiries: 7 }),
    // one day before the window, and one after D: both ignored
    row('2026-01-06', 'Individual', { inquiries: 100 }),
    row('2026-02-06', 'Individual', { inquiries: 100 }),
  ];

  it('fills missing days with zeros and ignores rows outside the window', () => {
    const win = activityWindow(rows, '2026-02-05', 30);
    expect(win).toMatchObject({ days: 30, from: '2026-01-07', to: '2026-02-05' });
    expect(win.totals.inquiries).toEqual({ Individual: 5, Corporate: 7 });
    expect(win.totals.contracts_signed).toEqual({ Individual: 2, Corporate: 1 });
    expect(win.totals.move_outs).toEqual({ Individual: 3, Corporate: 0 });
    const daily = win.charts[1];
    expect(daily.labels).toHaveLength(30);
    expect(daily.labels[29]).toBe('2026-02-05');
    const individualContracts = daily.datasets.find((d) => d.label === 'Contracts signed · Individual')!;
    expect(individualContracts.data).toHaveLength(30);
    expect(individualContracts.data[29]).toBe(2);
    expect(individualContracts.data.slice(0, 29).every((n) => n === 0)).toBe(true);
    expect(individualContracts.hidden).toBe(false);
    expect(daily.datasets.find((d) => d.label === 'Move-outs · Individual')!.data[28]).toBe(3);
  });

  it('puts Individual before Corporate and charts the totals per type', () => {
    const totals = activityWindow(rows, '2026-02-05', 30).charts[0];
    expect(totals.datasets.map((d) => d.label)).toEqual(['Individual', 'Corporate']);
    expect(totals.labels).toEqual(['Inquiries', 'Applications', 'Contracts signed', 'Move-ins', 'Move-outs']);
    expect(totals.datasets[0].data).toEqual([5, 0, 2, 0, 3]);
    expect(totals.datasets[1].data).toEqual([7, 0, 1, 0, 0]);
  });

  it('accepts Date values as MySQL without dateStrings would return them', () => {
    const win = activityWindow(
      [row(new Date('2026-02-05T00:00:00Z') as never, 'Individual', { move_ins: 4 })],
      '2026-02-05',
      30,
    );
    expect(win.totals.move_ins.Individual).toBe(4);
  });

  it('makes the three windows, each longer one holding the shorter', () => {
    const wins = activityWindows(rows, '2026-02-05');
    expect(wins.map((w) => w.days)).toEqual([30, 90, 365]);
    expect(wins.map((w) => w.charts[1].labels.length)).toEqual([30, 90, 365]);
    expect(wins[1].totals.inquiries.Individual).toBe(105);
    expect(wins[0].charts[0].id).toBe('activity-totals-30');
    expect(wins[2].charts[1].id).toBe('activity-daily-365');
  });
});
