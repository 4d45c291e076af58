/* Every My Home page but login: needs a session (else to the login page), wires the log-out button. */
(function () {
  'use strict';

  async function start(page) {
    try {
      await P1.session();
    } catch (e) {
      if (e.status === 401) {
        location.assign('/login.html?next=' + encodeURIComponent(location.pathname + location.search));
        return;
      }
      P1.status(e.message, 'error');
      return;
    }
    const logout = document.getElementById('logout');
    if (logout) {
      logout.addEventListener('click', async () => {
        try {
          await P1.send('POST', '/logout');
        } finally {
          location.assign('/login.html');
        }
      });
    }
    try {
      await page();
    } catch (e) {
      P1.status(e.message, 'error');
    }
  }

  /** Short form of an 81-tryte address for tables: the start and the end. */
  function shortAddress(address) {
    return address && address.length > 20 ? address.slice(0, 10) + '…' + address.slice(-6) : address || '';
  }

  window.MyHome = { start, shortAddress };
})();
