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
    document.getElementById('consent').classList.remove('hidden');
    P1.status('Verified: this request comes from ' + verified.provider.origin + '.', 'ok');

    document.getElementById('grant').addEventListener('click', () =>
      decide('/api/policies', Object.assign({ device: select.value,
        grantSecret: sessionStorage.getItem(SECRET_KEY + linkRequestId) || '' }, link),
      'Granting; publishing the policy on the tangle…'));
    document.getElementById('deny').addEventListener('click', () =>
      decide('/api/consent-link/deny', link, 'Telling the provider no…'));
  });
})();
