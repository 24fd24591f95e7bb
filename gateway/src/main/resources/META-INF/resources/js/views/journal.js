// #/journal — list (infinite scroll over nextCursor, filters), #/journal/new, #/journal/{id},
// #/journal/{id}/edit. Entry bodies are shown with textContent only.

import { get, post, put, del, describeError, deviceZone } from '../api.js';
import {
  h, field, section, loading, errorBlock, formMessage, showFormErrors, clearFormErrors,
  confirmDialog, fmtDateTime, uid,
} from '../dom.js';
import { EMOTIONS, MOOD_WORDS, URGE_LEVEL_WORDS } from '../words.js';

const BASE = '/api/journal/entries';

export async function render(root, ctx, { segments, query }) {
  if (segments[0] === 'new') return editor(root, ctx, null, query.get('prompt'));
  if (segments[0] && segments[1] === 'edit') return editor(root, ctx, segments[0]);
  if (segments[0]) return reader(root, ctx, segments[0]);
  return list(root, ctx, query);
}

// ---------- list ----------

function list(root, ctx, query) {
  const page = h('section', { class: 'page journal' });
  root.append(page);
  page.append(
    h('div', { class: 'page-head' },
      h('h1', { text: 'Journal' }),
      h('a', { class: 'button primary', href: '#/journal/new', id: 'new-entry', text: 'Write an entry' })),
    h('p', { class: 'lede', text: 'Only you can read this. Your words are encrypted before they are stored.' }),
    h('p', {}, h('a', { href: '#/drafts', id: 'drafts-link', text: 'Messages you kept unsent' })));

  const from = h('input', { type: 'date', value: query.get('from') || '' });
  const to = h('input', { type: 'date', value: query.get('to') || '' });
  const emotion = h('select', {}, h('option', { value: '', text: 'Any feeling' }),
    EMOTIONS.map((e) => h('option', { value: e, text: e, selected: query.get('emotion') === e })));
  const minMood = h('input', { type: 'number', min: '1', max: '10', inputmode: 'numeric', value: query.get('minMood') || '' });
  const maxMood = h('input', { type: 'number', min: '1', max: '10', inputmode: 'numeric', value: query.get('maxMood') || '' });
  const filters = h('form', { class: 'filters card', role: 'search', 'aria-label': 'Filter entries' },
    field('From', from, { name: 'from' }),
    field('To', to, { name: 'to' }),
    field('Feeling', emotion, { name: 'emotion' }),
    field('Mood at least', minMood, { name: 'minMood' }),
    field('Mood at most', maxMood, { name: 'maxMood' }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'secondary', text: 'Filter' }),
      h('button', { type: 'reset', class: 'link', text: 'Clear' })),
    formMessage());
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (from.value) params.set('from', from.value);
    if (to.value) params.set('to', to.value);
    if (emotion.value) params.set('emotion', emotion.value);
    if (minMood.value) params.set('minMood', minMood.value);
    if (maxMood.value) params.set('maxMood', maxMood.value);
    ctx.navigate(`#/journal${params.toString() ? `?${params}` : ''}`);
  });
  filters.addEventListener('reset', () => window.setTimeout(() => ctx.navigate('#/journal'), 0));

  const items = h('ol', { class: 'entries', id: 'entries', 'aria-live': 'polite' });
  const status = h('div', { class: 'list-status' });
  const more = h('button', { type: 'button', class: 'secondary', text: 'Load more', hidden: true });
  page.append(filters, items, status, more);

  const filterQuery = {
    from: from.value ? new Date(`${from.value}T00:00`).toISOString() : undefined,
    // `to` is exclusive on the server: the day after the chosen one
    to: to.value ? new Date(new Date(`${to.value}T00:00`).getTime() + 86400000).toISOString() : undefined,
    emotion: emotion.value || undefined,
    minMood: minMood.value || undefined,
    maxMood: maxMood.value || undefined,
  };
  let cursor = null;
  let loadingMore = false;
  let finished = false;

  async function loadPage() {
    if (loadingMore || finished) return;
    loadingMore = true;
    more.hidden = true;
    status.replaceChildren(loading('Loading entries…'));
    try {
      const answer = await get(BASE, { ...filterQuery, limit: 20, cursor: cursor || undefined });
      const entries = Array.isArray(answer?.items) ? answer.items : [];
      items.append(...entries.map(entryItem));
      cursor = answer?.nextCursor || null;
      finished = !cursor;
      status.replaceChildren();
      if (!items.children.length) {
        status.append(h('div', { class: 'empty' },
          h('p', { text: Object.values(filterQuery).some(Boolean) ? 'No entries match these filters.' : 'Nothing written yet. A few honest lines a day can make a real difference.' }),
          h('a', { href: '#/journal/new', text: 'Write your first entry' })));
      } else if (finished) {
        status.append(h('p', { class: 'hint', text: 'That is everything.' }));
      }
      more.hidden = finished;
    } catch (error) {
      status.replaceChildren(errorBlock(error, () => { loadingMore = false; loadPage(); }));
    } finally {
      loadingMore = false;
    }
  }
  more.addEventListener('click', loadPage);
  const observer = new IntersectionObserver((seen) => {
    if (seen.some((e) => e.isIntersecting)) loadPage();
  }, { rootMargin: '200px' });
  loadPage().then(() => observer.observe(status));
  return () => observer.disconnect();
}

