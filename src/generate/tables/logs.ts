/**
 * The log tables, where most of the dump's bytes are. Rows are formatted straight into text
 * (no per-value escaping where the text is known to be safe) because hundreds of megabytes of
 * them must stream in seconds.
 */
import { col, BIG_ID, CREATED_AT, UPDATED_AT, PK, key } from '../sql/table-spec';
import type { DumpTable } from '../sql/table-spec';
import { q } from '../sql/escape';
import type { TableContext } from './context';
import { timelineTable, occupancy, scaled } from './helpers';
import { ActiveTenants, USER_AGENTS, ipOf, uuidOf, later } from './log-helpers';
import type { Busy } from './log-helpers';
import { notifications, loginHistories, smsLogs, chatMessages, sessions, webhookLogs } from './app-logs';
import { TEMPLATE_KEYS, TEMPLATE_SUBJECTS } from './masters';
import { token } from './tokens';

const PATHS: readonly (readonly [string, string, number])[] = [
  ['GET', '/mypage', 30],
  ['GET', '/mypage/invoices', 14],
  ['GET', '/mypage/invoices/{id}', 8],
  ['GET', '/mypage/contract', 5],
  ['GET', '/mypage/notices', 9],
  ['POST', '/mypage/maintenance', 2],
  ['GET', '/mypage/maintenance/{id}', 3],
  ['GET', '/api/v1/notifications', 12],
  ['GET', '/api/v1/me', 10],
  ['POST', '/api/v1/login', 4],
  ['GET', '/houses', 10],
  ['GET', '/houses/{id}', 12],
  ['GET', '/houses/{id}/rooms', 6],
  ['POST', '/inquiries', 2],
  ['GET', '/admin/movings', 6],
  ['GET', '/admin/movings/{id}', 8],
  ['POST', '/admin/movings/{id}', 2],
  ['GET', '/admin/tenants/{id}', 6],
  ['GET', '/admin/dashboard', 4],
  ['GET', '/assets/app.js', 6],
  ['GET', '/favicon.ico', 2],
];
const PATH_TABLE: string[] = [];
PATHS.forEach(([m, p, w]) => {
  for (let i = 0; i < w; i++) PATH_TABLE.push(`${m}|${p}`);
});
const REFERERS = [
  'NULL',
  'NULL',
  "'https://my.gghouse.co.jp/mypage'",
  "'https://www.google.com/'",
  "'https://www.gghouse.co.jp/houses'",
  "'https://line.me/'",
];

export function logTables(ctx: TableContext): DumpTable[] {
  const occ = occupancy(ctx);
  const from = ctx.opts.startDay;
  const busy = (day: number) => occ[day - from] ?? 0;
  const active = new ActiveTenants(ctx);
  return [
    accessLogs(ctx, busy, active),
    mailLogs(ctx, busy, active),
    auditLogs(ctx, busy),
    apiRequestLogs(ctx, busy),
    notifications(ctx, busy, active),
    loginHistories(ctx, busy, active),
    smsLogs(ctx, busy, active),
    chatMessages(ctx, busy, active),
    sessions(ctx, active),
    webhookLogs(ctx, busy),
  ];
}

function accessLogs(ctx: TableContext, busy: Busy, active: ActiveTenants): DumpTable {
  const spec = {
    name: 'access_logs',
    columns: [
      BIG_ID,
      col('user_type', 'varchar(10) DEFAULT NULL'),
      col('user_id', 'int unsigned DEFAULT NULL'),
      col('ip_address', 'varchar(45) NOT NULL'),
      col('method', 'varchar(8) NOT NULL'),
      col('path', 'varchar(255) NOT NULL'),
      col('status_code', 'smallint unsigned NOT NULL'),
      col('response_ms', 'int unsigned DEFAULT NULL'),
      col('user_agent', 'varchar(255) DEFAULT NULL'),
      col('referer', 'varchar(255) DEFAULT NULL'),
      col('created_at', 'datetime NOT NULL'),
    ],
    keys: [PK, key('access_logs', 'user_id'), key('access_logs', 'created_at')],
  };
  const ua = USER_AGENTS.map((u) => q(u));
  return timelineTable(ctx, spec, scaled(ctx, 1_095_000, 100), busy, (day, sec, id, rng) => {
    const [method, tpl] = PATH_TABLE[rng.int(0, PATH_TABLE.length - 1)].split('|');
    const admin = tpl.startsWith('/admin');
    const guest = !admin && (tpl.startsWith('/houses') || tpl === '/inquiries' || rng.chance(0.1));
    const user = admin ? rng.int(1, ctx.staffCount) : guest ? 0 : active.pick(rng, day);
    const path = tpl.replace('{id}', String(rng.int(1, admin ? 60000 : 5000)));
    const status = rng.chance(0.97) ? (method === 'POST' ? 302 : 200) : rng.pick([404, 500, 419, 403]);
    const type = admin ? "'admin'" : guest ? 'NULL' : "'tenant'";
    const ip = guest ? ipOf(rng.int(1, 1e6), 7) : ipOf(user, admin ? 1 : 2);
    return `(${id},${type},${guest ? 'NULL' : user},'${ip}','${method}','${path}${rng.chance(0.1) ? '?page=' + rng.int(2, 9) : ''}',${status},${Math.floor(rng.exp(120)) + 8},${ua[rng.int(0, ua.length - 1)]},${REFERERS[rng.int(0, REFERERS.length - 1)]},'${ctx.st.at(day, sec)}')`;
  });
}

