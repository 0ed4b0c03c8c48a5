import {
  rentRange,
  ageGroup,
  tenureBucket,
  totalRevenue,
  average2,
  ageAt,
} from '../../../src/generate/truth/buckets';
import { SilverBuilder } from '../../../src/generate/truth/silver';
import type { RawRow } from '../../../src/generate/truth/silver';
import { buildGold, countedMoveout } from '../../../src/generate/truth/gold';
import { cleanDate, countryOf, tenantTypeOfCode } from '../../../src/generate/truth/clean';
import { parseDay, addMonths, formatDay } from '../../../src/generate/dates';
import type { SqlValue } from '../../../src/generate/sql/escape';

const day = (s: string) => parseDay(s) as number;

describe('bands', () => {
  it('puts each lower bound in its own band', () => {
    expect([0, 49_999, 50_000, 59_999, 60_000, 70_000, 80_000, 99_999, 100_000].map(rentRange)).toEqual([
      '<50k',
      '<50k',
      '50-60k',
      '50-60k',
      '60-70k',
      '70-80k',
      '80-100k',
      '80-100k',
      '100k+',
    ]);
    expect([null, 19, 20, 24, 25, 30, 35, 40, 49, 50].map(ageGroup)).toEqual([
      'Unknown',
      '<20',
      '20-24',
      '20-24',
      '25-29',
      '30-34',
      '35-39',
      '40-49',
      '40-49',
      '50+',
    ]);
    expect([0, 89, 90, 179, 180, 364, 365, 729, 730].map(tenureBucket)).toEqual([
      '<3m',
      '<3m',
      '3-6m',
      '3-6m',
      '6-12m',
      '6-12m',
      '1-2y',
      '1-2y',
      '2y+',
    ]);
  });

  it('counts full years like TIMESTAMPDIFF(YEAR), leap birthdays included', () => {
    expect(ageAt(day('2000-02-29'), day('2001-02-28'))).toBe(0);
    expect(ageAt(day('2000-02-29'), day('2001-03-01'))).toBe(1);
    expect(ageAt(day('1990-06-15'), day('2020-06-14'))).toBe(29);
    expect(ageAt(day('1990-06-15'), day('2020-06-15'))).toBe(30);
    expect(ageAt(null, day('2020-06-15'))).toBeNull();
  });

  it('rounds revenue half away from zero, exactly as round(rent * days * 12 / 365)', () => {
    for (const [rent, days] of [
      [65_000, 1],
      [65_000, 200],
      [0, 100],
      [1, 15],
      [99_999, 2_700],
      [52_000, 365],
      [31, 730],
    ]) {
      const exact = (rent * days * 12) / 365;
      // 365 is odd: the exact value is never x.5, so Math.round is safe as a reference here.
      expect(totalRevenue(rent, days)).toBe(Math.round(exact));
    }
    expect(totalRevenue(1, 15)).toBe(0); // 0.493...
    expect(totalRevenue(1, 16)).toBe(1); // 0.526...
  });

  it('averages to two decimals, half up, without float division', () => {
    expect(average2(1, 8)).toBe(0.13); // 0.125
    expect(average2(10, 3)).toBe(3.33);
    expect(average2(20, 3)).toBe(6.67);
    expect(average2(7, 1)).toBe(7);
  });
});

describe('cleaning', () => {
  it('turns zero, sentinel, early and impossible dates into NULL', () => {
    expect(cleanDate('0000-00-00')).toBeNull();
    expect(cleanDate('1900-01-01')).toBeNull();
    expect(cleanDate('1900-01-02')).toBe(day('1900-01-02'));
    expect(cleanDate('2023-02-30')).toBeNull();
    expect(cleanDate(null)).toBeNull();
  });

  it('maps nationality variants after trimming spaces and lower-casing; others are unknown', () => {
    expect(countryOf('  USA ')?.code).toBe('US');
    expect(countryOf('アメリカ')?.code).toBe('US');
    expect(countryOf('jAPAN')?.code).toBe('JP');
    expect(countryOf('Earth')).toBeNull();
    expect(countryOf(null)).toBeNull();
  });

  it('decodes tenant types; an unmapped inquirer type counts as Individual', () => {
    expect([1, 2, 3, 0, null].map((v) => tenantTypeOfCode(v))).toEqual([
      'Individual',
      'Corporate',
      'Corporate',
      'Individual',
      'Individual',
    ]);
  });
});

type Rec = Record<string, SqlValue>;
const row =
  (r: Rec): RawRow =>
  (c) =>
    c in r ? r[c] : null;

function moving(over: Rec): Rec {
  return {
    id: 1,
    tenant_id: 1,
    room_id: 1,
    apartment_id: 1,
    moving_agreement_type: 1,
    application_date: '2024-01-05',
    contract_date: '2024-01-10',
    movein_date: '2024-02-01',
    moveout_notice_date: null,
    moveout_plan_date: null,
    moveout_date: null,
    rent: 60_000,
    moveout_reason: null,
    status: 4,
    updated_at: '2024-02-01 10:00:00',
    deleted_at: null,
    ...over,
  };
}

