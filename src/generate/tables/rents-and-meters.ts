/** A house's history in numbers: rent revisions per room, monthly meter readings per house. */
import { col, ID, CREATED_AT, UPDATED_AT, PK, key, uniqueKey } from '../sql/table-spec';
import type { DumpTable, TableSpec } from '../sql/table-spec';
import { addMonths, ymdOf, dayOf } from '../dates';
import type { Apartment, Room } from '../model/types';
import type { TableContext } from './context';
import { perParent } from './helpers';

const NOON = 12 * 3600;

export function priceHistories(ctx: TableContext, rooms: readonly Room[]): DumpTable {
  const spec: TableSpec = {
    name: 'price_histories',
    columns: [
      ID,
      col('room_id', 'int unsigned NOT NULL'),
      col('rent', 'int NOT NULL'),
      col('common_fee', 'int NOT NULL'),
      col('effective_from', 'date NOT NULL'),
      col('reason', 'varchar(100) DEFAULT NULL'),
      col('staff_id', 'int unsigned DEFAULT NULL'),
      CREATED_AT,
      UPDATED_AT,
    ],
    keys: [PK, key('price_histories', 'room_id', 'effective_from')],
  };
  return perParent(
    ctx,
    spec,
    rooms,
    (r) => 1 + Math.floor((ctx.opts.asOfDay - r.openDay) / 900),
    (r, j, id, rng) => {
      const from = r.openDay + j * 900;
      const rent =
        Math.round((r.rent * (1 - 0.02 * (Math.floor((ctx.opts.asOfDay - r.openDay) / 900) - j))) / 1000) *
        1000;
      return [
        id,
        r.id,
        rent,
        r.commonFee,
        ctx.st.day(from),
        j === 0 ? '初期設定' : rng.pick(['相場見直し', '設備更新', '値上げ', '繁忙期改定']),
        rng.int(1, ctx.staffCount),
        ctx.st.at(from - 3, NOON),
        ctx.st.at(from - 3, NOON),
      ];
    },
  );
}

/** Monthly meter readings per house: electricity, gas, water, with seasonal swings. */
export function utilityReadings(ctx: TableContext, apts: readonly Apartment[]): DumpTable {
  const spec: TableSpec = {
    name: 'utility_readings',
    columns: [
      ID,
      col('apartment_id', 'int unsigned NOT NULL'),
      col('utility', "varchar(12) NOT NULL COMMENT 'electricity/gas/water'"),
      col('reading_month', "char(7) NOT NULL COMMENT 'YYYY-MM'"),
      col('usage_amount', 'decimal(10,2) NOT NULL'),
      col('unit', 'varchar(8) NOT NULL'),
      col('cost', 'int NOT NULL'),
      col('read_on', 'date DEFAULT NULL'),
      CREATED_AT,
      UPDATED_AT,
    ],
    keys: [PK, uniqueKey('utility_readings', 'apartment_id', 'utility', 'reading_month')],
  };
  const months = (a: Apartment) => {
    const end = a.closedDay !== null && a.closedDay < ctx.opts.asOfDay ? a.closedDay : ctx.opts.asOfDay;
    const s = ymdOf(a.openedDay);
    const e = ymdOf(end);
    return Math.max(0, (e.year - s.year) * 12 + e.month - s.month);
  };
  const UTIL: readonly (readonly [string, string, number, number])[] = [
    ['electricity', 'kWh', 180, 31],
    ['gas', 'm3', 14, 180],
    ['water', 'm3', 6, 280],
  ];
  return perParent(
    ctx,
    spec,
    apts,
    (a) => 3 * months(a),
    (a, j, id, rng) => {
      const m = Math.floor(j / 3);
      const [u, unit, perRoom, price] = UTIL[j % 3];
      const start = ymdOf(a.openedDay);
      const monthDay = addMonths(dayOf(start.year, start.month, 1), m + 1);
      const { year, month } = ymdOf(monthDay);
      const season = u === 'water' ? 1 : 1 + 0.35 * Math.cos(((month - 1) / 12) * 2 * Math.PI);
      const usage = Math.round(a.totalRooms * perRoom * season * (0.85 + 0.3 * rng.float()) * 100) / 100;
      const read = monthDay + rng.int(2, 8);
      return [
        id,
        a.id,
        u,
        `${year}-${String(month).padStart(2, '0')}`,
        usage.toFixed(2),
        unit,
        Math.round(usage * price),
        ctx.st.day(Math.min(read, ctx.opts.asOfDay)),
        ctx.st.at(Math.min(read, ctx.opts.asOfDay), NOON),
        ctx.st.at(Math.min(read + 1, ctx.opts.asOfDay), NOON),
      ];
    },
  );
}
