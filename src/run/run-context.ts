import type { Adapter } from '../adapters/adapter';
import type { Logger } from '../core/logger';
import type { RelationNamer } from '../materialize/relation-names';
import type { DbClock } from './db-clock';
import type { LayerPublish } from './layer-publish';
import type { RelationCache } from './relation-cache';
import type { RunOptions } from './run-types';
import type { SessionRegistry } from './session-registry';

/** What every node of one run shares. */
export interface RunContext {
  readonly options: RunOptions;
  readonly adapter: Adapter;
  readonly logger: Logger;
  readonly cache: RelationCache;
  readonly sessions: SessionRegistry;
  /** Aborted by the caller's signal or by --fail-fast. */
  readonly signal: AbortSignal;
  readonly clock: DbClock;
  readonly names: RelationNamer;
  /** `RunOptions.publishTogether`: the deferred table swaps, published as one at the end of the run. */
  readonly layer?: LayerPublish;
  /** Number of models in the run, for `3 of 12`. */
  readonly total: number;
  /** `3 models and 12 data tests`, for the closing line. */
  readonly description?: string;
  /** Colours in the human lines. */
  readonly color: boolean;
  /** The next `n of total` position. */
  nextIndex(): number;
}
