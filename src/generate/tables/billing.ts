/**
 * Monthly billing: an invoice per lived month (issued on the 25th for the next month, rent
 * prorated in the first and last month), two items each, and the payments that settled them.
 * Invoices are numbered month by month, as the billing batch creates them.
 */
import { hash01 } from '../prng';
import { col, ID, BIG_ID, CREATED_AT, UPDATED_AT, DELETED_AT, PK, key, uniqueKey } from '../sql/table-spec';
import type { DumpTable, TableSpec } from '../sql/table-spec';
import { dayOf, daysInMonth, ymdOf } from '../dates';
import type { MovingFact } from '../core/core-rows';
import type { TableContext } from './context';
import { perParent } from './helpers';
import { q } from '../sql/escape';

const H = 3600;

interface Month {
  readonly year: number;
  readonly month: number;
  readonly first: number;
  readonly last: number;
  readonly label: string;
}

interface Invoice {
  readonly id: number;
  readonly m: MovingFact;
  readonly month: Month;
  readonly amount: number;
  /** 1 unpaid, 2 paid, 3 overdue. */
  readonly status: number;
  readonly paidDay: number | null;
}

/** Month buckets of the movings lived in each month, built once and shared by three tables. */
class BillingIndex {
  readonly months: Month[] = [];
  readonly buckets: number[][] = [];
  readonly invoiceCount: number;
  readonly paidCount: number;

  constructor(
    private readonly ctx: TableContext,
    readonly movings: readonly MovingFact[],
  ) {
    const start = ymdOf(ctx.opts.startDay);
    const end = ymdOf(ctx.opts.asOfDay);
    for (
      let y = start.year, mo = start.month;
      y < end.year || (y === end.year && mo <= end.month);
      mo === 12 ? (y++, (mo = 1)) : mo++
    ) {
      const first = dayOf(y, mo, 1);
      this.months.push({
        year: y,
        month: mo,
        first,
        last: first + daysInMonth(y, mo) - 1,
        label: `${y}-${String(mo).padStart(2, '0')}`,
      });
      this.buckets.push([]);
    }
    movings.forEach((m, i) => {
      if (m.livedFrom === null || m.livedTo === null || m.deleted) return;
      for (let k = this.monthIndex(m.livedFrom); k <= this.monthIndex(m.livedTo); k++)
        if (k >= 0) this.buckets[k].push(i);
    });
    let n = 0;
    let paid = 0;
    for (const inv of this.each()) {
      n++;
      if (inv.status === 2) paid++;
    }
    this.invoiceCount = n;
    this.paidCount = paid;
  }

  private monthIndex(day: number): number {
    const { year, month } = ymdOf(day);
    const s = this.months[0];
    return (year - s.year) * 12 + month - s.month;
  }

  /** Every invoice in id order; the status draw is a hash of the id, so both passes agree. */
  *each(): Generator<Invoice> {
    let id = 0;
    const D = this.ctx.opts.asOfDay;
    for (let k = 0; k < this.buckets.length; k++) {
      const bucket = this.buckets[k];
      const month = this.months[k];
      for (const i of bucket) {
        const m = this.movings[i];
        const from = Math.max(month.first, m.livedFrom as number);
        const to = Math.min(month.last, m.livedTo as number);
        const share = (to - from + 1) / (month.last - month.first + 1);
        const amount = Math.round(((m.rent + m.t.commonFee) * share) / 10) * 10;
        const u = hash01(this.ctx.opts.seed, 'invoices:status', ++id);
        const due = month.first - 4;
        const old = month.last < D - 10;
        const status = !old && due > D - 1 ? 1 : u < 0.965 ? 2 : u < 0.99 && old ? 2 : old ? 3 : 1;
        const paidDay =
          status === 2
            ? Math.min(
                D,
                due - 3 + Math.floor(hash01(this.ctx.opts.seed, 'invoices:paid', id) * (u < 0.965 ? 6 : 40)),
              )
            : null;
        yield { id, m, month, amount, status, paidDay };
      }
    }
  }
}

export function billingTables(ctx: TableContext): DumpTable[] {
  const index = new BillingIndex(ctx, ctx.movings);
  return [
    invoices(ctx, index),
    invoiceItems(ctx, index),
    payments(ctx, index),
    paymentMethods(ctx),
    bankAccounts(ctx),
  ];
}

