// #/admin (role admin only; the gateway enforces it too): articles with drafts, a Markdown editor
// with a server-rendered preview, publish/retract, revisions; help resources; dead letters with
// replay; broadcast.

import { get, post, put, del, describeError } from '../api.js';
import {
  h, field, section, loading, errorBlock, formMessage, showFormErrors, clearFormErrors,
  confirmDialog, fmtDateTime, uid,
} from '../dom.js';
import { STAGES } from '../words.js';

const ARTICLES = '/api/admin/content/articles';

export async function render(root, ctx, { segments, query }) {
  const page = h('section', { class: 'page admin' });
  root.append(page);
  const tab = segments[0] || 'articles';
  page.append(h('h1', { text: 'Admin' }), subnav(tab));
  const body = h('div');
  page.append(body);
  if (tab === 'articles' && segments[1]) return editor(body, ctx, segments[1] === 'new' ? null : segments[1]);
  if (tab === 'resources') return resources(body, ctx);
  if (tab === 'dead-letters') return deadLetters(body, ctx);
  if (tab === 'broadcast') return broadcast(body, ctx);
  return articles(body, ctx, query);
}

function subnav(current) {
  const tabs = [['articles', 'Articles'], ['resources', 'Help resources'], ['dead-letters', 'Dead letters'], ['broadcast', 'Broadcast']];
  return h('nav', { class: 'stage-nav', 'aria-label': 'Admin sections' },
    h('ul', {}, tabs.map(([id, label]) => h('li', {},
      h('a', { class: 'pill', href: `#/admin/${id}`, 'aria-current': id === current ? 'page' : false, text: label })))));
}

// ---------- articles ----------

function articles(body, ctx, query) {
  const status = query.get('status') || '';
  const filter = h('select', { id: uid('status') },
    [['', 'Every status'], ['DRAFT', 'Drafts'], ['PUBLISHED', 'Published'], ['RETRACTED', 'Retracted']]
      .map(([v, l]) => h('option', { value: v, text: l, selected: v === status })));
  filter.addEventListener('change', () => ctx.navigate(`#/admin/articles${filter.value ? `?status=${filter.value}` : ''}`));
  const table = h('tbody');
  const statusBox = h('div', { class: 'list-status' });
  const more = h('button', { type: 'button', class: 'secondary', text: 'More', hidden: true });
  body.append(
    h('div', { class: 'page-head' }, h('h2', { text: 'Articles' }),
      h('a', { class: 'button primary', href: '#/admin/articles/new', id: 'new-article', text: 'New article' })),
    h('div', { class: 'field inline' }, h('label', { for: filter.id, text: 'Show' }), filter),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'admin-articles' },
      h('thead', {}, h('tr', {}, ['Title', 'Status', 'Revision', 'Updated'].map((t) => h('th', { scope: 'col', text: t })))),
      table)),
    statusBox, more);
  let cursor = null;
  const load = async () => {
    statusBox.replaceChildren(loading());
    more.hidden = true;
    try {
      const answer = await get(ARTICLES, { status: status || undefined, limit: 50, cursor: cursor || undefined });
      const items = Array.isArray(answer) ? answer : Array.isArray(answer?.items) ? answer.items : [];
      table.append(...items.map((a) => h('tr', {},
        h('td', {}, h('a', { href: `#/admin/articles/${encodeURIComponent(a.id)}`, text: a.title || a.slug || a.id })),
        h('td', {}, h('span', { class: `status ${String(a.status || '').toLowerCase()}`, text: a.status || '' })),
        h('td', { text: `${a.revision ?? ''}${a.publishedRevision ? ` (live: ${a.publishedRevision})` : ''}` }),
        h('td', { text: `${fmtDateTime(a.updatedAt)}${a.updatedBy ? ` · ${a.updatedBy}` : ''}` }))));
      cursor = answer?.nextCursor || null;
      statusBox.replaceChildren();
      if (!table.children.length) statusBox.append(h('p', { class: 'empty', text: 'No articles yet.' }));
      more.hidden = !cursor;
    } catch (error) {
      statusBox.replaceChildren(errorBlock(error, load));
    }
  };
  more.addEventListener('click', load);
  load();
}

