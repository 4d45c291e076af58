/* The event log: My Home's event channel as a readable audit trail. */
(function () {
  'use strict';

  const REFRESH_MILLIS = 10000;
  const WHAT = {
    DEVICE_ADDED: 'Device paired',
    DEVICE_DELETED: 'Device removed',
    AUTHORIZED: 'Access granted',
    AUTHORIZATION_REVOKED: 'Access revoked'
  };

  async function load() {
    const events = await P1.get('/api/events');
    const body = document.getElementById('events-body');
    P1.clear(body);
    document.getElementById('events-empty').classList.toggle('hidden', events.length > 0);
    events.forEach((event) => {
      body.append(P1.el('tr', { 'data-testid': 'event-row', 'data-type': event.type, 'data-own': String(Boolean(event.own)) }, [
        P1.el('td', {}, event.sequence),
        P1.el('td', {}, P1.formatTime(event.at)),
        P1.el('td', { 'data-testid': 'event-type' }, event.title || WHAT[event.type] || 'Other'),
        P1.el('td', event.deviceName ? {} : { class: 'mono' }, event.deviceName || MyHome.shortAddress(event.device)),
        P1.el('td', { 'data-testid': 'event-summary' }, event.summary || '')
      ]));
    });
    P1.status('Showing ' + events.length + ' events.', 'info');
  }

  MyHome.start(async () => {
    document.getElementById('events-refresh').addEventListener('click', () => load().catch((e) => P1.status(e.message, 'error')));
    await load();
    setInterval(() => load().catch((e) => P1.status(e.message, 'error')), REFRESH_MILLIS);
  });
})();