function entryItem(entry) {
  const body = String(entry.body ?? '');
  const excerpt = body.length > 180 ? `${body.slice(0, 180)}…` : body;
  return h('li', { class: 'entry card' },
    h('a', { href: `#/journal/${encodeURIComponent(entry.id)}`, class: 'entry-link' },
      h('span', { class: 'entry-date', text: fmtDateTime(entry.createdAt) }),
      h('span', { class: 'entry-excerpt', text: excerpt })),
    h('p', { class: 'meta' },
      h('span', { text: `Mood ${entry.mood ?? '–'}` }),
      h('span', { text: `Urge ${entry.urge ?? '–'}` }),
      entry.noContactDay !== null && entry.noContactDay !== undefined ? h('span', { text: `Day ${entry.noContactDay}` }) : null),
    Array.isArray(entry.emotions) && entry.emotions.length
      ? h('p', { class: 'tags' }, entry.emotions.map((e) => h('span', { class: 'tag', text: e }))) : null);
}

// ---------- reader ----------

function reader(root, ctx, id) {
  const page = h('section', { class: 'page journal-entry' });
  root.append(page);
  page.append(h('p', {}, h('a', { href: '#/journal', text: '← All entries' })), h('h1', { text: 'Journal entry' }));
  const body = h('div');
  page.append(body);
  section(body, () => get(`${BASE}/${encodeURIComponent(id)}`), (entry) => [
    h('p', { class: 'meta' },
      h('span', { text: fmtDateTime(entry.createdAt) }),
      h('span', { text: `Mood ${entry.mood} (${MOOD_WORDS[entry.mood] || ''})` }),
      h('span', { text: `Urge ${entry.urge} (${URGE_LEVEL_WORDS[entry.urge] || ''})` }),
      entry.noContactDay !== null && entry.noContactDay !== undefined ? h('span', { text: `No-contact day ${entry.noContactDay}` }) : null),
    Array.isArray(entry.emotions) && entry.emotions.length
      ? h('p', { class: 'tags' }, entry.emotions.map((e) => h('span', { class: 'tag', text: e }))) : null,
    h('div', { class: 'card entry-body', id: 'entry-body', text: entry.body ?? '' }),
    entry.updatedAt && entry.updatedAt !== entry.createdAt ? h('p', { class: 'hint', text: `Edited ${fmtDateTime(entry.updatedAt)}` }) : null,
    h('div', { class: 'actions' },
      h('a', { class: 'button secondary', href: `#/journal/${encodeURIComponent(entry.id)}/edit`, text: 'Edit' }),
      h('button', {
        type: 'button', class: 'danger', text: 'Delete',
        on: {
          click: async () => {
            const ok = await confirmDialog({ title: 'Delete this entry?', text: 'It will be gone for good. This cannot be undone.', confirm: 'Delete entry', danger: true });
            if (!ok) return;
            try {
              await del(`${BASE}/${encodeURIComponent(entry.id)}`);
              ctx.toast('Entry deleted.');
              ctx.navigate('#/journal');
            } catch (error) {
              ctx.toast(describeError(error), 'error');
            }
          },
        },
      })),
  ], 'Opening your entry…');
}

// ---------- editor ----------

