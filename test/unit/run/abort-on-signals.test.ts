import { createMemoryLogger } from '../../../src/core/logger';
import { abortOnSignals } from '../../../src/run/abort-on-signals';

describe('abortOnSignals', () => {
  it('aborts on SIGTERM, logs why, and removes its handlers when disposed', () => {
    const before = process.listenerCount('SIGTERM');
    const beforeInt = process.listenerCount('SIGINT');
    const controller = new AbortController();
    const logger = createMemoryLogger();
    const dispose = abortOnSignals(controller, logger);
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    expect(process.listenerCount('SIGINT')).toBe(beforeInt + 1);
    // Only the handlers registered are called: no signal reaches the process.
    for (const l of process.listeners('SIGTERM').slice(before)) (l as (s: string) => void)('SIGTERM');
    expect(controller.signal.aborted).toBe(true);
    expect(logger.events.map((e) => e.event)).toEqual(['run_interrupted']);
    // After the first signal, both handlers are gone: a second Ctrl-C gets Node's default (exit).
    expect(process.listenerCount('SIGINT')).toBe(beforeInt);
    dispose();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});
