/** Master data: staff and their logins, facilities, room types, tags, channels, templates, settings. */
import type { Rng } from '../prng';
import { col, ID, CREATED_AT, UPDATED_AT, PK, uniqueKey } from '../sql/table-spec';
import type { DumpTable, TableSpec } from '../sql/table-spec';
import { INQUIRY_CHANNELS } from '../codes';
import { ymdOf } from '../dates';
import type { TableContext } from './context';
import { fixedTable } from './helpers';

const NOON = 12 * 3600;

/** Created a while before the operator's first day, never touched since: master rows. */
function masterStamps(ctx: TableContext, rng: Rng): { created_at: string; updated_at: string } {
  const day = ctx.opts.startDay - rng.int(10, 60);
  return {
    created_at: ctx.st.at(day, NOON),
    updated_at: ctx.st.at(rng.int(day, ctx.opts.asOfDay), NOON + rng.int(0, 3600)),
  };
}

function listTable(
  ctx: TableContext,
  spec: TableSpec,
  items: readonly (readonly (string | number | null)[])[],
): DumpTable {
  return fixedTable(ctx, spec, items.length, (id, rng) => {
    const s = masterStamps(ctx, rng);
    return [id, ...items[id - 1], s.created_at, s.updated_at];
  });
}

const FACILITIES: readonly (readonly [string, string, string])[] = [
  ['Wi-Fi', 'Wi-Fi', 'network'],
  ['洗濯機', 'Washing machine', 'laundry'],
  ['乾燥機', 'Dryer', 'laundry'],
  ['共用キッチン', 'Shared kitchen', 'kitchen'],
  ['冷蔵庫', 'Refrigerator', 'kitchen'],
  ['電子レンジ', 'Microwave', 'kitchen'],
  ['炊飯器', 'Rice cooker', 'kitchen'],
  ['シャワールーム', 'Shower room', 'bath'],
  ['浴室', 'Bathtub', 'bath'],
  ['パウダールーム', 'Powder room', 'bath'],
  ['ラウンジ', 'Lounge', 'common'],
  ['ワークスペース', 'Workspace', 'common'],
  ['シアタールーム', 'Theater room', 'common'],
  ['屋上テラス', 'Rooftop terrace', 'common'],
  ['ジム', 'Gym', 'common'],
  ['駐輪場', 'Bicycle parking', 'outdoor'],
  ['宅配ボックス', 'Parcel locker', 'security'],
  ['オートロック', 'Auto-lock', 'security'],
  ['防犯カメラ', 'Security camera', 'security'],
  ['エレベーター', 'Elevator', 'building'],
  ['ゴミ置き場', 'Garbage station', 'building'],
  ['家具付き', 'Furnished', 'room'],
  ['エアコン', 'Air conditioner', 'room'],
  ['ベランダ', 'Balcony', 'room'],
];

const TAGS = [
  '要注意',
  'VIP',
  '長期',
  '学生',
  '法人',
  '再入居',
  '紹介',
  '英語対応',
  '中国語対応',
  '韓国語対応',
  '支払遅延',
  '騒音',
  '喫煙者',
  'ペット相談',
  '早期退去',
  'キャンペーン',
  'SNS',
  'リピーター',
];

const TEMPLATES: readonly (readonly [string, string, string])[] = [
  [
    'inquiry_auto_reply',
    '【GGハウス】お問い合わせありがとうございます / Thank you for your inquiry',
    'inquiry',
  ],
  ['viewing_confirmed', '【GGハウス】内見予約確定のお知らせ / Your viewing is confirmed', 'inquiry'],
  ['application_received', '【GGハウス】お申込みを受け付けました / Application received', 'contract'],
  ['screening_result', '【GGハウス】審査結果のお知らせ / Screening result', 'contract'],
  ['contract_signed', '【GGハウス】ご契約手続き完了 / Your contract is complete', 'contract'],
  ['movein_guide', '【GGハウス】入居のご案内 / Move-in guide', 'contract'],
  ['invoice_issued', '【GGハウス】ご請求書発行のお知らせ / Your invoice', 'billing'],
  ['payment_received', '【GGハウス】お支払い確認 / Payment received', 'billing'],
  ['payment_reminder', '【GGハウス】お支払いのお願い / Payment reminder', 'billing'],
  ['payment_overdue', '【GGハウス】家賃未納のご連絡 / Rent overdue', 'billing'],
  ['renewal_notice', '【GGハウス】契約更新のご案内 / Contract renewal', 'contract'],
  ['moveout_notice_ack', '【GGハウス】退去届を受け付けました / Move-out notice received', 'moveout'],
  ['moveout_guide', '【GGハウス】退去のご案内 / Move-out guide', 'moveout'],
  ['deposit_refund', '【GGハウス】敷金精算のお知らせ / Deposit settlement', 'moveout'],
  ['survey_request', '【GGハウス】アンケートご協力のお願い / Please tell us about your stay', 'moveout'],
  ['maintenance_ack', '【GGハウス】修繕依頼を受け付けました / Maintenance request received', 'maintenance'],
  ['maintenance_done', '【GGハウス】修繕完了のお知らせ / Maintenance completed', 'maintenance'],
  ['cleaning_schedule', '【GGハウス】清掃スケジュールのお知らせ / Cleaning schedule', 'house'],
  ['house_rules', '【GGハウス】ハウスルールの再確認 / House rules reminder', 'house'],
  ['parcel_arrived', '【GGハウス】お荷物が届いています / A parcel has arrived', 'house'],
  ['campaign', '【GGハウス】キャンペーンのお知らせ / Campaign', 'marketing'],
  ['newsletter', '【GGハウス】ニュースレター / Newsletter', 'marketing'],
  ['password_reset', '【GGハウス】パスワード再設定 / Reset your password', 'system'],
  ['login_alert', '【GGハウス】新しい端末からのログイン / New sign-in', 'system'],
];

