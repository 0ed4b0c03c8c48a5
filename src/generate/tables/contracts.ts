/** What hangs off each moving: deposits, guarantors, renewals, campaigns, inspections, keys, history. */
import { col, ID, CREATED_AT, UPDATED_AT, PK, key } from '../sql/table-spec';
import type { DumpTable, TableSpec } from '../sql/table-spec';
import { MOVING_STATUS } from '../codes';
import type { MovingFact } from '../core/core-rows';
import type { TableContext } from './context';
import { perParent } from './helpers';
import { token } from './tokens';

const H = 3600;

export function contractTables(ctx: TableContext): DumpTable[] {
  const ms = ctx.movings;
  const D = ctx.opts.asOfDay;
  const contracted = ms.filter((m) => m.contracted && m.t.contractDay !== null && m.t.contractDay <= D);
  const lived = ms.filter((m) => m.livedFrom !== null);
  const movedOut = lived.filter((m) => m.movedOut);
  return [
    perParent(
      ctx,
      {
        name: 'deposits',
        columns: [
          ID,
          col('moving_id', 'int unsigned NOT NULL'),
          col('amount', 'int NOT NULL'),
          col('received_on', 'date DEFAULT NULL'),
          col('method', "tinyint NOT NULL DEFAULT '1' COMMENT '1:振込 2:クレジット 3:現金'"),
          col('status', "tinyint NOT NULL DEFAULT '1' COMMENT '1:預り中 2:返金済 3:精算済'"),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('deposits', 'moving_id')],
      },
      contracted,
      (m) => (m.t.deposit > 0 ? 1 : 0),
      (m, _j, id, rng) => {
        const day = m.t.contractDay as number;
        return [
          id,
          m.id,
          m.t.deposit,
          ctx.st.day(day + rng.int(0, 3)),
          rng.int(1, 3),
          m.movedOut ? rng.pick([2, 3]) : 1,
          ctx.st.at(day, 11 * H),
          ctx.st.at(m.movedOut ? Math.min(D, (m.livedTo as number) + 30) : day, 15 * H),
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'deposit_refunds',
        columns: [
          ID,
          col('moving_id', 'int unsigned NOT NULL'),
          col('deposit_amount', 'int NOT NULL'),
          col('cleaning_fee', "int NOT NULL DEFAULT '0'"),
          col('damage_fee', "int NOT NULL DEFAULT '0'"),
          col('refund_amount', 'int NOT NULL'),
          col('refunded_on', 'date DEFAULT NULL'),
          col('note', 'varchar(255) DEFAULT NULL'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('deposit_refunds', 'moving_id')],
      },
      movedOut,
      (m) => (m.t.deposit > 0 ? 1 : 0),
      (m, _j, id, rng) => {
        const out = m.livedTo as number;
        const damage = rng.chance(0.15) ? rng.int(1, 20) * 1000 : 0;
        const cleaning = Math.min(m.t.deposit, 15000);
        const refund = Math.max(0, m.t.deposit - cleaning - damage);
        const paid = out + rng.int(14, 45);
        return [
          id,
          m.id,
          m.t.deposit,
          cleaning,
          damage,
          refund,
          paid <= D ? ctx.st.day(paid) : null,
          damage > 0 ? rng.pick(['壁の汚れ', '鍵紛失', '家具破損', 'タバコ臭']) : null,
          ctx.st.at(Math.min(D, out + 3), 14 * H),
          ctx.st.at(Math.min(D, paid), 16 * H),
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'guarantors',
        columns: [
          ID,
          col('moving_id', 'int unsigned NOT NULL'),
          col('guarantor_company_id', 'int unsigned NOT NULL'),
          col('approval_no', 'varchar(30) DEFAULT NULL'),
          col('approved_on', 'date DEFAULT NULL'),
          col('guarantee_fee', "int NOT NULL DEFAULT '0'"),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('guarantors', 'moving_id'), key('guarantors', 'guarantor_company_id')],
      },
      contracted,
      (m, rng) => (m.t.agreementType === 1 && rng.chance(m.t.person.country === 'JP' ? 0.45 : 0.8) ? 1 : 0),
      (m, _j, id, rng) => {
        const day = (m.t.contractDay as number) - rng.int(0, 3);
        return [
          id,
          m.id,
          rng.int(1, 8),
          `G${rng.int(10, 99)}-${token(rng, 8).toUpperCase()}`,
          ctx.st.day(day),
          Math.round((m.rent * 0.5) / 100) * 100,
          ctx.st.at(day, 13 * H),
          ctx.st.at(day, 17 * H),
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'contract_renewals',
        columns: [
          ID,
          col('moving_id', 'int unsigned NOT NULL'),
          col('renewal_no', 'tinyint NOT NULL'),
          col('renewed_on', 'date NOT NULL'),
          col('new_end_date', 'date NOT NULL'),
          col('renewal_fee', "int NOT NULL DEFAULT '0'"),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('contract_renewals', 'moving_id')],
      },
      lived,
      (m) => Math.floor(((m.livedTo as number) - (m.livedFrom as number)) / 365),
      (m, j, id, rng) => {
        const day = (m.livedFrom as number) + 365 * (j + 1) - rng.int(10, 30);
        return [
          id,
          m.id,
          j + 1,
          ctx.st.day(day),
          ctx.st.day((m.livedFrom as number) + 365 * (j + 2) - 1),
          rng.pick([0, 0, 10000]),
          ctx.st.at(day, 10 * H),
          ctx.st.at(day, 10 * H),
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'campaign_applications',
        columns: [
          ID,
          col('moving_id', 'int unsigned NOT NULL'),
          col('campaign_id', 'int unsigned NOT NULL'),
          col('discount_amount', "int NOT NULL DEFAULT '0'"),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('campaign_applications', 'moving_id'), key('campaign_applications', 'campaign_id')],
      },
      contracted,
      (_, rng) => (rng.chance(0.1) ? 1 : 0),
      (m, _j, id, rng) => {
        const day = m.t.contractDay as number;
        const yearIndex = Math.floor((day - ctx.opts.startDay) / 365);
        return [
          id,
          m.id,
          Math.max(1, yearIndex * 6 + rng.int(1, 6)),
          rng.pick([5000, 10000, 20000]),
          ctx.st.at(day, 12 * H),
          ctx.st.at(day, 12 * H),
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'billing_adjustments',
        columns: [
          ID,
          col('moving_id', 'int unsigned NOT NULL'),
          col('kind', "varchar(20) NOT NULL COMMENT 'discount/late_fee/key/cleaning/other'"),
          col('amount', 'int NOT NULL'),
          col('description', 'varchar(255) DEFAULT NULL'),
          col('applied_month', 'char(7) DEFAULT NULL'),
          col('staff_id', 'int unsigned DEFAULT NULL'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('billing_adjustments', 'moving_id')],
      },
      lived,
      (_, rng) => (rng.chance(0.1) ? rng.int(1, 2) : 0),
      (m, _j, id, rng) => {
        const day = rng.int(m.livedFrom as number, m.livedTo as number);
        const [kind, amount, text] = rng.pick(ADJUSTMENTS);
        return [
          id,
          m.id,
          kind,
          amount,
          text,
          ctx.st.day(day)?.slice(0, 7) ?? null,
          rng.int(1, ctx.staffCount),
          ctx.st.at(day, 14 * H),
          ctx.st.at(day, 14 * H),
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'inspections',
        columns: [
          ID,
          col('moving_id', 'int unsigned NOT NULL'),
          col('room_id', 'int unsigned NOT NULL'),
          col('kind', "tinyint NOT NULL COMMENT '1:入居時 2:退去時'"),
          col('inspected_on', 'date NOT NULL'),
          col('staff_id', 'int unsigned DEFAULT NULL'),
          col('result', "tinyint NOT NULL DEFAULT '1' COMMENT '1:問題なし 2:軽微 3:要修繕'"),
          col('comment', 'text'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('inspections', 'moving_id'), key('inspections', 'room_id')],
      },
      lived,
      (m) => (m.movedOut ? 2 : 1),
      (m, j, id, rng) => {
        const day = j === 0 ? (m.livedFrom as number) : (m.livedTo as number);
        const result = j === 0 ? 1 : rng.chance(0.75) ? 1 : rng.chance(0.7) ? 2 : 3;
        return [
          id,
          m.id,
          m.roomId,
          j + 1,
          ctx.st.day(day),
          rng.int(1, ctx.staffCount),
          result,
          result === 1
            ? null
            : rng.pick(['壁紙に傷あり', 'カーペットのシミ', '網戸破れ', 'Desk drawer broken']),
          ctx.st.at(day, 16 * H),
          ctx.st.at(day, 17 * H),
        ];
      },
    ),
    perParent(
      ctx,
      {
        name: 'key_histories',
        columns: [
          ID,
          col('moving_id', 'int unsigned NOT NULL'),
          col('room_id', 'int unsigned NOT NULL'),
          col('action', "tinyint NOT NULL COMMENT '1:貸出 2:返却 3:紛失 4:交換'"),
          col('handled_on', 'date NOT NULL'),
          col('staff_id', 'int unsigned DEFAULT NULL'),
          CREATED_AT,
          UPDATED_AT,
        ],
        keys: [PK, key('key_histories', 'moving_id'), key('key_histories', 'room_id')],
      },
      lived,
      (m, rng) => (m.movedOut ? 2 : 1) + (rng.chance(0.03) ? 2 : 0),
      (m, j, id, rng) => {
        const from = m.livedFrom as number;
        const to = m.livedTo as number;
        const action = j === 0 ? 1 : m.movedOut && j === 1 ? 2 : j % 2 === 0 ? 3 : 4;
        const day = j === 0 ? from : action === 2 ? to : rng.int(from, to);
        return [
          id,
          m.id,
          m.roomId,
          action,
          ctx.st.day(day),
          rng.int(1, ctx.staffCount),
          ctx.st.at(day, 18 * H),
          ctx.st.at(day, 18 * H),
        ];
      },
    ),
    movingHistories(ctx, ms),
  ];
}

const ADJUSTMENTS: readonly (readonly [string, number, string])[] = [
  ['discount', -5000, 'キャンペーン割引'],
  ['discount', -10000, 'フリーレント調整'],
  ['late_fee', 1000, '遅延損害金'],
  ['key', 5000, '鍵交換費用'],
  ['cleaning', 3000, '共用部清掃協力金'],
  ['other', 2000, 'Bicycle parking'],
  ['other', -2000, '設備不具合による減額'],
];

/** One row per status the moving went through, in order (the PMS's audit of the workflow). */
function movingHistories(ctx: TableContext, ms: readonly MovingFact[]): DumpTable {
  const spec: TableSpec = {
    name: 'moving_histories',
    columns: [
      ID,
      col('moving_id', 'int unsigned NOT NULL'),
      col('from_status', 'tinyint DEFAULT NULL'),
      col('to_status', 'tinyint NOT NULL'),
      col('changed_at', 'datetime NOT NULL'),
      col('staff_id', 'int unsigned DEFAULT NULL'),
      col('comment', 'varchar(255) DEFAULT NULL'),
      CREATED_AT,
    ],
    keys: [PK, key('moving_histories', 'moving_id')],
  };
  const path = (m: MovingFact): number[] => {
    if (m.status === MOVING_STATUS.rejected || m.status === MOVING_STATUS.cancelled) return [1, 2, m.status];
    const order: number[] = [
      MOVING_STATUS.applied,
      MOVING_STATUS.screening,
      MOVING_STATUS.contracted,
      MOVING_STATUS.living,
      MOVING_STATUS.noticeGiven,
      MOVING_STATUS.movedOut,
    ];
    return order.slice(0, Math.max(1, order.indexOf(m.status) + 1));
  };
  return perParent(
    ctx,
    spec,
    ms,
    (m) => path(m).length,
    (m, j, id, rng) => {
      const p = path(m);
      const t = m.t;
      const days = [
        t.applicationDay,
        t.applicationDay + 1,
        t.contractDay ?? t.applicationDay + 2,
        t.moveinDay,
        t.noticeDay ?? t.planDay ?? t.moveinDay,
        t.moveoutDay ?? t.moveinDay,
      ];
      const day = Math.min(ctx.opts.asOfDay, p[j] >= 8 ? t.applicationDay + 4 : days[j]);
      const at = ctx.st.at(day, rng.int(9 * H, 19 * H));
      return [
        id,
        m.id,
        j === 0 ? null : p[j - 1],
        p[j],
        at,
        rng.int(1, ctx.staffCount),
        p[j] === MOVING_STATUS.rejected ? '保証会社審査否決' : null,
        at,
      ];
    },
  );
}
