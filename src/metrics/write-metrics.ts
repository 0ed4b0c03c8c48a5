import { writeFileAtomic } from '../artifacts/write-json';
import type { PipelineResult } from '../pipeline/pipeline-types';

/** `target/metrics.json`: the run and one entry per stage, in the shape of the `stage_finished` events. */
export interface MetricsArtifact {
  readonly run_id: string;
  readonly status: PipelineResult['status'];
  readonly started_at: string;
  readonly finished_at: string;
  readonly duration_s: number;
  readonly failed_stage: string | null;
  readonly reason: string | null;
  readonly interrupted: boolean;
  readonly stages: PipelineResult['stages'];
}

export function metricsArtifact(result: PipelineResult): MetricsArtifact {
  return {
    run_id: result.runId,
    status: result.status,
    started_at: result.startedAt,
    finished_at: result.finishedAt,
    duration_s: result.durationS,
    failed_stage: result.failedStage ?? null,
    reason: result.reason ?? null,
    interrupted: result.interrupted,
    stages: result.stages,
  };
}

/** Written whole through a rename (a reader never sees half), with secrets masked like every log line. */
export function writeMetrics(path: string, result: PipelineResult, redact: (text: string) => string): void {
  writeFileAtomic(path, redact(JSON.stringify(metricsArtifact(result), null, 2)) + '\n');
}
