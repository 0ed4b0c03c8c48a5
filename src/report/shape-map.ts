import { MUNICIPALITIES } from '../generate/geo';
import { labelOf, toNumber } from './shape-counts';
import type { MapData, MapPoint, WardLabel } from './report-types';

/** new_contracts grouped by apartment. */
export interface ApartmentContractsRow {
  readonly apartment_id: unknown;
  readonly apartment_name: unknown;
  readonly municipality: unknown;
  readonly latitude: unknown;
  readonly longitude: unknown;
  readonly contracts: unknown;
}

/** moveouts grouped by apartment. */
export interface ApartmentMoveoutsRow {
  readonly apartment_id: unknown;
  readonly moveouts: unknown;
}

/** A coordinate, or null when absent, 0 (the PMS's "not geocoded") or not a number. */
export function coordinate(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = toNumber(value);
  return Number.isFinite(n) && n !== 0 ? n : null;
}

/**
 * One point per apartment with contracts, sized by contracts and coloured by move-outs / contracts;
 * apartments without both coordinates are listed instead. Move-outs of apartments with no contract row
 * cannot have a rate and are left out.
 */
export function apartmentMap(
  contracts: readonly ApartmentContractsRow[],
  moveouts: readonly ApartmentMoveoutsRow[],
): Omit<MapData, 'wards'> {
  const out = new Map(moveouts.map((r) => [labelOf(r.apartment_id), toNumber(r.moveouts)]));
  const points: MapPoint[] = [];
  const notOnMap: { apartmentId: string; name: string; contracts: number }[] = [];
  for (const row of contracts) {
    const apartmentId = labelOf(row.apartment_id);
    const name = row.apartment_name === null ? `apartment ${apartmentId}` : labelOf(row.apartment_name);
    const n = toNumber(row.contracts);
    const lat = coordinate(row.latitude);
    const lng = coordinate(row.longitude);
    if (lat === null || lng === null) {
      notOnMap.push({ apartmentId, name, contracts: n });
      continue;
    }
    const moved = out.get(apartmentId) ?? 0;
    points.push({
      apartmentId,
      name,
      municipality: labelOf(row.municipality),
      lat,
      lng,
      contracts: n,
      moveouts: moved,
      moveoutRate: n > 0 ? moved / n : 0,
    });
  }
  const byContracts = <T extends { contracts: number; name: string }>(a: T, b: T): number =>
    b.contracts - a.contracts || a.name.localeCompare(b.name);
  return { points: points.sort(byContracts), notOnMap: notOnMap.sort(byContracts) };
}

/** Every ward and nearby city the project knows the centre of (approximate; src/generate/geo.ts). */
export function wardLabels(): WardLabel[] {
  return MUNICIPALITIES.map((m) => ({ name: m.name, nameEn: m.nameEn, lat: m.lat, lng: m.lng }));
}
