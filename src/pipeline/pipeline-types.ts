import type { Adapter } from '../adapters/adapter';
import type { CompiledNode } from '../core/types';
import type { Logger } from '../core/logger';
import type { TargetConfig } from '../core/target';
import type { ObjectStore } from '../load';
import type { ParsedProject } from '../parse/parse-project';
import type { PipelineConfig } from './pipeline-config';
import type { AttemptOutcome } from './retry-policy';

export type StageStatus = 'success' | 'failed' | 'skipped';

/** One stage as CloudWatch metric filters and target/metrics.json see it. */
export interface StageMetrics {
  readonly stage: string;
  readonly status: StageStatus;
  readonly duration_s: number;
  readonly rows: number;
  /** Attempts after the first. */
  readonly retries: number;
  /** Attempts made (0 for a skipped stage). */
  readonly attempt: number;
  readonly transient?: boolean;
  readonly reason?: string;
}

export interface PipelineResult {
  readonly runId: string;
  readonly status: 'success' | 'failed';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationS: number;
  readonly stages: readonly StageMetrics[];
  readonly failedStage?: string;
  readonly reason?: string;
  /** Stopped by SIGINT/SIGTERM. */
  readonly interrupted: boolean;
}

/** A stage attempt with what the metrics need. */
export interface StageAttempt extends AttemptOutcome {
  readonly rows: number;
}

export interface PipelineOptions {
  readonly project: ParsedProject;
  readonly config: PipelineConfig;
  readonly logger: Logger;
  /** Run id, also the suffix of kept backups: `YYYYMMDD_HHMMSS_mmm` (UTC). */
  readonly runId: string;
  /** First stage to run (`--from gold`); earlier stages are reported skipped. */
  readonly from?: string;
  /** The dump for the load stage (`s3://bucket/prefix/` means the newest dump under it). */
  readonly source?: string;
  readonly latest?: boolean;
  readonly signal?: AbortSignal;
  /** Keep replaced silver/gold tables (default true in `tb pipeline`). */
  readonly backups?: boolean;
  readonly threads?: number;
  readonly jobs?: number;
  /** Scales every retry delay; 0 in tests. */
  readonly delayScale?: number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly objectStore?: ObjectStore;
  readonly writeCompiled?: (compiled: CompiledNode) => Promise<string>;
  /** A fresh adapter per attempt, so a retry never reuses connections a restart broke. */
  readonly createAdapter?: (target: TargetConfig, poolSize: number) => Adapter;
  /** Called before each attempt (the lock's `ensureHeld`). */
  readonly beforeAttempt?: () => Promise<void>;
}