function mailLogs(ctx: TableContext, busy: Busy, active: ActiveTenants): DumpTable {
  const spec = {
    name: 'mail_logs',
    columns: [
      BIG_ID,
      col('tenant_id', 'int unsigned DEFAULT NULL'),
      col('template_key', 'varchar(50) DEFAULT NULL'),
      col('to_address', 'varchar(255) NOT NULL'),
      col('subject', 'varchar(255) NOT NULL'),
      col('body', 'mediumtext'),
      col('status', "tinyint NOT NULL DEFAULT '1' COMMENT '1:送信済 2:失敗 3:バウンス'"),
      col('message_id', 'varchar(100) DEFAULT NULL'),
      col('sent_at', 'datetime DEFAULT NULL'),
      col('opened_at', 'datetime DEFAULT NULL'),
      CREATED_AT,
    ],
    keys: [PK, key('mail_logs', 'tenant_id'), key('mail_logs', 'sent_at')],
  };
  return timelineTable(ctx, spec, scaled(ctx, 112_000, 20), busy, (day, sec, id, rng) => {
    const t = active.pick(rng, day);
    const k = rng.int(0, TEMPLATE_KEYS.length - 1);
    const at = ctx.st.at(day, sec);
    const amount = rng.int(40, 95) * 1000;
    const body = q(
      `テナント${t} 様\n\n${TEMPLATE_SUBJECTS[k]}\n\n` +
        `いつもGGハウスをご利用いただきありがとうございます。\n` +
        (k >= 6 && k <= 9 ? `ご請求金額: ¥${amount.toLocaleString('en-US')}\nお支払期限: 毎月27日\n` : '') +
        `詳細はマイページをご確認ください: https://my.gghouse.co.jp/mypage?ref=mail&id=${id}\n\n` +
        `Dear tenant,\nThank you for staying with GG House. Please check your page for details.\n` +
        `If you have any questions, reply to this email or contact us on LINE.\n\n` +
        `――――――――――――――――\nGGハウス運営事務局 / GG House Office\nTEL: 03-5300-1234 (10:00-19:00)\n〒160-0023 東京都新宿区西新宿1-2-3\n――――――――――――――――`,
    );
    const status = rng.chance(0.97) ? 1 : rng.chance(0.5) ? 2 : 3;
    const opened =
      status === 1 && rng.chance(0.45) ? `'${later(ctx, day, sec, rng.int(60, 2 * 86_400))}'` : 'NULL';
    return `(${id},${t},'${TEMPLATE_KEYS[k]}','tenant${t}@example.jp',${q(TEMPLATE_SUBJECTS[k])},${body},${status},'<${token(rng, 24)}@mail.gghouse.co.jp>',${status === 2 ? 'NULL' : `'${at}'`},${opened},'${at}')`;
  });
}

const AUDITED: readonly (readonly [string, readonly string[]])[] = [
  ['App\\Models\\Moving', ['status', 'moveout_plan_date', 'rent', 'note']],
  ['App\\Models\\Tenant', ['tel', 'email', 'memo', 'visa_type']],
  ['App\\Models\\Room', ['status', 'rent']],
  ['App\\Models\\Invoice', ['status', 'paid_at']],
  ['App\\Models\\Inquiry', ['status', 'staff_id']],
];

