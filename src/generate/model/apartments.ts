/** The portfolio: share houses opened over the operator's history, and their rooms. */
import { WeightedPicker } from '../prng';
import type { Rng } from '../prng';
import { MUNICIPALITIES } from '../geo';
import type { Municipality } from '../geo';
import type { Apartment, Room } from './types';

const ROMAN = ['', ' II', ' III', ' IV', ' V', ' VI'];
const BRANDS: readonly (readonly [string, string])[] = [
  ['GGハウス', 'GG House'],
  ['GGハウス', 'GG House'],
  ['GGレジデンス', 'GG Residence'],
  ['シェアプレイス', 'Share Place'],
  ['ソーシャルアパートメント', 'Social Apartment'],
];

export interface PortfolioParams {
  readonly startDay: number;
  readonly asOfDay: number;
  readonly apartments: number;
  readonly rooms: number;
}

export function buildApartments(rng: Rng, p: PortfolioParams): Apartment[] {
  const muniPicker = new WeightedPicker(MUNICIPALITIES.map((m) => [m, m.weight] as const));
  const sizes = allocateRooms(rng, p.apartments, p.rooms);
  const used = new Map<string, number>();
  const drafts = sizes.map((totalRooms) => {
    const muni = muniPicker.pick(rng);
    const area = rng.pick(muni.areas);
    const [brandJa, brandEn] = rng.pick(BRANDS);
    const key = `${brandEn}|${area.en}`;
    const k = used.get(key) ?? 0;
    used.set(key, k + 1);
    const openedDay = openingDay(rng, p);
    const closedDay =
      rng.chance(0.05) && p.asOfDay - openedDay > 500 ? rng.int(openedDay + 400, p.asOfDay - 20) : null;
    return {
      muni,
      area,
      name: `${brandJa}${area.ja}${ROMAN[Math.min(k, 5)]}`,
      nameEn: `${brandEn} ${area.en}${ROMAN[Math.min(k, 5)]}`,
      postalCode: `${muni.postal}-${String(rng.int(1, 9999)).padStart(4, '0')}`,
      address: `${muni.prefecture}${muni.name}${area.ja}${rng.int(1, 5)}-${rng.int(1, 30)}-${rng.int(1, 20)}`,
      ...coordinates(rng, muni),
      totalRooms,
      openedDay,
      closedDay,
      rentLevel: Math.round(muni.baseRent * Math.exp(rng.normal(0, 0.08))),
      floors: Math.max(1, Math.min(12, Math.ceil(totalRooms / rng.int(6, 12)))),
    };
  });
  // Ids follow opening order, as the PMS created the records.
  drafts.sort((a, b) => a.openedDay - b.openedDay);
  return drafts.map((d, i) => ({ id: i + 1, ...d }));
}

/** Half of the houses form the initial portfolio; the rest open steadily as the operator grows. */
function openingDay(rng: Rng, p: PortfolioParams): number {
  if (rng.chance(0.5)) return p.startDay + rng.int(0, 120);
  return rng.int(p.startDay + 120, p.asOfDay - 45);
}

function coordinates(rng: Rng, muni: Municipality): { lat: number; lng: number } {
  return {
    lat: Math.round((muni.lat + rng.normal(0, 0.01)) * 1e7) / 1e7,
    lng: Math.round((muni.lng + rng.normal(0, 0.012)) * 1e7) / 1e7,
  };
}

/** Splits the rooms over the houses: most have 10-30 rooms, a few big ones over 60. */
function allocateRooms(rng: Rng, apartments: number, rooms: number): number[] {
  const weights = Array.from({ length: apartments }, () => rng.logNormal(1, 0.55));
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = Math.max(0, rooms - 4 * apartments);
  const sizes = weights.map((w) => 4 + Math.floor((w / sum) * spare));
  let left = rooms - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % apartments, left--) sizes[i]++;
  return sizes;
}

/** Rooms of every house, numbered floor by floor (101, 102, ..., 201, ...). */
export function buildRooms(rng: Rng, apartments: readonly Apartment[]): Room[] {
  const rooms: Room[] = [];
  for (const apt of apartments) {
    const perFloor = Math.ceil(apt.totalRooms / apt.floors);
    const commonFee = rng.int(8, 16) * 1000;
    const dorm = rng.chance(0.15);
    for (let i = 0; i < apt.totalRooms; i++) {
      const floor = 1 + Math.floor(i / perFloor);
      const roomType =
        i === 0 && rng.chance(0.1) ? 4 : dorm && rng.chance(0.4) ? 3 : rng.chance(0.12) ? 2 : 1;
      const areaM2 = roomArea(rng, roomType);
      rooms.push({
        id: rooms.length + 1,
        apartment: apt,
        number: `${floor}${String((i % perFloor) + 1).padStart(2, '0')}`,
        floor,
        areaM2,
        rent: roomType === 4 ? 0 : roomRent(rng, apt.rentLevel, areaM2, roomType),
        commonFee,
        roomType,
        openDay: apt.openedDay + rng.int(0, 20),
      });
    }
  }
  return rooms;
}

function roomArea(rng: Rng, roomType: number): number {
  const median = roomType === 3 ? 3.6 : roomType === 2 ? 7 : 10;
  const a = Math.min(24, Math.max(3, rng.logNormal(median, 0.18)));
  return Math.round(a * 100) / 100;
}

/** Rent rises slower than floor area; dormitory beds go for about 60% of a small room. */
function roomRent(rng: Rng, level: number, area: number, roomType: number): number {
  const base = roomType === 3 ? level * 0.62 : level * Math.pow(area / 10, 0.6);
  return Math.max(25, Math.round((base * Math.exp(rng.normal(0, 0.06))) / 1000)) * 1000;
}
