// #/inbox — messages (GET /api/notifications, keyset pages), mark one read, mark all read. New
// messages arriving on the live stream are added at the top. A daily check-in message offers
// "Snooze 1 h" (POST /api/notifications/check-in/snooze → {nextCheckInAt}).

import { get, post, describeError } from '../api.js';
import { h, loading, errorBlock, fmtDateTime, safeLocalLink } from '../dom.js';

export async function render(root, ctx, { query }) {
  const unreadOnly = query.get('unread') === '1';
  const page = h('section', { class: 'page inbox' });
  root.append(page);
  const markAll = h('button', { type: 'button', class: 'secondary', id: 'mark-all-read', text: 'Mark all as read' });
  page.append(
    h('div', { class: 'page-head' }, h('h1', { text: 'Inbox' }), markAll),
    h('p', {},
      h('a', { href: '#/inbox', class: 'pill', 'aria-current': unreadOnly ? false : 'page', text: 'All' }), ' ',
      h('a', { href: '#/inbox?unread=1', class: 'pill', 'aria-current': unreadOnly ? 'page' : false, text: 'Unread' })));
  const list = h('ul', { class: 'messages', id: 'messages', 'aria-live': 'polite' });
  const status = h('div', { class: 'list-status' });
  const more = h('button', { type: 'button', class: 'secondary', text: 'Older messages', hidden: true });
  page.append(list, status, more);

  let cursor = null;
  let busy = false;
  async function loadPage() {
    if (busy) return;
    busy = true;
    more.hidden = true;
    status.replaceChildren(loading('Fetching your messages…'));
    try {
      const answer = await get('/api/notifications', { unreadOnly: unreadOnly || undefined, limit: 20, cursor: cursor || undefined });
      const items = Array.isArray(answer?.items) ? answer.items : [];
      list.append(...items.map((m) => messageItem(m, ctx)));
      cursor = answer?.nextCursor || null;
      status.replaceChildren();
      if (!list.children.length) status.append(h('p', { class: 'empty', text: unreadOnly ? 'You are all caught up.' : 'No messages yet. Encouragement and milestones will show up here.' }));
      more.hidden = !cursor;
    } catch (error) {
      status.replaceChildren(errorBlock(error, loadPage));
    } finally {
      busy = false;
    }
  }
  more.addEventListener('click', loadPage);
  markAll.addEventListener('click', async () => {
    markAll.disabled = true;
    try {
      await post('/api/notifications/read-all');
      list.querySelectorAll('.message.unread').forEach((el) => markedRead(el));
      ctx.bell?.show(0);
      ctx.toast('All messages marked as read.');
    } catch (error) {
      ctx.toast(describeError(error), 'error');
    } finally {
      markAll.disabled = false;
    }
  });
  const stop = ctx.bell?.onNotification((message) => {
    if (message?.id && !list.querySelector(`[data-id="${CSS.escape(String(message.id))}"]`)) {
      list.prepend(messageItem(message, ctx));
      status.querySelector('.empty')?.remove();
    }
  });
  await loadPage();
  return () => stop?.();
}

function markedRead(el) {
  el.classList.remove('unread');
  el.querySelector('.read-button')?.remove();
  el.querySelector('.unread-dot')?.replaceChildren('Read');
}

function messageItem(m, ctx) {
  const read = Boolean(m.read || m.readAt);
  const link = safeLocalLink(m.link);
  const item = h('li', { class: ['message', 'card', read ? null : 'unread'], dataset: { id: String(m.id ?? '') } },
    h('p', { class: 'meta' },
      h('span', { class: 'unread-dot', text: read ? 'Read' : 'New' }),
      h('span', { text: fmtDateTime(m.createdAt) })),
    h('h2', { class: 'message-title', text: m.title || 'Message' }),
    m.body ? h('p', { class: 'message-body', text: m.body }) : null,
    link ? h('p', {}, h('a', { href: link.startsWith('/#') ? link.slice(1) : link, text: 'Open' })) : null);
  if (m.kind === 'check-in') item.append(snoozeButton(m, item, ctx));
  if (!read) {
    const button = h('button', { type: 'button', class: 'link read-button', text: 'Mark as read' });
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await post(`/api/notifications/${encodeURIComponent(m.id)}/read`);
        markedRead(item);
        ctx.bell?.refresh();
      } catch (error) {
        button.disabled = false;
        ctx.toast(describeError(error), 'error');
      }
    });
    item.append(button);
  }
  return item;
}

const timeFmt = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

function snoozeButton(m, item, ctx) {
  const button = h('button', { type: 'button', class: 'secondary small snooze-button', text: 'Snooze 1 h', 'aria-label': 'Snooze today\'s check-in for one hour' });
  const note = h('span', { class: 'hint', 'aria-live': 'polite' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const answer = await post('/api/notifications/check-in/snooze');
      const at = answer?.nextCheckInAt ? new Date(answer.nextCheckInAt) : null;
      note.textContent = at && !Number.isNaN(at.getTime()) ? ` We will ask again at ${timeFmt.format(at)}.` : ' We will ask again in an hour.';
      // answered with "later", the message is read (the service marks today's check-in so; an
      // older one is marked here): the list and the bell say so too
      if (item.classList.contains('unread')) {
        await post(`/api/notifications/${encodeURIComponent(m.id)}/read`).catch(() => {});
      }
      markedRead(item);
      ctx.bell?.refresh();
    } catch (error) {
      note.textContent = ` ${describeError(error)}`;
      button.disabled = false;
    }
  });
  return h('p', { class: 'snooze' }, button, note);
}
