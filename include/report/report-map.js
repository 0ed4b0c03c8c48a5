/* tb report: the Tokyo map, an SVG drawn in Web Mercator (no tiles: the page fetches nothing). */
/* global window, document */
(function (TBR) {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  const W = 960;
  const H = 640;

  const el = (name, attrs, text) => {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };

  /** Lines every 0.05° so the projection (and the north-south stretch of Mercator) is visible. */
  const graticule = (g, project, lat0, lat1, lng0, lng1) => {
    const step = 0.05;
    for (let lat = Math.ceil(lat0 / step) * step; lat <= lat1; lat += step) {
      const a = project(lat, lng0);
      const b = project(lat, lng1);
      g.appendChild(el('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: 'grid' }));
    }
    for (let lng = Math.ceil(lng0 / step) * step; lng <= lng1; lng += step) {
      const a = project(lat0, lng);
      const b = project(lat1, lng);
      g.appendChild(el('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: 'grid' }));
    }
  };

  const tooltip = (p) =>
    p.name +
    ' (' +
    p.municipality +
    ')\ncontracts: ' +
    p.contracts +
    '\nmove-outs: ' +
    p.moveouts +
    '\nmove-out rate: ' +
    TBR.formatPercent(p.moveoutRate);

  const legend = (svg, maxContracts) => {
    const g = el('g', { class: 'legend', transform: 'translate(16,' + (H - 70) + ')' });
    g.appendChild(el('rect', { x: -8, y: -18, width: 330, height: 80, class: 'legend-box' }));
    g.appendChild(el('text', { x: 0, y: 0 }, 'move-out rate (move-outs / contracts)'));
    for (let i = 0; i <= 10; i++) {
      g.appendChild(el('rect', { x: i * 20, y: 8, width: 20, height: 10, fill: TBR.rateColor(i / 10) }));
    }
    g.appendChild(el('text', { x: 0, y: 32 }, '0%'));
    g.appendChild(el('text', { x: 200, y: 32 }, '100%'));
    g.appendChild(
      el('circle', {
        cx: 250,
        cy: 20,
        r: TBR.radiusFor(maxContracts, maxContracts, 4, 22),
        class: 'size-key',
      }),
    );
    g.appendChild(el('text', { x: 230, y: 56 }, maxContracts + ' contracts'));
    svg.appendChild(g);
  };

  /** The map's rows for CSV: apartments on the map, then those without coordinates. */
  TBR.mapCsv = (map) =>
    TBR.toCsv(
      [
        'apartment_id',
        'apartment_name',
        'municipality',
        'latitude',
        'longitude',
        'contracts',
        'moveouts',
        'moveout_rate',
      ],
      [
        ...map.points.map((p) => [
          p.apartmentId,
          p.name,
          p.municipality,
          p.lat,
          p.lng,
          p.contracts,
          p.moveouts,
          p.moveoutRate.toFixed(4),
        ]),
        ...map.notOnMap.map((a) => [a.apartmentId, a.name, '', '', '', a.contracts, '', '']),
      ],
    );

  /** Draws the map of `map` (report-data.js) into `container`. */
  TBR.renderMap = (container, map) => {
    const coords = [...map.points.map((p) => [p.lat, p.lng]), ...map.wards.map((w) => [w.lat, w.lng])];
    const project = TBR.fitMercator(coords, W, H, 40);
    const lats = coords.map((c) => c[0]);
    const lngs = coords.map((c) => c[1]);
    const svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'tokyo-map', role: 'img' });
    svg.appendChild(el('rect', { x: 0, y: 0, width: W, height: H, class: 'sea' }));
    const grid = el('g', { class: 'graticule' });
    graticule(
      grid,
      project,
      Math.min(...lats) - 0.1,
      Math.max(...lats) + 0.1,
      Math.min(...lngs) - 0.1,
      Math.max(...lngs) + 0.1,
    );
    svg.appendChild(grid);
    const wards = el('g', { class: 'wards' });
    for (const w of map.wards) {
      const p = project(w.lat, w.lng);
      const label = el('text', { x: p.x, y: p.y, class: 'ward', 'text-anchor': 'middle' }, w.nameEn);
      label.appendChild(el('title', {}, w.name + ' ' + w.nameEn));
      wards.appendChild(label);
    }
    svg.appendChild(wards);
    const maxContracts = Math.max(1, ...map.points.map((p) => p.contracts));
    const dots = el('g', { class: 'apartments' });
    // Largest first, so small houses stay visible on top of big neighbours.
    for (const a of map.points) {
      const p = project(a.lat, a.lng);
      const dot = el('circle', {
        cx: p.x.toFixed(1),
        cy: p.y.toFixed(1),
        r: TBR.radiusFor(a.contracts, maxContracts, 4, 22).toFixed(1),
        fill: TBR.rateColor(a.moveoutRate),
        class: 'apartment',
        'data-apartment-id': a.apartmentId,
        'data-contracts': a.contracts,
        'data-rate': a.moveoutRate.toFixed(4),
      });
      dot.appendChild(el('title', {}, tooltip(a)));
      dots.appendChild(dot);
    }
    svg.appendChild(dots);
    legend(svg, maxContracts);

    const card = document.createElement('div');
    card.className = 'card map-card wide';
    card.dataset.slot = 'map';
    card.innerHTML =
      '<div class="card-head"><h3>Apartments by contracts (size) and move-out rate (colour)</h3>' +
      '<button type="button" class="export">Export CSV</button></div>';
    card.appendChild(svg);
    const off = document.createElement('p');
    off.className = 'not-on-map';
    off.textContent = 'not on the map: ' + map.notOnMap.length;
    card.appendChild(off);
    if (map.notOnMap.length > 0) {
      const list = document.createElement('details');
      list.innerHTML =
        '<summary>Apartments without coordinates</summary><ul>' +
        map.notOnMap
          .map((a) => '<li>' + TBR.esc(a.name) + ' — ' + TBR.esc(a.contracts) + ' contracts</li>')
          .join('') +
        '</ul>';
      card.appendChild(list);
    }
    card
      .querySelector('button.export')
      .addEventListener('click', () => TBR.downloadCsv('tokyo-map.csv', TBR.mapCsv(map)));
    container.appendChild(card);
  };
})((window.TBR = window.TBR || {}));
