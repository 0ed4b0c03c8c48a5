import { withRetries, type AttemptOutcome } from '../../../src/pipeline/retry-policy';

function script(outcomes: AttemptOutcome[]) {
  const calls: number[] = [];
  const sleeps: number[] = [];
  const deps = { sleep: async (ms: number) => void sleeps.push(ms), delayScale: 0.5 };
  const attempt = async (n: number) => {
    calls.push(n);
    return outcomes[Math.min(n - 1, outcomes.length - 1)];
  };
  return { calls, sleeps, deps, attempt };
}

const transient = { ok: false, transient: true, reason: 'deadlock (1213)' };
const fatal = { ok: false, transient: false, reason: 'syntax error' };
const ok = { ok: true, transient: false };

describe('withRetries', () => {
  it('retries transient failures with the scaled delay until success', async () => {
    const s = script([transient, transient, ok]);
    const r = await withRetries({ retries: 3, delayMs: 60_000 }, s.deps, s.attempt);
    expect(r).toEqual({ last: ok, attempts: 3 });
    expect(s.sleeps).toEqual([30_000, 30_000]);
  });

  it('never retries a non-transient failure', async () => {
    const s = script([fatal, ok]);
    const r = await withRetries({ retries: 3, delayMs: 1 }, s.deps, s.attempt);
    expect(r).toEqual({ last: fatal, attempts: 1 });
  });

  it('gives up after the configured retries', async () => {
    const s = script([transient]);
    const r = await withRetries({ retries: 2, delayMs: 1 }, s.deps, s.attempt);
    expect(r.attempts).toBe(3);
    expect(s.calls).toEqual([1, 2, 3]);
  });

  it('stops retrying once aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const s = script([transient]);
    const r = await withRetries(
      { retries: 5, delayMs: 1 },
      { ...s.deps, signal: controller.signal },
      s.attempt,
    );
    expect(r.attempts).toBe(1);
  });
});
