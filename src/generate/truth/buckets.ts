/** The gold tables' bands (domain.md), each lower bound inclusive. */
import { fullYears } from '../dates';

export const RENT_RANGES = ['<50k', '50-60k', '60-70k', '70-80k', '80-100k', '100k+'] as const;
export const AGE_GROUPS = ['<20', '20-24', '25-29', '30-34', '35-39', '40-49', '50+', 'Unknown'] as const;
export const TENURE_BUCKETS = ['<3m', '3-6m', '6-12m', '1-2y', '2y+'] as const;

export function rentRange(rent: number): string {
  if (rent < 50_000) return '<50k';
  if (rent < 60_000) return '50-60k';
  if (rent < 70_000) return '60-70k';
  if (rent < 80_000) return '70-80k';
  if (rent < 100_000) return '80-100k';
  return '100k+';
}

/** Full years at `at`; null without a valid birth date. */
export function ageAt(birthDay: number | null, at: number): number | null {
  return birthDay === null ? null : fullYears(birthDay, at);
}

export function ageGroup(age: number | null): string {
  if (age === null) return 'Unknown';
  if (age < 20) return '<20';
  if (age < 25) return '20-24';
  if (age < 30) return '25-29';
  if (age < 35) return '30-34';
  if (age < 40) return '35-39';
  if (age < 50) return '40-49';
  return '50+';
}

/** A month is 30 days, a year 365: <90, <180, <365, <730, the rest. */
export function tenureBucket(days: number): string {
  if (days < 90) return '<3m';
  if (days < 180) return '3-6m';
  if (days < 365) return '6-12m';
  if (days < 730) return '1-2y';
  return '2y+';
}

/** round(rent × days × 12 / 365), half away from zero, in integers: (24·r·d + 365) div 730. */
export function totalRevenue(rent: number, days: number): number {
  const n = 24 * rent * days;
  return n >= 0 ? Math.floor((n + 365) / 730) : -Math.floor((-n + 365) / 730);
}

/** avg rounded to 2 decimals, half away from zero, exactly (integers, no float division). */
export function average2(sum: number, count: number): number {
  const scaled = Math.floor((200 * sum + count) / (2 * count));
  return scaled / 100;
}
