/** The operator itself and its clients: staff, their logins, campaigns, corporate customers. */
import { col, ID, CREATED_AT, UPDATED_AT, DELETED_AT, PK, key, uniqueKey } from '../sql/table-spec';
import type { DumpTable, TableSpec } from '../sql/table-spec';
import { personName, phoneOf } from '../names';
import { ymdOf } from '../dates';
import type { TableContext } from './context';
import { fixedTable } from './helpers';
import { bcryptLike, token } from './tokens';

const NOON = 12 * 3600;

export function organisationTables(ctx: TableContext): DumpTable[] {
  return [staff(ctx), adminUsers(ctx), campaigns(ctx), corporates(ctx)];
}

const ROLES = [
  'property_manager',
  'front_desk',
  'cleaning_supervisor',
  'maintenance',
  'sales',
  'accounting',
  'admin',
];

function staff(ctx: TableContext): DumpTable {
  const spec: TableSpec = {
    name: 'staff',
    columns: [
      ID,
      col('name', 'varchar(100) NOT NULL'),
      col('name_en', 'varchar(100) DEFAULT NULL'),
      col('email', 'varchar(255) NOT NULL'),
      col('tel', 'varchar(20) DEFAULT NULL'),
      col('role', 'varchar(30) NOT NULL'),
      col('languages', "varchar(50) DEFAULT NULL COMMENT '対応言語'"),
      col('hired_on', 'date DEFAULT NULL'),
      col('retired_on', 'date DEFAULT NULL'),
      CREATED_AT,
      UPDATED_AT,
      DELETED_AT,
    ],
    keys: [PK, uniqueKey('staff', 'email')],
  };
  return fixedTable(ctx, spec, ctx.staffCount, (id, rng) => {
    const jp = rng.chance(0.8);
    const n = personName(rng, jp ? 'JP' : rng.pick(['CN', 'KR', 'US', 'FR', 'VN']), rng.int(1, 2));
    const hired = rng.int(ctx.opts.startDay - 400, ctx.opts.asOfDay - 30);
    const retired = rng.chance(0.25) ? rng.int(hired + 90, ctx.opts.asOfDay + 90) : null;
    const retiredPast = retired !== null && retired <= ctx.opts.asOfDay ? retired : null;
    return [
      id,
      n.script ?? n.kana,
      n.romaji,
      `staff${String(id).padStart(3, '0')}@gghouse.co.jp`,
      phoneOf(rng),
      ROLES[id % ROLES.length],
      jp
        ? rng.pick(['ja', 'ja,en', 'ja,en', 'ja,zh'])
        : rng.pick(['en,ja', 'zh,ja,en', 'ko,ja', 'fr,en,ja', 'vi,ja']),
      ctx.st.day(hired),
      ctx.st.day(retiredPast),
      ctx.st.at(hired, NOON),
      ctx.st.at(retiredPast ?? rng.int(hired, ctx.opts.asOfDay), NOON),
      retiredPast !== null && rng.chance(0.5) ? ctx.st.at(retiredPast, NOON + 3600) : null,
    ];
  });
}

function adminUsers(ctx: TableContext): DumpTable {
  const spec: TableSpec = {
    name: 'admin_users',
    columns: [
      ID,
      col('staff_id', 'int unsigned NOT NULL'),
      col('login_id', 'varchar(50) NOT NULL'),
      col('password', 'varchar(255) NOT NULL'),
      col('role', "tinyint NOT NULL DEFAULT '2' COMMENT '1:管理者 2:スタッフ 3:閲覧のみ'"),
      col('remember_token', 'varchar(100) DEFAULT NULL'),
      col('last_login_at', 'datetime DEFAULT NULL'),
      CREATED_AT,
      UPDATED_AT,
    ],
    keys: [PK, uniqueKey('admin_users', 'login_id'), key('admin_users', 'staff_id')],
  };
  return fixedTable(ctx, spec, ctx.staffCount, (id, rng) => {
    const last = rng.int(ctx.opts.asOfDay - 60, ctx.opts.asOfDay);
    return [
      id,
      id,
      `staff${String(id).padStart(3, '0')}`,
      bcryptLike(rng),
      id <= 3 ? 1 : rng.chance(0.1) ? 3 : 2,
      rng.chance(0.3) ? token(rng, 60) : null,
      ctx.st.at(last, rng.int(28800, 72000)),
      ctx.st.at(ctx.opts.startDay - 5, NOON),
      ctx.st.at(last, rng.int(28800, 72000)),
    ];
  });
}