function streamed(spec: TableSpec, n: number, rows: () => Iterable<string>): DumpTable {
  return { spec, rowCount: n, autoIncrement: n + 1, rows };
}

/** The rows `f` makes of each invoice (none, one or several), lazily. */
function* invoiceRows(index: BillingIndex, f: (inv: Invoice) => string | string[]): Iterable<string> {
  for (const inv of index.each()) {
    const r = f(inv);
    if (typeof r === 'string') yield r;
    else yield* r;
  }
}

function invoices(ctx: TableContext, index: BillingIndex): DumpTable {
  const spec: TableSpec = {
    name: 'invoices',
    columns: [
      BIG_ID,
      col('invoice_no', 'varchar(30) NOT NULL'),
      col('moving_id', 'int unsigned NOT NULL'),
      col('tenant_id', 'int unsigned NOT NULL'),
      col('billing_month', "char(7) NOT NULL COMMENT 'YYYY-MM'"),
      col('issue_date', 'date NOT NULL'),
      col('due_date', 'date NOT NULL'),
      col('amount', 'int NOT NULL'),
      col('tax', "int NOT NULL DEFAULT '0'"),
      col('status', "tinyint NOT NULL DEFAULT '1' COMMENT '1:未払 2:支払済 3:滞納'"),
      col('paid_at', 'datetime DEFAULT NULL'),
      CREATED_AT,
      UPDATED_AT,
      DELETED_AT,
    ],
    keys: [
      PK,
      uniqueKey('invoices', 'invoice_no'),
      key('invoices', 'moving_id'),
      key('invoices', 'tenant_id'),
      key('invoices', 'billing_month'),
    ],
  };
  const st = ctx.st;
  return streamed(spec, index.invoiceCount, () =>
    invoiceRows(index, (inv) => {
      const issue = inv.month.first - 7;
      const due = inv.month.first - 4;
      const paid = inv.paidDay === null ? 'NULL' : q(st.at(inv.paidDay, 10 * H + (inv.id % 30000)));
      const created = st.at(Math.min(issue, ctx.opts.asOfDay), 6 * H);
      const updated = inv.paidDay === null ? created : st.at(inv.paidDay, 10 * H + (inv.id % 30000));
      return `(${inv.id},'INV-${inv.month.label.replace('-', '')}-${String(inv.id).padStart(7, '0')}',${inv.m.id},${inv.m.tenantId},'${inv.month.label}','${st.day(Math.min(issue, ctx.opts.asOfDay))}','${st.day(due)}',${inv.amount},0,${inv.status},${paid},'${created}','${updated}',NULL)`;
    }),
  );
}

function invoiceItems(ctx: TableContext, index: BillingIndex): DumpTable {
  const spec: TableSpec = {
    name: 'invoice_items',
    columns: [
      BIG_ID,
      col('invoice_id', 'bigint unsigned NOT NULL'),
      col('item_type', "tinyint NOT NULL COMMENT '1:賃料 2:共益費 3:その他'"),
      col('description', 'varchar(100) NOT NULL'),
      col('amount', 'int NOT NULL'),
      CREATED_AT,
    ],
    keys: [PK, key('invoice_items', 'invoice_id')],
  };
  const st = ctx.st;
  return streamed(spec, index.invoiceCount * 2, () =>
    invoiceRows(index, (inv) => {
      const created = st.at(Math.min(inv.month.first - 7, ctx.opts.asOfDay), 6 * H);
      const fee = inv.m.t.commonFee;
      const rentPart = inv.amount - Math.round((inv.amount * fee) / Math.max(1, inv.m.rent + fee));
      return [
        `(${2 * inv.id - 1},${inv.id},1,'賃料 ${inv.month.label}',${rentPart},'${created}')`,
        `(${2 * inv.id},${inv.id},2,'共益費 ${inv.month.label}',${inv.amount - rentPart},'${created}')`,
      ];
    }),
  );
}

const METHODS = ['口座振替', 'クレジットカード', '銀行振込', 'コンビニ払い'];

