/* tb report: a chart card (title, chart.js canvas, CSV export button) from a ChartSpec of report-data.js. */
/* global window, document, Blob, URL */
(function (TBR) {
  'use strict';

  const PALETTE = [
    '#2f6fdf',
    '#e8833a',
    '#2aa876',
    '#d64545',
    '#8a5cd1',
    '#c9a227',
    '#1fa2b8',
    '#d65aa5',
    '#6b7a8f',
    '#7cb342',
  ];
  TBR.PALETTE = PALETTE;
  const color = (i) => PALETTE[i % PALETTE.length];

  /** Saves text as a file through a Blob and a temporary link: nothing leaves the page. */
  TBR.downloadCsv = (filename, csv) => {
    const blob = new Blob([TBR.csvBlobText(csv)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10000);
  };

  const datasetsOf = (spec) =>
    spec.datasets.map((d, i) => {
      const base = { label: d.label, data: d.data.slice(), hidden: Boolean(d.hidden) };
      if (spec.type === 'doughnut') {
        return { ...base, backgroundColor: spec.labels.map((_, k) => color(k)) };
      }
      if (spec.type === 'line') {
        return {
          ...base,
          borderColor: color(i),
          backgroundColor: color(i),
          borderWidth: 1.5,
          pointRadius: spec.labels.length > 60 ? 0 : 2,
          tension: 0,
        };
      }
      return { ...base, backgroundColor: color(i) };
    });

  const optionsOf = (spec) => {
    const horizontal = Boolean(spec.horizontal);
    const options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: spec.type === 'line' ? { mode: 'index', intersect: false } : undefined,
      plugins: {
        legend: { display: spec.type === 'doughnut' || spec.datasets.length > 1, position: 'bottom' },
      },
    };
    if (spec.type !== 'doughnut') {
      options.indexAxis = horizontal ? 'y' : 'x';
      options.scales = {
        x: { stacked: Boolean(spec.stacked), ticks: { autoSkip: true, maxRotation: 0, precision: 0 } },
        y: { stacked: Boolean(spec.stacked), beginAtZero: true, ticks: { precision: 0 } },
      };
    }
    return options;
  };

  /**
   * A card holding one chart; `slot` names its place for tests and for the window switch (the id of a
   * spec changes with the window, the slot does not). Returns the card.
   */
  TBR.chartCard = (spec, slot) => {
    const card = document.createElement('div');
    card.className = 'card chart-card' + (spec.type === 'line' ? ' wide' : '');
    card.dataset.slot = slot || spec.id;
    card.dataset.chartId = spec.id;
    const tall = spec.horizontal ? Math.max(260, 24 * spec.labels.length + 60) : 280;
    card.innerHTML =
      '<div class="card-head"><h3>' +
      TBR.esc(spec.title) +
      '</h3><button type="button" class="export" title="Download this chart\'s data as CSV">Export CSV</button></div>' +
      '<div class="canvas-box" style="height:' +
      tall +
      'px"><canvas></canvas></div>' +
      (spec.note ? '<p class="note">' + TBR.esc(spec.note) + '</p>' : '') +
      (spec.labels.length === 0 ? '<p class="empty">No rows in gold for this chart.</p>' : '');
    card.querySelector('button.export').addEventListener('click', () => {
      TBR.downloadCsv(spec.id + '.csv', TBR.chartCsv(spec));
    });
    return card;
  };

  /** Draws the chart of a card once it is in the document (chart.js measures its parent). */
  TBR.drawChart = (card, spec) =>
    new window.Chart(card.querySelector('canvas'), {
      type: spec.type,
      data: { labels: spec.labels.slice(), datasets: datasetsOf(spec) },
      options: optionsOf(spec),
    });

  /** Appends a card per spec to `container` and draws them; returns the Chart instances. */
  TBR.renderCharts = (container, specs, slotOf) =>
    specs.map((spec) => {
      const card = TBR.chartCard(spec, slotOf ? slotOf(spec) : spec.id);
      container.appendChild(card);
      return TBR.drawChart(card, spec);
    });
})((window.TBR = window.TBR || {}));