export const TEMPLATE_KEYS = TEMPLATES.map((t) => t[0]);
export const TEMPLATE_SUBJECTS = TEMPLATES.map((t) => t[1]);

const SETTINGS: readonly (readonly [string, string])[] = [
  ['company.name', '株式会社GGハウジング'],
  ['company.name_en', 'GG Housing Co., Ltd.'],
  ['company.tel', '03-5300-1234'],
  ['company.email', 'info@gghouse.co.jp'],
  ['company.license', '東京都知事(2)第101234号'],
  ['billing.closing_day', '25'],
  ['billing.due_day', '27'],
  ['billing.late_fee_rate', '0.146'],
  ['billing.currency', 'JPY'],
  ['deposit.default', '30000'],
  ['contract.default_months', '12'],
  ['contract.notice_days', '30'],
  ['cleaning.fee', '15000'],
  ['key.replacement_fee', '5000'],
  ['mail.from', 'noreply@gghouse.co.jp'],
  ['mail.bcc', 'log@gghouse.co.jp'],
  ['sms.sender', 'GGHOUSE'],
  ['portal.url', 'https://www.gghouse.co.jp'],
  ['portal.mypage_url', 'https://my.gghouse.co.jp'],
  ['line.channel_id', '1655012345'],
  ['feature.online_contract', '1'],
  ['feature.credit_card', '1'],
  ['feature.survey', '1'],
  ['feature.points', '0'],
  ['feature.coupons', '0'],
  ['timezone', 'Asia/Tokyo'],
  ['locale.default', 'ja'],
  ['locale.supported', 'ja,en,zh,ko'],
  ['guarantor.required_for_foreigners', '1'],
  ['inquiry.auto_reply', '1'],
  ['maintenance.vendor_email', 'repair@gghouse-partners.jp'],
  ['backup.s3_bucket', 'gghouse-backups'],
  ['report.daily_recipients', 'pm@gghouse.co.jp,am@gghouse.co.jp'],
  ['security.password_min_length', '10'],
  ['app.version', '4.12.3'],
];

const MIGRATION_TABLES = [
  'users',
  'password_resets',
  'failed_jobs',
  'personal_access_tokens',
  'apartments',
  'rooms',
  'tenants',
  'movings',
  'inquiries',
  'staff',
  'admin_users',
  'facilities',
  'apartment_facilities',
  'room_types',
  'keys',
  'key_histories',
  'invoices',
  'invoice_items',
  'payments',
  'payment_methods',
  'deposits',
  'deposit_refunds',
  'guarantor_companies',
  'guarantors',
  'corporates',
  'corporate_contacts',
  'emergency_contacts',
  'maintenance_requests',
  'maintenance_works',
  'cleaning_schedules',
  'cleaning_reports',
  'mail_logs',
  'access_logs',
  'audit_logs',
  'notifications',
  'sms_logs',
  'announcements',
  'campaigns',
  'campaign_applications',
  'room_photos',
  'apartment_photos',
  'tenant_documents',
  'contract_documents',
  'moving_histories',
  'surveys',
  'survey_answers',
  'tags',
  'tenant_tags',
  'viewing_reservations',
  'chat_messages',
  'sessions',
  'jobs',
  'cache',
  'settings',
  'email_templates',
  'inquiry_channels',
];

