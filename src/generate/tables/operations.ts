/** Running the houses: maintenance, cleaning reports, shifts, announcements, parcels, viewings. */
import { col, ID, BIG_ID, CREATED_AT, UPDATED_AT, DELETED_AT, PK, key } from '../sql/table-spec';
import type { DumpTable } from '../sql/table-spec';
import { weekdayOf } from '../dates';
import type { TableContext } from './context';
import { perParent, timelineTable, occupancy, scaled } from './helpers';

const H = 3600;

const ISSUES: readonly (readonly [string, string])[] = [
  ['水回り', 'シャワーの水圧が弱い'],
  ['水回り', 'トイレが詰まりました'],
  ['電気', '部屋の照明がつかない'],
  ['電気', 'The breaker trips when using the microwave'],
  ['空調', 'エアコンから水漏れ'],
  ['空調', 'Air conditioner is not cooling'],
  ['設備', '洗濯機がエラー表示(U11)'],
  ['設備', 'Fridge makes a loud noise'],
  ['建具', 'ドアの鍵が回りにくい'],
  ['建具', '網戸が破れている'],
  ['害虫', 'ゴキブリが出ました'],
  ['ネット', 'Wi-Fi keeps disconnecting'],
];

export function operationsTables(ctx: TableContext): DumpTable[] {
  const D = ctx.opts.asOfDay;
  const occ = occupancy(ctx);
  const from = ctx.opts.startDay;
  const busy = (day: number) => occ[day - from] ?? 0;
  const apts = ctx.world.apartments;
  const nRequests = scaled(ctx, 38_000);
  const requests = timelineTable(
    ctx,
    {
      name: 'maintenance_requests',
      columns: [
        ID,
        col('apartment_id', 'int unsigned NOT NULL'),
        col('room_id', 'int unsigned DEFAULT NULL'),
        col('tenant_id', 'int unsigned DEFAULT NULL'),
        col('category', 'varchar(20) NOT NULL'),
        col('description', 'text'),
        col('priority', "tinyint NOT NULL DEFAULT '2' COMMENT '1:高 2:中 3:低'"),
        col('status', "tinyint NOT NULL DEFAULT '1' COMMENT '1:受付 2:手配中 3:完了 4:取消'"),
        col('reported_at', 'datetime NOT NULL'),
        col('resolved_at', 'datetime DEFAULT NULL'),
        CREATED_AT,
        UPDATED_AT,
        DELETED_AT,
      ],
      keys: [
        PK,
        key('maintenance_requests', 'apartment_id'),
        key('maintenance_requests', 'room_id'),
        key('maintenance_requests', 'status'),
      ],
    },
    nRequests,
    busy,
    (day, sec, id, rng) => {
      const room = ctx.world.rooms[rng.int(0, ctx.world.rooms.length - 1)];
      const [cat, text] = rng.pick(ISSUES);
      const done = day + rng.int(1, 14);
      const status = done <= D ? (rng.chance(0.96) ? 3 : 4) : rng.pick([1, 2]);
      const at = ctx.st.at(day, sec);
      return [
        id,
        room.apartment.id,
        rng.chance(0.8) ? room.id : null,
        rng.chance(0.85) ? rng.int(1, ctx.core.tenantCount) : null,
        cat,
        text,
        rng.int(1, 3),
        status,
        at,
        status === 3 ? ctx.st.at(done, rng.int(10 * H, 18 * H)) : null,
        at,
        status >= 3 ? ctx.st.at(Math.min(done, D), 18 * H) : at,
        null,
      ];
    },
  );
  return [
    requests,
    perParent(
      ctx,
      {
        name: 'maintenance_works',
        columns: [
          ID,
          col('maintenance_request_id', 'int unsigned NOT NULL'),
          col('vendor', 'varchar(100) NOT NULL'),
          col('work_date', 'date DEFAULT NULL'),
          col('cost', "int NOT NULL DEFAULT '0'"),
          col('invoice_no', 'varchar(30) DEFAULT NULL'),
          col('note', 'text'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('maintenance_works', 'maintenance_request_id')],
      },
      Array.from({ length: requests.rowCount }, (_, i) => i + 1),
      (_, rng) => (rng.chance(0.45) ? 1 : 0),
      (reqId, _j, id, rng) => {
        const day = D - ((reqId * 7919) % 2700);
        return [
          id,
          reqId,
          rng.pick([
            '株式会社東京設備サービス',
            '水道屋さん24',
            'ダイキンサービス',
            '合同会社リペアワークス',
            'ハウスドクター',
          ]),
          ctx.st.day(day),
          rng.int(3, 80) * 1000,
          `W-${String(reqId).padStart(7, '0')}`,
          rng.chance(0.3) ? '部品交換済み。保証期間内のため無償。' : null,
          ctx.st.at(day, 17 * H),
          ctx.st.at(day, 17 * H),
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'cleaning_reports',
        columns: [
          BIG_ID,
          col('apartment_id', 'int unsigned NOT NULL'),
          col('cleaned_on', 'date NOT NULL'),
          col('staff_name', 'varchar(50) DEFAULT NULL'),
          col('duration_minutes', 'smallint DEFAULT NULL'),
          col('checklist', "varchar(255) DEFAULT NULL COMMENT 'カンマ区切り'"),
          col('comment', 'text'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('cleaning_reports', 'apartment_id', 'cleaned_on')],
      },
      apts,
      (a) =>
        Math.max(
          0,
          Math.floor(((a.closedDay !== null && a.closedDay < D ? a.closedDay : D) - a.openedDay) / 7) * 2,
        ),
      (a, j, id, rng) => {
        const day = a.openedDay + Math.floor(j / 2) * 7 + (j % 2) * 3;
        return [
          id,
          a.id,
          ctx.st.day(day),
          rng.pick(['佐藤', '鈴木', 'Nguyen', '田中', 'Santos', '高橋']),
          rng.int(45, 180),
          'キッチン,トイレ,シャワー,廊下,ゴミ置き場',
          rng.chance(0.15)
            ? rng.pick([
                '冷蔵庫に期限切れ食品多数',
                'シンクに洗い物が放置',
                'Garbage not separated correctly',
                '排水口清掃済み',
              ])
            : null,
          ctx.st.at(day, 16 * H + rng.int(0, 3600)),
          ctx.st.at(day, 16 * H + 3600),
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'staff_shifts',
        columns: [
          BIG_ID,
          col('staff_id', 'int unsigned NOT NULL'),
          col('work_date', 'date NOT NULL'),
          col('start_time', 'time NOT NULL'),
          col('end_time', 'time NOT NULL'),
          col('location', 'varchar(50) DEFAULT NULL'),
          CREATED_AT,
        ],
        keys: [PK, key('staff_shifts', 'staff_id', 'work_date')],
      },
      Array.from({ length: D - from + 1 }, (_, i) => from + i),
      (day) => (weekdayOf(day) === 0 ? 2 : Math.ceil(ctx.staffCount * 0.6)),
      (day, j, id, rng) => {
        const start = rng.pick([9, 10, 10, 11, 13]);
        return [
          id,
          ((day * 31 + j * 7) % ctx.staffCount) + 1,
          ctx.st.day(day),
          `${start}:00:00`,
          `${start + 8}:00:00`,
          rng.pick(['本社', '新宿オフィス', '現地対応', 'リモート']),
          ctx.st.at(day - 7, 18 * H),
        ];
      },
    ),
    timelineTable(
      ctx,
      {
        name: 'announcements',
        columns: [
          ID,
          col('apartment_id', "int unsigned DEFAULT NULL COMMENT 'NULL=全物件'"),
          col('title', 'varchar(255) NOT NULL'),
          col('body', 'text NOT NULL'),
          col('published_at', 'datetime DEFAULT NULL'),
          col('staff_id', 'int unsigned DEFAULT NULL'),
          CREATED_AT,
          UPDATED_AT,
          DELETED_AT,
        ],
        keys: [PK, key('announcements', 'apartment_id')],
      },
      scaled(ctx, 2400, 5),
      () => 1,
      (day, sec, id, rng) => {
        const [title, body] = rng.pick(NOTICES);
        const at = ctx.st.at(day, sec);
        return [
          id,
          rng.chance(0.8) ? rng.pick(apts).id : null,
          title,
          body,
          at,
          rng.int(1, ctx.staffCount),
          at,
          at,
          null,
        ];
      },
    ),
    timelineTable(
      ctx,
      {
        name: 'lost_items',
        columns: [
          ID,
          col('apartment_id', 'int unsigned NOT NULL'),
          col('item', 'varchar(100) NOT NULL'),
          col('found_at', 'datetime NOT NULL'),
          col('returned_at', 'datetime DEFAULT NULL'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('lost_items', 'apartment_id')],
      },
      scaled(ctx, 1500, 3),
      busy,
      (day, sec, id, rng) => [
        id,
        rng.pick(apts).id,
        rng.pick(['傘', '鍵', 'Wallet', 'イヤホン', 'Student ID card', '自転車の鍵', 'スマートフォン']),
        ctx.st.at(day, sec),
        rng.chance(0.6) ? ctx.st.at(Math.min(D, day + rng.int(0, 10)), 19 * H) : null,
        ctx.st.at(day, sec),
        ctx.st.at(day, sec),
      ],
    ),
    timelineTable(
      ctx,
      {
        name: 'parcel_deliveries',
        columns: [
          BIG_ID,
          col('apartment_id', 'int unsigned NOT NULL'),
          col('tenant_id', 'int unsigned DEFAULT NULL'),
          col('carrier', 'varchar(30) DEFAULT NULL'),
          col('tracking_no', 'varchar(30) DEFAULT NULL'),
          col('received_at', 'datetime NOT NULL'),
          col('picked_up_at', 'datetime DEFAULT NULL'),
          CREATED_AT,
        ],
        keys: [PK, key('parcel_deliveries', 'apartment_id'), key('parcel_deliveries', 'tenant_id')],
      },
      scaled(ctx, 120_000, 10),
      busy,
      (day, sec, id, rng) => [
        id,
        rng.pick(apts).id,
        rng.int(1, ctx.core.tenantCount),
        rng.pick(['ヤマト運輸', '佐川急便', '日本郵便', 'Amazon']),
        String(rng.int(100000000, 999999999)) + String(rng.int(100, 999)),
        ctx.st.at(day, sec),
        rng.chance(0.95) ? ctx.st.at(Math.min(D, day + rng.int(0, 3)), rng.int(18 * H, 23 * H)) : null,
        ctx.st.at(day, sec),
      ],
    ),
    timelineTable(
      ctx,
      {
        name: 'incident_reports',
        columns: [
          ID,
          col('apartment_id', 'int unsigned NOT NULL'),
          col('kind', 'varchar(30) NOT NULL'),
          col('description', 'text'),
          col('reported_by', 'varchar(100) DEFAULT NULL'),
          col('occurred_at', 'datetime NOT NULL'),
          col('staff_id', 'int unsigned DEFAULT NULL'),
          CREATED_AT,
          UPDATED_AT,
          DELETED_AT,
        ],
        keys: [PK, key('incident_reports', 'apartment_id')],
      },
      scaled(ctx, 3000, 3),
      busy,
      (day, sec, id, rng) => [
        id,
        rng.pick(apts).id,
        rng.pick(['騒音', '無断宿泊', 'ゴミ出し違反', 'Water leak', '喫煙', '盗難']),
        rng.pick([
          '深夜2時頃まで共用ラウンジで騒いでいたとの報告。',
          'A guest stayed overnight without notice.',
          '分別されていないゴミ袋が放置。',
          '2階シャワー室から漏水。',
        ]),
        rng.chance(0.7) ? '入居者' : '近隣住民',
        ctx.st.at(day, sec),
        rng.int(1, ctx.staffCount),
        ctx.st.at(day, sec),
        ctx.st.at(Math.min(D, day + 1), 12 * H),
        null,
      ],
    ),
    perParent(
      ctx,
      {
        name: 'viewing_reservations',
        columns: [
          ID,
          col('inquiry_id', 'int unsigned NOT NULL'),
          col('apartment_id', 'int unsigned NOT NULL'),
          col('scheduled_at', 'datetime NOT NULL'),
          col('kind', "tinyint NOT NULL DEFAULT '1' COMMENT '1:現地 2:オンライン'"),
          col('status', "tinyint NOT NULL DEFAULT '1' COMMENT '1:予約 2:実施 3:キャンセル 4:無断キャンセル'"),
          col('staff_id', 'int unsigned DEFAULT NULL'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('viewing_reservations', 'inquiry_id'), key('viewing_reservations', 'apartment_id')],
      },
      ctx.world.inquiries.map((_, i) => i),
      (i, rng) => (ctx.world.inquiries[i].apartmentId !== null && rng.chance(0.3) ? 1 : 0),
      (i, _j, id, rng) => {
        const q = ctx.world.inquiries[i];
        const day = q.day + rng.int(1, 10);
        const status = day > D ? 1 : rng.chance(0.75) ? 2 : rng.chance(0.7) ? 3 : 4;
        return [
          id,
          i + 1,
          q.apartmentId as number,
          ctx.st.at(day, rng.int(10, 19) * H),
          rng.chance(0.8) ? 1 : 2,
          status,
          rng.int(1, ctx.staffCount),
          ctx.st.at(q.day, Math.min(86_000, q.sec + 1200)),
          ctx.st.at(Math.min(D, day), 20 * H),
        ];
      },
    ),
  ];
}

const NOTICES: readonly (readonly [string, string])[] = [
  [
    '【重要】消防設備点検のお知らせ / Fire safety inspection',
    '下記日程で消防設備点検を実施します。お部屋への立ち入りにご協力ください。\nWe will inspect the fire alarms. Please allow staff to enter your room.',
  ],
  [
    '年末年始の営業について / Year-end holidays',
    '12月29日〜1月3日は事務所休業となります。緊急時は24時間コールセンターへ。',
  ],
  [
    'ゴミ出しルールの徹底 / Garbage rules',
    '分別されていないゴミは回収されません。Please separate burnable and non-burnable garbage.',
  ],
  [
    'Wi-Fiメンテナンス / Wi-Fi maintenance',
    '回線工事のため、午前2時〜4時の間インターネットが利用できません。',
  ],
  ['共用部清掃日の変更 / Cleaning day change', '清掃日が火曜日から木曜日に変更になります。'],
  [
    'ハウスイベントのお知らせ / House party!',
    '今週末、ラウンジで交流パーティーを開催します🎉 Everyone is welcome!',
  ],
];