async function editor(body, ctx, id) {
  body.replaceChildren(loading());
  let article = null;
  if (id) {
    try {
      article = await get(`${ARTICLES}/${encodeURIComponent(id)}`);
    } catch (error) {
      body.replaceChildren(errorBlock(error, () => ctx.navigate(window.location.hash)));
      return undefined;
    }
  }
  const title = h('input', { type: 'text', value: article?.title || '', maxlength: '200', required: true });
  const summary = h('textarea', { rows: '2', maxlength: '500', value: article?.summary || '' });
  const markdown = h('textarea', { rows: '18', class: 'mono', value: article?.body || '', spellcheck: 'true' });
  const tags = h('input', { type: 'text', value: (article?.tags || []).join(', '), placeholder: 'sleep, loneliness' });
  const stageName = uid('stage');
  const chosen = new Set(article?.stages || []);
  const stages = h('fieldset', { class: 'chips', dataset: { field: 'stages' } }, h('legend', { text: 'Stages' }),
    h('div', { class: 'chip-list' }, STAGES.map((st) => {
      const input = h('input', { type: 'checkbox', name: stageName, value: st.id, id: `${stageName}-${st.id}`, checked: chosen.has(st.id) });
      return h('span', { class: 'chip' }, input, h('label', { for: input.id, text: st.label }));
    })), h('p', { class: 'field-error' }));
  const message = formMessage();
  const preview = h('div', { class: 'prose preview', id: 'preview', 'aria-live': 'polite' });
  const state = h('p', { class: 'meta', id: 'article-state' });

  const showState = (a) => {
    state.replaceChildren(...[
      h('span', { class: `status ${String(a?.status || 'new').toLowerCase()}`, text: a?.status || 'Not saved yet' }),
      a?.revision ? h('span', { text: `Revision ${a.revision}` }) : null,
      a?.publishedRevision ? h('span', { text: `Live revision ${a.publishedRevision}` }) : null,
      a?.slug ? h('span', { text: `/${a.slug}` }) : null].filter(Boolean));
  };
  showState(article);
  const showPreview = (a) => {
    if (typeof a?.html === 'string') {
      // html comes from content-service's Markdown renderer + sanitiser
      preview.innerHTML = a.html;
    } else {
      preview.replaceChildren(h('pre', { class: 'plain-preview', text: markdown.value }));
    }
  };
  if (article) showPreview(article);

  const payload = () => ({
    title: title.value.trim(),
    summary: summary.value.trim(),
    body: markdown.value,
    stages: [...stages.querySelectorAll('input:checked')].map((i) => i.value),
    tags: tags.value.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean),
  });

  const form = h('form', { class: 'card article-editor', novalidate: true },
    state,
    field('Title', title, { name: 'title' }),
    field('Summary', summary, { name: 'summary', hint: 'One or two sentences shown in lists.' }),
    stages,
    field('Tags', tags, { name: 'tags', hint: 'Comma separated, lower case, e.g. sleep, first-week' }),
    h('div', { class: 'editor-split' },
      field('Text (Markdown)', markdown, { name: 'body' }),
      h('div', { class: 'preview-pane' }, h('h3', { text: 'Preview' }), preview)),
    message);

  const save = async () => {
    clearFormErrors(form);
    try {
      const saved = article?.id ? await put(`${ARTICLES}/${encodeURIComponent(article.id)}`, payload()) : await post(ARTICLES, payload());
      const fresh = saved?.id ? await get(`${ARTICLES}/${encodeURIComponent(saved.id)}`).catch(() => saved) : saved;
      const wasNew = !article?.id;
      article = fresh || saved;
      showState(article);
      showPreview(article);
      if (wasNew && article?.id) window.history.replaceState(null, '', `#/admin/articles/${encodeURIComponent(article.id)}`);
      message.classList.add('ok');
      message.textContent = 'Draft saved.';
      return true;
    } catch (error) {
      showFormErrors(form, error);
      return false;
    }
  };
  const action = async (verb, confirmText) => {
    if (!article?.id) {
      if (!(await save())) return;
    }
    if (confirmText && !(await confirmDialog({ title: confirmText.title, text: confirmText.text, confirm: confirmText.confirm, danger: verb !== 'publish' }))) return;
    try {
      await post(`${ARTICLES}/${encodeURIComponent(article.id)}/${verb}`);
      article = await get(`${ARTICLES}/${encodeURIComponent(article.id)}`);
      showState(article);
      showPreview(article);
      ctx.toast(verb === 'publish' ? 'Published. Readers see it now.' : 'Retracted. Readers no longer see it.');
      revisions();
    } catch (error) {
      showFormErrors(form, error);
    }
  };

  const buttons = h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'secondary', id: 'save-draft', text: 'Save draft', on: { click: () => save().then((ok) => ok && revisions()) } }),
    h('button', { type: 'button', class: 'secondary', id: 'preview-button', text: 'Preview', on: { click: () => save() } }),
    h('button', { type: 'button', class: 'primary', id: 'publish', text: 'Publish', on: { click: async () => { if (await save()) action('publish', { title: 'Publish this article?', text: 'The latest saved revision becomes visible to every reader.', confirm: 'Publish' }); } } }),
    h('button', { type: 'button', class: 'secondary', id: 'retract', text: 'Retract', on: { click: () => action('retract', { title: 'Retract this article?', text: 'Readers will no longer find it. You can publish it again later.', confirm: 'Retract' }) } }),
    h('button', {
      type: 'button', class: 'danger', text: 'Delete draft',
      on: {
        click: async () => {
          if (!article?.id) return;
          if (!(await confirmDialog({ title: 'Delete this draft?', text: 'Only drafts that were never published can be deleted.', confirm: 'Delete', danger: true }))) return;
          try {
            await del(`${ARTICLES}/${encodeURIComponent(article.id)}`);
            ctx.toast('Draft deleted.');
            ctx.navigate('#/admin/articles');
          } catch (error) {
            showFormErrors(form, error);
          }
        },
      },
    }));
  form.append(buttons);
  form.addEventListener('submit', (e) => { e.preventDefault(); save(); });

  const revisionsBox = h('div', { class: 'card' }, h('h2', { text: 'Revisions' }));
  const revisionsList = h('div');
  revisionsBox.append(revisionsList);
  const revisions = () => {
    if (!article?.id) {
      revisionsList.replaceChildren(h('p', { class: 'hint', text: 'Save a first draft to start its history.' }));
      return;
    }
    section(revisionsList, () => get(`${ARTICLES}/${encodeURIComponent(article.id)}/revisions`), (answer) => {
      const items = Array.isArray(answer) ? answer : Array.isArray(answer?.items) ? answer.items : [];
      if (!items.length) return h('p', { class: 'hint', text: 'No revisions yet.' });
      return h('ol', { class: 'revisions' }, items.map((r) => h('li', {},
        h('strong', { text: `Revision ${r.number ?? ''}` }), ' ',
        h('span', { text: `${r.title || ''} · ${r.author || ''} · ${fmtDateTime(r.createdAt)}` }),
        r.published ? h('span', { class: 'tag', text: 'live' }) : null,
        r.current ? h('span', { class: 'tag', text: 'latest' }) : null)));
    });
  };
  revisions();
  body.replaceChildren(h('p', {}, h('a', { href: '#/admin/articles', text: '← All articles' })),
    h('h2', { text: id ? 'Edit article' : 'New article' }), form, revisionsBox);
  return undefined;
}

