/**
 * When people move in Tokyo: the school and fiscal year start in April (peak March-April), a
 * second wave comes with autumn intakes of language schools and universities (September-October);
 * weekends and the first of the month are favourite move-in days.
 */
import { ymdOf, weekdayOf } from '../dates';

const MONTH: readonly number[] = [0.75, 0.9, 2.2, 1.9, 0.75, 0.65, 0.75, 0.85, 1.75, 1.55, 0.7, 0.5];
const WEEKDAY: readonly number[] = [1.3, 0.8, 0.8, 0.85, 0.85, 1.0, 1.45];
const MAX_WEIGHT = 2.2 * 1.45 * 1.7;

/** Relative attractiveness of a move-in day, in (0, 1]. */
export function moveinWeight(day: number): number {
  const { month, day: dom } = ymdOf(day);
  const domFactor = dom === 1 ? 1.7 : dom === 15 ? 1.2 : 1;
  return (MONTH[month - 1] * WEEKDAY[weekdayOf(day)] * domFactor) / MAX_WEIGHT;
}

/** Inquiries lead move-ins by a few weeks: peaks in February-March and August-September. */
const INQUIRY_MONTH: readonly number[] = [1.1, 1.4, 1.35, 0.95, 0.85, 0.85, 1.05, 1.25, 1.2, 0.95, 0.8, 0.7];
/** More inquiries on Monday (weekend browsing answered) and fewer on Saturday. */
const INQUIRY_WEEKDAY: readonly number[] = [1.0, 1.2, 1.1, 1.05, 1.0, 0.95, 0.8];

export function inquiryWeight(day: number): number {
  const { month } = ymdOf(day);
  return INQUIRY_MONTH[month - 1] * INQUIRY_WEEKDAY[weekdayOf(day)];
}

/** Office hours with an evening peak of web and LINE inquiries (seconds into the day). */
export function inquirySecond(u: number, v: number): number {
  const hour = u < 0.7 ? 9 + Math.floor(v * 10) : u < 0.95 ? 19 + Math.floor(v * 5) : Math.floor(v * 9);
  return hour * 3600 + Math.floor(((u * 7919) % 1) * 3600);
}
