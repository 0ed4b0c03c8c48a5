/**
 * Rows of `movings`, with their dirt: rent 0, orphan room/tenant ids, move-out before move-in,
 * move-out dates filled in ahead of time, zero dates for "none", duplicates entered twice, and
 * soft deletes. Ids follow the order the rows were entered.
 */
import type { Rng } from '../prng';
import type { World } from '../model/world';
import type { Tenancy } from '../model/types';
import { MOVING_STATUS } from '../codes';
import type { SqlValue } from '../sql/escape';
import { MOVINGS } from './core-specs';
import { rowOf, ZERO_DATE } from './stamp';
import type { Stamper } from './stamp';
import { chooseDirty } from './dirt-ledger';
import type { DirtLedger } from './dirt-ledger';
import { movingStateAt } from './moving-state';
import { staffNote } from './texts';

interface Draft {
  readonly t: Tenancy;
  readonly seq: number;
  tenantId: number;
  roomId: number;
  status: number;
  contract: string | null;
  notice: string | null;
  plan: string | null;
  moveout: string | null;
  reason: number | null;
  rent: number;
  createdDay: number;
  createdSec: number;
  updatedDay: number;
  updatedSec: number;
  /** Already carries dirt (kept out of the duplicates). */
  dirty: boolean;
}

/** What other tables need of a moving row, as written (dirt included). */
export interface MovingFact {
  readonly id: number;
  readonly t: Tenancy;
  readonly tenantId: number;
  readonly roomId: number;
  readonly apartmentId: number;
  readonly rent: number;
  readonly status: number;
  readonly contracted: boolean;
  /** Move-in day when on or before D, else null. */
  readonly livedFrom: number | null;
  /** Last day lived (the move-out day, or D while still living), when livedFrom is set. */
  readonly livedTo: number | null;
  readonly movedOut: boolean;
  readonly deleted: boolean;
}

export interface MovingRows {
  readonly facts: readonly MovingFact[];
  /** Id of the (original) row of each application, for inquiries.moving_id. */
  readonly idOf: ReadonlyMap<Tenancy, number>;
}

/** The moving rows decided: order, ids, dirt and deletions; rows are drawn from it on demand. */
export interface MovingPlan {
  readonly drafts: readonly Draft[];
  readonly deleted: ReadonlySet<number>;
  /** Id of the (original) row of each application, for inquiries.moving_id. */
  readonly idOf: ReadonlyMap<Tenancy, number>;
  readonly facts: readonly MovingFact[];
}

export function planMovings(rng: Rng, world: World, st: Stamper, ledger: DirtLedger): MovingPlan {
  const drafts = world.tenancies.map((t, seq) => draftOf(rng, world.opts.asOfDay, st, t, seq));
  injectDirt(rng, world, st, ledger, drafts);
  const copies = duplicates(rng, world, ledger, drafts);
  const all = [...drafts, ...copies].sort(
    (a, b) => a.createdDay - b.createdDay || a.createdSec - b.createdSec || a.seq - b.seq,
  );
  const idOf = new Map<Tenancy, number>();
  all.forEach((d, i) => {
    if (d.seq < drafts.length) idOf.set(d.t, i + 1);
  });
  const ids = all.map((_, i) => i);
  const deleted = chooseDirty(
    rng,
    ledger,
    'movings.soft_deleted',
    world.opts.dirt.softDeleted,
    all.length,
    ids,
  );
  ledger.add('movings.zero_rent_total', all.filter((d) => d.rent === 0).length);
  ledger.add('movings.future_movein', all.filter((d) => d.t.moveinDay > world.opts.asOfDay).length);
  const facts = all.map((d, i) => factOf(d, i + 1, deleted.has(i), world.opts.asOfDay));
  return { drafts: all, deleted, idOf, facts };
}

/** The rows of a plan, in id order; `rng` is a stream of its own, so every pass draws the same. */
export function* movingRows(
  plan: MovingPlan,
  rng: Rng,
  st: Stamper,
  asOf: number,
  staff: number,
): Generator<SqlValue[]> {
  for (let i = 0; i < plan.drafts.length; i++) {
    yield toRow(rng, st, plan.drafts[i], i + 1, plan.deleted.has(i), asOf, staff);
  }
}

function factOf(d: Draft, id: number, deleted: boolean, asOf: number): MovingFact {
  const t = d.t;
  const lived =
    d.status === MOVING_STATUS.living ||
    d.status === MOVING_STATUS.noticeGiven ||
    d.status === MOVING_STATUS.movedOut;
  const movedOut = d.status === MOVING_STATUS.movedOut;
  return {
    id,
    t,
    tenantId: d.tenantId,
    roomId: d.roomId,
    apartmentId: t.room.apartment.id,
    rent: d.rent,
    status: d.status,
    contracted: d.contract !== null,
    livedFrom: lived ? t.moveinDay : null,
    livedTo: lived ? (movedOut ? Math.max(t.moveinDay, t.moveoutDay as number) : asOf) : null,
    movedOut,
    deleted,
  };
}

function draftOf(rng: Rng, asOf: number, st: Stamper, t: Tenancy, seq: number): Draft {
  const s = movingStateAt(t, asOf);
  return {
    t,
    seq,
    tenantId: t.tenantIndex + 1,
    roomId: t.room.id,
    status: s.status,
    contract: st.day(s.contractDay),
    notice: st.day(s.noticeDay),
    plan: st.day(s.planDay),
    moveout: st.day(s.moveoutDay),
    reason: s.reason,
    rent: t.rent,
    createdDay: t.applicationDay,
    createdSec: t.applicationSec,
    updatedDay: s.lastDay,
    updatedSec: rng.int(9 * 3600, 20 * 3600),
    dirty: false,
  };
}

