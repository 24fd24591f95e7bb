// Detach web client: bootstrap, hash router, the bell. Plain ES modules, no build step.
// Views live in js/views/*.js; every call to the API goes through js/api.js.

import { get, ApiError, describeError } from './js/api.js';
import { h, errorBlock } from './js/dom.js';
import { startBell } from './js/bell.js';
import * as today from './js/views/today.js';
import * as journal from './js/views/journal.js';
import * as insights from './js/views/insights.js';
import * as guides from './js/views/guides.js';
import * as inbox from './js/views/inbox.js';
import * as settings from './js/views/settings.js';
import * as admin from './js/views/admin.js';
import * as pause from './js/views/pause.js';
import * as readiness from './js/views/readiness.js';

// route table: first segment after #/ → view module and page title
const ROUTES = {
  today: { view: today, title: 'Today' },
  journal: { view: journal, title: 'Journal' },
  insights: { view: insights, title: 'Insights' },
  guides: { view: guides, title: 'Guides' },
  help: { view: guides, title: 'Help now', nav: 'guides' },
  inbox: { view: inbox, title: 'Inbox' },
  settings: { view: settings, title: 'Settings' },
  pause: { view: pause, title: 'Before you send it', nav: 'today' },
  drafts: { view: pause, title: 'Unsent messages', nav: 'journal' },
  readiness: { view: readiness, title: 'Readiness check', nav: 'today' },
  admin: { view: admin, title: 'Admin', admin: true },
};

const view = document.getElementById('view');
let cleanup = null;
let renderSeq = 0;

const ctx = {
  me: null,
  isAdmin: false,
  toast,
  bell: null,
  navigate: (hash) => {
    if (window.location.hash === hash) route();
    else window.location.hash = hash;
  },
};

/** A short message that is announced and then fades away. */
export function toast(text, kind = 'ok') {
  const box = document.getElementById('toasts');
  const item = h('p', { class: ['toast', kind], text });
  box.append(item);
  window.setTimeout(() => item.remove(), 6000);
}

function parseHash() {
  const raw = window.location.hash.replace(/^#\/?/, '');
  const [pathPart, queryPart] = raw.split('?');
  const segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(queryPart || '');
  return { name: segments[0] || 'today', segments: segments.slice(1), query };
}

async function route() {
  const seq = ++renderSeq;
  const { name, segments, query } = parseHash();
  let entry = ROUTES[name];
  if (!entry) {
    window.location.replace('#/today');
    return;
  }
  if (typeof cleanup === 'function') {
    try { cleanup(); } catch (e) { /* a view's cleanup must not stop navigation */ }
  }
  cleanup = null;
  document.querySelectorAll('#nav a').forEach((a) => {
    if (a.dataset.route === (entry.nav || name)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  document.title = `${entry.title} · Detach`;
  view.replaceChildren();
  if (entry.admin && !ctx.isAdmin) {
    view.append(h('section', { class: 'page' },
      h('h1', { text: 'Not available' }),
      h('p', { text: 'The admin area is only for the people who look after Detach\'s guides.' }),
      h('p', {}, h('a', { href: '#/today', text: 'Back to today' }))));
    focusHeading();
    return;
  }
  try {
    const result = await entry.view.render(view, ctx, { name, segments, query });
    if (seq !== renderSeq) {
      if (typeof result === 'function') result();
      return;
    }
    cleanup = result || null;
  } catch (error) {
    if (seq !== renderSeq) return;
    console.warn('view failed', error);
    view.replaceChildren(h('section', { class: 'page' }, h('h1', { text: entry.title }), errorBlock(error, route)));
  }
  focusHeading();
}

function focusHeading() {
  const heading = view.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
  }
}

async function start() {
  try {
    ctx.me = await get('/api/me');
  } catch (error) {
    view.replaceChildren(h('section', { class: 'page' },
      h('h1', { text: 'Detach' }),
      h('p', { text: error instanceof ApiError ? describeError(error) : 'Detach cannot be reached right now.' }),
      h('p', {}, h('a', { href: '/', text: 'Try again' }))));
    return;
  }
  const roles = Array.isArray(ctx.me?.roles) ? ctx.me.roles : [];
  ctx.isAdmin = roles.includes('admin');
  document.getElementById('who').textContent = ctx.me?.name || ctx.me?.email || '';
  document.getElementById('nav-admin').hidden = !ctx.isAdmin;
  ctx.bell = startBell({ onNotification: (n) => toast(n?.title ? `New message: ${n.title}` : 'You have a new message.') });
  window.addEventListener('hashchange', route);
  await route();
}

start();
