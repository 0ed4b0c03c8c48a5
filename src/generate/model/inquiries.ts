/**
 * Prospects' inquiries: about two thirds of applications started with one, and many more
 * prospects ask and never apply. Volume follows the number of open rooms, the season and the
 * weekday.
 */
import { WeightedPicker } from '../prng';
import type { Rng } from '../prng';
import { INQUIRY_CHANNELS, INQUIRY_STATUS } from '../codes';
import { newPerson } from './people';
import { inquiryWeight, inquirySecond } from './seasonality';
import type { Apartment, Person, Room, Tenancy } from './types';

export interface InquiryEvent {
  readonly day: number;
  readonly sec: number;
  readonly channel: number;
  /** 1 individual, 2-3 corporate; null or 0 when the form left it empty. */
  readonly inquirerType: number | null;
  readonly apartmentId: number | null;
  /** Who asked: only what the inquiry form records (linked inquiries share the tenant's person). */
  readonly person: Pick<Person, 'country' | 'nationality' | 'gender'>;
  readonly status: number;
  readonly tenancy: Tenancy | null;
}

const channelPicker = new WeightedPicker(INQUIRY_CHANNELS.map((c) => [c[0], c[3]] as const));
const LINK_RATE = 0.68;

export interface InquiryParams {
  readonly startDay: number;
  readonly asOfDay: number;
  readonly target: number;
}

export function buildInquiries(
  rng: Rng,
  p: InquiryParams,
  tenancies: readonly Tenancy[],
  apartments: readonly Apartment[],
  rooms: readonly Room[],
): InquiryEvent[] {
  const out: InquiryEvent[] = [];
  for (const t of tenancies) {
    if (!rng.chance(LINK_RATE)) continue;
    const day = Math.max(p.startDay, t.applicationDay - rng.int(0, 20));
    out.push({
      day,
      sec:
        day === t.applicationDay
          ? Math.min(t.applicationSec - 60, inquirySecond(rng.float(), rng.float()))
          : inquirySecond(rng.float(), rng.float()),
      channel: channelPicker.pick(rng),
      inquirerType: t.agreementType === 1 ? 1 : 2,
      apartmentId: t.room.apartment.id,
      person: t.person,
      status: INQUIRY_STATUS.converted,
      tenancy: t,
    });
  }
  const unlinked = Math.max(0, p.target - out.length);
  for (const [day, n] of dailyCounts(rng, p, rooms, unlinked)) {
    for (let i = 0; i < n; i++) out.push(prospect(rng, p, day, apartments));
  }
  return out.sort((a, b) => a.day - b.day || a.sec - b.sec);
}

/** Spreads `total` inquiries over the days in proportion to open rooms × season × weekday. */
function dailyCounts(rng: Rng, p: InquiryParams, rooms: readonly Room[], total: number): [number, number][] {
  const days = p.asOfDay - p.startDay + 1;
  const open = new Float64Array(days);
  for (const r of rooms) {
    const from = Math.max(0, r.openDay - p.startDay);
    const to = Math.min(days, (r.apartment.closedDay ?? p.asOfDay + 1) - p.startDay);
    for (let i = from; i < to; i++) open[i] += 1;
  }
  const weights = Array.from(open, (o, i) => o * inquiryWeight(p.startDay + i));
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w, i) => [p.startDay + i, rng.round((w / sum) * total)] as [number, number]);
}

function prospect(rng: Rng, p: InquiryParams, day: number, apartments: readonly Apartment[]): InquiryEvent {
  const x = rng.float();
  const inquirerType = x < 0.86 ? 1 : x < 0.93 ? 2 : x < 0.95 ? 3 : x < 0.98 ? null : 0;
  const apartment = rng.chance(0.72) ? openApartment(rng, apartments, day) : null;
  const age = p.asOfDay - day;
  const status =
    age < 14
      ? INQUIRY_STATUS.open
      : rng.pick([
          INQUIRY_STATUS.contacted,
          INQUIRY_STATUS.viewing,
          INQUIRY_STATUS.lost,
          INQUIRY_STATUS.lost,
        ]);
  return {
    day,
    sec: inquirySecond(rng.float(), rng.float()),
    channel: channelPicker.pick(rng),
    inquirerType,
    apartmentId: apartment?.id ?? null,
    person: slim(newPerson(rng, day, inquirerType === 2 || inquirerType === 3 ? 0 : null)),
    status,
    tenancy: null,
  };
}

/** Keeps 120,000 prospects small in memory: the form records nationality and gender only. */
function slim(p: Person): Pick<Person, 'country' | 'nationality' | 'gender'> {
  return { country: p.country, nationality: p.nationality, gender: p.gender };
}

/** A house open on `day`, found by a few random draws (no per-inquiry list of open houses). */
function openApartment(rng: Rng, apartments: readonly Apartment[], day: number): Apartment | null {
  for (let tries = 0; tries < 30; tries++) {
    const a = rng.pick(apartments);
    if (a.openedDay <= day && (a.closedDay ?? Number.POSITIVE_INFINITY) > day) return a;
  }
  return null;
}
