/** Adds up the time spent waiting on the database, so a run can tell its own overhead apart. */
export class DbClock {
  private total = 0;

  constructor(private readonly parent?: DbClock) {}

  get ms(): number {
    return this.total;
  }

  async time<T>(fn: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      this.add(performance.now() - start);
    }
  }

  /** A clock whose time also counts toward this one (a node's time within the run's). */
  child(): DbClock {
    return new DbClock(this);
  }

  private add(ms: number): void {
    this.total += ms;
    this.parent?.add(ms);
  }
}
