// The pause before texting, and the unsent messages it leaves behind.
// #/pause — write the message you want to send into an unsent draft (POST /api/journal/drafts);
// #/pause/{id} — the countdown to the draft's pauseUntil with a short guide and the user's own
// reasons for no contact (GET/PUT /api/journal/reasons), then the choice: "Keep it unsent" (draft
// outcome KEPT_UNSENT + an urge resisted at streak-service) or "I sent it" (outcome SENT + a contact);
// #/drafts — the list (keyset pages), #/drafts/{id} — read and delete.
// Draft bodies are the user's words: shown with textContent only, never put in a URL.

import { get, post, put, del, describeError, deviceZone, ApiError } from '../api.js';
import {
  h, field, section, loading, errorBlock, formMessage, showFormErrors, clearFormErrors,
  confirmDialog, fmtDateTime, uid,
} from '../dom.js';
import { PAUSE_GUIDE, KEPT_UNSENT_WORDS, SENT_WORDS, SLIP_WORDS } from '../words.js';

const DRAFTS = '/api/journal/drafts';
const MAX_REASONS = 20;

export async function render(root, ctx, { name, segments }) {
  if (name === 'drafts') return segments[0] ? draftReader(root, ctx, segments[0]) : draftList(root, ctx);
  return segments[0] ? pause(root, ctx, segments[0]) : writeDraft(root, ctx);
}

// ---------- 1. write the message ----------

function writeDraft(root, ctx) {
  const page = h('section', { class: 'page pause' });
  root.append(page);
  const body = h('textarea', { rows: '7', maxlength: '20000', id: 'draft-body', required: true });
  const message = formMessage();
  const start = h('button', { type: 'submit', class: 'primary big', id: 'start-pause', text: 'Keep it here and pause for ten minutes' });
  const form = h('form', { class: 'card', novalidate: true },
    field('What do you want to say to them?', body, {
      name: 'body',
      hint: 'Write it exactly as you would send it. It is not sent: it stays encrypted with your journal, and only you can read it.',
    }),
    message,
    h('div', { class: 'actions' }, start, h('a', { href: '#/today', text: 'Not now' })));
  page.append(
    h('h1', { text: 'Before you send it' }),
    h('p', { class: 'lede', text: 'The urge to reach out is strong right now, and that is all right. Put the words down here first, then give yourself a short pause.' }),
    form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    if (!body.value.trim()) {
      showFormErrors(form, new ApiError(400, { detail: 'Write the message first — even a few words.', errors: [{ field: 'body', message: 'Write at least a few words.' }] }));
      return;
    }
    start.disabled = true;
    try {
      const draft = await post(DRAFTS, { body: body.value, timeZone: deviceZone() });
      ctx.navigate(`#/pause/${encodeURIComponent(draft.id)}`);
    } catch (error) {
      showFormErrors(form, error);
      start.disabled = false;
    }
  });
  body.focus();
  return undefined;
}

// ---------- 2. the pause and the choice ----------

