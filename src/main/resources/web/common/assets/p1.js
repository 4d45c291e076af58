/*
 * Shared by My Home and Wattt Insights: JSON calls with the CSRF header, the status line, and a DOM
 * builder that only ever sets text (never innerHTML), so provider-supplied text cannot become markup.
 */
(function () {
  'use strict';

  let csrfToken = null;

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  async function parse(response) {
    const type = response.headers.get('Content-Type') || '';
    const body = type.startsWith('application/json') ? await response.json() : await response.text();
    if (!response.ok) {
      const code = body && body.error ? body.error : 'http_' + response.status;
      const message = body && body.message ? body.message : 'The server answered ' + response.status + '.';
      throw new ApiError(response.status, code, message);
    }
    return body;
  }

  async function session() {
    const body = await parse(await fetch('/api/session', { credentials: 'same-origin', cache: 'no-store' }));
    csrfToken = body.csrfToken;
    return body;
  }

  async function get(path) {
    return parse(await fetch(path, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } }));
  }

  async function send(method, path, body) {
    if (!csrfToken) {
      await session();
    }
    const headers = { Accept: 'application/json', 'X-CSRF-Token': csrfToken };
    const init = { method: method, credentials: 'same-origin', headers: headers };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return parse(await fetch(path, init));
  }

  /** Shows a message in the page's status line; kind is info, busy, ok or error. */
  function status(text, kind) {
    const line = document.getElementById('status');
    if (line) {
      line.textContent = text || '';
      line.dataset.kind = kind || 'info';
    }
  }

  /** el('td', {class: 'x', 'data-testid': 'y'}, 'text' or [children]) */
  function el(tag, attributes, content) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (name.startsWith('on')) {
        throw new Error('event handlers are attached with addEventListener, not attributes');
      }
      node.setAttribute(name, String(value));
    });
    if (Array.isArray(content)) {
      content.forEach((child) => node.append(child));
    } else if (content !== undefined && content !== null) {
      node.textContent = String(content);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function formatTime(iso) {
    if (!iso) {
      return '';
    }
    const date = new Date(iso);
    return isNaN(date.getTime()) ? String(iso) : date.toLocaleString();
  }

  /** A local path to continue to after login; anything else (another site, //host, /\\host) becomes '/'. */
  function localPath(candidate) {
    return typeof candidate === 'string' && /^\/(?![\/\\])[^\s\\]*$/.test(candidate) ? candidate : '/';
  }

  window.P1 = { ApiError, session, get, send, status, el, clear, formatTime, localPath };
})();
