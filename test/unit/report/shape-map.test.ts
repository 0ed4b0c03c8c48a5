import { apartmentMap, coordinate, wardLabels } from '../../../src/report/shape-map';

describe('apartmentMap', () => {
  const contracts = [
    {
      apartment_id: 1,
      apartment_name: 'シェアハウス中野',
      municipality: '中野区',
      latitude: '35.7074000',
      longitude: '139.6638000',
      contracts: 10,
    },
    {
      apartment_id: 2,
      apartment_name: 'Big House',
      municipality: '新宿区',
      latitude: 35.69,
      longitude: 139.7,
      contracts: '40',
    },
    {
      apartment_id: 3,
      apartment_name: 'No Geo',
      municipality: '足立区',
      latitude: null,
      longitude: null,
      contracts: 5,
    },
    { apartment_id: 4, apartment_name: null, municipality: null, latitude: 0, longitude: 0, contracts: 2 },
  ];
  const moveouts = [
    { apartment_id: 1, moveouts: 4 },
    { apartment_id: 3, moveouts: 5 },
  ];

  it('places apartments with coordinates, largest first, with their move-out rate', () => {
    const map = apartmentMap(contracts, moveouts);
    expect(map.points.map((p) => p.apartmentId)).toEqual(['2', '1']);
    expect(map.points[1]).toEqual({
      apartmentId: '1',
      name: 'シェアハウス中野',
      municipality: '中野区',
      lat: 35.7074,
      lng: 139.6638,
      contracts: 10,
      moveouts: 4,
      moveoutRate: 0.4,
    });
    expect(map.points[0].moveoutRate).toBe(0);
  });

  it('lists apartments whose coordinates are NULL or 0 instead of placing them', () => {
    const map = apartmentMap(contracts, moveouts);
    expect(map.notOnMap).toEqual([
      { apartmentId: '3', name: 'No Geo', contracts: 5 },
      { apartmentId: '4', name: 'apartment 4', contracts: 2 },
    ]);
  });

  it('treats 0, empty and non-numbers as no coordinate', () => {
    expect(coordinate(0)).toBeNull();
    expect(coordinate('0.0000000')).toBeNull();
    expect(coordinate('')).toBeNull();
    expect(coordinate('abc')).toBeNull();
    expect(coordinate('-33.5')).toBe(-33.5);
  });

  it('labels wards at the centres the generator knows', () => {
    const nakano = wardLabels().find((w) => w.name === '中野区');
    expect(nakano).toEqual({ name: '中野区', nameEn: 'Nakano', lat: 35.7074, lng: 139.6638 });
  });
});