// ---------- help resources ----------

function resources(body, ctx) {
  const list = h('div');
  const load = () => section(list, () => get('/api/admin/content/resources'), (answer) => {
    const items = Array.isArray(answer) ? answer : Array.isArray(answer?.items) ? answer.items : [];
    if (!items.length) return h('p', { class: 'empty', text: 'No help resources yet.' });
    return h('ul', { class: 'resources' }, items.map((r) => h('li', { class: 'card resource' },
      h('h3', { text: `${r.name || ''}${r.country ? ` (${r.country})` : ' (everywhere)'}` }),
      r.description ? h('p', { text: r.description }) : null,
      h('p', { class: 'meta' }, r.phone ? h('span', { text: r.phone }) : null, r.text ? h('span', { text: r.text }) : null,
        r.url ? h('span', { text: r.url }) : null, r.hours ? h('span', { text: r.hours }) : null),
      h('button', {
        type: 'button', class: 'danger small', text: 'Remove',
        on: {
          click: async () => {
            if (!(await confirmDialog({ title: `Remove ${r.name}?`, confirm: 'Remove', danger: true }))) return;
            try {
              await del(`/api/admin/content/resources/${encodeURIComponent(r.id)}`);
              load();
            } catch (error) {
              ctx.toast(describeError(error), 'error');
            }
          },
        },
      }))));
  });
  const inputs = {
    country: h('input', { type: 'text', maxlength: '2', class: 'short' }),
    name: h('input', { type: 'text' }),
    description: h('textarea', { rows: '2' }),
    phone: h('input', { type: 'tel' }),
    text: h('input', { type: 'text' }),
    url: h('input', { type: 'url', placeholder: 'https://' }),
    hours: h('input', { type: 'text', placeholder: '24/7' }),
  };
  const form = h('form', { class: 'card', novalidate: true },
    h('h3', { text: 'Add a help resource' }),
    field('Country (two letters, empty for everywhere)', inputs.country, { name: 'country' }),
    field('Name', inputs.name, { name: 'name' }),
    field('Description', inputs.description, { name: 'description' }),
    field('Phone', inputs.phone, { name: 'phone' }),
    field('Text line', inputs.text, { name: 'text' }),
    field('Website', inputs.url, { name: 'url' }),
    field('Hours', inputs.hours, { name: 'hours' }),
    formMessage(),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', text: 'Add resource' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const payload = {};
    for (const [key, input] of Object.entries(inputs)) {
      const value = input.value.trim();
      if (value) payload[key] = key === 'country' ? value.toUpperCase() : value;
    }
    try {
      await post('/api/admin/content/resources', payload);
      form.reset();
      ctx.toast('Help resource added.');
      load();
    } catch (error) {
      showFormErrors(form, error);
    }
  });
  body.append(h('h2', { text: 'Help resources' }), list, form);
  load();
}