async function pause(root, ctx, id) {
  const page = h('section', { class: 'page pause' });
  root.append(page);
  page.append(h('h1', { text: 'Take a pause' }));
  const holder = h('div', {}, loading('Opening your message…'));
  page.append(holder);
  let draft;
  try {
    draft = await get(`${DRAFTS}/${encodeURIComponent(id)}`);
  } catch (error) {
    holder.replaceChildren(errorBlock(error, () => ctx.navigate(`#/pause/${encodeURIComponent(id)}`)));
    return undefined;
  }
  if (draft.outcome) {
    holder.replaceChildren(h('p', {}, 'You already decided about this message. ',
      h('a', { href: `#/drafts/${encodeURIComponent(id)}`, text: 'Open it' }), '.'));
    return undefined;
  }

  const clock = h('p', { class: 'countdown', role: 'timer', id: 'countdown', 'aria-label': 'Time left in the pause' });
  const announce = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const choiceTitle = h('h2', { id: 'choice-title', text: 'When you are ready' });
  const until = Date.parse(draft.pauseUntil);
  let timer = null;
  const tick = () => {
    const left = Math.max(0, until - Date.now());
    const minutes = Math.floor(left / 60000);
    const seconds = Math.floor((left % 60000) / 1000);
    clock.textContent = `${minutes}:${String(seconds).padStart(2, '0')}`;
    if (left <= 0) {
      window.clearInterval(timer);
      timer = null;
      clock.classList.add('done');
      clock.textContent = '0:00';
      choiceTitle.textContent = 'The pause is over. What do you choose?';
      announce.textContent = 'The pause is over. You can choose now.';
    }
  };
  tick();
  if (until > Date.now()) timer = window.setInterval(tick, 1000);

  const guide = h('div', { class: 'card soft' },
    h('h2', { text: 'While you wait' }),
    h('ul', { class: 'guide-list' }, PAUSE_GUIDE.map((line) => h('li', { text: line }))),
    h('p', {}, h('a', { href: '#/guides?stage=if-they-reach-out', text: 'Guides for moments like this' })));

  const reasonsCard = h('div', { class: 'card', id: 'reasons' }, h('h2', { text: 'Why you chose no contact' }));
  const reasonsBody = h('div');
  reasonsCard.append(reasonsBody);
  section(reasonsBody, () => get('/api/journal/reasons'), (answer) => reasons(reasonsBody, answer?.reasons || [], ctx), 'Finding your reasons…');

  const messageCard = h('div', { class: 'card' },
    h('h2', { text: 'Your message, unsent' }),
    h('p', { class: 'entry-body draft-body', id: 'draft-text', text: draft.body }),
    h('p', { class: 'hint', text: `Written ${fmtDateTime(draft.createdAt)}` }));

  page.append(
    h('div', { class: 'card hero pause-clock' }, clock, announce,
      h('p', { class: 'encourage', text: 'Ten minutes for yourself. The wish to send it will rise and then it will ease.' })),
    h('div', { class: 'grid two' }, guide, reasonsCard),
    messageCard,
    choice(draft, ctx, choiceTitle));
  holder.remove();
  return () => { if (timer) window.clearInterval(timer); };
}

function reasons(container, list, ctx) {
  const shown = h('ol', { class: 'reason-list', id: 'reason-list' }, list.map((r) => h('li', { text: r })));
  const edit = h('button', { type: 'button', class: 'link', id: 'edit-reasons', text: list.length ? 'Change my reasons' : 'Write down my reasons' });
  const empty = list.length ? null : h('p', { class: 'empty', text: 'You have not written your reasons yet. Naming them, in your own words, helps in moments like this.' });
  edit.addEventListener('click', () => {
    const text = h('textarea', { rows: '6', id: 'reasons-text', value: list.join('\n') });
    const message = formMessage();
    const save = h('button', { type: 'submit', class: 'primary', text: 'Save my reasons' });
    const cancel = h('button', { type: 'button', class: 'secondary', text: 'Cancel' });
    const form = h('form', { novalidate: true },
      field('One reason per line', text, { name: 'reasons', hint: `Up to ${MAX_REASONS} reasons, each up to 500 characters. Only you can read them.` }),
      message, h('div', { class: 'actions' }, save, cancel));
    cancel.addEventListener('click', () => container.replaceChildren(...reasons(container, list, ctx).filter(Boolean)));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFormErrors(form);
      const lines = text.value.split('\n').map((l) => l.trim()).filter(Boolean);
      if (lines.length > MAX_REASONS || lines.some((l) => l.length > 500)) {
        showFormErrors(form, new ApiError(400, { detail: `Keep it to ${MAX_REASONS} reasons of at most 500 characters each.`, errors: [{ field: 'reasons', message: 'Too many or too long.' }] }));
        return;
      }
      save.disabled = true;
      try {
        const saved = await put('/api/journal/reasons', { reasons: lines });
        ctx.toast('Your reasons are saved.');
        container.replaceChildren(...reasons(container, saved?.reasons || lines, ctx).filter(Boolean));
      } catch (error) {
        showFormErrors(form, error);
        save.disabled = false;
      }
    });
    container.replaceChildren(form);
    text.focus();
  });
  return [empty, list.length ? shown : null, edit];
}