async function editor(root, ctx, id, promptId) {
  const page = h('section', { class: 'page journal-editor' });
  root.append(page);
  page.append(h('p', {}, h('a', { href: id ? `#/journal/${encodeURIComponent(id)}` : '#/journal', text: '← Back' })),
    h('h1', { text: id ? 'Edit entry' : 'New entry' }));
  const holder = h('div', {}, loading());
  page.append(holder);

  let entry = null;
  let prompt = null;
  try {
    if (id) entry = await get(`${BASE}/${encodeURIComponent(id)}`);
    if (!id || entry?.promptId) {
      prompt = await get('/api/journal/prompts/today', { tz: Intl.DateTimeFormat().resolvedOptions().timeZone }).catch(() => null);
    }
  } catch (error) {
    holder.replaceChildren(errorBlock(error, () => ctx.navigate(window.location.hash)));
    return undefined;
  }

  const body = h('textarea', { rows: '10', maxlength: '20000', required: true, value: entry?.body ?? '' });
  const count = h('p', { class: 'hint counter-chars', 'aria-live': 'off' });
  const updateCount = () => { count.textContent = `${[...body.value].length} / 20000 characters`; };
  body.addEventListener('input', updateCount);
  updateCount();
  const mood = slider(1, 10, entry?.mood ?? 5, (v) => `${v} — ${MOOD_WORDS[v] || ''}`);
  const urge = slider(0, 10, entry?.urge ?? 0, (v) => `${v} — ${URGE_LEVEL_WORDS[v] || ''}`);
  const chosen = new Set(entry?.emotions || []);
  const chipName = uid('emotion');
  const chips = h('fieldset', { class: 'chips', dataset: { field: 'emotions' } },
    h('legend', { text: 'Feelings (up to 10)' }),
    h('div', { class: 'chip-list' }, EMOTIONS.map((e) => {
      const input = h('input', { type: 'checkbox', name: chipName, value: e, id: `${chipName}-${e}`, checked: chosen.has(e) });
      input.addEventListener('change', () => {
        const checked = chips.querySelectorAll('input:checked').length;
        chips.querySelectorAll('input:not(:checked)').forEach((box) => { box.disabled = checked >= 10; });
      });
      return h('span', { class: 'chip' }, input, h('label', { for: input.id, text: e }));
    })),
    h('p', { class: 'field-error', 'aria-live': 'polite' }));

  const usePrompt = h('input', { type: 'checkbox', id: uid('use-prompt'), checked: Boolean(entry?.promptId || (promptId && prompt)) });
  const promptBox = prompt?.text && (!entry || entry.promptId)
    ? h('div', { class: 'field check prompt-choice', dataset: { field: 'promptId' } },
      usePrompt,
      h('label', { for: usePrompt.id }, 'I\'m answering today\'s prompt: ', h('em', { text: prompt.text })),
      h('p', { class: 'field-error' }))
    : null;
  const message = formMessage();
  const save = h('button', { type: 'submit', class: 'primary', text: id ? 'Save changes' : 'Save entry' });
  const form = h('form', { class: 'card entry-form', novalidate: true },
    promptBox,
    field('What is on your mind?', body, { name: 'body' }),
    count,
    field('Mood', mood.input, { name: 'mood', hint: '1 is very low, 10 is bright' }), mood.out,
    field('Urge to contact them', urge.input, { name: 'urge', hint: '0 is none, 10 is overwhelming' }), urge.out,
    chips,
    message,
    h('div', { class: 'actions' }, save));
  holder.replaceChildren(form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const emotions = [...chips.querySelectorAll('input:checked')].map((i) => i.value);
    const payload = {
      body: body.value,
      mood: Number(mood.input.value),
      urge: Number(urge.input.value),
      emotions,
      timeZone: deviceZone(),
    };
    const pid = promptBox && usePrompt.checked ? (entry?.promptId || prompt?.promptId || prompt?.id || promptId) : null;
    if (pid) payload.promptId = pid;
    if (!body.value.trim()) {
      body.setAttribute('aria-invalid', 'true');
      form.querySelector('.field[data-field="body"] .field-error').textContent = 'Write at least a few words.';
      body.focus();
      return;
    }
    save.disabled = true;
    try {
      const saved = id ? await put(`${BASE}/${encodeURIComponent(id)}`, payload) : await post(BASE, payload);
      ctx.toast(id ? 'Changes saved.' : 'Entry saved. Thank you for writing.');
      ctx.navigate(`#/journal/${encodeURIComponent(saved?.id || id)}`);
    } catch (error) {
      showFormErrors(form, error);
    } finally {
      save.disabled = false;
    }
  });
  body.focus();
  return undefined;
}

function slider(min, max, value, words) {
  const input = h('input', { type: 'range', min: String(min), max: String(max), step: '1', value: String(value) });
  const out = h('output', { class: 'slider-value', 'aria-live': 'polite' });
  const update = () => {
    out.textContent = words(Number(input.value));
    input.setAttribute('aria-valuetext', out.textContent);
  };
  input.addEventListener('input', update);
  update();
  return { input, out };
}
