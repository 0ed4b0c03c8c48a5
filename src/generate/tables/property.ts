/** What belongs to the houses and rooms: facilities, equipment, keys, Wi-Fi, schedules, rents, meters. */
import type { Rng } from '../prng';
import {
  col,
  ID,
  CREATED_AT,
  UPDATED_AT,
  DELETED_AT,
  PK,
  key,
  uniqueKey,
  foreignKey,
} from '../sql/table-spec';
import type { DumpTable, TableSpec } from '../sql/table-spec';
import type { Apartment, Room } from '../model/types';
import type { TableContext } from './context';
import { perParent } from './helpers';
import { priceHistories, utilityReadings } from './rents-and-meters';
import { token } from './tokens';

const NOON = 12 * 3600;
const FACILITY_COUNT = 24;

function opened(ctx: TableContext, a: Apartment, rng: Rng): { created_at: string; updated_at: string } {
  const day = a.openedDay - rng.int(5, 40);
  return {
    created_at: ctx.st.at(day, NOON),
    updated_at: ctx.st.at(rng.int(day, ctx.opts.asOfDay), NOON + rng.int(0, 7200)),
  };
}

export function propertyTables(ctx: TableContext): DumpTable[] {
  const apts = ctx.world.apartments;
  const rooms = ctx.world.rooms;
  return [
    apartmentFacilities(ctx, apts),
    perParent(
      ctx,
      {
        name: 'apartment_staff',
        columns: [
          ID,
          col('apartment_id', 'int unsigned NOT NULL'),
          col('staff_id', 'int unsigned NOT NULL'),
          col('role', "tinyint NOT NULL DEFAULT '1' COMMENT '1:担当PM 2:清掃責任者 3:サブ担当'"),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('apartment_staff', 'apartment_id'), key('apartment_staff', 'staff_id')],
      },
      apts,
      (_, rng) => rng.int(1, 3),
      (a, j, id, rng) => {
        const s = opened(ctx, a, rng);
        return [id, a.id, rng.int(1, ctx.staffCount), j + 1, s.created_at, s.updated_at];
      },
    ),
    equipment(ctx, apts),
    roomEquipment(ctx, rooms),
    keys(ctx, rooms),
    perParent(
      ctx,
      {
        name: 'wifi_networks',
        columns: [
          ID,
          col('apartment_id', 'int unsigned NOT NULL'),
          col('ssid', 'varchar(32) NOT NULL'),
          col('password', 'varchar(64) NOT NULL'),
          col('provider', 'varchar(50) DEFAULT NULL'),
          col('bandwidth_mbps', 'smallint unsigned DEFAULT NULL'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('wifi_networks', 'apartment_id')],
      },
      apts,
      (a, rng) => 1 + Math.floor(a.totalRooms / 20) + (rng.chance(0.3) ? 1 : 0),
      (a, j, id, rng) => {
        const s = opened(ctx, a, rng);
        return [
          id,
          a.id,
          `GG-${a.nameEn.replace(/[^A-Za-z]/g, '').slice(0, 12)}-${j + 1}${rng.chance(0.5) ? '-5G' : ''}`,
          token(rng, 12),
          rng.pick(['NURO光', 'フレッツ光', 'auひかり', 'SoftBank光']),
          rng.pick([100, 300, 1000, 2000]),
          s.created_at,
          s.updated_at,
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'bicycle_parkings',
        columns: [
          ID,
          col('apartment_id', 'int unsigned NOT NULL'),
          col('slot_no', 'varchar(10) NOT NULL'),
          col('tenant_id', 'int unsigned DEFAULT NULL'),
          col('sticker_no', 'varchar(20) DEFAULT NULL'),
          col('monthly_fee', "int NOT NULL DEFAULT '0'"),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('bicycle_parkings', 'apartment_id'), key('bicycle_parkings', 'tenant_id')],
      },
      apts,
      (a, rng) => (rng.chance(0.7) ? Math.ceil(a.totalRooms / 3) : 0),
      (a, j, id, rng) => {
        const s = opened(ctx, a, rng);
        const used = rng.chance(0.55);
        return [
          id,
          a.id,
          `B-${j + 1}`,
          used ? rng.int(1, ctx.core.tenantCount) : null,
          used ? `GG${rng.int(10000, 99999)}` : null,
          rng.pick([0, 0, 500, 1000]),
          s.created_at,
          s.updated_at,
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'trash_collection_schedules',
        columns: [
          ID,
          col('apartment_id', 'int unsigned NOT NULL'),
          col('garbage_type', 'varchar(30) NOT NULL'),
          col('weekday', "tinyint NOT NULL COMMENT '0:日 1:月 ... 6:土'"),
          col('week_of_month', 'tinyint DEFAULT NULL'),
          col('note', 'varchar(255) DEFAULT NULL'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('trash_collection_schedules', 'apartment_id')],
      },
      apts,
      () => GARBAGE.length,
      (a, j, id, rng) => {
        const s = opened(ctx, a, rng);
        const [type, perWeek] = GARBAGE[j];
        return [
          id,
          a.id,
          type,
          rng.int(1, 6),
          perWeek ? null : rng.int(1, 4),
          j === 0 ? '朝8時までに出すこと / Put out by 8 a.m.' : null,
          s.created_at,
          s.updated_at,
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'cleaning_schedules',
        columns: [
          ID,
          col('apartment_id', 'int unsigned NOT NULL'),
          col('area', 'varchar(50) NOT NULL'),
          col('weekday', 'tinyint NOT NULL'),
          col('start_time', 'time NOT NULL'),
          col('vendor', 'varchar(100) DEFAULT NULL'),
          col('is_active', "tinyint(1) NOT NULL DEFAULT '1'"),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('cleaning_schedules', 'apartment_id')],
      },
      apts,
      (a) => (a.totalRooms > 30 ? 3 : 2),
      (a, j, id, rng) => {
        const s = opened(ctx, a, rng);
        return [
          id,
          a.id,
          ['共用部全体', 'キッチン・水回り', 'ゴミ置き場'][j],
          rng.int(1, 6),
          `${rng.int(9, 15)}:00:00`,
          rng.pick(['株式会社クリーンワークス', 'ハウスクリーニング東京', '自社スタッフ']),
          1,
          s.created_at,
          s.updated_at,
        ];
      },
    ),
    priceHistories(ctx, rooms),
    utilityReadings(ctx, apts),
  ];
}

const GARBAGE: readonly (readonly [string, boolean])[] = [
  ['可燃ごみ', true],
  ['不燃ごみ', false],
  ['資源ごみ', true],
  ['ペットボトル', true],
  ['粗大ごみ', false],
];

function apartmentFacilities(ctx: TableContext, apts: readonly Apartment[]): DumpTable {
  const spec: TableSpec = {
    name: 'apartment_facilities',
    columns: [
      ID,
      col('apartment_id', 'int unsigned NOT NULL'),
      col('facility_id', 'int unsigned NOT NULL'),
      col('quantity', "smallint NOT NULL DEFAULT '1'"),
      col('note', 'varchar(255) DEFAULT NULL'),
      CREATED_AT,
      UPDATED_AT,
    ],
    keys: [
      PK,
      uniqueKey('apartment_facilities', 'apartment_id', 'facility_id'),
      key('apartment_facilities', 'facility_id'),
      foreignKey('apartment_facilities', 'facility_id', 'facilities'),
    ],
  };
  // Each house has facilities 1-8 (the basics) and some of the rest; facility k of house a.
  return perParent(
    ctx,
    spec,
    apts,
    (a) => 8 + (a.id % 9),
    (a, j, id, rng) => {
      const s = opened(ctx, a, rng);
      const facility = j < 8 ? j + 1 : 9 + ((j - 8 + a.id * 7) % (FACILITY_COUNT - 8));
      return [
        id,
        a.id,
        facility,
        facility <= 3 ? Math.max(1, Math.ceil(a.totalRooms / 8)) : 1,
        null,
        s.created_at,
        s.updated_at,
      ];
    },
  );
}

const APPLIANCES: readonly (readonly [string, string, number])[] = [
  ['洗濯機', 'Panasonic NA-F70PB', 8],
  ['乾燥機', 'Rinnai RDT-54S', 5],
  ['冷蔵庫', 'SHARP SJ-D14H', 7],
  ['電子レンジ', 'Toshiba ER-T16', 6],
  ['炊飯器', 'ZOJIRUSHI NL-DA10', 5],
  ['エアコン', 'DAIKIN S22ZTES', 10],
  ['給湯器', 'Noritz GT-2460', 12],
  ['掃除機', 'Makita CL107FD', 4],
  ['テレビ', 'SONY KJ-43X80K', 7],
  ['IHコンロ', 'Panasonic KZ-K22AS', 9],
  ['ルーター', 'BUFFALO WSR-3200', 4],
  ['防犯カメラ', 'Panasonic WV-S1136', 8],
];

function equipment(ctx: TableContext, apts: readonly Apartment[]): DumpTable {
  const spec: TableSpec = {
    name: 'equipment',
    columns: [
      ID,
      col('apartment_id', 'int unsigned NOT NULL'),
      col('name', 'varchar(50) NOT NULL'),
      col('model', 'varchar(100) DEFAULT NULL'),
      col('serial_no', 'varchar(50) DEFAULT NULL'),
      col('installed_on', 'date DEFAULT NULL'),
      col('warranty_until', 'date DEFAULT NULL'),
      col('last_inspected_on', 'date DEFAULT NULL'),
      CREATED_AT,
      UPDATED_AT,
      DELETED_AT,
    ],
    keys: [PK, key('equipment', 'apartment_id')],
  };
  return perParent(
    ctx,
    spec,
    apts,
    (a, rng) => 6 + Math.ceil(a.totalRooms / 6) + rng.int(0, 4),
    (a, j, id, rng) => {
      const [name, model, years] = APPLIANCES[j % APPLIANCES.length];
      const installed = a.openedDay - rng.int(0, 60) + (rng.chance(0.3) ? rng.int(200, 2000) : 0);
      const inst = Math.min(installed, ctx.opts.asOfDay);
      const s = opened(ctx, a, rng);
      return [
        id,
        a.id,
        name,
        model,
        `${token(rng, 3).toUpperCase()}${rng.int(100000, 999999)}`,
        ctx.st.day(inst),
        ctx.st.day(inst + 365 * Math.min(years, 3)),
        rng.chance(0.6) ? ctx.st.day(rng.int(inst, ctx.opts.asOfDay)) : null,
        s.created_at,
        s.updated_at,
        null,
      ];
    },
  );
}

function roomEquipment(ctx: TableContext, rooms: readonly Room[]): DumpTable {
  const spec: TableSpec = {
    name: 'room_equipment',
    columns: [
      ID,
      col('room_id', 'int unsigned NOT NULL'),
      col('item', 'varchar(50) NOT NULL'),
      col('quantity', "tinyint NOT NULL DEFAULT '1'"),
      col('condition', "tinyint NOT NULL DEFAULT '1' COMMENT '1:良好 2:使用感あり 3:要交換'"),
      CREATED_AT,
      UPDATED_AT,
    ],
    keys: [PK, key('room_equipment', 'room_id')],
  };
  const ITEMS = [
    'ベッド',
    'マットレス',
    'デスク',
    'チェア',
    'カーテン',
    'エアコン',
    'ハンガーラック',
    '照明',
    '冷蔵庫(小)',
    'ロッカー',
  ];
  return perParent(
    ctx,
    spec,
    rooms,
    (r, rng) => (r.roomType === 3 ? 3 : rng.int(4, 7)),
    (r, j, id, rng) => {
      const day = r.openDay - rng.int(1, 20);
      return [
        id,
        r.id,
        ITEMS[j],
        r.roomType === 3 && j === 0 ? rng.int(4, 8) : 1,
        rng.chance(0.8) ? 1 : rng.chance(0.7) ? 2 : 3,
        ctx.st.at(day, NOON),
        ctx.st.at(rng.int(day, ctx.opts.asOfDay), NOON),
      ];
    },
  );
}

function keys(ctx: TableContext, rooms: readonly Room[]): DumpTable {
  const spec: TableSpec = {
    name: 'keys',
    columns: [
      ID,
      col('room_id', 'int unsigned NOT NULL'),
      col('key_no', 'varchar(20) NOT NULL'),
      col('key_type', "tinyint NOT NULL DEFAULT '1' COMMENT '1:部屋 2:玄関 3:ポスト 4:カードキー'"),
      col('status', "tinyint NOT NULL DEFAULT '1' COMMENT '1:保管中 2:貸出中 3:紛失 4:廃棄'"),
      col('note', 'varchar(255) DEFAULT NULL'),
      CREATED_AT,
      UPDATED_AT,
      DELETED_AT,
    ],
    keys: [PK, uniqueKey('keys', 'key_no'), key('keys', 'room_id')],
  };
  return perParent(
    ctx,
    spec,
    rooms,
    (_, rng) => rng.int(2, 3),
    (r, j, id, rng) => {
      const day = r.openDay - rng.int(1, 10);
      const lost = rng.chance(0.03);
      return [
        id,
        r.id,
        `K${String(r.id).padStart(5, '0')}-${j + 1}`,
        j === 2 ? 3 : rng.chance(0.2) ? 4 : 1,
        lost ? 3 : rng.chance(0.6) ? 2 : 1,
        lost ? '入居者紛失のため交換済み' : null,
        ctx.st.at(day, NOON),
        ctx.st.at(rng.int(day, ctx.opts.asOfDay), NOON),
        null,
      ];
    },
  );
}