function choice(draft, ctx, title) {
  const strength = h('input', { type: 'range', min: '1', max: '10', step: '1', value: '5', id: uid('strength') });
  const out = h('output', { text: '5' });
  strength.addEventListener('input', () => { out.textContent = strength.value; });
  const keep = h('button', { type: 'button', class: 'primary big', id: 'keep-unsent', text: 'Keep it unsent' });
  const sent = h('button', { type: 'button', class: 'secondary', id: 'sent-it', text: 'I sent it' });
  const result = h('div', { class: 'kind-words', id: 'pause-result', 'aria-live': 'polite' });
  const card = h('div', { class: 'card choice-card' },
    title,
    h('p', { text: 'You can keep it unsent at any moment. If you sent it already, that is all right too — say so, honestly.' }),
    h('div', { class: 'field slider' }, h('label', { for: strength.id, text: 'How strong is the wish right now? ' }, out), strength),
    h('div', { class: 'actions' }, keep, sent),
    result);

  const decide = async (outcome) => {
    keep.disabled = true;
    sent.disabled = true;
    try {
      await post(`${DRAFTS}/${encodeURIComponent(draft.id)}/outcome`, { outcome });
    } catch (error) {
      result.replaceChildren(h('p', { text: describeError(error) }));
      keep.disabled = false;
      sent.disabled = false;
      return;
    }
    // The choice is saved with the draft; then it is counted where the user's days are counted.
    const occurredAt = new Date(Date.now() - 1000).toISOString();
    let logged = null;
    try {
      logged = outcome === 'KEPT_UNSENT'
        ? await post('/api/streak/urges', { intensity: Number(strength.value), occurredAt, timeZone: deviceZone() })
        : await post('/api/streak/contacts', { kind: 'I_CONTACTED', occurredAt, timeZone: deviceZone() });
    } catch (error) {
      logged = error;
    }
    const lines = outcome === 'KEPT_UNSENT' ? [h('p', { text: KEPT_UNSENT_WORDS })]
      : [h('p', { text: SENT_WORDS }), h('p', { text: SLIP_WORDS[1] }),
        h('p', {}, h('a', { href: '#/guides?stage=after-a-slip', text: 'Read: after a slip' }))];
    if (logged instanceof Error) {
      lines.push(h('p', { class: 'hint', text: `Your choice is saved with the message, but it could not be counted on your dashboard: ${describeError(logged)}` }));
    }
    lines.push(h('p', {}, h('a', { href: '#/today', text: 'Back to today' }), ' · ', h('a', { href: '#/drafts', text: 'Your unsent messages' })));
    card.replaceChildren(h('h2', { text: outcome === 'KEPT_UNSENT' ? 'Kept unsent' : 'Logged' }), result);
    result.replaceChildren(...lines);
    ctx.toast(outcome === 'KEPT_UNSENT' ? 'Kept unsent. Well done.' : 'Logged. Be gentle with yourself.');
    card.querySelector('h2')?.setAttribute('tabindex', '-1');
    card.querySelector('h2')?.focus();
  };
  keep.addEventListener('click', () => decide('KEPT_UNSENT'));
  sent.addEventListener('click', async () => {
    const ok = await confirmDialog({
      title: 'You sent it?',
      text: 'It will be logged as contact you started, and your count starts again. That is all right — what you learned stays with you.',
      confirm: 'Yes, I sent it',
      cancel: 'Go back',
    });
    if (ok) decide('SENT');
  });
  return card;
}

// ---------- drafts ----------

const OUTCOME_LABELS = { KEPT_UNSENT: 'Kept unsent', SENT: 'Sent' };
const outcomeLabel = (d) => OUTCOME_LABELS[d.outcome] || 'Waiting for your decision';