function injectDirt(rng: Rng, world: World, st: Stamper, ledger: DirtLedger, drafts: Draft[]): void {
  const { dirt } = world.opts;
  const n = drafts.length;
  for (const d of chooseDirty(
    rng,
    ledger,
    'movings.zero_rent',
    dirt.zeroRent,
    n,
    drafts.filter((x) => x.rent > 0),
  )) {
    d.rent = 0;
    d.dirty = true;
  }
  const orphans = [...chooseDirty(rng, ledger, 'movings.orphan_keys', dirt.orphanKeys, n, drafts)];
  orphans.forEach((d, i) => {
    d.dirty = true;
    if (i % 2 === 0) d.roomId = world.rooms.length + rng.int(1, 400);
    else d.tenantId = world.tenants.length + rng.int(1, 3000);
  });
  ledger.add('movings.orphan_room', Math.ceil(orphans.length / 2));
  ledger.add('movings.orphan_tenant', Math.floor(orphans.length / 2));
  const movedOut = drafts.filter((d) => d.status === MOVING_STATUS.movedOut);
  for (const d of chooseDirty(
    rng,
    ledger,
    'movings.moveout_before_movein',
    dirt.moveoutBeforeMovein,
    n,
    movedOut,
  )) {
    d.moveout = st.day(d.t.moveinDay - rng.int(1, 60));
    d.dirty = true;
  }
  const noticed = drafts.filter((d) => d.status === MOVING_STATUS.noticeGiven);
  for (const d of chooseDirty(
    rng,
    ledger,
    'movings.future_moveout_date',
    dirt.futureMoveoutDate,
    noticed.length,
    noticed,
  )) {
    d.moveout = d.plan;
    d.dirty = true;
  }
  const empty = drafts.filter((d) => d.moveout === null || d.contract === null);
  for (const d of chooseDirty(rng, ledger, 'movings.zero_dates', dirt.zeroDates, n, empty)) {
    if (d.contract === null && (d.moveout !== null || rng.chance(0.5))) d.contract = ZERO_DATE;
    else d.moveout = ZERO_DATE;
    d.dirty = true;
  }
}

/**
 * Applications entered twice. Usually staff kept updating the first row and the copy went
 * stale; sometimes the copy is the one they kept; sometimes both were updated together
 * (identical updated_at). Rows already carrying other dirt are left alone, so counts add up.
 */
function duplicates(rng: Rng, world: World, ledger: DirtLedger, drafts: Draft[]): Draft[] {
  const eligible = drafts.filter((d) => d.t.outcome === 'contract' && !d.dirty);
  const chosen = chooseDirty(
    rng,
    ledger,
    'movings.duplicates',
    world.opts.dirt.duplicateMovings,
    drafts.length,
    eligible,
  );
  ledger.declare('movings.duplicates_copy_kept');
  let seq = drafts.length;
  return [...chosen].map((orig) => {
    const lag = orig.createdSec + rng.int(60, 3 * 86400);
    const createdDay = Math.min(world.opts.asOfDay, orig.createdDay + Math.floor(lag / 86400));
    const copy: Draft = { ...orig, seq: seq++, createdDay, createdSec: lag % 86400 };
    const x = rng.float();
    if (x < 0.1) return copy;
    if (x < 0.75) {
      makeStale(copy);
      return copy;
    }
    makeStale(orig);
    ledger.add('movings.duplicates_copy_kept');
    if (
      copy.updatedDay < copy.createdDay ||
      (copy.updatedDay === copy.createdDay && copy.updatedSec <= copy.createdSec)
    ) {
      copy.updatedDay = copy.createdDay;
      copy.updatedSec = Math.min(86_399, copy.createdSec + 600);
    }
    return copy;
  });
}

/** A row nobody touched after it was entered: still "applied", no later dates. */
function makeStale(d: Draft): void {
  Object.assign(d, {
    status: MOVING_STATUS.applied,
    contract: null,
    notice: null,
    plan: null,
    moveout: null,
    reason: null,
  });
  d.updatedDay = d.createdDay;
  d.updatedSec = d.createdSec;
}

function toRow(
  rng: Rng,
  st: Stamper,
  d: Draft,
  id: number,
  deleted: boolean,
  asOf: number,
  staff: number,
): SqlValue[] {
  const t = d.t;
  const updatedAt = st.at(d.updatedDay, d.updatedSec);
  return rowOf(MOVINGS, {
    id,
    tenant_id: d.tenantId,
    room_id: d.roomId,
    apartment_id: t.room.apartment.id,
    moving_agreement_type: t.agreementType,
    application_date: st.day(t.applicationDay),
    contract_date: d.contract,
    movein_date: st.day(t.moveinDay),
    contract_end_date: d.contract === null ? null : st.day(t.contractEndDay),
    moveout_notice_date: d.notice,
    moveout_plan_date: d.plan,
    moveout_date: d.moveout,
    rent: d.rent,
    common_fee: t.commonFee,
    deposit: t.deposit,
    moveout_reason: d.reason,
    status: d.status,
    staff_id: rng.chance(0.9) ? rng.int(1, staff) : null,
    note: rng.chance(0.2) ? staffNote(rng) : null,
    created_at: st.at(d.createdDay, d.createdSec),
    updated_at: updatedAt,
    deleted_at: deleted
      ? st.at(Math.min(asOf, d.updatedDay + rng.int(0, 30)), rng.int(9 * 3600, 20 * 3600))
      : null,
  });
}
