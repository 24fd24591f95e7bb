// The bell: unread count from GET /api/notifications/unread-count, kept live by the SSE stream
// (/api/notifications/stream, events `ready`, `notification`, `ping`). When the stream cannot be
// opened (service down), it retries with back-off; the rest of the app does not notice.

import { get } from './api.js';

export function startBell({ onNotification } = {}) {
  const badge = document.getElementById('unread');
  const bell = document.getElementById('bell');
  let source = null;
  let retryMs = 2000;
  let retryTimer = null;
  const listeners = new Set();

  function show(count) {
    const n = Number(count) || 0;
    badge.hidden = n === 0;
    badge.textContent = n > 99 ? '99+' : String(n);
    bell.setAttribute('aria-label', n === 0 ? 'Messages, none unread' : `Messages, ${n} unread`);
    bell.dataset.unread = String(n);
  }

  async function refresh() {
    try {
      const answer = await get('/api/notifications/unread-count');
      show(answer?.count ?? 0);
    } catch (e) {
      // the bell stays as it was; the inbox page explains an outage
    }
  }

  function connect() {
    if (!('EventSource' in window)) return;
    source = new EventSource('/api/notifications/stream');
    source.addEventListener('ready', () => {
      retryMs = 2000;
      refresh();
    });
    source.addEventListener('notification', (event) => {
      let message = null;
      try { message = JSON.parse(event.data); } catch (e) { message = null; }
      refresh();
      listeners.forEach((fn) => fn(message));
      if (onNotification) onNotification(message);
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        window.clearTimeout(retryTimer);
        retryTimer = window.setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, 60000);
      }
    });
  }

  refresh();
  connect();
  return {
    refresh,
    show,
    onNotification: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
