/**
 * stg_* and int_contracts as the truth needs them, built row by row from the raw core rows (as
 * written to the dump, or as read back from a database): deleted rows dropped, duplicate
 * movings resolved, dates cleaned, every moving joined (never dropped) to its tenant and
 * apartment. Only the cleaned values are kept, so memory stays small at scale 1.
 */
import type { SqlValue } from '../sql/escape';
import { MOVING_STATUSES } from '../codes';
import type { Country, TenantType } from '../codes';
import { cleanDate, cleanDateTime, cleanDateTimeDay, num, tenantTypeOfCode, countryOf } from './clean';

export interface SilverTenant {
  readonly birthDay: number | null;
  readonly country: Country | null;
}

export interface SilverApartment {
  readonly municipality: string | null;
}

export interface Contract {
  readonly id: number;
  readonly tenantType: TenantType;
  readonly applicationDay: number | null;
  readonly contractDay: number | null;
  readonly moveinDay: number | null;
  readonly noticeDay: number | null;
  readonly planDay: number | null;
  readonly moveoutDay: number | null;
  readonly rent: number;
  readonly reason: number | null;
  readonly valid: boolean;
  readonly tenant: SilverTenant | null;
  readonly apartment: SilverApartment | null;
}

export interface SilverInquiry {
  readonly day: number | null;
  readonly tenantType: TenantType;
}

export interface Silver {
  readonly counts: Readonly<Record<string, number>>;
  /** Surviving movings (deleted dropped, duplicates resolved), valid or not. */
  readonly movings: readonly Contract[];
  readonly inquiries: readonly SilverInquiry[];
}

/** A raw row by column name (only the columns listed in TRUTH_COLUMNS are read). */
export type RawRow = (column: string) => SqlValue;

/** Rejected and cancelled; any other status (even an unknown one) can be a valid contract. */
const VOID_STATUS = new Set(MOVING_STATUSES.filter((s) => s.isValidContract === 0).map((s) => s.code));

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface RawMoving {
  /** The contract, its joins filled in by finish(). */
  readonly c: Contract;
  readonly tenantId: number | null;
  readonly apartmentId: number | null;
  /** Duplicate key: tenant, room and cleaned move-in date; null when move-in is missing. */
  readonly key: string | null;
  readonly updatedAt: string | null;
}

export class SilverBuilder {
  private readonly apartments = new Map<number, SilverApartment>();
  private readonly tenants = new Map<number, SilverTenant>();
  private rooms = 0;
  private readonly movings: RawMoving[] = [];
  private readonly inquiries: SilverInquiry[] = [];

  add(table: 'apartments' | 'rooms' | 'tenants' | 'movings' | 'inquiries', v: RawRow): void {
    if (v('deleted_at') !== null) return;
    if (table === 'apartments')
      this.apartments.set(num(v('id')) as number, { municipality: v('municipality') as string | null });
    else if (table === 'rooms') this.rooms++;
    else if (table === 'tenants') {
      this.tenants.set(num(v('id')) as number, {
        birthDay: cleanDate(v('birth_date')),
        country: countryOf(v('nationality')),
      });
    } else if (table === 'inquiries') {
      this.inquiries.push({
        day: cleanDateTimeDay(v('inquiry_date')),
        tenantType: tenantTypeOfCode(v('inquirer_type')),
      });
    } else this.movings.push(rawMoving(v));
  }

  finish(): Silver {
    const movings: Contract[] = dedupe(this.movings).map((m) => {
      const c = m.c as Mutable<Contract>;
      c.tenant = this.tenants.get(m.tenantId ?? -1) ?? null;
      c.apartment = this.apartments.get(m.apartmentId ?? -1) ?? null;
      return c;
    });
    return {
      counts: {
        stg_apartments: this.apartments.size,
        stg_rooms: this.rooms,
        stg_tenants: this.tenants.size,
        stg_movings: movings.length,
        stg_inquiries: this.inquiries.length,
        int_contracts: movings.length,
        valid_contracts: movings.filter((m) => m.valid).length,
      },
      movings,
      inquiries: this.inquiries,
    };
  }
}

function rawMoving(v: RawRow): RawMoving {
  const contractDay = cleanDate(v('contract_date'));
  const moveinDay = cleanDate(v('movein_date'));
  const status = num(v('status'));
  const c = {
    id: num(v('id')) as number,
    tenantType: tenantTypeOfCode(v('moving_agreement_type')),
    applicationDay: cleanDate(v('application_date')),
    contractDay,
    moveinDay,
    noticeDay: cleanDate(v('moveout_notice_date')),
    planDay: cleanDate(v('moveout_plan_date')),
    moveoutDay: cleanDate(v('moveout_date')),
    rent: num(v('rent')) ?? 0,
    reason: num(v('moveout_reason')),
    valid: contractDay !== null && (status === null || !VOID_STATUS.has(status)),
    tenant: null,
    apartment: null,
  };
  const tenantId = num(v('tenant_id'));
  const roomId = num(v('room_id'));
  return {
    c,
    tenantId,
    apartmentId: num(v('apartment_id')),
    key: moveinDay === null ? null : `${tenantId}|${roomId}|${moveinDay}`,
    updatedAt: cleanDateTime(v('updated_at')),
  };
}

/** Same (tenant_id, room_id, movein_date) with a date: keep the latest updated_at, then the highest id. */
function dedupe(rows: readonly RawMoving[]): RawMoving[] {
  const best = new Map<string, RawMoving>();
  const out: RawMoving[] = [];
  for (const row of rows) {
    if (row.key === null) {
      out.push(row);
      continue;
    }
    const prev = best.get(row.key);
    if (prev === undefined || newer(row, prev)) best.set(row.key, row);
  }
  out.push(...best.values());
  return out.sort((a, b) => a.c.id - b.c.id);
}

/** NULL (zero or invalid) updated_at sorts as the oldest. */
function newer(a: RawMoving, b: RawMoving): boolean {
  if (a.updatedAt !== b.updatedAt) {
    if (a.updatedAt === null) return false;
    if (b.updatedAt === null) return true;
    return a.updatedAt > b.updatedAt;
  }
  return a.c.id > b.c.id;
}
