/** Shared pieces of the log tables: who was around on a day, where they came from, what browser. */
import type { Rng } from '../prng';
import type { TableContext } from './context';

/** Tenants who had applied within the last ~14 months of a day: the ones using the portal. */
export class ActiveTenants {
  private readonly low: Int32Array;
  private readonly high: Int32Array;

  constructor(private readonly ctx: TableContext) {
    const from = ctx.opts.startDay;
    const days = ctx.opts.asOfDay - from + 1;
    this.low = new Int32Array(days);
    this.high = new Int32Array(days);
    const first = ctx.world.tenants.map((t) => t.firstApplicationDay);
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < days; i++) {
      const day = from + i;
      while (hi < first.length && first[hi] <= day) hi++;
      while (lo < hi && first[lo] < day - 420) lo++;
      this.low[i] = lo;
      this.high[i] = Math.max(hi, lo + 1);
    }
  }

  /** A tenant id (1-based) active around `day`. */
  pick(rng: Rng, day: number): number {
    const i = Math.min(this.low.length - 1, Math.max(0, day - this.ctx.opts.startDay));
    return Math.min(
      this.ctx.core.tenantCount,
      this.low[i] + 1 + Math.floor(rng.float() * (this.high[i] - this.low[i])),
    );
  }
}

export const USER_AGENTS: readonly string[] = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.163 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Line/13.21.0',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'GGHouseApp/4.12.3 (iOS 17.2; iPhone14,5)',
  'GGHouseApp/4.11.0 (Android 13; SM-A536E)',
];

/** A stable public IP for a user (the same tenant mostly comes from the same few addresses). */
export function ipOf(userId: number, salt: number): string {
  let h = Math.imul(userId ^ 0x5bd1e995, 0x27d4eb2d) ^ salt;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  const a = [126, 153, 180, 202, 210, 219, 220, 1, 49, 106, 114][(h >>> 0) % 11];
  return `${a}.${(h >>> 8) & 0xff}.${(h >>> 16) & 0xff}.${((h >>> 24) & 0xfd) + 1}`;
}

export function uuidOf(rng: Rng): string {
  const h = (n: number) => (rng.next() >>> 0).toString(16).padStart(8, '0').slice(0, n);
  return `${h(8)}-${h(4)}-4${h(3)}-${'89ab'[rng.int(0, 3)]}${h(3)}-${h(8)}${h(4)}`;
}

/** Activity weight of a day (rooms occupied). */
export type Busy = (day: number) => number;

/** A moment `seconds` after (day, sec), never after the dump ran on D. */
export function later(ctx: TableContext, day: number, sec: number, seconds: number): string {
  const t = sec + seconds;
  const d = day + Math.floor(t / 86_400);
  return d > ctx.opts.asOfDay ? ctx.st.at(ctx.opts.asOfDay, 86_399) : ctx.st.at(d, t % 86_400);
}
