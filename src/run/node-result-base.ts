import type { Relation } from '../adapters/adapter';
import type { TimingEntry } from './run-types';

/** The fields every executor fills the same way: timing, position, thread. */
export function resultBase(
  begin: number,
  startedAt: string,
  index: number,
  thread: number,
  relation: Relation,
) {
  return {
    timing: [{ name: 'execute', startedAt, completedAt: new Date().toISOString() }] as TimingEntry[],
    executionTimeMs: performance.now() - begin,
    relation,
    index,
    thread,
  };
}
