/* tb report: the page. Reads window.TB_REPORT (report-data.js) and draws the four dashboards. */
/* global window, document */
(function (TBR) {
  'use strict';

  const data = window.TB_REPORT;
  const executiveCharts = [];

  const heading = (section, title, sub) => {
    section.innerHTML =
      '<h2>' + TBR.esc(title) + '</h2>' + (sub ? '<p class="sub muted">' + TBR.esc(sub) + '</p>' : '');
  };

  const grid = (section) => {
    const div = document.createElement('div');
    div.className = 'grid';
    section.appendChild(div);
    return div;
  };

  const kpis = (win) => {
    const types = Object.keys(win.totals.inquiries);
    const titles = ['Inquiries', 'Applications', 'Contracts signed', 'Move-ins', 'Move-outs'];
    return Object.keys(win.totals)
      .map((metric, i) => {
        const byType = win.totals[metric];
        const total = types.reduce((sum, t) => sum + byType[t], 0);
        const split = types.map((t) => TBR.esc(t) + ' ' + TBR.formatInt(byType[t])).join(' · ');
        return (
          '<div class="kpi" data-metric="' +
          TBR.esc(metric) +
          '"><div class="kpi-value">' +
          TBR.formatInt(total) +
          '</div><div class="kpi-title">' +
          titles[i] +
          '</div><div class="kpi-split muted">' +
          split +
          '</div></div>'
        );
      })
      .join('');
  };

  /** Shows one window: KPI cards and the two charts, replacing the previous window's. */
  const showWindow = (days) => {
    const win = data.executive.find((w) => w.days === days);
    if (!win) return;
    while (executiveCharts.length) executiveCharts.pop().destroy();
    document.getElementById('kpis').innerHTML = kpis(win);
    const box = document.getElementById('executive-charts');
    box.innerHTML = '';
    executiveCharts.push(...TBR.renderCharts(box, win.charts, (spec) => spec.id.replace(/-\d+$/, '')));
    document.getElementById('window-range').textContent = win.from + ' to ' + win.to;
    for (const b of document.querySelectorAll('.window-switch button')) {
      b.setAttribute('aria-pressed', String(Number(b.dataset.days) === days));
    }
    document.getElementById('executive').dataset.days = String(days);
  };

  const executive = () => {
    const section = document.getElementById('executive');
    heading(section, 'Executive Summary', 'Daily activity by tenant type, from daily_activity_summary.');
    const bar = document.createElement('div');
    bar.className = 'toolbar';
    bar.innerHTML =
      '<div class="window-switch" role="group" aria-label="window">' +
      data.executive
        .map((w) => '<button type="button" data-days="' + w.days + '">' + w.days + ' days</button>')
        .join('') +
      '</div><span id="window-range" class="muted"></span>';
    section.appendChild(bar);
    const k = document.createElement('div');
    k.id = 'kpis';
    k.className = 'kpis';
    section.appendChild(k);
    grid(section).id = 'executive-charts';
    for (const b of bar.querySelectorAll('button'))
      b.addEventListener('click', () => showWindow(Number(b.dataset.days)));
    showWindow(data.executive[0].days);
  };

  const charts = (id, title, sub, specs) => {
    const section = document.getElementById(id);
    heading(section, title, sub);
    TBR.renderCharts(grid(section), specs);
  };

  const tokyoMap = () => {
    const section = document.getElementById('map');
    heading(
      section,
      'Tokyo map',
      'Apartments placed by latitude and longitude (Web Mercator); ward labels at approximate centres. ' +
        'From new_contracts and moveouts grouped by apartment.',
    );
    TBR.renderMap(section, data.map);
  };

  document.getElementById('report-title').textContent = data.title + ' — as of ' + data.asOf;
  document.getElementById('footer').textContent =
    'Generated ' +
    data.generatedAt +
    ' from the gold tables of target ' +
    data.target +
    '. Charts: Chart.js (MIT).';
  executive();
  charts(
    'new-contracts',
    'New Contracts',
    'Every valid contract signed on or before ' + data.asOf + ', from new_contracts.',
    data.newContracts,
  );
  charts(
    'moveouts',
    'Move-outs and Retention',
    'Stays ended on or before ' + data.asOf + ', from moveout_analysis and moveout_summary.',
    data.moveouts,
  );
  tokyoMap();
  document.body.dataset.ready = 'true';
})((window.TBR = window.TBR || {}));
