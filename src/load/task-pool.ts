/**
 * Tasks run on a fixed set of workers (one database connection each). The first failure stops the pool:
 * queued tasks are dropped and every later wait rejects. (The loader bounds the memory its queued tasks
 * hold itself: see MysqlDumpWriter.room.)
 *
 * A task may name a lane: tasks of one lane run one at a time, in the order they were submitted. A free
 * worker takes a task without a lane first, else the next task of the lane with the most queued weight (the
 * longest backlog, ties to the oldest): the longest lane is the critical path, and starting it first lets
 * the other workers drain the short ones around it. The loader gives each table a lane, because InnoDB
 * serialises LOAD DATA into one table anyway (see MysqlDumpWriter): a second session waiting on the table's
 * lock is a session not loading another table.
 */
export interface PoolTask<R> {
  /** How much work the task is (bytes, for the loader); orders the lanes. */
  readonly weight: number;
  readonly lane?: string;
  readonly run: (resource: R) => Promise<void>;
}

export class TaskPool<R> {
  private readonly queue: PoolTask<R>[] = [];
  private readonly idle: R[];
  private readonly busyLanes = new Set<string>();
  /** Queued (not yet running) weight per lane. */
  private readonly backlog = new Map<string, number>();
  private running = 0;
  private failure: unknown = undefined;
  private waiters: (() => void)[] = [];

  constructor(resources: readonly R[]) {
    this.idle = [...resources];
  }

  get error(): unknown {
    return this.failure;
  }

  get busy(): boolean {
    return this.running > 0 || this.queue.length > 0;
  }

  submit(task: PoolTask<R>): void {
    if (this.failure !== undefined) return;
    this.queue.push(task);
    if (task.lane !== undefined)
      this.backlog.set(task.lane, (this.backlog.get(task.lane) ?? 0) + task.weight);
    this.pump();
  }

  /** Resolves when nothing is queued or running; rejects with the pool's failure. */
  async drain(): Promise<void> {
    while (this.failure === undefined && this.busy) await this.changed();
    if (this.failure !== undefined) throw this.failure;
  }

  /** Resolves at the next change: a task finished, or the pool failed. */
  whenChanged(): Promise<void> {
    return this.changed();
  }

  fail(err: unknown): void {
    if (this.failure === undefined) this.failure = err ?? new Error('task failed');
    this.queue.length = 0;
    this.notify();
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private pump(): void {
    while (this.failure === undefined && this.idle.length > 0) {
      const at = this.next();
      if (at < 0) return;
      const task = this.queue.splice(at, 1)[0];
      if (task.lane !== undefined)
        this.backlog.set(task.lane, (this.backlog.get(task.lane) ?? 0) - task.weight);
      const resource = this.idle.pop() as R;
      if (task.lane !== undefined) this.busyLanes.add(task.lane);
      this.running++;
      task.run(resource).then(
        () => this.finish(task, resource),
        (err: unknown) => {
          // Fail first: finishing first would start the next queued task.
          this.fail(err);
          this.finish(task, resource);
        },
      );
    }
  }

  /** Index in the queue of the task to run next, or -1 when every queued task's lane is running. */
  private next(): number {
    let best = -1;
    let bestBacklog = -1;
    const seen = new Set<string>();
    for (let i = 0; i < this.queue.length; i++) {
      const lane = this.queue[i].lane;
      if (lane === undefined) return i;
      if (seen.has(lane)) continue; // only a lane's oldest task may start
      seen.add(lane);
      if (this.busyLanes.has(lane)) continue;
      const backlog = this.backlog.get(lane) ?? 0;
      if (backlog > bestBacklog) {
        best = i;
        bestBacklog = backlog;
      }
    }
    return best;
  }

  private finish(task: PoolTask<R>, resource: R): void {
    this.running--;
    if (task.lane !== undefined) this.busyLanes.delete(task.lane);
    this.idle.push(resource);
    this.notify();
    this.pump();
  }
}
