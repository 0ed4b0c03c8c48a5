/** The app's own logs: notifications, logins, SMS, chats, sessions, webhooks. */
import { col, BIG_ID, ID, CREATED_AT, UPDATED_AT, PK, key } from '../sql/table-spec';
import type { DumpTable } from '../sql/table-spec';
import { q } from '../sql/escape';
import type { TableContext } from './context';
import { timelineTable, scaled } from './helpers';
import { USER_AGENTS, ipOf, uuidOf, later } from './log-helpers';
import type { ActiveTenants, Busy } from './log-helpers';
import { token } from './tokens';

const NOTIFICATION_TYPES = [
  'InvoiceIssued',
  'PaymentReceived',
  'MaintenanceUpdated',
  'AnnouncementPublished',
  'ParcelArrived',
  'ContractRenewal',
];

export function notifications(ctx: TableContext, busy: Busy, active: ActiveTenants): DumpTable {
  const spec = {
    name: 'notifications',
    columns: [
      col('id', 'char(36) NOT NULL'),
      col('type', 'varchar(255) NOT NULL'),
      col('notifiable_type', 'varchar(255) NOT NULL'),
      col('notifiable_id', 'bigint unsigned NOT NULL'),
      col('data', 'text NOT NULL'),
      col('read_at', 'timestamp NULL DEFAULT NULL'),
      col('created_at', 'timestamp NULL DEFAULT NULL'),
      col('updated_at', 'timestamp NULL DEFAULT NULL'),
    ],
    keys: [
      'PRIMARY KEY (`id`)',
      'KEY `notifications_notifiable_type_notifiable_id_index` (`notifiable_type`,`notifiable_id`)',
    ],
  };
  const table = timelineTable(ctx, spec, scaled(ctx, 100_000, 20), busy, (day, sec, _id, rng) => {
    const t = active.pick(rng, day);
    const type = NOTIFICATION_TYPES[rng.int(0, NOTIFICATION_TYPES.length - 1)];
    const at = ctx.st.at(day, sec);
    const read = rng.chance(0.6) ? `'${later(ctx, day, sec, rng.int(60, 3 * 86_400))}'` : 'NULL';
    const data = q(
      `{"title": "${type}", "message": "お知らせがあります / You have a new notice", "url": "https://my.gghouse.co.jp/mypage/notices", "tenant_id": ${t}}`,
    );
    return `('${uuidOf(rng)}',${q(`App\\Notifications\\${type}`)},${q('App\\Models\\Tenant')},${t},${data},${read},'${at}','${at}')`;
  });
  return { ...table, autoIncrement: undefined };
}

export function loginHistories(ctx: TableContext, busy: Busy, active: ActiveTenants): DumpTable {
  const spec = {
    name: 'login_histories',
    columns: [
      BIG_ID,
      col('user_type', 'varchar(10) NOT NULL'),
      col('user_id', 'int unsigned DEFAULT NULL'),
      col('login_id', 'varchar(255) DEFAULT NULL'),
      col('ip_address', 'varchar(45) NOT NULL'),
      col('user_agent', 'varchar(255) DEFAULT NULL'),
      col('succeeded', "tinyint(1) NOT NULL DEFAULT '1'"),
      CREATED_AT,
    ],
    keys: [PK, key('login_histories', 'user_type', 'user_id')],
  };
  const ua = USER_AGENTS.map((u) => q(u));
  return timelineTable(ctx, spec, scaled(ctx, 75_000, 20), busy, (day, sec, id, rng) => {
    const admin = rng.chance(0.15);
    const user = admin ? rng.int(1, ctx.staffCount) : active.pick(rng, day);
    const ok = rng.chance(0.93);
    return `(${id},'${admin ? 'admin' : 'tenant'}',${ok ? user : 'NULL'},'${admin ? 'staff' + String(user).padStart(3, '0') : 'tenant' + user + '@example.jp'}','${ipOf(user, admin ? 1 : 2)}',${ua[rng.int(0, ua.length - 1)]},${ok ? 1 : 0},'${ctx.st.at(day, sec)}')`;
  });
}

export function smsLogs(ctx: TableContext, busy: Busy, active: ActiveTenants): DumpTable {
  const spec = {
    name: 'sms_logs',
    columns: [
      ID,
      col('tenant_id', 'int unsigned DEFAULT NULL'),
      col('to_number', 'varchar(20) NOT NULL'),
      col('body', 'varchar(670) NOT NULL'),
      col('status', 'varchar(20) NOT NULL'),
      col('provider_message_id', 'varchar(64) DEFAULT NULL'),
      col('sent_at', 'datetime DEFAULT NULL'),
      CREATED_AT,
    ],
    keys: [PK, key('sms_logs', 'tenant_id')],
  };
  return timelineTable(ctx, spec, scaled(ctx, 30_000, 10), busy, (day, sec, id, rng) => {
    const t = active.pick(rng, day);
    const at = ctx.st.at(day, sec);
    return `(${id},${t},'+8190${rng.int(10000000, 99999999)}',${q(rng.pick(['【GGハウス】家賃のお支払いが確認できておりません。ご確認ください。', '【GGハウス】お荷物をお預かりしています。', '[GG House] Your verification code is ' + rng.int(100000, 999999), '【GGハウス】内見のご予約を承りました。']))},'${rng.chance(0.97) ? 'delivered' : 'failed'}','SM${token(rng, 32).toLowerCase()}','${at}','${at}')`;
  });
}

