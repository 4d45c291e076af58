/* Policies: who may read which device for what goal; revoke with confirmation. */
(function () {
  'use strict';

  async function load() {
    const policies = await P1.get('/api/policies');
    const body = document.getElementById('policies-body');
    P1.clear(body);
    document.getElementById('policies-empty').classList.toggle('hidden', policies.length > 0);
    policies.forEach((policy) => {
      const revoke = P1.el('button', { class: 'danger', type: 'button', 'data-testid': 'policy-revoke' }, 'Revoke');
      revoke.addEventListener('click', () => revokePolicy(policy));
      const provider = P1.el('td', { 'data-testid': 'policy-provider' }, [
        P1.el('div', {}, policy.provider.name),
        P1.el('div', { class: 'mono muted' }, policy.provider.origin),
        P1.el('div', { class: 'mono muted', title: 'key fingerprint' }, policy.provider.fingerprint)
      ]);
      body.append(P1.el('tr', { 'data-testid': 'policy-row', 'data-policy-id': policy.id }, [
        P1.el('td', { 'data-testid': 'policy-goal' }, policy.goal),
        provider,
        P1.el('td', { 'data-testid': 'policy-device' }, policy.device.name || MyHome.shortAddress(policy.device.address)),
        P1.el('td', { 'data-testid': 'policy-scope' }, policy.scope ? policy.scope.words : ''),
        P1.el('td', {}, P1.formatTime(policy.since)),
        P1.el('td', { 'data-testid': 'policy-until' }, policy.ended ? 'ended ' + P1.formatTime(policy.until)
          : policy.until ? P1.formatTime(policy.until) : 'until revoked'),
        P1.el('td', {}, policy.ended ? [] : [revoke])
      ]));
    });
  }

  async function revokePolicy(policy) {
    if (!window.confirm('Revoke access of ' + policy.provider.name + ' to "' + (policy.device.name || policy.device.address)
        + '"? The device switches to a new key the provider does not get.')) {
      return;
    }
    P1.status('Revoking…', 'busy');
    try {
      await P1.send('DELETE', '/api/policies/' + encodeURIComponent(policy.id));
      P1.status('Revoked. ' + policy.provider.name + ' receives nothing new from now on.', 'ok');
      await load();
    } catch (e) {
      P1.status(e.message, 'error');
    }
  }

  MyHome.start(load);
})();
