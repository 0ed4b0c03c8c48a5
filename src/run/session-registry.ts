import type { Adapter } from '../adapters/adapter';

/** How often an abort re-sends the cancel while a statement is still running. */
const RECANCEL_MS = 200;

/**
 * The statements running right now, by session, so that an abort can cancel each from outside (MySQL
 * KILL QUERY). A statement sent just as the abort came may reach the server after its KILL; so the
 * cancel is sent again until no statement is in flight. Where the engine cannot interrupt, cancel
 * does nothing and the runner stops between statements instead.
 */
export class SessionRegistry {
  private readonly inFlight = new Map<number, number>();
  private readonly cancels: Promise<void>[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly adapter: Adapter,
    signal: AbortSignal,
  ) {
    if (signal.aborted) return;
    signal.addEventListener('abort', () => this.startCancelling(), { once: true });
  }

  /** A statement starts on session `id` (undefined: the engine has no session ids). */
  begin(id: number | undefined): void {
    if (id !== undefined) this.inFlight.set(id, (this.inFlight.get(id) ?? 0) + 1);
  }

  end(id: number | undefined): void {
    if (id === undefined) return;
    const left = (this.inFlight.get(id) ?? 1) - 1;
    if (left > 0) this.inFlight.set(id, left);
    else this.inFlight.delete(id);
  }

  /** Resolves once nothing is in flight any more and every cancel sent has been answered. */
  async settled(): Promise<void> {
    while (this.timer !== undefined && this.inFlight.size > 0) {
      await new Promise((r) => setTimeout(r, RECANCEL_MS / 4));
    }
    this.stop();
    await Promise.all(this.cancels);
  }

  private startCancelling(): void {
    this.cancelAll();
    this.timer = setInterval(() => (this.inFlight.size > 0 ? this.cancelAll() : this.stop()), RECANCEL_MS);
    this.timer.unref();
  }

  private cancelAll(): void {
    for (const id of this.inFlight.keys()) {
      this.cancels.push(this.adapter.cancel(id).catch(() => undefined));
    }
  }

  private stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
