import { join } from 'node:path';

/** The page's own helper file (include/report/report-util.js): the code the browser runs. */
interface ReportUtil {
  csvField(value: unknown): string;
  toCsv(header: unknown[], rows: unknown[][]): string;
  chartCsv(spec: {
    labelHeader: string;
    labels: string[];
    datasets: { label: string; data: number[] }[];
  }): string;
  csvBlobText(csv: string): string;
  mercator(lat: number, lng: number): { x: number; y: number };
  fitMercator(
    coords: [number, number][],
    w: number,
    h: number,
    pad: number,
  ): (lat: number, lng: number) => { x: number; y: number };
  rateColor(rate: number): string;
  radiusFor(n: number, maxN: number, minR: number, maxR: number): number;
  esc(value: unknown): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const U = require(join(__dirname, '..', '..', '..', 'include', 'report', 'report-util.js')) as ReportUtil;

describe('CSV export', () => {
  it('quotes fields with commas, quotes and newlines, and leaves Japanese text as it is', () => {
    expect(U.csvField('シェアハウス中野')).toBe('シェアハウス中野');
    expect(U.csvField('新宿区, 東京')).toBe('"新宿区, 東京"');
    expect(U.csvField('the "Big" house')).toBe('"the ""Big"" house"');
    expect(U.csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(U.csvField('cr\r')).toBe('"cr\r"');
    expect(U.csvField(null)).toBe('');
    expect(U.csvField(0)).toBe('0');
    expect(U.csvField('「引っ越し」、帰国')).toBe('「引っ越し」、帰国');
  });

  it('writes a header and one CRLF-ended line per row', () => {
    expect(
      U.toCsv(
        ['a', 'b'],
        [
          ['1', 'x,y'],
          ['2', '"q"'],
        ],
      ),
    ).toBe('a,b\r\n1,"x,y"\r\n2,"""q"""\r\n');
  });

  it("exports a chart's rows: its labels, then every dataset, hidden ones included", () => {
    const csv = U.chartCsv({
      labelHeader: 'nationality',
      labels: ['日本', 'Korea, Republic of', '"Unknown"'],
      datasets: [
        { label: 'contracts', data: [10, 2, 1] },
        { label: 'move-outs, total', data: [4, 0, 1] },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'nationality,contracts,"move-outs, total"',
      '日本,10,4',
      '"Korea, Republic of",2,0',
      '"""Unknown""",1,1',
      '',
    ]);
  });

  it('starts the downloaded text with a BOM so Excel reads UTF-8', () => {
    expect(U.csvBlobText('a\r\n').charCodeAt(0)).toBe(0xfeff);
  });

  it('escapes HTML in text from gold', () => {
    expect(U.esc('<img src=x onerror="a">&')).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;');
  });
});

describe('Web Mercator', () => {
  it('maps the null island to the centre and Tokyo to its known world coordinates', () => {
    expect(U.mercator(0, 0)).toEqual({ x: 0.5, y: 0.5 });
    const tokyo = U.mercator(35.6812, 139.7671);
    expect(tokyo.x).toBeCloseTo(0.888242, 5);
    // The equivalent form y = 1/2 - ln((1 + sin φ) / (1 - sin φ)) / 4π, computed apart from the page's code.
    const sin = Math.sin((35.6812 * Math.PI) / 180);
    expect(tokyo.y).toBeCloseTo(0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI), 12);
    expect(tokyo.y).toBeCloseTo(0.393778, 6);
  });

  it('stretches latitude: one degree north spans more y than one degree east spans x at Tokyo', () => {
    const a = U.mercator(35.7, 139.7);
    const north = U.mercator(36.7, 139.7);
    const east = U.mercator(35.7, 140.7);
    const ratio = (a.y - north.y) / (east.x - a.x);
    expect(ratio).toBeCloseTo(1 / Math.cos((36.2 * Math.PI) / 180), 2);
  });

  it('fits points into the box with one scale, north up and east right', () => {
    const coords: [number, number][] = [
      [35.6, 139.6],
      [35.8, 139.9],
    ];
    const project = U.fitMercator(coords, 800, 600, 20);
    const sw = project(35.6, 139.6);
    const ne = project(35.8, 139.9);
    expect(ne.x).toBeGreaterThan(sw.x);
    expect(ne.y).toBeLessThan(sw.y);
    for (const p of [sw, ne]) {
      expect(p.x).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(p.x).toBeLessThanOrEqual(780 + 1e-9);
      expect(p.y).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(p.y).toBeLessThanOrEqual(580 + 1e-9);
    }
    // 0.2° of latitude is 0.246 "degrees of x" at 35.7°N: the height limits (560 / 0.246 < 760 / 0.3),
    // so it fills the height between the pads, and the width is centred.
    expect(sw.y - ne.y).toBeCloseTo(560, 6);
    expect(ne.x - sw.x).toBeLessThan(760);
    expect((sw.x + ne.x) / 2).toBeCloseTo(400, 6);
  });

  it('sizes circles by area and colours rates from green to red', () => {
    expect(U.radiusFor(100, 100, 4, 22)).toBe(22);
    expect(U.radiusFor(25, 100, 4, 22)).toBe(13);
    expect(U.rateColor(0)).toBe('hsl(120, 70%, 45%)');
    expect(U.rateColor(1)).toBe('hsl(0, 70%, 45%)');
    expect(U.rateColor(3)).toBe('hsl(0, 70%, 45%)');
  });
});
