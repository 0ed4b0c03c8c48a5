/** What every table's generator may read: options, the simulated world and the core rows. */
import { Rng } from '../prng';
import type { ResolvedOptions } from '../options';
import type { World } from '../model/world';
import type { CoreData, MovingFact } from '../core/core-rows';
import { Stamper } from '../core/stamp';

export interface TableContext {
  readonly opts: ResolvedOptions;
  readonly world: World;
  readonly core: CoreData;
  readonly movings: readonly MovingFact[];
  readonly staffCount: number;
  readonly st: Stamper;
  /** A fresh random stream for one purpose of one table (`rng('payments:count')`). */
  rng(name: string): Rng;
}

export function tableContext(
  opts: ResolvedOptions,
  world: World,
  core: CoreData,
  staffCount: number,
): TableContext {
  return {
    opts,
    world,
    core,
    movings: core.movingFacts,
    staffCount,
    st: new Stamper(opts.asOfDay),
    rng: (name) => new Rng(opts.seed, `table:${name}`),
  };
}
