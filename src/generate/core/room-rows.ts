/** Rows of `rooms`: status as of D, a few soft-deleted, some zero `updated_at` from a bad migration. */
import type { Rng } from '../prng';
import type { World } from '../model/world';
import type { SqlValue } from '../sql/escape';
import { ROOMS } from './core-specs';
import { rowOf, ZERO_DATETIME } from './stamp';
import type { Stamper } from './stamp';
import { chooseDirty } from './dirt-ledger';
import type { DirtLedger } from './dirt-ledger';

export function* roomRows(rng: Rng, world: World, st: Stamper, ledger: DirtLedger): Generator<SqlValue[]> {
  const { asOfDay, dirt } = world.opts;
  const occupied = new Set<number>();
  const reserved = new Set<number>();
  for (const t of world.tenancies) {
    if (t.outcome !== 'contract' || (t.contractDay as number) > asOfDay) continue;
    if (t.moveinDay <= asOfDay && (t.moveoutDay as number) > asOfDay) occupied.add(t.room.id);
    else if (t.moveinDay > asOfDay) reserved.add(t.room.id);
  }
  const ids = world.rooms.map((r) => r.id);
  const zero = chooseDirty(rng, ledger, 'rooms.zero_datetimes', dirt.zeroDates, ids.length, ids);
  const deleted = chooseDirty(rng, ledger, 'rooms.soft_deleted', dirt.softDeleted, ids.length, ids);
  for (const r of world.rooms) {
    const closed = r.apartment.closedDay !== null && r.apartment.closedDay <= asOfDay;
    const status = closed ? 4 : occupied.has(r.id) ? 2 : reserved.has(r.id) ? 3 : 1;
    const createdDay = r.openDay - rng.int(10, 60);
    const updatedDay = rng.int(Math.min(r.openDay, asOfDay), asOfDay);
    yield rowOf(ROOMS, {
      id: r.id,
      apartment_id: r.apartment.id,
      room_number: r.number,
      floor: r.floor,
      area_m2: r.areaM2.toFixed(2),
      rent: r.rent,
      common_fee: r.commonFee,
      room_type: r.roomType,
      capacity: r.roomType === 3 ? rng.int(4, 8) : 1,
      has_window: rng.chance(0.93) ? 1 : 0,
      status,
      created_at: st.at(createdDay, rng.int(32400, 64800)),
      updated_at: zero.has(r.id) ? ZERO_DATETIME : st.at(updatedDay, rng.int(32400, 64800)),
      deleted_at: deleted.has(r.id) ? st.at(rng.int(updatedDay, asOfDay), rng.int(32400, 64800)) : null,
    });
  }
}
