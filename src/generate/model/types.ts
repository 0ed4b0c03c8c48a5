/**
 * The clean world the generator simulates before any dirt: what really happened. Rows of the dump
 * are derived from it (rows/), and dirt is applied on the way.
 * Days are day numbers (dates.ts); times of day are seconds.
 */
import type { Municipality, Neighbourhood } from '../geo';

export interface Apartment {
  readonly id: number;
  readonly muni: Municipality;
  readonly area: Neighbourhood;
  readonly name: string;
  readonly nameEn: string;
  readonly postalCode: string;
  readonly address: string;
  readonly lat: number;
  readonly lng: number;
  readonly totalRooms: number;
  readonly openedDay: number;
  readonly closedDay: number | null;
  /** Rent of a 10 m² room in this house (yen). */
  readonly rentLevel: number;
  readonly floors: number;
}

export interface Room {
  readonly id: number;
  readonly apartment: Apartment;
  readonly number: string;
  readonly floor: number;
  readonly areaM2: number;
  readonly rent: number;
  readonly commonFee: number;
  /** 1 private, 2 semi-private, 3 dormitory bed, 4 staff room. */
  readonly roomType: number;
  readonly openDay: number;
}

export interface Person {
  /** ISO country code, for names and habits. */
  readonly country: string;
  /** Nationality text as stored (before padding/case dirt). */
  readonly nationality: string | null;
  readonly gender: number | null;
  readonly birthDay: number;
  readonly occupation: number | null;
  readonly corporateId: number | null;
}

export type Outcome = 'contract' | 'rejected' | 'cancelled';

/** One application for a room: a real tenancy, or one that was rejected or cancelled. */
export interface Tenancy {
  readonly room: Room;
  readonly outcome: Outcome;
  readonly agreementType: number;
  person: Person;
  /** Index into World.tenants, set when people are assigned. */
  tenantIndex: number;
  readonly applicationDay: number;
  readonly applicationSec: number;
  /** Contract signing day (null when never signed). */
  readonly contractDay: number | null;
  readonly moveinDay: number;
  readonly contractEndDay: number;
  readonly noticeDay: number | null;
  readonly planDay: number | null;
  readonly moveoutDay: number | null;
  readonly rent: number;
  readonly commonFee: number;
  readonly deposit: number;
  readonly reason: number | null;
}

export interface TenantPerson {
  readonly person: Person;
  readonly firstApplicationDay: number;
  readonly firstApplicationSec: number;
}

export interface Corporate {
  readonly id: number;
  readonly name: string;
  readonly nameEn: string;
}