// ---------- dead letters ----------

function deadLetters(body, ctx) {
  const list = h('div');
  const load = () => section(list, () => get('/api/admin/notifications/dead-letters', { limit: 100 }), (answer) => {
    const items = Array.isArray(answer) ? answer : Array.isArray(answer?.items) ? answer.items : [];
    if (!items.length) return h('p', { class: 'empty', text: 'No dead letters. Every event was handled.' });
    return h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'dead-letters' },
      h('thead', {}, h('tr', {}, ['Received', 'Event', 'Topic', 'Reason', ''].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, items.map((d) => {
        const replay = h('button', { type: 'button', class: 'secondary small', text: d.replayedAt ? 'Replay again' : 'Replay' });
        const cellStatus = h('span', { class: 'hint', text: d.replayedAt ? `replayed ${fmtDateTime(d.replayedAt)}` : (d.replayError || '') });
        replay.addEventListener('click', async () => {
          replay.disabled = true;
          try {
            const answerRow = await post(`/api/admin/notifications/dead-letters/${encodeURIComponent(d.id)}/replay`);
            cellStatus.textContent = `replayed ${fmtDateTime(answerRow?.replayedAt || new Date().toISOString())}`;
            ctx.toast('Replayed.');
          } catch (error) {
            cellStatus.textContent = describeError(error);
          } finally {
            replay.disabled = false;
          }
        });
        return h('tr', {},
          h('td', { text: fmtDateTime(d.receivedAt) }),
          h('td', { text: `${d.eventType || ''} ${d.eventId ? `(${d.eventId})` : ''}` }),
          h('td', { text: `${d.topic || ''}${d.partition !== undefined ? `/${d.partition}@${d.offset}` : ''}` }),
          h('td', { text: d.reason || '' }),
          h('td', {}, replay, ' ', cellStatus));
      }))));
  });
  body.append(h('h2', { text: 'Dead letters (notifications)' }),
    h('p', { class: 'hint', text: 'Events the notification service could not handle. Replay one once its cause is fixed.' }), list);
  load();
}

// ---------- broadcast ----------

function broadcast(body, ctx) {
  const title = h('input', { type: 'text', maxlength: '120' });
  const text = h('textarea', { rows: '4', maxlength: '2000' });
  const link = h('input', { type: 'text', placeholder: '/#/guides' });
  const message = formMessage();
  const form = h('form', { class: 'card', novalidate: true },
    field('Title', title, { name: 'title' }),
    field('Message', text, { name: 'body' }),
    field('Link (optional, a path starting with /)', link, { name: 'link' }),
    message,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', text: 'Send to everyone' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    if (!(await confirmDialog({ title: 'Send this message to every user?', text: title.value, confirm: 'Send' }))) return;
    try {
      const answer = await post('/api/admin/notifications/broadcast', { title: title.value.trim(), body: text.value.trim(), link: link.value.trim() || undefined });
      message.classList.add('ok');
      message.textContent = `Sent${answer?.recipients !== undefined ? ` to ${answer.recipients} people` : ''}.`;
      form.reset();
    } catch (error) {
      showFormErrors(form, error);
    }
  });
  body.append(h('h2', { text: 'Broadcast a message' }),
    h('p', { class: 'hint', text: 'Every user gets it in their inbox (respecting their quiet hours). Keep it kind and short.' }), form);
}

