import type { Adapter } from '../adapters/adapter';
import { ErrorCodes, TbError } from '../core/errors';
import type { Manifest } from '../core/types';
import type { ActivityRow } from './shape-activity';
import type { CountRow } from './shape-counts';
import type { ApartmentContractsRow, ApartmentMoveoutsRow } from './shape-map';

export const GOLD_TABLES = [
  'daily_activity_summary',
  'new_contracts',
  'moveouts',
  'moveout_analysis',
  'moveout_summary',
] as const;
export type GoldTable = (typeof GOLD_TABLES)[number];

/**
 * Reads the report's inputs from gold only: each query names one gold relation, found through the manifest
 * (so schema prefixes and aliases are honoured).
 */
export class GoldReader {
  private readonly relations: Readonly<Record<GoldTable, string>>;

  constructor(
    private readonly adapter: Adapter,
    manifest: Manifest,
  ) {
    this.relations = Object.fromEntries(
      GOLD_TABLES.map((name) => [name, adapter.quoteRelation(goldRelation(manifest, name))]),
    ) as Record<GoldTable, string>;
  }

  /** The newest date of daily_activity_summary: D when no `as_of` var is given. */
  async newestActivityDate(): Promise<string | null> {
    const { rows } = await this.adapter.execute(
      `SELECT MAX(activity_date) AS d FROM ${this.relations.daily_activity_summary}`,
    );
    const d = rows[0]?.d;
    return d === null || d === undefined
      ? null
      : String(d instanceof Date ? d.toISOString() : d).slice(0, 10);
  }

  /** The rows of the longest window: the later windows are cut from them. */
  async activity(from: string, to: string): Promise<ActivityRow[]> {
    const { rows } = await this.adapter.execute(
      `SELECT * FROM ${this.relations.daily_activity_summary} WHERE activity_date >= ? AND activity_date <= ?`,
      [from, to],
    );
    return rows as ActivityRow[];
  }

  /** `SELECT column AS label, COUNT(*) AS n ... GROUP BY column`; column names are ours, never input. */
  async countBy(table: GoldTable, column: string): Promise<CountRow[]> {
    const col = this.adapter.quoteIdentifier(column);
    const { rows } = await this.adapter.execute(
      `SELECT ${col} AS label, COUNT(*) AS n FROM ${this.relations[table]} GROUP BY ${col}`,
    );
    return rows as unknown as CountRow[];
  }

  async revenueByRentRange(): Promise<Record<string, unknown>[]> {
    const { rows } = await this.adapter.execute(
      `SELECT rent_range, SUM(move_outs) AS move_outs, SUM(tenure_days_sum) AS tenure_days_sum,
              SUM(total_revenue) AS total_revenue
       FROM ${this.relations.moveout_summary} GROUP BY rent_range`,
    );
    return rows;
  }

  async contractsByApartment(): Promise<ApartmentContractsRow[]> {
    const { rows } = await this.adapter.execute(
      `SELECT apartment_id, MAX(apartment_name) AS apartment_name, MAX(municipality) AS municipality,
              MAX(latitude) AS latitude, MAX(longitude) AS longitude, COUNT(*) AS contracts
       FROM ${this.relations.new_contracts} GROUP BY apartment_id`,
    );
    return rows as unknown as ApartmentContractsRow[];
  }

  async moveoutsByApartment(): Promise<ApartmentMoveoutsRow[]> {
    const { rows } = await this.adapter.execute(
      `SELECT apartment_id, COUNT(*) AS moveouts FROM ${this.relations.moveouts} GROUP BY apartment_id`,
    );
    return rows as unknown as ApartmentMoveoutsRow[];
  }
}

function goldRelation(manifest: Manifest, name: string): { schema: string; name: string } {
  const node = Object.values(manifest.nodes).find(
    (n) => n.resourceType === 'model' && n.name === name && n.fqn.includes('gold'),
  );
  if (!node) {
    throw new TbError(
      ErrorCodes.refNotFound,
      `the report needs the gold model ${name}, and the project has none`,
      {
        hint: 'tb report reads the gold tables of the Tokyo Beta project (models/gold)',
      },
    );
  }
  return { schema: node.schema, name: node.alias };
}
