import { addDays, activityWindows, WINDOWS } from './shape-activity';
import { countChart, labelOf, toNumber } from './shape-counts';
import { apartmentMap, wardLabels } from './shape-map';
import type { ChartSpec, ReportData } from './report-types';
import type { GoldReader } from './read-gold';

export const AGE_GROUPS = ['<20', '20-24', '25-29', '30-34', '35-39', '40-49', '50+', 'Unknown'];
export const TENURE_BUCKETS = ['<3m', '3-6m', '6-12m', '1-2y', '2y+'];
export const RENT_RANGES = ['<50k', '50-60k', '60-70k', '70-80k', '80-100k', '100k+'];

export interface ReportMeta {
  readonly title: string;
  readonly asOf: string;
  readonly generatedAt: string;
  readonly target: string;
}

/** Every query the report makes, then the shaping; the reader is the only thing that touches the warehouse. */
export async function buildReportData(reader: GoldReader, meta: ReportMeta): Promise<ReportData> {
  const longest = Math.max(...WINDOWS);
  const activity = await reader.activity(addDays(meta.asOf, 1 - longest), meta.asOf);
  return {
    ...meta,
    executive: activityWindows(activity, meta.asOf),
    newContracts: await newContractCharts(reader),
    moveouts: await moveoutCharts(reader),
    map: {
      ...apartmentMap(await reader.contractsByApartment(), await reader.moveoutsByApartment()),
      wards: wardLabels(),
    },
  };
}

async function newContractCharts(reader: GoldReader): Promise<ChartSpec[]> {
  const valueLabel = 'contracts';
  return [
    countChart(
      { id: 'nc-age', title: 'Age group at contract', type: 'bar', labelHeader: 'age_group', valueLabel },
      await reader.countBy('new_contracts', 'age_group'),
      { order: AGE_GROUPS },
    ),
    countChart(
      { id: 'nc-gender', title: 'Gender', type: 'doughnut', labelHeader: 'gender', valueLabel },
      await reader.countBy('new_contracts', 'gender'),
    ),
    countChart(
      {
        id: 'nc-nationality',
        title: 'Nationality (top 15 countries)',
        type: 'bar',
        horizontal: true,
        labelHeader: 'nationality',
        valueLabel,
      },
      await reader.countBy('new_contracts', 'nationality'),
      { top: 15 },
    ),
    countChart(
      { id: 'nc-region', title: 'Region', type: 'doughnut', labelHeader: 'region', valueLabel },
      await reader.countBy('new_contracts', 'region'),
    ),
    countChart(
      {
        id: 'nc-occupation',
        title: 'Occupation',
        type: 'bar',
        horizontal: true,
        labelHeader: 'occupation',
        valueLabel,
      },
      await reader.countBy('new_contracts', 'occupation'),
      { top: 15 },
    ),
  ];
}

async function moveoutCharts(reader: GoldReader): Promise<ChartSpec[]> {
  return [
    countChart(
      {
        id: 'mo-tenure',
        title: 'Tenure distribution',
        type: 'bar',
        labelHeader: 'tenure_bucket',
        valueLabel: 'move-outs',
        note: 'A month is 30 days, a year 365.',
      },
      await reader.countBy('moveout_analysis', 'tenure_bucket'),
      { order: TENURE_BUCKETS },
    ),
    countChart(
      {
        id: 'mo-reasons',
        title: 'Move-out reasons (category)',
        type: 'bar',
        horizontal: true,
        labelHeader: 'reason_category',
        valueLabel: 'move-outs',
      },
      await reader.countBy('moveout_analysis', 'reason_category'),
    ),
    revenueChart(await reader.revenueByRentRange()),
  ];
}

/** moveout_summary re-aggregated by rent range: revenue of the stays, their count and average revenue. */
export function revenueChart(rows: readonly Record<string, unknown>[]): ChartSpec {
  const by = new Map(RENT_RANGES.map((r) => [r, { revenue: 0, moveouts: 0, tenure: 0 }]));
  for (const row of rows) {
    const key = labelOf(row.rent_range);
    const acc = by.get(key) ?? { revenue: 0, moveouts: 0, tenure: 0 };
    acc.revenue += toNumber(row.total_revenue);
    acc.moveouts += toNumber(row.move_outs);
    acc.tenure += toNumber(row.tenure_days_sum);
    by.set(key, acc);
  }
  const labels = [...by.keys()];
  const values = [...by.values()];
  return {
    id: 'mo-revenue',
    title: 'Revenue of completed stays by rent range (yen)',
    type: 'bar',
    labelHeader: 'rent_range',
    labels,
    datasets: [
      { label: 'total revenue (yen)', data: values.map((v) => v.revenue) },
      { label: 'move-outs', data: values.map((v) => v.moveouts), hidden: true },
      {
        label: 'average tenure (days)',
        data: values.map((v) => (v.moveouts > 0 ? Math.round((v.tenure / v.moveouts) * 10) / 10 : 0)),
        hidden: true,
      },
    ],
    note: 'Revenue = rent × tenure days × 12 / 365 per stay, summed from moveout_summary.',
  };
}