describe('silver and gold on hand-made rows', () => {
  const asOf = day('2024-12-31');

  function silverOf(movings: Rec[]) {
    const b = new SilverBuilder();
    b.add('apartments', row({ id: 1, municipality: '中野区', deleted_at: null }));
    b.add('tenants', row({ id: 1, birth_date: '1995-03-01', nationality: 'Japan', deleted_at: null }));
    for (const m of movings) b.add('movings', row(m));
    return b.finish();
  }

  it('keeps the duplicate with the latest updated_at, then the highest id; a NULL updated_at loses', () => {
    const s = silverOf([
      moving({ id: 1, updated_at: '2024-03-01 00:00:00', rent: 1 }),
      moving({ id: 2, updated_at: '2024-02-01 00:00:00', rent: 2 }),
      moving({ id: 3, room_id: 2, updated_at: '2024-02-01 00:00:00', rent: 3 }),
      moving({ id: 4, room_id: 2, updated_at: '2024-02-01 00:00:00', rent: 4 }),
      moving({ id: 5, room_id: 3, updated_at: '0000-00-00 00:00:00', rent: 5 }),
      moving({ id: 6, room_id: 3, updated_at: '2020-01-01 00:00:00', rent: 6 }),
      moving({ id: 7, room_id: 4, movein_date: null, rent: 7 }),
      moving({ id: 8, room_id: 4, movein_date: '0000-00-00', rent: 8 }),
    ]);
    expect(s.movings.map((m) => m.rent)).toEqual([1, 4, 6, 7, 8]);
  });

  it('drops deleted rows before de-duplicating', () => {
    const s = silverOf([
      moving({ id: 1, updated_at: '2024-09-01 00:00:00', deleted_at: '2024-09-02 00:00:00' }),
      moving({ id: 2 }),
    ]);
    expect(s.movings.map((m) => m.id)).toEqual([2]);
  });

  it('needs a contract date and a status other than rejected or cancelled for a valid contract', () => {
    const s = silverOf([
      moving({ id: 1, room_id: 1 }),
      moving({ id: 2, room_id: 2, status: 9 }),
      moving({ id: 3, room_id: 3, status: 8 }),
      moving({ id: 4, room_id: 4, contract_date: '0000-00-00' }),
    ]);
    expect(s.movings.map((m) => m.valid)).toEqual([true, false, false, false]);
  });

  it('keeps a moving whose tenant and apartment are missing, with NULL attributes', () => {
    const s = silverOf([moving({ tenant_id: 99, apartment_id: 42 })]);
    expect(s.movings).toHaveLength(1);
    expect(s.movings[0].tenant).toBeNull();
    expect(s.movings[0].apartment).toBeNull();
  });

  it('counts a move-out only on or before D and not before the move-in', () => {
    const s = silverOf([
      moving({ id: 1, room_id: 1, moveout_date: '2024-06-30', moveout_notice_date: '2024-05-20', status: 6 }),
      moving({ id: 2, room_id: 2, moveout_date: '2024-01-15', status: 6 }),
      moving({
        id: 3,
        room_id: 3,
        moveout_date: '2025-01-31',
        moveout_plan_date: '2025-01-31',
        moveout_notice_date: '2024-12-20',
        status: 5,
      }),
    ]);
    expect(s.movings.map((m) => countedMoveout(m, asOf))).toEqual([true, false, false]);
    const gold = buildGold(s, asOf) as unknown as Record<string, Record<string, unknown>>;
    expect(gold.moveouts.rows).toBe(1);
    expect(gold.moveouts.tenure_days_sum).toBe(day('2024-06-30') - day('2024-02-01'));
    expect(gold.moveouts.notice_days_sum).toBe(41);
    expect(gold.moveout_notices.rows).toBe(2);
    expect(gold.moveout_notices.by_status).toEqual({ 'Moved out': 1, Pending: 1 });
    expect(gold.moveout_summary.rows).toEqual([
      ['2024-06', '60-70k', '中野区', 1, 150, totalRevenue(60_000, 150), 150],
    ]);
  });

  it('starts the daily summary at the first date with any activity and sums to the gold tables', () => {
    const s = silverOf([
      moving({ id: 1 }),
      moving({ id: 2, room_id: 2, application_date: '2023-12-20', contract_date: null, status: 1 }),
    ]);
    const gold = buildGold(s, asOf) as unknown as Record<string, Record<string, unknown>>;
    const daily = gold.daily_activity_summary;
    expect(daily.first_date).toBe('2023-12-20');
    expect(daily.row_count).toBe(2 * (asOf - day('2023-12-20') + 1));
    expect(daily.totals).toEqual({
      inquiries: 0,
      applications: 2,
      contracts_signed: 1,
      move_ins: 1,
      move_outs: 0,
    });
    expect((gold.new_contracts as { rows: number }).rows).toBe(1);
  });

  it('gives a tenant born after D an unknown age, not a negative one (rule 2)', () => {
    const b = new SilverBuilder();
    b.add('tenants', row({ id: 1, birth_date: '2095-03-01', nationality: 'Japan', deleted_at: null }));
    b.add('movings', row(moving({ moveout_date: '2024-06-30', status: 6 })));
    const gold = buildGold(b.finish(), asOf) as unknown as Record<
      string,
      Record<string, Record<string, number>>
    >;
    expect(gold.new_contracts.by_age_group.Unknown).toBe(1);
    expect(gold.new_contracts.by_age_group['<20']).toBe(0);
    expect(gold.moveout_analysis.by_age_group.Unknown).toBe(1);
  });

  it('takes the notice window as (D - 24 months, D], clamping the day to the month end', () => {
    expect(formatDay(addMonths(day('2028-02-29'), -24))).toBe('2026-02-28');
    expect(formatDay(addMonths(day('2026-03-31'), -24))).toBe('2024-03-31');
  });
});
