/** One attempt of a stage, as the retry loop needs to judge it. */
export interface AttemptOutcome {
  readonly ok: boolean;
  /** Failed for a reason worth another attempt (lost connection, deadlock, S3 5xx). */
  readonly transient: boolean;
  /** Why it failed, in one line, secrets already masked by the logger. */
  readonly reason?: string;
}

export interface RetryPolicy {
  readonly retries: number;
  readonly delayMs: number;
}

export interface RetryDeps {
  /** Waits; tests pass a scale of 0 or a fake. Resolves early when the signal aborts. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Multiplies every delay: `--retry-delay-scale 0` in tests, never minutes of sleep there. */
  readonly delayScale: number;
  readonly signal?: AbortSignal;
  readonly onRetry?: (attempt: number, delayMs: number, outcome: AttemptOutcome) => void;
}

export interface RetryResult<T extends AttemptOutcome> {
  readonly last: T;
  /** Attempts made, the first included. */
  readonly attempts: number;
}

/**
 * Runs `attempt` until it succeeds, fails for a non-transient reason, or the retries are spent. Only the
 * failing stage is retried: the caller runs each stage through this on its own.
 */
export async function withRetries<T extends AttemptOutcome>(
  policy: RetryPolicy,
  deps: RetryDeps,
  attempt: (n: number) => Promise<T>,
): Promise<RetryResult<T>> {
  let n = 1;
  for (;;) {
    const last = await attempt(n);
    if (last.ok || !last.transient || n > policy.retries || deps.signal?.aborted) {
      return { last, attempts: n };
    }
    const delay = Math.round(policy.delayMs * deps.delayScale);
    deps.onRetry?.(n, delay, last);
    await deps.sleep(delay, deps.signal);
    n++;
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
