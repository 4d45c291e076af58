/*
 * Energy: the household's own meter as My Home reads it (no provider involved). Live power and per
 * phase (polled every 5 s), totals per tariff for today / week / month / year, comparisons, per-hour
 * and per-day charts, prices (fixed, day/night, dynamic hourly CSV) and a CSV download of any range.
 */
(function () {
  'use strict';

  const LIVE_MILLIS = 5000;
  const SUMMARY_MILLIS = 15000;
  const COLORS = { import: '#c0392b', export: '#0b6e4f', gas: '#1f5fa8', cost: '#8a5a00', l1: '#7b3fa0', l2: '#d98300', l3: '#2a7f9e' };
  const state = { device: null, meters: [], timers: [] };

  function kwh(value) {
    return value === null || value === undefined ? '–' : Number(value).toFixed(Number(value) < 10 ? 3 : 1) + ' kWh';
  }

  function m3(value) {
    return value === null || value === undefined ? '–' : Number(value).toFixed(3) + ' m³';
  }

  function euro(value) {
    return value === null || value === undefined ? '–' : '€ ' + Number(value).toFixed(2);
  }

  function watts(value) {
    if (value === null || value === undefined) {
      return '–';
    }
    return Math.abs(value) >= 1000 ? (value / 1000).toFixed(2) + ' kW' : value + ' W';
  }

  function column(live, name) {
    return live.columns.indexOf(name);
  }

  function renderMeter(meter) {
    const online = document.getElementById('meter-online');
    online.dataset.state = meter.online ? 'receiving' : (meter.lastReadingAt ? 'revoked' : '');
    online.textContent = meter.online ? 'Online' : (meter.lastReadingAt ? 'Offline: no reading in the last 2 minutes' : 'Waiting for the first reading');
    document.getElementById('meter-last').textContent = meter.lastReadingAt ? P1.formatTime(meter.lastReadingAt) : 'none yet';
    const model = [meter.meterHeader ? meter.meterHeader.replace(/^\//, '') : null,
      meter.dsmrVersion ? 'DSMR ' + meter.dsmrVersion : null,
      meter.equipmentId ? 'meter number ' + meter.equipmentId : null,
      meter.gasEquipmentId ? 'gas meter ' + meter.gasEquipmentId : null].filter((x) => x);
    document.getElementById('meter-model').textContent = model.length ? model.join(' · ') : 'not known yet';
  }

  async function loadMeters() {
    state.meters = await P1.get('/api/energy/meters');
    const select = document.getElementById('meter-select');
    const chosen = state.device;
    P1.clear(select);
    state.meters.forEach((m) => select.append(P1.el('option', { value: m.address }, m.name)));
    if (state.meters.length === 0) {
      P1.status('No device is paired yet. Pair your meter\u2019s device on the Devices page.', 'info');
      return false;
    }
    state.device = chosen && state.meters.some((m) => m.address === chosen) ? chosen : state.meters[0].address;
    select.value = state.device;
    renderMeter(state.meters.find((m) => m.address === state.device));
    return true;
  }

  async function loadLive() {
    const live = await P1.get('/api/energy/live?minutes=10&device=' + encodeURIComponent(state.device));
    const rows = live.rows;
    const at = (row) => Date.parse(row[0]);
    const series = (name, color, key) => ({ name: name, color: color, points: rows.map((r) => ({ x: at(r), y: r[column(live, key)] })) });
    P1Chart.line(document.getElementById('chart-live'), {
      series: [series('using', COLORS.import, 'powerImportW'), series('delivering', COLORS.export, 'powerExportW')],
      unit: 'W', xLabel: clock, emptyText: 'Waiting for the first reading'
    });
    P1Chart.line(document.getElementById('chart-phases'), {
      series: [series('L1', COLORS.l1, 'l1ImportW'), series('L2', COLORS.l2, 'l2ImportW'), series('L3', COLORS.l3, 'l3ImportW')],
      unit: 'W per phase', xLabel: clock, emptyText: 'Waiting for the first reading'
    });
    const body = document.getElementById('phases-body');
    P1.clear(body);
    if (rows.length === 0) {
      return;
    }
    const last = rows[rows.length - 1];
    document.getElementById('now-import').textContent = watts(last[column(live, 'powerImportW')]);
    document.getElementById('now-export').textContent = watts(last[column(live, 'powerExportW')]);
    [1, 2, 3].forEach((phase) => {
      const value = (name) => last[column(live, 'l' + phase + name)];
      if (value('Voltage') === null && value('ImportW') === null) {
        return;
      }
      body.append(P1.el('tr', { 'data-testid': 'phase-row', 'data-phase': phase }, [
        P1.el('td', {}, 'L' + phase),
        P1.el('td', {}, watts(value('ImportW'))),
        P1.el('td', {}, watts(value('ExportW'))),
        P1.el('td', { 'data-testid': 'phase-voltage' }, value('Voltage') === null ? '–' : value('Voltage') + ' V'),
        P1.el('td', {}, value('Current') === null ? '–' : value('Current') + ' A')
      ]));
    });
  }

  function clock(ms) {
    return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function periodRows(body, periods, keys) {
    P1.clear(body);
    const lines = [
      ['Used, tariff 1 (night)', (p) => kwh(p.importT1Kwh)],
      ['Used, tariff 2 (day)', (p) => kwh(p.importT2Kwh)],
      ['Delivered, tariff 1', (p) => kwh(p.exportT1Kwh)],
      ['Delivered, tariff 2', (p) => kwh(p.exportT2Kwh)],
      ['Gas', (p) => m3(p.gasM3)],
      ['Cost', (p) => euro(p.costEur)]
    ];
    lines.forEach(([label, value]) => body.append(P1.el('tr', {}, [P1.el('th', {}, label)]
      .concat(keys.map((k) => P1.el('td', { 'data-testid': 'period-' + k }, value(periods[k])))))));
  }

  async function loadSummary() {
    const summary = await P1.get('/api/energy/summary?device=' + encodeURIComponent(state.device));
    periodRows(document.getElementById('periods-body'), summary.periods, ['today', 'week', 'month', 'year']);
    periodRows(document.getElementById('compare-body'), summary.comparison, ['thisMonth', 'lastMonth', 'sameMonthLastYear']);
    const hours = await P1.get('/api/energy/hours?device=' + encodeURIComponent(state.device));
    const hourLabels = hours.map((h) => h.start.slice(11, 13));
    const values = (list, key) => list.map((x) => (x[key] === null ? 0 : Number(x[key])));
    P1Chart.bars(document.getElementById('chart-hours'), {
      labels: hourLabels, unit: 'kWh', series: [
        { name: 'used', color: COLORS.import, values: values(hours, 'importKwh') },
        { name: 'delivered', color: COLORS.export, values: values(hours, 'exportKwh') }]
    });
    P1Chart.bars(document.getElementById('chart-gas-hours'), {
      labels: hourLabels, unit: 'm³', series: [{ name: 'gas', color: COLORS.gas, values: values(hours, 'gasM3') }]
    });
    P1Chart.bars(document.getElementById('chart-cost-hours'), {
      labels: hourLabels, unit: '€', emptyText: 'Enter your prices below',
      series: [{ name: 'cost', color: COLORS.cost, values: values(hours, 'costEur') }]
    });
    const days = await P1.get('/api/energy/days?days=31&device=' + encodeURIComponent(state.device));
    const dayLabels = days.map((d) => d.start.slice(5));
    P1Chart.bars(document.getElementById('chart-days'), {
      labels: dayLabels, unit: 'kWh', series: [
        { name: 'used', color: COLORS.import, values: values(days, 'importKwh') },
        { name: 'delivered', color: COLORS.export, values: values(days, 'exportKwh') }]
    });
    P1Chart.bars(document.getElementById('chart-gas-days'), {
      labels: dayLabels, unit: 'm³', series: [{ name: 'gas', color: COLORS.gas, values: values(days, 'gasM3') }]
    });
  }

  async function loadTariffs() {
    const t = await P1.get('/api/energy/tariffs');
    document.getElementById('tariff-kind').value = t.kind;
    const fill = (id, value) => { document.getElementById(id).value = value === null || value === undefined ? '' : value; };
    fill('tariff-import', t.importPerKwh);
    fill('tariff-t1', t.t1PerKwh);
    fill('tariff-t2', t.t2PerKwh);
    fill('tariff-export', t.exportPerKwh);
    fill('tariff-gas', t.gasPerM3);
  }

  async function saveTariffs(event) {
    event.preventDefault();
    const value = (id) => document.getElementById(id).value.trim();
    try {
      await P1.send('PUT', '/api/energy/tariffs', {
        kind: value('tariff-kind'), importPerKwh: value('tariff-import'), t1PerKwh: value('tariff-t1'),
        t2PerKwh: value('tariff-t2'), exportPerKwh: value('tariff-export'), gasPerM3: value('tariff-gas')
      });
      P1.status('Prices saved: costs are shown from now on.', 'ok');
      await loadSummary();
    } catch (e) {
      P1.status(e.message, 'error');
    }
  }

  async function uploadPrices() {
    const file = document.getElementById('prices-file').files[0];
    if (!file) {
      P1.status('Choose a CSV file of hourly prices first.', 'error');
      return;
    }
    try {
      const csrf = (await P1.session()).csrfToken;
      const response = await fetch('/api/energy/prices', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': csrf, Accept: 'application/json' }, body: await file.text() });
      const body = await response.json();
      if (!response.ok) {
        throw new Error(body.message || 'The upload was refused.');
      }
      P1.status('Stored ' + body.hours + ' hourly prices.', 'ok');
      await loadSummary();
    } catch (e) {
      P1.status(e.message, 'error');
    }
  }

  function download(event) {
    event.preventDefault();
    const from = document.getElementById('export-from').value;
    const to = document.getElementById('export-to').value;
    location.assign('/api/energy/export?device=' + encodeURIComponent(state.device) + '&from=' + encodeURIComponent(from)
      + '&to=' + encodeURIComponent(to));
  }

  async function refresh() {
    try {
      await loadMeters();
      await loadLive();
      if (P1.status && document.getElementById('status').dataset.kind === 'error') {
        P1.status('', 'info');
      }
    } catch (e) {
      P1.status(e.status ? e.message : 'My Home cannot be reached right now; the figures shown may be out of date.', 'error');
    }
  }

  MyHome.start(async () => {
    const today = new Date().toISOString().slice(0, 10);
    document.getElementById('export-from').value = today;
    document.getElementById('export-to').value = today;
    document.getElementById('tariff-form').addEventListener('submit', saveTariffs);
    document.getElementById('prices-upload').addEventListener('click', uploadPrices);
    document.getElementById('export-form').addEventListener('submit', download);
    document.getElementById('meter-select').addEventListener('change', (event) => {
      state.device = event.target.value;
      refresh().then(loadSummary).catch((e) => P1.status(e.message, 'error'));
    });
    if (!(await loadMeters())) {
      return;
    }
    await loadTariffs();
    await loadLive();
    await loadSummary();
    setInterval(refresh, LIVE_MILLIS);
    setInterval(() => loadSummary().catch(() => {}), SUMMARY_MILLIS);
  });
})();