function auditLogs(ctx: TableContext, busy: Busy): DumpTable {
  const spec = {
    name: 'audit_logs',
    columns: [
      BIG_ID,
      col('user_type', 'varchar(50) DEFAULT NULL'),
      col('user_id', 'int unsigned DEFAULT NULL'),
      col('event', 'varchar(20) NOT NULL'),
      col('auditable_type', 'varchar(100) NOT NULL'),
      col('auditable_id', 'bigint unsigned NOT NULL'),
      col('old_values', 'json DEFAULT NULL'),
      col('new_values', 'json DEFAULT NULL'),
      col('url', 'varchar(255) DEFAULT NULL'),
      col('ip_address', 'varchar(45) DEFAULT NULL'),
      col('user_agent', 'varchar(255) DEFAULT NULL'),
      CREATED_AT,
      UPDATED_AT,
    ],
    keys: [
      PK,
      'KEY `audit_logs_auditable_type_auditable_id_index` (`auditable_type`,`auditable_id`)',
      key('audit_logs', 'user_id'),
    ],
  };
  return timelineTable(ctx, spec, scaled(ctx, 160_000, 20), busy, (day, sec, id, rng) => {
    const [type, fields] = AUDITED[rng.int(0, AUDITED.length - 1)];
    const field = fields[rng.int(0, fields.length - 1)];
    const staff = rng.int(1, ctx.staffCount);
    const event = rng.chance(0.85) ? 'updated' : 'created';
    const oldV =
      event === 'created'
        ? 'NULL'
        : q(
            `{"${field}": ${rng.int(1, 6)}, "updated_at": "${ctx.st.at(Math.max(ctx.opts.startDay, day - rng.int(1, 90)), sec)}"}`,
          );
    const at = ctx.st.at(day, sec);
    const newV = q(`{"${field}": ${rng.int(1, 6)}, "updated_at": "${at}"}`);
    const target = rng.int(1, 60000);
    return `(${id},${q('App\\Models\\AdminUser')},${staff},'${event}',${q(type)},${target},${oldV},${newV},'https://admin.gghouse.co.jp/${type.slice(11).toLowerCase()}s/${target}/edit','${ipOf(staff, 1)}',${q(USER_AGENTS[4 + (staff % 4)])},'${at}','${at}')`;
  });
}

function apiRequestLogs(ctx: TableContext, busy: Busy): DumpTable {
  const spec = {
    name: 'api_request_logs',
    columns: [
      BIG_ID,
      col('service', 'varchar(30) NOT NULL'),
      col('endpoint', 'varchar(255) NOT NULL'),
      col('method', 'varchar(8) NOT NULL'),
      col('request_body', 'text'),
      col('response_status', 'smallint DEFAULT NULL'),
      col('response_body', 'mediumtext'),
      col('duration_ms', 'int unsigned DEFAULT NULL'),
      CREATED_AT,
    ],
    keys: [PK, key('api_request_logs', 'service', 'created_at')],
  };
  const SERVICES = [
    ['suumo', 'https://api.suumo.example/v2/listings/sync', 'POST'],
    ['homes', 'https://api.homes.example/rooms/vacancy', 'PUT'],
    ['gtn', 'https://api.gtn.example/screening/applications', 'POST'],
    ['stripe', 'https://api.stripe.com/v1/payment_intents', 'POST'],
    ['line', 'https://api.line.me/v2/bot/message/push', 'POST'],
  ] as const;
  return timelineTable(ctx, spec, scaled(ctx, 66_000, 20), busy, (day, sec, id, rng) => {
    const [svc, url, method] = SERVICES[rng.int(0, SERVICES.length - 1)];
    const ok = rng.chance(0.96);
    const req = q(
      `{"request_id": "${uuidOf(rng)}", "room_id": ${rng.int(1, ctx.world.rooms.length)}, "rent": ${rng.int(40, 95) * 1000}, "available_from": "${ctx.st.day(day + rng.int(0, 40))}", "lang": "ja"}`,
    );
    const res = ok
      ? q(
          `{"status": "ok", "id": "${token(rng, 18)}", "received_at": "${ctx.st.at(day, sec)}", "warnings": []}`,
        )
      : q(
          `{"status": "error", "code": "${rng.pick(['RATE_LIMIT', 'TIMEOUT', 'INVALID_PARAM'])}", "message": "request failed"}`,
        );
    return `(${id},'${svc}','${url}','${method}',${req},${ok ? 200 : rng.pick([429, 500, 504, 422])},${res},${Math.floor(rng.exp(300)) + 40},'${ctx.st.at(day, sec)}')`;
  });
}
