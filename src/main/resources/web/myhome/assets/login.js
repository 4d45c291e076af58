(function () {
  'use strict';

  const form = document.getElementById('login-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = document.getElementById('login-submit');
    button.disabled = true;
    P1.status('Logging in…', 'busy');
    try {
      const response = await fetch('/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ token: document.getElementById('token').value.trim() })
      });
      const body = await response.json();
      if (!response.ok) {
        P1.status(body.message || 'Login failed.', 'error');
        return;
      }
      P1.status('Logged in.', 'ok');
      location.assign(P1.localPath(new URLSearchParams(location.search).get('next')));
    } catch (e) {
      P1.status('My Home did not answer: ' + e.message, 'error');
    } finally {
      button.disabled = false;
    }
  });
})();
