/**
 * People behind the applications: mostly one person per application, but about one individual in
 * six comes back (moves to another room or house after a stay), so there are fewer tenants
 * than movings.
 */
import type { Rng } from '../prng';
import type { Tenancy, TenantPerson } from './types';

const RETURN_RATE = 0.16;
const RETURN_WINDOW_DAYS = 150;

export function assignTenants(rng: Rng, tenancies: readonly Tenancy[]): TenantPerson[] {
  const tenants: TenantPerson[] = [];
  const leaving = tenancies
    .filter((t) => t.outcome === 'contract' && t.agreementType === 1 && t.moveoutDay !== null)
    .sort((a, b) => (a.moveoutDay as number) - (b.moveoutDay as number));
  const pool: { index: number; day: number }[] = [];
  let next = 0;
  for (const t of tenancies) {
    while (next < leaving.length && (leaving[next].moveoutDay as number) <= t.applicationDay + 3) {
      const l = leaving[next++];
      if (l.tenantIndex >= 0) pool.push({ index: l.tenantIndex, day: l.moveoutDay as number });
    }
    const reuse = t.agreementType === 1 && t.outcome === 'contract' && rng.chance(RETURN_RATE);
    const found = reuse ? takeRecent(rng, pool, t.applicationDay) : -1;
    if (found >= 0) {
      t.tenantIndex = found;
      t.person = tenants[found].person;
      continue;
    }
    t.tenantIndex = tenants.length;
    tenants.push({
      person: t.person,
      firstApplicationDay: t.applicationDay,
      firstApplicationSec: t.applicationSec,
    });
  }
  return tenants;
}

/** A tenant who left within the window, removed from the pool; -1 when there is none. */
function takeRecent(rng: Rng, pool: { index: number; day: number }[], day: number): number {
  while (pool.length > 0 && pool[0].day < day - RETURN_WINDOW_DAYS) pool.shift();
  if (pool.length === 0) return -1;
  const i = rng.int(0, pool.length - 1);
  const [hit] = pool.splice(i, 1);
  return hit.index;
}
