import { countSeries, toNumber } from '../../../src/report/shape-counts';
import { AGE_GROUPS, revenueChart } from '../../../src/report/build-report-data';

describe('countSeries', () => {
  it('keeps a fixed order with zeros, merges NULL and empty labels into Unknown', () => {
    const s = countSeries(
      [
        { label: '25-29', n: 4 },
        { label: null, n: 1 },
        { label: '  ', n: 2 },
        { label: '<20', n: '3' },
      ],
      { order: AGE_GROUPS },
    );
    expect(s.labels).toEqual(AGE_GROUPS);
    expect(s.values).toEqual([3, 0, 4, 0, 0, 0, 0, 3]);
  });

  it('orders free categories by count, then name, and folds the tail into Other', () => {
    const s = countSeries(
      [
        { label: 'Japan', n: 10 },
        { label: 'China', n: 5 },
        { label: 'Brazil', n: 5 },
        { label: 'France', n: 1 },
        { label: 'Chile', n: 2 },
      ],
      { top: 3 },
    );
    expect(s.labels).toEqual(['Japan', 'Brazil', 'China', 'Other']);
    expect(s.values).toEqual([10, 5, 5, 3]);
  });

  it('does not fold a single leftover category into Other', () => {
    const s = countSeries(
      [
        { label: 'a', n: 3 },
        { label: 'b', n: 2 },
        { label: 'c', n: 1 },
      ],
      { top: 2 },
    );
    expect(s.labels).toEqual(['a', 'b', 'c']);
  });

  it('reads counts as numbers whatever the driver returns', () => {
    expect(toNumber('12345678901')).toBe(12345678901);
    expect(toNumber(BigInt(7))).toBe(7);
    expect(toNumber(null)).toBe(0);
  });
});

describe('revenueChart', () => {
  it('sums moveout_summary rows by rent range in band order, with move-outs and average tenure', () => {
    const chart = revenueChart([
      { rent_range: '60-70k', move_outs: 2, tenure_days_sum: 100, total_revenue: '1000' },
      { rent_range: '<50k', move_outs: 1, tenure_days_sum: 31, total_revenue: 500 },
      { rent_range: '60-70k', move_outs: '1', tenure_days_sum: '50', total_revenue: 250 },
    ]);
    expect(chart.labels).toEqual(['<50k', '50-60k', '60-70k', '70-80k', '80-100k', '100k+']);
    expect(chart.datasets[0].data).toEqual([500, 0, 1250, 0, 0, 0]);
    expect(chart.datasets[1].data).toEqual([1, 0, 3, 0, 0, 0]);
    expect(chart.datasets[2].data).toEqual([31, 0, 50, 0, 0, 0]);
  });
});
