import type { ScheduledTask, SkipCause, TaskOutcome } from '../../../src/run/scheduler';
import { runScheduled } from '../../../src/run/scheduler';

function task(id: string, parents: string[] = [], priority = 1): ScheduledTask {
  return { id, parents, priority };
}

/** Tasks that finish when the test says so, recording what ran and what was skipped. */
function harness(outcomes: Record<string, TaskOutcome> = {}) {
  const started: string[] = [];
  const skipped: [string, SkipCause][] = [];
  let running = 0;
  let maxRunning = 0;
  const release = new Map<string, () => void>();
  return {
    started,
    skipped,
    maxRunning: () => maxRunning,
    release: (id: string) => release.get(id)?.(),
    callbacks: {
      run: (id: string) =>
        new Promise<TaskOutcome>((resolve) => {
          started.push(id);
          running++;
          maxRunning = Math.max(maxRunning, running);
          release.set(id, () => {
            running--;
            resolve(outcomes[id] ?? 'success');
          });
        }),
      skip: (id: string, cause: SkipCause) => skipped.push([id, cause]),
    },
  };
}

async function drain(h: ReturnType<typeof harness>, done: Promise<void>): Promise<void> {
  let finished = false;
  void done.then(() => (finished = true));
  while (!finished) {
    await new Promise((r) => setImmediate(r));
    for (const id of [...h.started]) h.release(id);
  }
}

describe('runScheduled', () => {
  it('never runs more than `concurrency` tasks at once and starts a child only after its parents', async () => {
    const tasks = [task('a'), task('b'), task('c'), task('d', ['a', 'b']), task('e', ['d'])];
    const h = harness();
    const done = runScheduled(tasks, 2, h.callbacks);
    await drain(h, done);
    expect(h.maxRunning()).toBe(2);
    expect(h.started.indexOf('d')).toBeGreaterThan(Math.max(h.started.indexOf('a'), h.started.indexOf('b')));
    expect(h.started.at(-1)).toBe('e');
    expect(h.skipped).toEqual([]);
  });

  it('starts the ready task with the highest priority first, ties by id', async () => {
    const tasks = [task('m.z', [], 1), task('m.b', [], 3), task('m.a', [], 1), task('m.c', [], 3)];
    const h = harness();
    await drain(h, runScheduled(tasks, 1, h.callbacks));
    expect(h.started).toEqual(['m.b', 'm.c', 'm.a', 'm.z']);
  });

  it('skips every descendant of a failed task, naming it, and runs the independent branch', async () => {
    const tasks = [
      task('a'),
      task('b', ['a']),
      task('c', ['b']),
      task('d', ['a', 'x']),
      task('x'),
      task('y', ['x']),
    ];
    const h = harness({ a: 'failure' });
    await drain(h, runScheduled(tasks, 1, h.callbacks));
    expect(h.started.sort()).toEqual(['a', 'x', 'y']);
    expect(h.skipped).toEqual([
      ['b', { kind: 'upstream', failed: 'a' }],
      ['c', { kind: 'upstream', failed: 'a' }],
      ['d', { kind: 'upstream', failed: 'a' }],
    ]);
  });

  it('once stopped, starts nothing more and skips the rest as stopped, also below a cancelled task', async () => {
    let stop = false;
    const tasks = [task('a'), task('b', ['a']), task('c')];
    const h = harness({ a: 'cancelled' });
    const done = runScheduled(tasks, 1, h.callbacks, () => stop);
    await new Promise((r) => setImmediate(r));
    expect(h.started).toEqual(['a']);
    stop = true;
    h.release('a');
    await done;
    expect(h.started).toEqual(['a']);
    expect(h.skipped).toEqual([
      ['b', { kind: 'stopped' }],
      ['c', { kind: 'stopped' }],
    ]);
  });

  it('treats a task that throws as failed', async () => {
    const skipped: string[] = [];
    await runScheduled([task('a'), task('b', ['a'])], 1, {
      run: async () => {
        throw new Error('boom');
      },
      skip: (id) => skipped.push(id),
    });
    expect(skipped).toEqual(['b']);
  });
});
