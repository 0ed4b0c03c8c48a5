/**
 * The data behind `target/report/index.html`, written as `report-data.js` (`window.TB_REPORT = {...}`).
 * Plain JSON: the page's scripts read it as it is.
 */

/** One chart as the page draws it and exports it: a label column plus one numeric column per dataset. */
export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly type: 'bar' | 'line' | 'doughnut';
  /** Bars drawn sideways (long category names such as nationalities). */
  readonly horizontal?: boolean;
  readonly stacked?: boolean;
  /** The header of the label column in the CSV export. */
  readonly labelHeader: string;
  readonly labels: readonly string[];
  readonly datasets: readonly ChartDataset[];
  readonly note?: string;
}

export interface ChartDataset {
  readonly label: string;
  readonly data: readonly number[];
  /** Drawn only once its legend entry is clicked (still exported). */
  readonly hidden?: boolean;
}

export const ACTIVITY_METRICS = [
  'inquiries',
  'applications',
  'contracts_signed',
  'move_ins',
  'move_outs',
] as const;
export type ActivityMetric = (typeof ACTIVITY_METRICS)[number];

export const METRIC_TITLES: Readonly<Record<ActivityMetric, string>> = {
  inquiries: 'Inquiries',
  applications: 'Applications',
  contracts_signed: 'Contracts signed',
  move_ins: 'Move-ins',
  move_outs: 'Move-outs',
};

/** The Executive Summary for one window (30, 90 or 365 days ending at D). */
export interface ActivityWindow {
  readonly days: number;
  readonly from: string;
  readonly to: string;
  /** Totals over the window per metric, then per tenant type. */
  readonly totals: Readonly<Record<ActivityMetric, Readonly<Record<string, number>>>>;
  readonly charts: readonly ChartSpec[];
}

export interface MapPoint {
  readonly apartmentId: string;
  readonly name: string;
  readonly municipality: string;
  readonly lat: number;
  readonly lng: number;
  readonly contracts: number;
  readonly moveouts: number;
  /** moveouts / contracts, 0..1 (more than 1 cannot happen in gold but is not clipped). */
  readonly moveoutRate: number;
}

export interface WardLabel {
  readonly name: string;
  readonly nameEn: string;
  readonly lat: number;
  readonly lng: number;
}

export interface MapData {
  readonly points: readonly MapPoint[];
  /** Apartments with contracts but no coordinates (NULL or 0 in gold), listed under the map. */
  readonly notOnMap: readonly {
    readonly apartmentId: string;
    readonly name: string;
    readonly contracts: number;
  }[];
  readonly wards: readonly WardLabel[];
}

export interface ReportData {
  readonly title: string;
  readonly asOf: string;
  readonly generatedAt: string;
  readonly target: string;
  readonly executive: readonly ActivityWindow[];
  readonly newContracts: readonly ChartSpec[];
  readonly moveouts: readonly ChartSpec[];
  readonly map: MapData;
}
