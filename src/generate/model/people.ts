/** Who rents: the nationality, occupation and age mix of a foreigner-friendly share-house operator. */
import { WeightedPicker } from '../prng';
import type { Rng } from '../prng';
import { COUNTRIES } from '../nationalities';
import type { Country } from '../nationalities';
import type { Person } from './types';

const countryPicker = new WeightedPicker(COUNTRIES.map((c) => [c, c.weight] as const));
const JAPAN = COUNTRIES.find((c) => c.code === 'JP') as Country;

/** Countries with a Japanese working-holiday agreement. */
const WORKING_HOLIDAY = new Set([
  'AU',
  'NZ',
  'CA',
  'KR',
  'FR',
  'DE',
  'GB',
  'TW',
  'HK',
  'PL',
  'ES',
  'SE',
  'NL',
  'IT',
]);

type Mix = readonly (readonly [number, number])[];
const JP_JOBS: Mix = [
  [4, 45],
  [1, 12],
  [6, 15],
  [5, 10],
  [7, 2],
  [8, 6],
  [9, 10],
];
const WH_JOBS: Mix = [
  [3, 30],
  [2, 22],
  [1, 10],
  [4, 20],
  [5, 6],
  [6, 5],
  [7, 2],
  [8, 2],
  [9, 3],
];
const ASIA_JOBS: Mix = [
  [2, 34],
  [1, 22],
  [4, 24],
  [6, 8],
  [5, 3],
  [7, 3],
  [8, 3],
  [9, 3],
];
const WEST_JOBS: Mix = [
  [2, 20],
  [1, 15],
  [4, 35],
  [5, 12],
  [7, 6],
  [6, 4],
  [8, 3],
  [9, 5],
];
const pickers = {
  jp: new WeightedPicker(JP_JOBS),
  wh: new WeightedPicker(WH_JOBS),
  asia: new WeightedPicker(ASIA_JOBS),
  west: new WeightedPicker(WEST_JOBS),
};

/** Median age and spread by occupation (affiliation_type). */
const AGE: Readonly<Record<number, readonly [number, number, number, number]>> = {
  1: [21, 0.1, 18, 30],
  2: [23, 0.14, 18, 40],
  3: [25, 0.1, 18, 30],
  4: [29, 0.2, 21, 60],
  5: [33, 0.22, 22, 65],
  6: [25, 0.2, 18, 55],
  7: [30, 0.15, 24, 50],
  8: [27, 0.2, 20, 55],
  9: [28, 0.3, 18, 70],
};

/** The form a nationality is written in: mostly the English name, then Japanese, then the rest. */
function nationalityForm(rng: Rng, country: Country): string {
  const x = rng.float();
  const forms = country.forms;
  if (x < 0.56) return forms[0];
  if (x < 0.77) return forms[1];
  if (x < 0.88 || forms.length < 4) return forms[2];
  return forms[3 + Math.floor(rng.float() * (forms.length - 3))];
}

function occupationOf(rng: Rng, country: Country): number {
  if (country.code === 'JP') return pickers.jp.pick(rng);
  if (WORKING_HOLIDAY.has(country.code)) return pickers.wh.pick(rng);
  if (country.region === 'Europe' || country.region === 'North America' || country.region === 'Oceania') {
    return pickers.west.pick(rng);
  }
  return pickers.asia.pick(rng);
}

function genderOf(rng: Rng): number | null {
  const x = rng.float();
  if (x < 0.52) return 1;
  if (x < 0.98) return 2;
  if (x < 0.988) return 3;
  if (x < 0.996) return 0;
  return null;
}

/** A new tenant applying on `applicationDay`; corporate residents carry their company's id. */
export function newPerson(rng: Rng, applicationDay: number, corporateId: number | null): Person {
  const country = corporateId !== null && rng.chance(0.55) ? JAPAN : countryPicker.pick(rng);
  const occupation = corporateId !== null ? (rng.chance(0.92) ? 4 : 7) : occupationOf(rng, country);
  const [median, sigma, lo, hi] = AGE[occupation];
  const age = Math.min(hi, Math.max(lo, rng.logNormal(median, sigma)));
  return {
    country: country.code,
    nationality: nationalityForm(rng, country),
    gender: genderOf(rng),
    birthDay: applicationDay - Math.floor(age * 365.25) - rng.int(0, 364),
    occupation: rng.chance(0.015) ? null : occupation,
    corporateId,
  };
}

/** Planned length of stay in days: weeks for short stays, years for a few; by occupation. */
export function tenureDays(rng: Rng, person: Person, corporate: boolean): number {
  if (!corporate && rng.chance(0.12)) return rng.int(14, 60);
  const occ = person.occupation ?? 9;
  const [median, cap] =
    occ === 3
      ? [100, 365]
      : occ === 2
        ? [140, 900]
        : occ === 1
          ? [160, 1500]
          : occ === 4 || occ === 7
            ? [130, 2600]
            : [90, 1800];
  const days = rng.logNormal(corporate ? median * 1.4 : median, 0.8);
  return Math.round(Math.min(cap, Math.max(20, days)));
}

/** Why they leave: foreigners mostly go home, employees move on, company residents get reassigned. */
export function moveoutReasonOf(rng: Rng, person: Person, corporate: boolean): number | null {
  if (rng.chance(0.07)) return null;
  const occ = person.occupation ?? 9;
  const x = rng.float();
  if (corporate) return x < 0.45 ? 13 : x < 0.7 ? 2 : x < 0.85 ? 11 : 99;
  if (person.country !== 'JP' && (occ === 2 || occ === 3) && x < 0.6) return 1;
  if (occ === 1 && x < 0.3) return 4;
  if ((occ === 4 || occ === 8) && x < 0.25) return 3;
  return reasonPicker.pick(rng);
}

const reasonPicker = new WeightedPicker<number>([
  [1, 10],
  [2, 6],
  [3, 8],
  [4, 3],
  [5, 6],
  [6, 18],
  [7, 5],
  [8, 6],
  [9, 3],
  [10, 3],
  [11, 8],
  [12, 1],
  [99, 6],
]);
