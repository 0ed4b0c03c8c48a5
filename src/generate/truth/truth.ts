/**
 * The ground truth written next to the dump: row counts of every table, the dirt injected, the
 * silver counts and every gold figure, computed from the core rows as written to the dump.
 */
import type { ResolvedOptions } from '../options';
import type { DirtLedger } from '../core/dirt-ledger';
import type { SilverBuilder } from './silver';
import { buildGold } from './gold';

export const TRUTH_FORMAT = 'tb-generate-truth/1';

export function buildTruth(
  silverRows: SilverBuilder,
  opts: ResolvedOptions,
  tables: Readonly<Record<string, number>>,
  ledger: DirtLedger,
): Record<string, unknown> {
  const silver = silverRows.finish();
  return {
    format: TRUTH_FORMAT,
    rules: 'docs/domain-rules.md',
    as_of: opts.asOf,
    seed: opts.seed,
    scale: opts.scale,
    dirt_rates: opts.dirt,
    tables,
    dirt: ledger.toJSON(),
    silver: silver.counts,
    ...buildGold(silver, opts.asOfDay),
  };
}
