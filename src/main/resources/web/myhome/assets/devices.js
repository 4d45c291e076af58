/* Devices: list, pair (showing each step while it runs), remove. */
(function () {
  'use strict';

  const POLL_MILLIS = 1000;
  const FAILURE_TEXT = {
    wrong_pairing_code: 'The device refused the pairing code. Check the code printed on the device and try again.',
    device_not_answering: 'The device did not answer. A device ignores a claim made with a wrong pairing code: check the code printed on the device, and that the device is powered, online and uses the same IOTA node, then try again.',
    already_paired: 'This device is already paired with a household.',
    node_unreachable: 'My Home cannot reach its IOTA node right now; try again in a minute.'
  };

  async function loadDevices() {
    const devices = await P1.get('/api/devices');
    const body = document.getElementById('devices-body');
    P1.clear(body);
    document.getElementById('devices-empty').classList.toggle('hidden', devices.length > 0);
    devices.forEach((device) => {
      const remove = P1.el('button', { class: 'danger', type: 'button', 'data-testid': 'device-remove' }, 'Remove');
      remove.addEventListener('click', () => removeDevice(device));
      body.append(P1.el('tr', { 'data-testid': 'device-row', 'data-address': device.address }, [
        P1.el('td', { 'data-testid': 'device-name' }, device.name),
        P1.el('td', { class: 'mono', title: device.address }, MyHome.shortAddress(device.address)),
        P1.el('td', {}, P1.formatTime(device.pairedAt)),
        P1.el('td', {}, [remove])
      ]));
    });
  }

  async function removeDevice(device) {
    if (!window.confirm('Remove "' + device.name + '"? Every provider reading it loses access, and the device stops publishing for this household.')) {
      return;
    }
    P1.status('Removing ' + device.name + '…', 'busy');
    try {
      await P1.send('DELETE', '/api/devices/' + encodeURIComponent(device.address));
      P1.status('Removed ' + device.name + '.', 'ok');
      await loadDevices();
    } catch (e) {
      P1.status(e.message, 'error');
    }
  }

  function showSteps(pairing) {
    const list = document.getElementById('pair-steps');
    P1.clear(list);
    (pairing.steps || []).forEach((step) => {
      // a failed step says so in words: a cross beside "The device accepted the pairing" read as a contradiction
      const text = (step.state === 'failed' ? 'Did not happen: ' : '') + step.label + (step.at ? ' (' + P1.formatTime(step.at) + ')' : '');
      list.append(P1.el('li', { 'data-testid': 'pair-step', 'data-step': step.key, 'data-state': step.state }, text));
    });
  }

  function finish(pairing) {
    const result = document.getElementById('pair-result');
    result.dataset.state = pairing.state;
    if (pairing.state === 'succeeded') {
      result.textContent = 'Paired. The device now follows your consent decisions.';
      P1.status('Paired ' + pairing.name + '.', 'ok');
      document.getElementById('pair-form').reset();
      return loadDevices();
    }
    const error = pairing.error || {};
    result.textContent = FAILURE_TEXT[error.error] || error.message || 'Pairing failed.';
    P1.status(result.textContent, 'error');
    return undefined;
  }

  async function follow(id) {
    for (;;) {
      const pairing = await P1.get('/api/pairings/' + encodeURIComponent(id));
      showSteps(pairing);
      if (pairing.state !== 'running') {
        return finish(pairing);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MILLIS));
    }
  }

  async function pair(event) {
    event.preventDefault();
    const button = document.getElementById('pair-submit');
    const request = {
      address: document.getElementById('pair-address').value.trim().toUpperCase(),
      pairingCode: document.getElementById('pair-code').value.trim(),
      name: document.getElementById('pair-name').value.trim()
    };
    button.disabled = true;
    document.getElementById('pairing').classList.remove('hidden');
    document.getElementById('pairing-name').textContent = request.name;
    P1.clear(document.getElementById('pair-steps'));
    const result = document.getElementById('pair-result');
    result.textContent = '';
    result.dataset.state = 'running';
    P1.status('Pairing ' + request.name + ': this takes up to a minute while My Home and the device exchange messages…', 'busy');
    try {
      const started = await P1.send('POST', '/api/devices', request);
      await follow(started.pairingId);
    } catch (e) {
      result.dataset.state = 'failed';
      result.textContent = FAILURE_TEXT[e.code] || e.message;
      P1.status(result.textContent, 'error');
    } finally {
      button.disabled = false;
    }
  }

  MyHome.start(async () => {
    document.getElementById('pair-form').addEventListener('submit', pair);
    await loadDevices();
  });
})();