function draftList(root, ctx) {
  const page = h('section', { class: 'page drafts' });
  root.append(page);
  page.append(
    h('div', { class: 'page-head' },
      h('h1', { text: 'Unsent messages' }),
      h('a', { class: 'button primary', href: '#/pause', text: 'I want to text them' })),
    h('p', { class: 'lede', text: 'The messages you wrote instead of sending. Read them back to see how far you have come; delete any you no longer want.' }));
  const items = h('ol', { class: 'entries', id: 'drafts' });
  const status = h('div', { class: 'list-status' });
  const more = h('button', { type: 'button', class: 'secondary', text: 'Load more', hidden: true });
  page.append(items, status, more);
  let cursor = null;
  async function loadPage() {
    more.hidden = true;
    status.replaceChildren(loading('Loading your messages…'));
    try {
      const answer = await get(DRAFTS, { limit: 20, cursor: cursor || undefined });
      const list = Array.isArray(answer) ? answer : (answer?.items || []);
      items.append(...list.map(draftItem));
      cursor = Array.isArray(answer) ? null : answer?.nextCursor || null;
      status.replaceChildren();
      if (!items.children.length) status.append(h('p', { class: 'empty', text: 'No unsent messages yet. When you feel the urge to write to them, start with “I want to text them”.' }));
      more.hidden = !cursor;
    } catch (error) {
      status.replaceChildren(errorBlock(error, loadPage));
    }
  }
  more.addEventListener('click', loadPage);
  loadPage();
  return undefined;
}

function draftItem(d) {
  const open = d.outcome ? `#/drafts/${encodeURIComponent(d.id)}` : `#/pause/${encodeURIComponent(d.id)}`;
  const excerpt = String(d.body || '').slice(0, 180);
  return h('li', { class: 'card' },
    h('a', { class: 'entry-link', href: open },
      h('span', { class: 'entry-date', text: fmtDateTime(d.createdAt) }),
      h('span', { class: 'entry-excerpt', text: excerpt + (String(d.body || '').length > 180 ? '…' : '') })),
    h('p', { class: 'meta' }, h('span', { class: ['outcome', d.outcome ? d.outcome.toLowerCase() : 'open'], text: outcomeLabel(d) })));
}

async function draftReader(root, ctx, id) {
  const page = h('section', { class: 'page drafts' });
  root.append(page);
  page.append(h('h1', { text: 'Unsent message' }));
  const holder = h('div');
  page.append(holder);
  await section(holder, () => get(`${DRAFTS}/${encodeURIComponent(id)}`), (d) => {
    const remove = h('button', { type: 'button', class: 'danger', id: 'delete-draft', text: 'Delete this message' });
    remove.addEventListener('click', async () => {
      const ok = await confirmDialog({ title: 'Delete this message?', text: 'It will be gone for good.', confirm: 'Delete', danger: true });
      if (!ok) return;
      remove.disabled = true;
      try {
        await del(`${DRAFTS}/${encodeURIComponent(id)}`);
        ctx.toast('Message deleted.');
        ctx.navigate('#/drafts');
      } catch (error) {
        ctx.toast(describeError(error), 'error');
        remove.disabled = false;
      }
    });
    return h('article', { class: 'card' },
      h('p', { class: 'meta' },
        h('span', { text: `Written ${fmtDateTime(d.createdAt)}` }),
        h('span', { class: 'outcome', id: 'draft-outcome', text: outcomeLabel(d) }),
        d.decidedAt ? h('span', { text: `decided ${fmtDateTime(d.decidedAt)}` }) : null),
      h('p', { class: 'entry-body', id: 'draft-text', text: d.body }),
      h('div', { class: 'actions' },
        d.outcome ? null : h('a', { class: 'button primary', href: `#/pause/${encodeURIComponent(id)}`, text: 'Decide now' }),
        h('a', { class: 'button secondary', href: '#/drafts', text: 'All unsent messages' }),
        remove));
  }, 'Opening your message…');
  return undefined;
}
