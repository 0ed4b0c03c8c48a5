/* tb report: pure helpers (CSV, Web Mercator, colours, numbers). Loaded by the page as window.TBR, and by the
   unit tests through module.exports, so the tested code is the code the page runs. */
/* global window */
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.TBR = Object.assign(root.TBR || {}, api);
})(typeof window === 'undefined' ? globalThis : window, function () {
  'use strict';

  const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

  /** Every text from gold goes through esc() before it becomes markup. */
  const esc = (value) =>
    String(value === null || value === undefined ? '' : value).replace(/[&<>"']/g, (c) => ENTITIES[c]);

  /** RFC 4180: a field with a comma, quote, CR or LF is quoted, its quotes doubled. */
  const csvField = (value) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  };

  /** Rows joined with CRLF; the caller adds the BOM for Excel (see csvBlobText). */
  const toCsv = (header, rows) =>
    [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';

  /** A chart's data as a table: its label column, then one column per dataset (hidden ones too). */
  const chartCsv = (spec) =>
    toCsv(
      [spec.labelHeader, ...spec.datasets.map((d) => d.label)],
      spec.labels.map((label, i) => [label, ...spec.datasets.map((d) => d.data[i])]),
    );

  /** A UTF-8 BOM first: Excel otherwise reads Japanese text in the CSV as Shift_JIS. */
  const csvBlobText = (csv) => '\uFEFF' + csv;

  const MAX_LAT = 85.05112878;

  /**
   * Web Mercator (EPSG:3857) in world units 0..1: x grows east, y grows south, as on every web map.
   * @see https://en.wikipedia.org/wiki/Web_Mercator_projection
   */
  const mercator = (lat, lng) => {
    const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
    return {
      x: (lng + 180) / 360,
      y: (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2,
    };
  };

  /**
   * A projection that fits every [lat, lng] into a width × height box with `pad` pixels around, one scale
   * for both axes (so shapes and distances keep their proportions). Returns (lat, lng) → {x, y} pixels.
   */
  const fitMercator = (coords, width, height, pad) => {
    const pts = coords.map(([lat, lng]) => mercator(lat, lng));
    const xs = pts.map((p) => p.x);
    const ys = pts.map((p) => p.y);
    const minX = Math.min(...xs);
    const minY = Math.min(...ys);
    const spanX = Math.max(Math.max(...xs) - minX, 1e-6);
    const spanY = Math.max(Math.max(...ys) - minY, 1e-6);
    const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
    const offX = (width - spanX * scale) / 2;
    const offY = (height - spanY * scale) / 2;
    return (lat, lng) => {
      const p = mercator(lat, lng);
      return { x: offX + (p.x - minX) * scale, y: offY + (p.y - minY) * scale };
    };
  };

  /** 0 → green, 0.5 → amber, 1 and more → red: the move-out rate of an apartment. */
  const rateColor = (rate) => {
    const r = Math.max(0, Math.min(1, rate));
    const hue = 120 - 120 * r;
    return 'hsl(' + Math.round(hue) + ', 70%, 45%)';
  };

  /** Circle area proportional to the count: radius ∝ √n, between min and max pixels. */
  const radiusFor = (n, maxN, minR, maxR) =>
    maxN <= 0 ? minR : minR + (maxR - minR) * Math.sqrt(Math.max(0, n) / maxN);

  const formatInt = (n) => Math.round(n).toLocaleString('en-US');
  const formatPercent = (r) => (r * 100).toFixed(1) + '%';

  return {
    esc,
    csvField,
    toCsv,
    chartCsv,
    csvBlobText,
    mercator,
    fitMercator,
    rateColor,
    radiusFor,
    formatInt,
    formatPercent,
  };
});
