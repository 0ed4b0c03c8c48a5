/**
 * Tasks run on a fixed set of workers (one database connection each), first in first out. The producer (the
 * tokenizer) waits for `room()` after each chunk, so queued work, and with it memory, stays bounded whatever
 * the dump's size. The first failure stops the pool: queued tasks are dropped and every later wait rejects.
 */
export interface PoolTask<R> {
  readonly weight: number;
  readonly run: (resource: R) => Promise<void>;
}

export class TaskPool<R> {
  private readonly queue: PoolTask<R>[] = [];
  private readonly idle: R[];
  private running = 0;
  private queuedWeight = 0;
  private failure: unknown = undefined;
  private waiters: (() => void)[] = [];

  constructor(
    resources: readonly R[],
    private readonly maxWeight: number,
  ) {
    this.idle = [...resources];
  }

  get error(): unknown {
    return this.failure;
  }

  /** Work queued or running, by weight (bytes). */
  get weight(): number {
    return this.queuedWeight;
  }

  get busy(): boolean {
    return this.running > 0 || this.queue.length > 0;
  }

  submit(task: PoolTask<R>): void {
    if (this.failure !== undefined) return;
    this.queue.push(task);
    this.queuedWeight += task.weight;
    this.pump();
  }

  /** Resolves once the queued weight is under the bound; rejects with the pool's failure. */
  async room(): Promise<void> {
    while (this.failure === undefined && this.queuedWeight > this.maxWeight) await this.changed();
    if (this.failure !== undefined) throw this.failure;
  }

  /** Resolves when nothing is queued or running; rejects with the pool's failure. */
  async drain(): Promise<void> {
    while (this.failure === undefined && this.busy) await this.changed();
    if (this.failure !== undefined) throw this.failure;
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
    while (this.failure === undefined && this.idle.length > 0 && this.queue.length > 0) {
      const task = this.queue.shift() as PoolTask<R>;
      const resource = this.idle.pop() as R;
      this.running++;
      task.run(resource).then(
        () => this.finish(task, resource),
        (err: unknown) => {
          this.finish(task, resource);
          this.fail(err);
        },
      );
    }
  }

  private finish(task: PoolTask<R>, resource: R): void {
    this.running--;
    this.queuedWeight -= task.weight;
    this.idle.push(resource);
    this.notify();
    this.pump();
  }
}