const SEASONS: readonly (readonly [string, string, number])[] = [
  ['新生活応援キャンペーン', 'New life campaign', 2],
  ['春の入居キャンペーン', 'Spring move-in campaign', 3],
  ['夏のフリーレント', 'Summer free rent', 7],
  ['秋の留学生応援', 'Autumn student support', 9],
  ['年末年始キャンペーン', 'Year-end campaign', 12],
  ['お友達紹介キャンペーン', 'Refer-a-friend campaign', 5],
];

function campaigns(ctx: TableContext): DumpTable {
  const spec: TableSpec = {
    name: 'campaigns',
    columns: [
      ID,
      col('name', 'varchar(100) NOT NULL'),
      col('name_en', 'varchar(100) DEFAULT NULL'),
      col('discount_type', "tinyint NOT NULL DEFAULT '1' COMMENT '1:定額 2:賃料無料期間'"),
      col('discount_amount', "int NOT NULL DEFAULT '0'"),
      col('starts_on', 'date NOT NULL'),
      col('ends_on', 'date NOT NULL'),
      col('is_active', "tinyint(1) NOT NULL DEFAULT '1'"),
      CREATED_AT,
      UPDATED_AT,
    ],
    keys: [PK, key('campaigns', 'starts_on')],
  };
  const years = Math.ceil((ctx.opts.asOfDay - ctx.opts.startDay) / 365) + 1;
  const n = years * SEASONS.length;
  const firstYear = ymdOf(ctx.opts.startDay).year;
  return fixedTable(ctx, spec, n, (id, rng) => {
    const [name, nameEn, month] = SEASONS[(id - 1) % SEASONS.length];
    const year = firstYear + Math.floor((id - 1) / SEASONS.length);
    const start = Math.floor(Date.UTC(year, month - 1, 1) / 86_400_000);
    const end = start + rng.int(30, 75);
    const type = rng.chance(0.7) ? 1 : 2;
    return [
      id,
      `${name}${year}`,
      `${nameEn} ${year}`,
      type,
      type === 1 ? rng.pick([5000, 10000, 20000, 30000]) : 0,
      ctx.st.day(start),
      ctx.st.day(end),
      end >= ctx.opts.asOfDay ? 1 : 0,
      ctx.st.at(start - rng.int(5, 20), NOON),
      ctx.st.at(Math.min(end, ctx.opts.asOfDay), NOON),
    ];
  });
}

function corporates(ctx: TableContext): DumpTable {
  const spec: TableSpec = {
    name: 'corporates',
    columns: [
      ID,
      col('name', 'varchar(100) NOT NULL'),
      col('name_en', 'varchar(100) DEFAULT NULL'),
      col('postal_code', 'varchar(8) DEFAULT NULL'),
      col('address', 'varchar(255) DEFAULT NULL'),
      col('tel', 'varchar(20) DEFAULT NULL'),
      col('billing_email', 'varchar(255) DEFAULT NULL'),
      col('payment_terms', "tinyint NOT NULL DEFAULT '1' COMMENT '1:月末締め翌月末払い 2:前払い'"),
      CREATED_AT,
      UPDATED_AT,
      DELETED_AT,
    ],
    keys: [PK],
  };
  const list = ctx.world.corporates;
  return fixedTable(ctx, spec, list.length, (id, rng) => {
    const c = list[id - 1];
    const created = rng.int(ctx.opts.startDay, ctx.opts.asOfDay - 30);
    return [
      id,
      c.name,
      c.nameEn,
      `1${rng.int(0, 9)}${rng.int(0, 9)}-${String(rng.int(0, 9999)).padStart(4, '0')}`,
      `東京都${rng.pick(['千代田区丸の内', '港区芝浦', '新宿区西新宿', '渋谷区道玄坂', '品川区大崎'])}${rng.int(1, 4)}-${rng.int(1, 20)}-${rng.int(1, 15)}`,
      `03-${rng.int(3000, 6999)}-${rng.int(1000, 9999)}`,
      `soumu${id}@example.co.jp`,
      rng.chance(0.85) ? 1 : 2,
      ctx.st.at(created, NOON),
      ctx.st.at(rng.int(created, ctx.opts.asOfDay), NOON),
      null,
    ];
  });
}
