/** A unit of work in the DAG: it may start once every parent has succeeded. */
export interface ScheduledTask {
  readonly id: string;
  /** Parents among the scheduled tasks. */
  readonly parents: readonly string[];
  /** Higher starts first (critical path length); ties go to the smaller id. */
  readonly priority: number;
}

export type SkipCause = { readonly kind: 'upstream'; readonly failed: string } | { readonly kind: 'stopped' };

/** `cancelled`: the task was stopped from outside; its descendants are skipped as stopped, not as failed. */
export type TaskOutcome = 'success' | 'failure' | 'cancelled';

export interface SchedulerCallbacks {
  /** Runs one task. A rejection counts as a failure. */
  run(id: string, slot: number): Promise<TaskOutcome>;
  /** A task that will not run: a parent failed, or the run was stopped first. */
  skip(id: string, cause: SkipCause): void;
}

/**
 * Bounded-concurrency walk of a DAG. A task starts when all its parents succeeded, up to `concurrency` at a
 * time, the ready one with the highest priority first. A failure skips all the failed task's descendants;
 * independent branches go on. Once `stopped()` is true no task starts; running ones finish (or are
 * cancelled by the caller) and every task not yet run is skipped. Resolves when nothing is left running.
 */
export function runScheduled(
  tasks: readonly ScheduledTask[],
  concurrency: number,
  callbacks: SchedulerCallbacks,
  stopped: () => boolean = () => false,
): Promise<void> {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const children = new Map<string, string[]>(tasks.map((t) => [t.id, []]));
  const waiting = new Map<string, number>();
  for (const t of tasks) {
    const parents = t.parents.filter((p) => byId.has(p));
    waiting.set(t.id, parents.length);
    for (const p of parents) children.get(p)?.push(t.id);
  }
  const done = new Set<string>();
  const ready: ScheduledTask[] = tasks.filter((t) => waiting.get(t.id) === 0);
  const freeSlots = Array.from({ length: Math.max(1, concurrency) }, (_, i) => i + 1).reverse();
  let running = 0;

  const finish = (id: string): void => {
    done.add(id);
  };
  const skipDescendants = (failed: string): void => {
    const stack = [...(children.get(failed) ?? [])];
    const found = new Set<string>();
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (found.has(id) || done.has(id)) continue;
      found.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    // Report in the order the tasks were given (topological), so output is stable.
    for (const t of tasks) {
      if (!found.has(t.id)) continue;
      finish(t.id);
      callbacks.skip(t.id, { kind: 'upstream', failed });
    }
  };

  return new Promise<void>((resolve) => {
    const pump = (): void => {
      sortReady(ready);
      while (!stopped() && running < Math.max(1, concurrency) && ready.length > 0) {
        start(ready.shift() as ScheduledTask);
      }
      if (running > 0) return;
      if (stopped() || ready.length === 0) {
        for (const t of tasks) {
          if (!done.has(t.id)) {
            finish(t.id);
            callbacks.skip(t.id, { kind: 'stopped' });
          }
        }
        resolve();
      }
    };
    const start = (task: ScheduledTask): void => {
      running++;
      const slot = freeSlots.pop() as number;
      Promise.resolve()
        .then(() => callbacks.run(task.id, slot))
        .catch((): TaskOutcome => 'failure')
        .then((outcome) => {
          running--;
          freeSlots.push(slot);
          finish(task.id);
          if (outcome === 'success') {
            for (const child of children.get(task.id) ?? []) {
              const left = (waiting.get(child) ?? 0) - 1;
              waiting.set(child, left);
              if (left === 0 && !done.has(child)) ready.push(byId.get(child) as ScheduledTask);
            }
          } else if (outcome === 'failure') {
            skipDescendants(task.id);
          }
          pump();
        });
    };
    pump();
  });
}

function sortReady(ready: ScheduledTask[]): void {
  ready.sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
