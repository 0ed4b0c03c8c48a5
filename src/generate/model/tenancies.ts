/**
 * The life of each room: vacancy, an application (sometimes a failed one first), contract,
 * move-in, notice one to two months ahead, move-out, cleaning, and the next tenant.
 * Timelines run past D: what happens after D exists here and is hidden when rows are written.
 */
import type { Rng } from '../prng';
import { addMonths, daysInMonth, ymdOf, dayOf } from '../dates';
import { moveinWeight } from './seasonality';
import { newPerson, tenureDays, moveoutReasonOf } from './people';
import type { Person, Room, Tenancy, Outcome } from './types';

export interface TenancyParams {
  readonly asOfDay: number;
  readonly corporates: number;
}

/** Simulates one room from its opening until applications would fall after D. */
export function simulateRoom(rng: Rng, room: Room, p: TenancyParams): Tenancy[] {
  const out: Tenancy[] = [];
  const closed = room.apartment.closedDay ?? Number.POSITIVE_INFINITY;
  let free = room.openDay;
  for (;;) {
    const movein = nextMoveinDay(rng, free);
    if (movein > p.asOfDay + 90 || movein >= closed - 30) break;
    const applicationDay = movein - Math.min(90, Math.max(2, Math.round(rng.logNormal(16, 0.6))));
    if (applicationDay > p.asOfDay) break;
    failedApplications(rng, room, p, applicationDay, movein, out);
    const t = tenancy(rng, room, p, 'contract', applicationDay, movein, closed);
    out.push(t);
    free = t.moveoutDay as number;
  }
  return out;
}

/** Next move-in after the room is free again: cleaning, then a day people like to move on. */
function nextMoveinDay(rng: Rng, free: number): number {
  let d = free + rng.int(2, 6);
  for (let tries = 0; tries < 200; tries++) {
    d += Math.floor(rng.exp(4));
    if (rng.float() < moveinWeight(d)) return d;
  }
  return d;
}

function failedApplications(
  rng: Rng,
  room: Room,
  p: TenancyParams,
  app: number,
  movein: number,
  out: Tenancy[],
): void {
  const x = rng.float();
  if (x >= 0.11) return;
  const outcome: Outcome = x < 0.06 ? 'rejected' : 'cancelled';
  const earlier = app - rng.int(2, 20);
  out.push(tenancy(rng, room, p, outcome, earlier, movein + rng.int(-7, 7), Number.POSITIVE_INFINITY));
}

function agreementTypeOf(rng: Rng): number {
  const x = rng.float();
  return x < 0.86 ? 1 : x < 0.96 ? 2 : 3;
}

function tenancy(
  rng: Rng,
  room: Room,
  p: TenancyParams,
  outcome: Outcome,
  applicationDay: number,
  moveinDay: number,
  closed: number,
): Tenancy {
  const agreementType = agreementTypeOf(rng);
  const corporate = agreementType !== 1;
  const corporateId = corporate ? rng.int(1, p.corporates) : null;
  const person = newPerson(rng, applicationDay, corporateId);
  const contractDay = contractDayOf(rng, outcome, applicationDay, moveinDay);
  const life =
    outcome === 'contract'
      ? lifetime(rng, person, corporate, moveinDay, contractDay as number, closed)
      : NO_LIFE;
  return {
    room,
    outcome,
    agreementType,
    person,
    tenantIndex: -1,
    applicationDay,
    applicationSec: rng.int(9 * 3600, 23 * 3600),
    contractDay,
    moveinDay,
    contractEndDay: addMonths(moveinDay, corporate ? 24 : rng.chance(0.7) ? 12 : 6) - 1,
    ...life,
    rent: contractRent(rng, room.rent, moveinDay, p.asOfDay),
    commonFee: room.commonFee,
    deposit: corporate ? room.rent * 2 : rng.pick([30000, 30000, 30000, 0, 20000, 50000]),
    reason: outcome === 'contract' ? moveoutReasonOf(rng, person, corporate) : null,
  };
}

const NO_LIFE = { noticeDay: null, planDay: null, moveoutDay: null } as const;

function contractDayOf(rng: Rng, outcome: Outcome, app: number, movein: number): number | null {
  if (outcome === 'rejected' || (outcome === 'cancelled' && rng.chance(0.6))) return null;
  return Math.min(movein, app + rng.int(1, 9));
}

/** Planned end, notice one to two months ahead (sometimes less or none), and the actual day out. */
function lifetime(
  rng: Rng,
  person: Person,
  corporate: boolean,
  movein: number,
  contract: number,
  closed: number,
) {
  let plan = movein + tenureDays(rng, person, corporate);
  if (rng.chance(0.3)) plan = termEnd(plan, rng.chance(0.5));
  else if (rng.chance(0.45)) plan = endOfMonth(plan);
  if (plan >= closed) plan = closed - rng.int(1, 20);
  plan = Math.max(plan, movein + 7);
  const x = rng.float();
  const lead = x < 0.65 ? rng.int(30, 60) : x < 0.8 ? rng.int(7, 29) : x < 0.92 ? rng.int(61, 95) : -1;
  const noticeDay = lead < 0 ? null : Math.max(contract, plan - lead);
  const y = rng.float();
  const early = Math.max(movein + 1, noticeDay ?? movein, plan - rng.int(1, 14));
  const moveoutDay = y < 0.85 ? plan : y < 0.95 ? early : plan + rng.int(1, 10);
  return { noticeDay, planDay: plan, moveoutDay };
}

/** Schools and companies end terms in February-March and August-September: many stays end there. */
function termEnd(day: number, early: boolean): number {
  const { year, month } = ymdOf(day);
  const spring = early ? 2 : 3;
  const [y, m] =
    month <= 3 ? [year, spring] : month <= 8 ? [year, 8] : month <= 9 ? [year, 9] : [year + 1, spring];
  return dayOf(y, m, daysInMonth(y, m));
}

function endOfMonth(day: number): number {
  const { year, month } = ymdOf(day);
  return dayOf(year, month, daysInMonth(year, month));
}

/** Rents crept up about 1% a year; one contract in ten had a 5,000 yen campaign discount. */
function contractRent(rng: Rng, roomRent: number, movein: number, asOf: number): number {
  if (roomRent === 0) return 0;
  const years = Math.max(0, (asOf - movein) / 365);
  const discount = rng.chance(0.1) ? 5000 : 0;
  return Math.max(10000, Math.round((roomRent * (1 - 0.01 * years)) / 1000) * 1000 - discount);
}
