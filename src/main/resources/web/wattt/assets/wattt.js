/*
 * Wattt Insights: connect (consent request, then off to My Home), follow the connection's state,
 * draw the last hour live from the SSE stream (polling if the stream is unavailable), and the daily
 * totals. Text from households or the meter is inserted with textContent only.
 */
(function () {
  'use strict';

  const HOUR = 3600 * 1000;
  const STATUS_POLL_MILLIS = 5000;
  const STATE_TEXT = {
    not_connected: 'Not connected',
    waiting_for_keys: 'Waiting for keys',
    receiving: 'Receiving readings',
    revoked: 'Access revoked',
    expired: 'Request expired: connect again',
    ended: 'Consent ended: connect again to continue',
    denied: 'Access denied'
  };
  const live = { household: null, importW: [], exportW: [], phases: [[], [], []], source: null, pollTimer: null,
    lastTimestamp: null, names: {} };
  const STALE_MILLIS = 2 * 60 * 1000;

  function setState(state, detail) {
    const badge = document.getElementById('connection-state');
    badge.dataset.state = state;
    badge.textContent = STATE_TEXT[state] || state;
    document.getElementById('connection-detail').textContent = detail || '';
  }

  function time(ms) {
    return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function drawLive() {
    const now = Date.now();
    const recent = (points) => points.filter((p) => p.x >= now - HOUR);
    live.importW = recent(live.importW);
    live.exportW = recent(live.exportW);
    live.phases = live.phases.map(recent);
    // the time axis spans the readings present (no empty hour with a sliver of data at its end)
    P1Chart.line(document.getElementById('chart-power'), {
      series: [
        { name: 'import', color: '#c0392b', points: live.importW },
        { name: 'export', color: '#0b6e4f', points: live.exportW }
      ],
      unit: 'W', xLabel: time, emptyText: 'No readings in the last hour'
    });
    P1Chart.line(document.getElementById('chart-phases'), {
      series: [
        { name: 'L1', color: '#7b3fa0', points: live.phases[0] },
        { name: 'L2', color: '#d98300', points: live.phases[1] },
        { name: 'L3', color: '#2a7f9e', points: live.phases[2] }
      ],
      unit: 'W per phase', xLabel: time, emptyText: 'No per-phase readings'
    });
  }

  function addReading(reading) {
    const x = Date.parse(reading.timestamp);
    if (isNaN(x) || (live.lastTimestamp && x <= live.lastTimestamp)) {
      return;
    }
    if (reading.powerImportW === null || reading.powerImportW === undefined) {
      // 15-minute insights carry no live power: chart the average over each quarter-hour from its registers
      const previous = live.lastEnergy;
      live.lastEnergy = { x: x, importKwh: Number(reading.energyImportKwh), exportKwh: Number(reading.energyExportKwh) };
      live.lastTimestamp = x;
      if (!previous || isNaN(live.lastEnergy.importKwh)) {
        return;
      }
      const hours = (x - previous.x) / 3600000;
      const importW = Math.round((live.lastEnergy.importKwh - previous.importKwh) * 1000 / hours);
      const exportW = Math.round((live.lastEnergy.exportKwh - previous.exportKwh) * 1000 / hours) || 0;
      live.importW.push({ x: x, y: importW });
      live.exportW.push({ x: x, y: exportW });
      document.getElementById('live-latest').textContent = 'Average over the quarter-hour to ' + new Date(x).toLocaleTimeString()
        + ': import ' + importW + ' W, export ' + exportW + ' W';
      return;
    }
    live.lastTimestamp = x;
    live.importW.push({ x: x, y: Number(reading.powerImportW) || 0 });
    live.exportW.push({ x: x, y: Number(reading.powerExportW) || 0 });
    (reading.phasePowerImportW || []).forEach((w, i) => {
      if (w !== null && i < 3) {
        live.phases[i].push({ x: x, y: w });
      }
    });
    document.getElementById('live-latest').textContent = 'Latest: import ' + reading.powerImportW + ' W, export '
      + reading.powerExportW + ' W at ' + new Date(x).toLocaleTimeString();
    live.lastReadingMs = x;
  }

  async function loadLastHour() {
    const from = new Date(Date.now() - HOUR).toISOString();
    const answer = await P1.get('/api/readings?household=' + encodeURIComponent(live.household)
      + '&from=' + encodeURIComponent(from) + '&limit=3600');
    live.importW = [];
    live.exportW = [];
    live.phases = [[], [], []];
    live.lastTimestamp = null;
    live.lastEnergy = null;
    answer.readings.forEach(addReading);
    drawLive();
  }

  function poll() {
    const since = live.lastTimestamp ? new Date(live.lastTimestamp + 1).toISOString() : new Date(Date.now() - HOUR).toISOString();
    P1.get('/api/readings?household=' + encodeURIComponent(live.household) + '&from=' + encodeURIComponent(since) + '&limit=600')
      .then((answer) => {
        answer.readings.forEach(addReading);
        drawLive();
      })
      .catch((e) => unreachable(e));
  }

  /** Wattt itself cannot be reached (the browser says "Failed to fetch"): say that, in words. */
  function unreachable(e) {
    if (e && e.status) {
      P1.status(e.message, 'error');
      return;
    }
    const badge = document.getElementById('connection-state');
    badge.dataset.health = 'wattt_unreachable';
    badge.textContent = 'Connection to Wattt Insights lost';
    document.getElementById('connection-detail').textContent = 'The figures shown may be out of date; this page retries by itself.';
    P1.status('Wattt Insights cannot be reached right now. Retrying…', 'error');
  }

  function stream() {
    if (live.source) {
      live.source.close();
    }
    clearInterval(live.pollTimer);
    if (!window.EventSource) {
      live.pollTimer = setInterval(poll, 5000);
      return;
    }
    const source = new EventSource('/api/readings/stream?household=' + encodeURIComponent(live.household));
    live.source = source;
    source.addEventListener('reading', (event) => {
      addReading(JSON.parse(event.data));
      drawLive();
    });
    source.addEventListener('status', (event) => {
      const status = JSON.parse(event.data);
      setState(status.state, status.detail);
      labelHousehold(status.household || live.household, status.state);
    });
    source.addEventListener('error', () => {
      // the browser reconnects by itself; meanwhile poll so the chart does not stall
      if (!live.pollTimer) {
        live.pollTimer = setInterval(poll, 5000);
      }
    });
    source.addEventListener('open', () => {
      clearInterval(live.pollTimer);
      live.pollTimer = null;
    });
  }

  async function loadDaily() {
    const days = await P1.get('/api/readings/daily?household=' + encodeURIComponent(live.household) + '&days=14');
    const labels = days.map((d) => d.date.slice(5));
    P1Chart.bars(document.getElementById('chart-energy'), {
      labels: labels, unit: 'kWh', emptyText: 'No full day yet',
      series: [
        { name: 'import', color: '#c0392b', values: days.map((d) => d.energyImportKwh) },
        { name: 'export', color: '#0b6e4f', values: days.map((d) => d.energyExportKwh) }
      ]
    });
    P1Chart.bars(document.getElementById('chart-gas'), {
      labels: labels, unit: 'm³', emptyText: 'No gas readings yet',
      series: [{ name: 'gas', color: '#1f5fa8', values: days.map((d) => d.gasM3) }]
    });
    const hours = await P1.get('/api/readings/hourly?household=' + encodeURIComponent(live.household) + '&hours=24');
    P1Chart.bars(document.getElementById('chart-gas-hourly'), {
      labels: hours.map((h) => time(Date.parse(h.start))), unit: 'm³', emptyText: 'No gas readings yet',
      series: [{ name: 'gas', color: '#1f5fa8', values: hours.map((h) => Number(h.gasM3) || 0) }]
    });
  }

  /** Issue 16: costs per day with the customer's tariff, or the default one, said so. */
  async function loadCosts() {
    const costs = await P1.get('/api/readings/costs?household=' + encodeURIComponent(live.household) + '&days=14');
    const t = costs.tariff;
    const prices = (t.kind === 'daynight' ? '€' + t.t2PerKwh + ' a kWh by day (T2), €' + t.t1PerKwh + ' by night (T1)'
      : '€' + t.importPerKwh + ' a kWh') + (t.gasPerM3 != null ? ', gas €' + t.gasPerM3 + ' a m³' : '');
    const account = document.getElementById('account-email').textContent;
    document.getElementById('costs-tariff').textContent = costs.tariffIsDefault
      ? 'With a default tariff (' + prices + '), not yours: ' + (account ? 'enter your own below.' : 'log in to enter your own.')
      : 'With your tariff: ' + prices + '.';
    P1Chart.bars(document.getElementById('chart-costs'), {
      labels: costs.days.map((d) => d.date.slice(5)), unit: '€', emptyText: 'No full day yet',
      series: [
        { name: 'electricity', color: '#c0392b', values: costs.days.map((d) => Number(d.electricityEur)) },
        { name: 'gas', color: '#1f5fa8', values: costs.days.map((d) => Number(d.gasEur)) }
      ]
    });
    const rows = document.getElementById('costs-rows');
    P1.clear(rows);
    const cell = (value) => P1.el('td', {}, value == null ? '–' : String(value));
    costs.days.forEach((d) => {
      const row = P1.el('tr', {});
      [d.date, d.importT1Kwh, d.importT2Kwh, d.gasM3].forEach((v) => row.append(cell(v)));
      [d.electricityEur, d.gasEur, d.totalEur].forEach((v) => row.append(cell(v == null ? null : Number(v).toFixed(2))));
      rows.append(row);
    });
  }

  async function showTariff(loggedIn) {
    const form = document.getElementById('tariff-form');
    form.classList.toggle('hidden', !loggedIn);
    if (!loggedIn) {
      return;
    }
    const answer = await P1.get('/api/account/tariff');
    const t = answer.tariff;
    document.querySelector('input[name="tariff-kind"][value="' + t.kind + '"]').checked = true;
    document.getElementById('tariff-import').value = t.importPerKwh == null ? '' : t.importPerKwh;
    document.getElementById('tariff-t1').value = t.t1PerKwh == null ? '' : t.t1PerKwh;
    document.getElementById('tariff-t2').value = t.t2PerKwh == null ? '' : t.t2PerKwh;
    document.getElementById('tariff-gas').value = t.gasPerM3 == null ? '' : t.gasPerM3;
  }

  async function saveTariff() {
    try {
      await P1.send('POST', '/api/account/tariff', {
        kind: document.querySelector('input[name="tariff-kind"]:checked').value,
        importPerKwh: document.getElementById('tariff-import').value.trim(),
        t1PerKwh: document.getElementById('tariff-t1').value.trim(),
        t2PerKwh: document.getElementById('tariff-t2').value.trim(),
        gasPerM3: document.getElementById('tariff-gas').value.trim()
      });
      P1.status('Tariff saved: costs now use your prices.', 'ok');
      if (live.household) {
        await loadCosts();
      }
    } catch (e) {
      P1.status(e.message, 'error');
    }
  }

  async function refreshStatus() {
    if (!live.household) {
      return;
    }
    let status;
    try {
      status = await P1.get('/api/status?household=' + encodeURIComponent(live.household));
    } catch (e) {
      unreachable(e);
      return;
    }
    if (document.getElementById('status').dataset.kind === 'error') {
      P1.status('', 'info');
    }
    // a refused key delivery (not from the household's meter) is said first: the household should know
    const last = status.lastReadingAt ? Date.parse(status.lastReadingAt) : live.lastReadingMs;
    const stale = status.state === 'receiving' && last && Date.now() - last > STALE_MILLIS;
    const detail = [status.message,
      status.node === 'unreachable' ? 'The IOTA node is unreachable: no new readings arrive until it is back.' : '',
      stale ? 'No reading since ' + new Date(last).toLocaleTimeString() + ': the meter or its device may be offline.' : '',
      last ? 'Last reading ' + new Date(last).toLocaleString() + '.' : '']
      .filter((text) => text).join(' ');
    setState(status.state, detail);
    const badge = document.getElementById('connection-state');
    badge.dataset.health = status.node === 'unreachable' ? 'node_unreachable' : (stale ? 'stale' : 'ok');
    if (status.state === 'receiving' && (status.node === 'unreachable' || stale)) {
      // never "Receiving readings" while nothing arrives
      badge.textContent = status.node === 'unreachable' ? 'Connected, but the IOTA node is unreachable' : 'Connected, no recent readings';
    }
    labelHousehold(status.household, status.state);
  }

  /** Keeps the meter picker's label in step with the state shown beside it. */
  function labelHousehold(id, state) {
    const option = Array.from(document.getElementById('household-select').options).find((o) => o.value === id);
    if (option) {
      option.textContent = (live.names[id] || 'Meter') + ' — ' + (STATE_TEXT[state] || state);
    }
  }

  async function selectHousehold(id) {
    live.household = id;
    localStorage.setItem('wattt.household', id);
    document.getElementById('csv-link').href = '/api/readings?format=csv&household=' + encodeURIComponent(id);
    await refreshStatus();
    await loadLastHour();
    await loadDaily();
    await loadCosts().catch((e) => P1.status(e.message, 'error'));
    stream();
  }

  async function loadHouseholds(preferred) {
    const households = await P1.get('/api/households');
    const select = document.getElementById('household-select');
    P1.clear(select);
    households.forEach((household) => {
      live.names[household.id] = household.name;
      select.append(P1.el('option', { value: household.id }, household.name + ' — ' + (STATE_TEXT[household.state] || household.state)));
    });
    const ids = households.map((h) => h.id);
    const chosen = [preferred, localStorage.getItem('wattt.household'), ids[0]].find((id) => id && ids.includes(id));
    if (!chosen) {
      setState('not_connected', 'Connect your meter to see your energy use.');
      drawLive();
      return;
    }
    select.value = chosen;
    await selectHousehold(chosen);
  }

  async function connect() {
    const button = document.getElementById('connect');
    button.disabled = true;
    P1.status('Creating a consent request…', 'busy');
    try {
      const myHome = document.getElementById('myhome-url').value.trim();
      // we ask for exactly what the household chose here; My Home lets it narrow that further
      const choice = (document.querySelector('input[name="share"]:checked') || { value: 'live' }).value;
      const body = { meterName: document.getElementById('meter-name').value.trim(), choice: choice };
      if (myHome) {
        body.myHome = myHome;
      }
      const request = await P1.send('POST', '/api/consent-requests', body);
      if (request.existing) {
        // already receiving this customer's meter: the grant is reused, nothing to ask My Home again
        P1.status('Your meter “' + request.name + '” is already connected; nothing to grant again.', 'ok');
        button.disabled = false;
        await loadHouseholds(request.id);
        return;
      }
      const target = new URL(request.myHomeUrl);
      if (target.protocol !== 'https:' && target.protocol !== 'http:') {
        throw new Error('My Home address must be http or https');
      }
      localStorage.setItem('wattt.household', request.id);
      P1.status('Off to My Home to ask for your consent…', 'busy');
      location.assign(target.href);
    } catch (e) {
      P1.status(e.message, 'error');
      button.disabled = false;
    }
  }

  async function showAccount() {
    const account = await P1.get('/api/account');
    document.getElementById('account-email').textContent = account.loggedIn ? account.email : '';
    document.getElementById('logout').classList.toggle('hidden', !account.loggedIn);
    document.getElementById('account-card').classList.toggle('hidden', account.loggedIn);
    await showTariff(account.loggedIn).catch((e) => P1.status(e.message, 'error'));
    return account;
  }

  async function account(path) {
    const email = document.getElementById('account-email-input').value.trim();
    const password = document.getElementById('account-password').value;
    try {
      await P1.send('POST', path, { email: email, password: password });
      await P1.session();
      document.getElementById('account-password').value = '';
      P1.status(path.endsWith('signup') ? 'Welcome: your account is ready.' : 'Logged in.', 'ok');
      await showAccount();
      await loadHouseholds(null);
    } catch (e) {
      P1.status(e.message, 'error');
    }
  }

  async function start() {
    await P1.session();
    document.getElementById('connect').addEventListener('click', connect);
    document.getElementById('account-form').addEventListener('submit', (event) => {
      event.preventDefault();
      account('/api/account/login');
    });
    document.getElementById('account-signup').addEventListener('click', () => account('/api/account/signup'));
    document.getElementById('tariff-form').addEventListener('submit', (event) => {
      event.preventDefault();
      saveTariff();
    });
    document.getElementById('logout').addEventListener('click', async () => {
      await P1.send('POST', '/api/account/logout');
      location.assign('/');
    });
    // back from My Home with the browser's back button: the page may come from the cache with
    // Connect still disabled by the click that left it
    window.addEventListener('pageshow', (event) => {
      document.getElementById('connect').disabled = false;
      if (event.persisted) {
        P1.status('', 'info');
      }
    });
    await showAccount();
    document.getElementById('household-select').addEventListener('change', (event) =>
      selectHousehold(event.target.value).catch((e) => P1.status(e.message, 'error')));
    const query = new URLSearchParams(location.search);
    const outcome = query.get('consent');
    if (outcome === 'granted') {
      P1.status('Thank you: consent granted. Your meter\u2019s keys arrive over the tangle in a moment.', 'ok');
    } else if (outcome === 'denied') {
      P1.status('You did not share your meter. Nothing was received.', 'info');
    }
    if (outcome) {
      // the answer is shown once; a reload or a bookmark must not repeat it
      history.replaceState(null, '', location.pathname);
    }
    await loadHouseholds(query.get('requestId'));
    if (outcome === 'denied') {
      const receiving = (await P1.get('/api/households')).find((h) => h.state === 'receiving');
      if (receiving) {
        // never "you did not share" while a meter of this customer is being received
        P1.status('You declined this request. \u201c' + receiving.name + '\u201d, connected before, is still shared;'
          + ' revoke it in My Home to stop.', 'info');
      }
    }
    setInterval(() => refreshStatus().catch(unreachable), STATUS_POLL_MILLIS);
  }

  start().catch(unreachable);
})();
