/** Rows of `apartments`: some never geocoded (NULL or 0 coordinates), a few soft-deleted. */
import type { Rng } from '../prng';
import type { World } from '../model/world';
import type { SqlValue } from '../sql/escape';
import { APARTMENTS } from './core-specs';
import { rowOf } from './stamp';
import type { Stamper } from './stamp';
import { chooseDirty } from './dirt-ledger';
import { dirtCount } from '../dirt-rates';
import type { DirtLedger } from './dirt-ledger';

const LINES = [
  'JR中央線',
  'JR山手線',
  '東京メトロ丸ノ内線',
  '西武新宿線',
  '京王線',
  '東急東横線',
  '都営大江戸線',
  '小田急線',
  '東武東上線',
];

export function* apartmentRows(
  rng: Rng,
  world: World,
  st: Stamper,
  ledger: DirtLedger,
): Generator<SqlValue[]> {
  const { asOfDay, dirt } = world.opts;
  const ids = world.apartments.map((a) => a.id);
  const missing = [
    ...chooseDirty(rng, ledger, 'apartments.coordinates_missing', dirt.missingCoordinates, ids.length, ids),
  ];
  const asNull = new Set(missing.filter((_, i) => i % 2 === 0));
  ledger.add('apartments.coordinates_null', asNull.size);
  ledger.add('apartments.coordinates_zero', missing.length - asNull.size);
  const missingSet = new Set(missing);
  // Operators delete houses they closed, or small ones entered by mistake: never a big open one.
  const byLikelihood = [...world.apartments]
    .sort(
      (a, b) =>
        Number(b.closedDay !== null) - Number(a.closedDay !== null) ||
        a.totalRooms - b.totalRooms ||
        a.id - b.id,
    )
    .map((a) => a.id);
  const deleted = takeFirst(
    ledger,
    'apartments.soft_deleted',
    dirtCount(dirt.softDeleted, ids.length),
    byLikelihood,
  );
  for (const a of world.apartments) {
    const createdDay = a.openedDay - rng.int(30, 120);
    const updatedDay = rng.int(Math.min(createdDay + 30, asOfDay), asOfDay);
    const coord = (v: number) =>
      asNull.has(a.id) ? null : missingSet.has(a.id) ? '0.0000000' : v.toFixed(7);
    const walk = rng.int(2, 15);
    yield rowOf(APARTMENTS, {
      id: a.id,
      name: a.name,
      name_en: a.nameEn,
      postal_code: a.postalCode,
      prefecture: a.muni.prefecture,
      municipality: a.muni.name,
      address: a.address,
      latitude: coord(a.lat),
      longitude: coord(a.lng),
      nearest_station: `${a.area.ja}駅`,
      walk_minutes: walk,
      total_rooms: a.totalRooms,
      floors: a.floors,
      gender_restriction: rng.chance(0.12) ? 2 : rng.chance(0.06) ? 1 : 0,
      opened_on: st.day(a.openedDay),
      closed_on: st.day(a.closedDay),
      status: a.closedDay !== null && a.closedDay <= asOfDay ? 3 : 1,
      description: `${rng.pick(LINES)}「${a.area.ja}」駅徒歩${walk}分。全${a.totalRooms}室、Wi-Fi完備、家具家電付き。`,
      created_at: st.at(createdDay, rng.int(32400, 64800)),
      updated_at: st.at(updatedDay, rng.int(32400, 64800)),
      deleted_at: deleted.has(a.id) ? st.at(rng.int(updatedDay, asOfDay), rng.int(32400, 64800)) : null,
    });
  }
}

function takeFirst(ledger: DirtLedger, kind: string, k: number, ordered: readonly number[]): Set<number> {
  ledger.declare(kind);
  ledger.add(kind, Math.min(k, ordered.length));
  return new Set(ordered.slice(0, k));
}
