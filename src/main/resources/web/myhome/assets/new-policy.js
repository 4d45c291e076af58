/*
 * The consent page. Everything shown about the provider comes from My Home's own check of the link
 * (/api/consent-link), never straight from the URL; Grant and Deny go back to the provider only
 * through the redirect My Home answers, which it checked against the verified origin.
 */
(function () {
  'use strict';

  const LINK_FIELDS = ['requestId', 'inbox', 'publicKey', 'goal', 'returnUrl'];
  const SECRET_KEY = 'p1iota.grantSecret.';

  /*
   * The grant secret travels in the link's #fragment, which the browser sends to no server. It is
   * moved to this tab's sessionStorage at once (it survives the detour through the login page, which
   * keeps only path and query) and taken out of the address bar and history; only the Grant POST
   * sends it, in its body, never in a URL.
   */
  function keepGrantSecret() {
    const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
    const secret = fragment.get('grantSecret');
    const requestId = new URLSearchParams(location.search).get('requestId') || '';
    if (secret) {
      sessionStorage.setItem(SECRET_KEY + requestId, secret);
      history.replaceState(null, '', location.pathname + location.search);
    }
    return requestId;
  }

  /*
   * The scope the link asks for (resolution, categories, duration; absent: everything, every telegram,
   * until revoked), in plain words, with controls that can only narrow it: coarser resolutions, fewer
   * of the categories asked for, shorter periods. My Home checks the narrowing again on Grant.
   */
  const RESOLUTIONS = [
    ['TELEGRAM', 0, 'every telegram (about once a second)'],
    ['MINUTE', 60, 'once a minute'],
    ['QUARTER_HOUR', 900, 'every 15 minutes'],
    ['HOUR', 3600, 'every hour'],
    ['DAY', 86400, 'once a day']];
  const CATEGORIES = {
    ENERGY: 'electricity meter readings per tariff (kWh taken and fed in)',
    POWER: 'electricity power taken and fed in (kW)',
    PHASES: 'voltage, current and power per phase',
    GAS: 'gas meter readings (m\u00b3)',
    IDENTITY: 'the meters\u2019 equipment ids'};
  const REVEALS = {
    TELEGRAM: 'Second by second use shows when you are home, cook, shower or sleep.',
    MINUTE: 'Minute by minute use shows when you are home, cook or sleep.',
    QUARTER_HOUR: 'Quarter-hour totals show your daily rhythm roughly, not single appliances.',
    HOUR: 'Hourly totals show your daily rhythm only broadly.',
    DAY: 'Daily totals show how much you use, not when during the day.'};

  function requestedScope() {
    const query = new URLSearchParams(location.search);
    const resolution = query.get('resolution') || 'TELEGRAM';
    const categories = (query.get('categories') || Object.keys(CATEGORIES).join(',')).split(',').filter((c) => CATEGORIES[c]);
    const seconds = durationSeconds(query.get('duration'));
    return { resolution: resolution, categories: categories, duration: query.get('duration') || '', seconds: seconds };
  }

  /* ISO-8601 durations of days, hours, minutes: P30D, PT2M, P1DT12H. */
  function durationSeconds(text) {
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text || '');
    if (!m) {
      return null;
    }
    return ((+m[1] || 0) * 86400) + ((+m[2] || 0) * 3600) + ((+m[3] || 0) * 60) + (+m[4] || 0);
  }

  function words(seconds) {
    if (seconds === null) {
      return 'until you revoke access';
    }
    if (seconds % 86400 === 0) {
      return 'for ' + (seconds / 86400) + (seconds === 86400 ? ' day' : ' days');
    }
    if (seconds % 3600 === 0) {
      return 'for ' + (seconds / 3600) + (seconds === 3600 ? ' hour' : ' hours');
    }
    return 'for ' + Math.round(seconds / 60) + (seconds === 60 ? ' minute' : ' minutes');
  }

  function showScope(requested) {
    const resolutionSelect = document.getElementById('scope-resolution');
    const requestedSeconds = RESOLUTIONS.find((r) => r[0] === requested.resolution)[1];
    RESOLUTIONS.filter((r) => r[1] >= requestedSeconds).forEach((r) =>
      resolutionSelect.append(P1.el('option', { value: r[0] }, r[2])));
    const fieldset = document.getElementById('scope-categories');
    requested.categories.forEach((c) => {
      const box = P1.el('input', { type: 'checkbox', value: c, id: 'scope-category-' + c, 'data-testid': 'scope-category-' + c });
      box.checked = true;
      fieldset.append(P1.el('label', { for: 'scope-category-' + c }, [box, document.createTextNode(' ' + CATEGORIES[c])]));
    });
    const durationSelect = document.getElementById('scope-duration');
    const choices = [[requested.duration, words(requested.seconds)]];
    [[86400 * 365, 'P365D'], [86400 * 30, 'P30D'], [86400 * 7, 'P7D'], [86400, 'P1D'], [3600, 'PT1H']].forEach((d) => {
      if (requested.seconds === null || d[0] < requested.seconds) {
        choices.push([d[1], words(d[0])]);
      }
    });
    choices.forEach((d) => durationSelect.append(P1.el('option', { value: d[0] }, d[1])));
    const render = () => {
      const chosen = chosenScope(requested);
      const resolution = RESOLUTIONS.find((r) => r[0] === chosen.grantResolution);
      document.getElementById('scope-words').textContent = chosen.grantCategories === '' ? 'Nothing: choose at least one kind of data.'
        : resolution[2] + ': ' + chosen.grantCategories.split(',').map((c) => CATEGORIES[c]).join('; ') + '.';
      document.getElementById('scope-reveals').textContent = REVEALS[resolution[0]];
      document.getElementById('scope-until').textContent = 'Shared from now on, ' + words(durationSeconds(chosen.grantDuration)) + '.';
      document.getElementById('grant').disabled = chosen.grantCategories === '' || document.getElementById('device-select').options.length === 0;
    };
    [resolutionSelect, durationSelect].forEach((e) => e.addEventListener('change', render));
    fieldset.addEventListener('change', render);
    render();
  }

  function chosenScope(requested) {
    const categories = Array.from(document.querySelectorAll('#scope-categories input:checked')).map((b) => b.value);
    const query = new URLSearchParams(location.search);
    return {
      resolution: query.get('resolution') || '',
      categories: query.get('categories') || '',
      duration: query.get('duration') || '',
      grantResolution: document.getElementById('scope-resolution').value,
      grantCategories: categories.join(','),
      grantDuration: document.getElementById('scope-duration').value
    };
  }

  function forget(requestId) {
    sessionStorage.removeItem(SECRET_KEY + requestId);
  }

  function linkFromUrl() {
    const query = new URLSearchParams(location.search);
    const link = {};
    LINK_FIELDS.forEach((field) => {
      link[field] = query.get(field) || '';
    });
    return link;
  }

  function refuse(message) {
    document.getElementById('consent').classList.add('hidden');
    document.getElementById('consent-refused').classList.remove('hidden');
    document.getElementById('consent-refused-reason').textContent = message;
    P1.status('Refused: ' + message, 'error');
  }

  function go(redirect) {
    const target = new URL(redirect);
    if (target.protocol !== 'https:' && target.protocol !== 'http:') {
      throw new Error('refusing to leave for ' + target.protocol);
    }
    location.assign(target.href);
  }

  async function decide(path, body, busyText) {
    document.getElementById('grant').disabled = true;
    document.getElementById('deny').disabled = true;
    P1.status(busyText, 'busy');
    try {
      const answer = await P1.send('POST', path, body);
      forget(linkRequestId);
      P1.status('Done; back to the provider…', 'ok');
      go(answer.redirect);
    } catch (e) {
      P1.status(e.message, 'error');
      document.getElementById('grant').disabled = false;
      document.getElementById('deny').disabled = false;
    }
  }

  const linkRequestId = keepGrantSecret();

  // back from the provider with the browser's back button: the page may come from the cache with its
  // buttons still disabled by the click that left it
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      location.reload();
    }
  });

  MyHome.start(async () => {
    const link = linkFromUrl();
    P1.status('Checking this request with the provider\u2019s web site…', 'busy');
    let verified;
    try {
      verified = await P1.get('/api/consent-link?' + new URLSearchParams(link).toString());
    } catch (e) {
      refuse(e.message);
      return;
    }
    document.getElementById('provider-name').textContent = verified.provider.name;
    document.getElementById('provider-origin').textContent = verified.provider.origin;
    document.getElementById('provider-origin-again').textContent = verified.provider.origin;
    document.getElementById('provider-fingerprint').textContent = verified.provider.fingerprint;
    document.getElementById('goal').textContent = verified.goal;

    // already granted, this very request: show the grant instead of asking again (and no Deny that
    // would tell the provider "no" while it keeps receiving)
    const policies = await P1.get('/api/policies');
    const same = policies.find((p) => p.requestId === link.requestId);
    if (same) {
      document.getElementById('consent-existing-text').textContent = 'On ' + P1.formatTime(same.since) + ' you allowed '
        + same.provider.name + ' (' + same.provider.origin + ') to read ' + same.device.name + ': ' + same.goal;
      document.getElementById('consent-existing-back').href = new URL('/', verified.provider.origin).href;
      document.getElementById('consent-existing').classList.remove('hidden');
      forget(linkRequestId);
      P1.status('You already granted this request; nothing changed.', 'ok');
      return;
    }
    const others = policies.filter((p) => p.provider.origin === verified.provider.origin);
    if (others.length > 0) {
      const already = document.getElementById('consent-already');
      already.textContent = verified.provider.name + ' already reads ' + others.map((p) => p.device.name).join(', ')
        + ' (granted on ' + P1.formatTime(others[0].since) + '). Grant only if you want to give them a second access;'
        + ' otherwise go back to ' + verified.provider.name + ', which keeps receiving.';
      already.classList.remove('hidden');
    }

    const devices = await P1.get('/api/devices');
    const select = document.getElementById('device-select');
    devices.forEach((device) => select.append(P1.el('option', { value: device.address }, device.name)));
    document.getElementById('no-devices').classList.toggle('hidden', devices.length > 0);
    document.getElementById('grant').disabled = devices.length === 0;
    const requested = requestedScope();
    showScope(requested);
    document.getElementById('consent').classList.remove('hidden');
    P1.status('Verified: this request comes from ' + verified.provider.origin + '.', 'ok');

    document.getElementById('grant').addEventListener('click', () =>
      decide('/api/policies', Object.assign({ device: select.value,
        grantSecret: sessionStorage.getItem(SECRET_KEY + linkRequestId) || '' }, link, chosenScope(requested)),
      'Granting; publishing the policy on the tangle…'));
    document.getElementById('deny').addEventListener('click', () =>
      decide('/api/consent-link/deny', link, 'Telling the provider no…'));
  });
})();