export function chatMessages(ctx: TableContext, busy: Busy, active: ActiveTenants): DumpTable {
  const spec = {
    name: 'chat_messages',
    columns: [
      BIG_ID,
      col('thread_key', 'varchar(64) NOT NULL'),
      col('sender_type', "varchar(10) NOT NULL COMMENT 'tenant/staff/bot'"),
      col('sender_id', 'int unsigned DEFAULT NULL'),
      col('body', 'text NOT NULL'),
      col('channel', "varchar(10) NOT NULL DEFAULT 'line'"),
      col('read_at', 'datetime DEFAULT NULL'),
      CREATED_AT,
    ],
    keys: [PK, key('chat_messages', 'thread_key')],
  };
  const LINES = [
    'こんにちは！',
    'Is the room still available?',
    '鍵をなくしてしまいました…',
    'ありがとうございます🙏',
    'The shower is broken again.',
    '明日の内見は何時からですか？',
    '了解しました。',
    'Can I pay next week?',
    '退去の手続きについて教えてください。',
    'ゴミの日はいつですか？',
  ];
  return timelineTable(ctx, spec, scaled(ctx, 85_000, 20), busy, (day, sec, id, rng) => {
    const t = active.pick(rng, day);
    const staff = rng.chance(0.45);
    const at = ctx.st.at(day, sec);
    return `(${id},'line:U${((t * 2654435761) >>> 0).toString(16)}${t}','${staff ? 'staff' : 'tenant'}',${staff ? rng.int(1, ctx.staffCount) : t},${q(LINES[rng.int(0, LINES.length - 1)])},'line',${rng.chance(0.8) ? `'${at}'` : 'NULL'},'${at}')`;
  });
}

export function sessions(ctx: TableContext, active: ActiveTenants): DumpTable {
  const spec = {
    name: 'sessions',
    columns: [
      col('id', 'varchar(255) NOT NULL'),
      col('user_id', 'bigint unsigned DEFAULT NULL'),
      col('ip_address', 'varchar(45) DEFAULT NULL'),
      col('user_agent', 'text'),
      col('payload', 'longtext NOT NULL'),
      col('last_activity', 'int NOT NULL'),
    ],
    keys: [
      'PRIMARY KEY (`id`)',
      'KEY `sessions_user_id_index` (`user_id`)',
      'KEY `sessions_last_activity_index` (`last_activity`)',
    ],
  };
  // Sessions expire after two weeks: only recent ones are left in the table.
  const from = ctx.opts.asOfDay - 13;
  const table = timelineTable(
    ctx,
    spec,
    scaled(ctx, 18_000, 10),
    () => 1,
    (day, sec, _id, rng) => {
      const guest = rng.chance(0.4);
      const user = guest ? null : active.pick(rng, day);
      const payload = Buffer.from(
        `a:4:{s:6:"_token";s:40:"${token(rng, 40)}";s:9:"_previous";a:1:{s:3:"url";s:37:"https://my.gghouse.co.jp/mypage/home";}s:6:"_flash";a:2:{s:3:"old";a:0:{}s:3:"new";a:0:{}}s:50:"login_web_59ba36addc2b2f9401580f014c7f58ea4e30989d";i:${user ?? 0};}`,
      ).toString('base64');
      return `('${token(rng, 40)}',${user ?? 'NULL'},'${ipOf(user ?? rng.int(1, 1e6), 2)}',${q(USER_AGENTS[rng.int(0, USER_AGENTS.length - 1)])},'${payload}',${(day - 0) * 86400 + sec - 9 * 3600})`;
    },
    from,
  );
  return { ...table, autoIncrement: undefined };
}

export function webhookLogs(ctx: TableContext, busy: Busy): DumpTable {
  const spec = {
    name: 'webhook_logs',
    columns: [
      BIG_ID,
      col('source', 'varchar(30) NOT NULL'),
      col('event_type', 'varchar(100) NOT NULL'),
      col('payload', 'json NOT NULL'),
      col('status', "tinyint NOT NULL DEFAULT '1' COMMENT '1:処理済 2:失敗 3:無視'"),
      col('received_at', 'datetime NOT NULL'),
      col('processed_at', 'datetime DEFAULT NULL'),
      CREATED_AT,
      UPDATED_AT,
    ],
    keys: [PK, key('webhook_logs', 'source', 'event_type')],
  };
  return timelineTable(ctx, spec, scaled(ctx, 22_000, 10), busy, (day, sec, id, rng) => {
    const stripe = rng.chance(0.6);
    const event = stripe
      ? rng.pick(['payment_intent.succeeded', 'charge.refunded', 'payment_intent.payment_failed'])
      : rng.pick(['message', 'follow', 'unfollow', 'postback']);
    const at = ctx.st.at(day, sec);
    const payload = q(
      stripe
        ? `{"id": "evt_${token(rng, 24)}", "type": "${event}", "data": {"object": {"amount": ${rng.int(40, 95) * 1000}, "currency": "jpy"}}, "livemode": true}`
        : `{"destination": "U${token(rng, 32).toLowerCase()}", "events": [{"type": "${event}", "timestamp": ${day * 86400000 + sec * 1000}}]}`,
    );
    return `(${id},'${stripe ? 'stripe' : 'line'}','${event}',${payload},${rng.chance(0.97) ? 1 : 2},'${at}','${at}','${at}','${at}')`;
  });
}
