/** Simulates the operator's whole history up to (and a little past) D, before any dirt. */
import { Rng } from '../prng';
import type { ResolvedOptions } from '../options';
import { buildApartments, buildRooms } from './apartments';
import { simulateRoom } from './tenancies';
import { assignTenants } from './tenants';
import { buildInquiries } from './inquiries';
import type { InquiryEvent } from './inquiries';
import { buildCorporates } from './corporates';
import type { Apartment, Corporate, Room, Tenancy, TenantPerson } from './types';

export interface World {
  readonly opts: ResolvedOptions;
  readonly apartments: readonly Apartment[];
  readonly rooms: readonly Room[];
  /** Every application, in the order the PMS recorded them. */
  readonly tenancies: readonly Tenancy[];
  readonly tenants: readonly TenantPerson[];
  readonly inquiries: readonly InquiryEvent[];
  readonly corporates: readonly Corporate[];
}

/** Sizes at scale 1 (domain.md): houses, rooms, company clients, inquiries. */
export const SCALE_1 = { apartments: 230, rooms: 5600, corporates: 300, inquiries: 120_000 } as const;

export function buildWorld(opts: ResolvedOptions): World {
  const s = opts.scale;
  const rng = (name: string) => new Rng(opts.seed, `world:${name}`);
  const apartmentCount = Math.max(2, Math.round(SCALE_1.apartments * s));
  const apartments = buildApartments(rng('apartments'), {
    startDay: opts.startDay,
    asOfDay: opts.asOfDay,
    apartments: apartmentCount,
    rooms: Math.max(apartmentCount * 5, Math.round(SCALE_1.rooms * s)),
  });
  const rooms = buildRooms(rng('rooms'), apartments);
  const corporates = buildCorporates(rng('corporates'), Math.max(3, Math.round(SCALE_1.corporates * s)));
  const simRng = rng('tenancies');
  const tenancies = rooms
    .flatMap((room) => simulateRoom(simRng, room, { asOfDay: opts.asOfDay, corporates: corporates.length }))
    .sort(
      (a, b) =>
        a.applicationDay - b.applicationDay || a.applicationSec - b.applicationSec || a.room.id - b.room.id,
    );
  const tenants = assignTenants(rng('tenants'), tenancies);
  const inquiries = buildInquiries(
    rng('inquiries'),
    { startDay: opts.startDay, asOfDay: opts.asOfDay, target: Math.round(SCALE_1.inquiries * s) },
    tenancies,
    apartments,
    rooms,
  );
  return { opts, apartments, rooms, tenancies, tenants, inquiries, corporates };
}
