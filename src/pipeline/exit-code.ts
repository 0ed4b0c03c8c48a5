import type { PipelineResult } from './pipeline-types';

/**
 * Exit codes a scheduler can act on without reading logs: 0 success; 10 + the stage's place in the
 * default order when a stage failed (staging 10, seed 11, silver 12, gold 13, tests 14, other stages 15);
 * 3 when another writer holds the warehouse; 130 when interrupted. 1 and 2 keep their CLI-wide meaning
 * (a project error before any stage ran; usage or internal error).
 */
export const STAGE_EXIT_BASE = 10;
export const EXIT_LOCKED = 3;
export const EXIT_INTERRUPTED = 130;
const ORDER = ['staging', 'seed', 'silver', 'gold', 'tests'];

export function pipelineExitCode(result: PipelineResult): number {
  if (result.status === 'success') return 0;
  if (result.interrupted) return EXIT_INTERRUPTED;
  const index = ORDER.indexOf(result.failedStage ?? '');
  return STAGE_EXIT_BASE + (index < 0 ? ORDER.length : index);
}
