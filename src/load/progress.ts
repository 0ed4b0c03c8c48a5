import type { LoadEvent } from './load-types';

export interface ProgressSample {
  readonly bytes: number;
  readonly rows: number;
  readonly activeTables: readonly string[];
  /** Bytes read but not yet in the database. */
  readonly queuedBytes: number;
}

/** Turns samples into `progress` events, at most one per interval (a terminal needs no more). */
export class ProgressReporter {
  private lastEmit = -Infinity;
  private readonly started: number;

  constructor(
    private readonly emit: ((event: LoadEvent) => void) | undefined,
    private readonly totalBytes: number | null,
    private readonly now: () => number = Date.now,
    private readonly intervalMs = 200,
  ) {
    this.started = now();
  }

  get elapsedMs(): number {
    return this.now() - this.started;
  }

  sample(sample: ProgressSample, force = false): void {
    if (!this.emit) return;
    const t = this.now();
    if (!force && t - this.lastEmit < this.intervalMs) return;
    this.lastEmit = t;
    const elapsedMs = t - this.started;
    const bytesPerSecond = elapsedMs > 0 ? (sample.bytes * 1000) / elapsedMs : 0;
    const etaSeconds =
      this.totalBytes !== null && bytesPerSecond > 0
        ? Math.max(0, (this.totalBytes - sample.bytes) / bytesPerSecond)
        : null;
    this.emit({
      type: 'progress',
      bytes: sample.bytes,
      totalBytes: this.totalBytes,
      rows: sample.rows,
      elapsedMs,
      bytesPerSecond,
      etaSeconds,
      activeTables: sample.activeTables,
      queuedBytes: sample.queuedBytes,
    });
  }
}
