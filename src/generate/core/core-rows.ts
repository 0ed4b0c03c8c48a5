/**
 * Builds the five core tables from the simulated world, injecting their dirt: one pass feeds
 * the ground truth's silver rows, a second pass (same random streams) streams them to the dump.
 */
import { Rng } from '../prng';
import type { World } from '../model/world';
import type { SqlValue } from '../sql/escape';
import type { DumpTable, TableSpec } from '../sql/table-spec';
import { tuple } from '../sql/tuple';
import { APARTMENTS, ROOMS, TENANTS, MOVINGS, INQUIRIES } from './core-specs';
import { Stamper } from './stamp';
import { DirtLedger } from './dirt-ledger';
import { apartmentRows } from './apartment-rows';
import { roomRows } from './room-rows';
import { tenantRows } from './tenant-rows';
import { planMovings, movingRows } from './moving-rows';
import type { MovingPlan } from './moving-rows';
import type { MovingFact } from './moving-rows';
import { inquiryRows } from './inquiry-rows';
import type { CoreTableName } from './truth-columns';
import { SilverBuilder } from '../truth/silver';

export type { MovingFact } from './moving-rows';
export { DirtLedger };

export interface CoreData {
  readonly tables: readonly DumpTable[];
  /** Facts of each moving row, for the tables that hang off movings (invoices, keys, ...). */
  readonly movingFacts: readonly MovingFact[];
  readonly tenantCount: number;
}

type RowSource = (ledger: DirtLedger) => Iterable<SqlValue[]>;

/**
 * The core tables, and the silver rows the truth reads (returned apart so they can be freed).
 * Rows are drawn twice: once here for the truth, once while streaming; each pass starts fresh
 * random streams, so both passes see identical rows (the MariaDB test recomputes the truth from
 * the loaded dump and must find the same figures), and the ~50 MB of core rows at scale 1 are
 * never held in memory.
 */
export function buildCoreData(
  world: World,
  ledger: DirtLedger,
  staffCount: number,
): { data: CoreData; silver: SilverBuilder } {
  const plan = planMovings(
    new Rng(world.opts.seed, 'core:movings'),
    world,
    new Stamper(world.opts.asOfDay),
    ledger,
  );
  const silver = new SilverBuilder();
  const tables: DumpTable[] = [];
  for (const [name, spec, source] of coreSources(world, plan, staffCount)) {
    const index = new Map(spec.columns.map((c, i) => [c.name, i]));
    let count = 0;
    let maxId = 0;
    for (const row of source(ledger)) {
      silver.add(name, (column) => row[index.get(column) as number]);
      count++;
      maxId = Math.max(maxId, row[0] as number);
    }
    tables.push(streamedTable(spec, count, maxId + 1, source));
  }
  const data = { tables, movingFacts: plan.facts, tenantCount: world.tenants.length };
  return { data, silver };
}

/**
 * The row sources of the five tables. Kept in a function of its own: the streaming tables hold
 * these closures to the end, and they must not keep the truth's silver rows alive with them.
 */
function coreSources(
  world: World,
  plan: MovingPlan,
  staffCount: number,
): readonly (readonly [CoreTableName, TableSpec, RowSource])[] {
  const rng = (name: string) => new Rng(world.opts.seed, `core:${name}`);
  const st = new Stamper(world.opts.asOfDay);
  return [
    ['apartments', APARTMENTS, (l) => apartmentRows(rng('apartments'), world, st, l)],
    ['inquiries', INQUIRIES, (l) => inquiryRows(rng('inquiries'), world, st, l, plan.idOf)],
    ['movings', MOVINGS, () => movingRows(plan, rng('movings:rows'), st, world.opts.asOfDay, staffCount)],
    ['rooms', ROOMS, (l) => roomRows(rng('rooms'), world, st, l)],
    ['tenants', TENANTS, (l) => tenantRows(rng('tenants'), world, st, l)],
  ];
}

/** The table streamed from a second pass over its source (a fresh ledger absorbs the dirt counts). */
function streamedTable(
  spec: TableSpec,
  rowCount: number,
  autoIncrement: number,
  source: RowSource,
): DumpTable {
  const kinds = spec.columns.map((c) => c.kind);
  return {
    spec,
    rowCount,
    autoIncrement,
    *rows() {
      for (const row of source(new DirtLedger())) yield tuple(kinds, row);
    },
  };
}