export function masterTables(ctx: TableContext): DumpTable[] {
  return [
    listTable(
      ctx,
      {
        name: 'facilities',
        columns: [
          ID,
          col('name', 'varchar(50) NOT NULL'),
          col('name_en', 'varchar(50) DEFAULT NULL'),
          col('category', 'varchar(20) NOT NULL'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK],
      },
      FACILITIES,
    ),
    listTable(
      ctx,
      {
        name: 'room_types',
        columns: [
          ID,
          col('name', 'varchar(50) NOT NULL'),
          col('name_en', 'varchar(50) DEFAULT NULL'),
          col('sort_order', "tinyint NOT NULL DEFAULT '0'"),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK],
      },
      [
        ['個室', 'Private room', 1],
        ['セミプライベート', 'Semi-private', 2],
        ['ドミトリー', 'Dormitory', 3],
        ['スタッフルーム', 'Staff room', 9],
      ],
    ),
    listTable(
      ctx,
      {
        name: 'tags',
        columns: [
          ID,
          col('name', 'varchar(50) NOT NULL'),
          col('color', "varchar(7) NOT NULL DEFAULT '#999999'"),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, uniqueKey('tags', 'name')],
      },
      TAGS.map((t, i) => [t, `#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}`]),
    ),
    listTable(
      ctx,
      {
        name: 'inquiry_channels',
        columns: [
          ID,
          col('code', 'varchar(20) NOT NULL'),
          col('name', 'varchar(50) NOT NULL'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, uniqueKey('inquiry_channels', 'code')],
      },
      INQUIRY_CHANNELS.map((c) => [c[1], c[2]]),
    ),
    listTable(
      ctx,
      {
        name: 'guarantor_companies',
        columns: [
          ID,
          col('name', 'varchar(100) NOT NULL'),
          col('tel', 'varchar(20) DEFAULT NULL'),
          col('fee_rate', 'decimal(4,2) DEFAULT NULL'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK],
      },
      [
        ['日本セーフティー株式会社', '03-6800-0001', '0.50'],
        ['株式会社Casa', '03-6800-0002', '0.50'],
        ['グローバルトラストネットワークス', '03-6800-0003', '0.40'],
        ['エポスカード', '03-6800-0004', '0.30'],
        ['全保連株式会社', '03-6800-0005', '0.50'],
        ['フォーシーズ株式会社', '03-6800-0006', '0.45'],
        ['株式会社イントラスト', '03-6800-0007', '0.50'],
        ['ジェイリース株式会社', '03-6800-0008', '0.40'],
      ],
    ),
    templates(ctx),
    settings(ctx),
    migrations(ctx),
  ];
}

function templates(ctx: TableContext): DumpTable {
  const spec: TableSpec = {
    name: 'email_templates',
    columns: [
      ID,
      col('template_key', 'varchar(50) NOT NULL'),
      col('subject', 'varchar(255) NOT NULL'),
      col('body', 'text NOT NULL'),
      col('category', 'varchar(20) NOT NULL'),
      col('is_active', "tinyint(1) NOT NULL DEFAULT '1'"),
      CREATED_AT,
      UPDATED_AT,
    ],
    keys: [PK, uniqueKey('email_templates', 'template_key')],
  };
  return fixedTable(ctx, spec, TEMPLATES.length, (id, rng) => {
    const [k, subject, cat] = TEMPLATES[id - 1];
    const body = `{{name}} 様\n\n${subject}\n\n詳細はマイページをご確認ください。\nPlease check your page: {{mypage_url}}\n\nGGハウス運営事務局\nTEL: 03-5300-1234 (10:00-19:00)`;
    const s = masterStamps(ctx, rng);
    return [id, k, subject, body, cat, 1, s.created_at, s.updated_at];
  });
}

function settings(ctx: TableContext): DumpTable {
  return listTable(
    ctx,
    {
      name: 'settings',
      columns: [ID, col('key', 'varchar(100) NOT NULL'), col('value', 'text'), CREATED_AT, UPDATED_AT],
      keys: [PK, uniqueKey('settings', 'key')],
    },
    SETTINGS,
  );
}

function migrations(ctx: TableContext): DumpTable {
  const spec: TableSpec = {
    name: 'migrations',
    columns: [ID, col('migration', 'varchar(255) NOT NULL'), col('batch', 'int NOT NULL')],
    keys: [PK],
  };
  const names: string[] = [];
  let day = ctx.opts.startDay - 200;
  MIGRATION_TABLES.forEach((t, i) => {
    const { year, month, day: d } = ymdOf(day + i * 3);
    names.push(
      `${year}_${String(month).padStart(2, '0')}_${String(d).padStart(2, '0')}_${String(100000 + i).slice(1)}_create_${t}_table`,
    );
  });
  const alters = [
    'add_deleted_at_to_movings',
    'add_line_id_to_tenants',
    'add_visa_type_to_tenants',
    'add_index_movings_status',
    'add_budget_to_inquiries',
    'add_corporate_id_to_tenants',
    'change_rent_to_int_on_rooms',
    'add_gender_restriction_to_apartments',
  ];
  day = ctx.opts.startDay + 100;
  alters.forEach((a, i) => {
    const { year, month, day: d } = ymdOf(day + i * 290);
    names.push(`${year}_${String(month).padStart(2, '0')}_${String(d).padStart(2, '0')}_093000_${a}`);
  });
  return fixedTable(ctx, spec, names.length, (id) => [
    id,
    names[id - 1],
    id <= MIGRATION_TABLES.length ? 1 : id - MIGRATION_TABLES.length + 1,
  ]);
}
