/** Counts of the dirt actually injected, written into the truth file so tests can check rates. */
import type { Rng } from '../prng';
import { dirtCount } from '../dirt-rates';

export class DirtLedger {
  private readonly counts = new Map<string, number>();

  add(kind: string, n = 1): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + n);
  }

  /** Ensures a kind is listed even when nothing of it was injected. */
  declare(kind: string): void {
    if (!this.counts.has(kind)) this.counts.set(kind, 0);
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  }
}

/**
 * Chooses which candidates get a kind of dirt: dirtCount(rate, population) of them, at most all
 * candidates, at random; the result is recorded under `kind`.
 */
export function chooseDirty<T>(
  rng: Rng,
  ledger: DirtLedger,
  kind: string,
  rate: number,
  population: number,
  candidates: readonly T[],
): Set<T> {
  const k = Math.min(candidates.length, dirtCount(rate, population));
  const chosen = new Set(rng.sample(candidates.length, k).map((i) => candidates[i]));
  ledger.declare(kind);
  ledger.add(kind, chosen.size);
  return chosen;
}