function payments(ctx: TableContext, index: BillingIndex): DumpTable {
  const spec: TableSpec = {
    name: 'payments',
    columns: [
      BIG_ID,
      col('invoice_id', 'bigint unsigned NOT NULL'),
      col('tenant_id', 'int unsigned NOT NULL'),
      col('amount', 'int NOT NULL'),
      col('method', 'varchar(20) NOT NULL'),
      col('transaction_id', 'varchar(40) DEFAULT NULL'),
      col('paid_at', 'datetime NOT NULL'),
      CREATED_AT,
      UPDATED_AT,
    ],
    keys: [PK, key('payments', 'invoice_id'), key('payments', 'tenant_id'), key('payments', 'paid_at')],
  };
  const st = ctx.st;
  return streamed(spec, index.paidCount, () => {
    let id = 0;
    return invoiceRows(index, (inv) => {
      if (inv.status !== 2) return [];
      const at = st.at(inv.paidDay as number, 10 * H + (inv.id % 30000));
      const method = METHODS[inv.m.tenantId % METHODS.length];
      const tx =
        method === 'クレジットカード'
          ? `'ch_${(inv.id * 2654435761).toString(36)}${inv.m.id.toString(36)}'`
          : 'NULL';
      return `(${++id},${inv.id},${inv.m.tenantId},${inv.amount},'${method}',${tx},'${at}','${at}','${at}')`;
    });
  });
}

function paymentMethods(ctx: TableContext): DumpTable {
  const spec: TableSpec = {
    name: 'payment_methods',
    columns: [
      ID,
      col('tenant_id', 'int unsigned NOT NULL'),
      col('method', 'varchar(20) NOT NULL'),
      col('card_brand', 'varchar(20) DEFAULT NULL'),
      col('card_last4', 'char(4) DEFAULT NULL'),
      col('bank_name', 'varchar(50) DEFAULT NULL'),
      col('is_default', "tinyint(1) NOT NULL DEFAULT '1'"),
      CREATED_AT,
      UPDATED_AT,
      DELETED_AT,
    ],
    keys: [PK, key('payment_methods', 'tenant_id')],
  };
  const tenants = Array.from({ length: ctx.core.tenantCount }, (_, i) => i + 1);
  return perParent(
    ctx,
    spec,
    tenants,
    (_, rng) => (rng.chance(0.85) ? 1 : 0),
    (t, _j, id, rng) => {
      const method = METHODS[t % METHODS.length];
      const card = method === 'クレジットカード';
      const day = rng.int(ctx.opts.startDay, ctx.opts.asOfDay);
      return [
        id,
        t,
        method,
        card ? rng.pick(['VISA', 'Mastercard', 'JCB', 'AMEX']) : null,
        card ? String(rng.int(0, 9999)).padStart(4, '0') : null,
        method === '口座振替' ? rng.pick(BANKS) : null,
        1,
        ctx.st.at(day, 12 * H),
        ctx.st.at(day, 12 * H),
        null,
      ];
    },
  );
}

const BANKS = [
  '三菱UFJ銀行',
  '三井住友銀行',
  'みずほ銀行',
  'ゆうちょ銀行',
  '楽天銀行',
  '住信SBIネット銀行',
  'りそな銀行',
];

function bankAccounts(ctx: TableContext): DumpTable {
  const spec: TableSpec = {
    name: 'bank_accounts',
    columns: [
      ID,
      col('tenant_id', 'int unsigned NOT NULL'),
      col('bank_name', 'varchar(50) NOT NULL'),
      col('branch_name', 'varchar(50) DEFAULT NULL'),
      col('account_type', "tinyint NOT NULL DEFAULT '1' COMMENT '1:普通 2:当座'"),
      col('account_no', "varchar(20) NOT NULL COMMENT 'masked'"),
      col('holder_kana', 'varchar(100) DEFAULT NULL'),
      CREATED_AT,
      UPDATED_AT,
    ],
    keys: [PK, key('bank_accounts', 'tenant_id')],
  };
  const tenants = Array.from({ length: ctx.core.tenantCount }, (_, i) => i + 1);
  return perParent(
    ctx,
    spec,
    tenants,
    (_, rng) => (rng.chance(0.3) ? 1 : 0),
    (t, _j, id, rng) => {
      const day = rng.int(ctx.opts.startDay, ctx.opts.asOfDay);
      return [
        id,
        t,
        rng.pick(BANKS),
        `${rng.pick(['新宿', '渋谷', '池袋', '中野', '本店営業部', '〇一八'])}支店`,
        rng.chance(0.95) ? 1 : 2,
        `****${String(rng.int(0, 9999)).padStart(4, '0')}`,
        null,
        ctx.st.at(day, 12 * H),
        ctx.st.at(day, 12 * H),
      ];
    },
  );
}
