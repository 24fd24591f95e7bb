// #/readiness — the readiness self-check before ending no contact on purpose.
// #/readiness: what it is and the saved checks (GET /api/streak/readiness-checks, newest first);
// #/readiness/new: the questions (GET /api/streak/readiness/questions: {id, text, kind
// SCALE_1_5|YES_NO|TEXT, articleSlug}) → POST /api/streak/readiness-checks {answers};
// #/readiness/{id}: the answers and the kind summary, delete, and "end no contact by choice"
// (typed confirmation → POST /api/streak/end {readinessCheckId}: the streak ends as CHOSEN, not as a slip).
// Text answers are the user's own words: shown with textContent only.

import { get, post, del, describeError, ApiError } from '../api.js';
import {
  h, field, section, loading, errorBlock, formMessage, showFormErrors, clearFormErrors,
  confirmDialog, fmtDateTime, fmtDate, plural, uid,
} from '../dom.js';

const CHECKS = '/api/streak/readiness-checks';
const QUESTIONS = '/api/streak/readiness/questions';
const END_WORDS = 'i choose to end no contact';

const listOf = (answer, ...keys) => {
  if (Array.isArray(answer)) return answer;
  for (const key of keys) if (Array.isArray(answer?.[key])) return answer[key];
  return [];
};

export async function render(root, ctx, { segments }) {
  if (segments[0] === 'new') return takeCheck(root, ctx);
  if (segments[0]) return showCheck(root, ctx, segments[0]);
  return overview(root, ctx);
}

function overview(root, ctx) {
  const page = h('section', { class: 'page readiness' });
  root.append(page);
  page.append(
    h('h1', { text: 'Readiness check' }),
    h('p', { class: 'lede', text: 'Thinking about ending no contact? That is your decision to make. These few questions help you look at it calmly, drawn from the guides. There are no right answers, and nothing is decided by taking it.' }),
    h('div', { class: 'actions' }, h('a', { class: 'button primary', href: '#/readiness/new', id: 'take-readiness', text: 'Take the check' })));
  const listCard = h('div', { class: 'card' }, h('h2', { text: 'Your saved checks' }));
  const body = h('div');
  listCard.append(body);
  page.append(listCard);
  section(body, () => get(CHECKS), (answer) => {
    const checks = listOf(answer, 'items', 'checks');
    if (!checks.length) return h('p', { class: 'empty', text: 'None yet. A saved check stays here so you can come back to it.' });
    return h('ul', { class: 'plain', id: 'readiness-checks' }, checks.map((c) => h('li', {},
      h('a', { href: `#/readiness/${encodeURIComponent(c.id)}`, text: `Check of ${fmtDateTime(c.createdAt)}` }))));
  }, 'Loading your checks…');
  return undefined;
}

async function takeCheck(root, ctx) {
  const page = h('section', { class: 'page readiness' });
  root.append(page);
  page.append(h('h1', { text: 'Readiness check' }),
    h('p', { class: 'lede', text: 'Answer honestly, for yourself alone. Take your time; each question links to a guide if you want to read more.' }));
  const holder = h('div', {}, loading('Loading the questions…'));
  page.append(holder);
  let questions;
  try {
    questions = listOf(await get(QUESTIONS), 'questions', 'items');
  } catch (error) {
    holder.replaceChildren(errorBlock(error, () => ctx.navigate('#/readiness/new')));
    return undefined;
  }
  const message = formMessage();
  const save = h('button', { type: 'submit', class: 'primary', id: 'save-readiness', text: 'Save my answers' });
  const form = h('form', { class: 'card readiness-form', novalidate: true, id: 'readiness-form' },
    questions.map((q, i) => question(q, i)),
    message,
    h('div', { class: 'actions' }, save, h('a', { href: '#/readiness', text: 'Cancel' })));
  holder.replaceChildren(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const answers = {};
    for (const q of questions) {
      if (q.kind === 'TEXT') {
        const value = form.querySelector(`[name="q-${CSS.escape(q.id)}"]`)?.value.trim();
        if (value) answers[q.id] = value;
      } else {
        const checked = form.querySelector(`input[name="q-${CSS.escape(q.id)}"]:checked`);
        if (checked) answers[q.id] = q.kind === 'YES_NO' ? checked.value === 'yes' : Number(checked.value);
      }
    }
    const missing = questions.filter((q) => q.kind !== 'TEXT' && !(q.id in answers));
    if (missing.length) {
      showFormErrors(form, new ApiError(400, {
        detail: 'Please answer the questions with choices; the written ones are up to you.',
        errors: missing.map((q) => ({ field: `answers.${q.id}`, message: 'Choose an answer.' })),
      }));
      return;
    }
    save.disabled = true;
    try {
      const saved = await post(CHECKS, { answers });
      ctx.toast('Your check is saved.');
      ctx.navigate(`#/readiness/${encodeURIComponent(saved.id)}`);
    } catch (error) {
      showFormErrors(form, error);
      save.disabled = false;
    }
  });
  return undefined;
}

function question(q, index) {
  const name = `q-${q.id}`;
  const guide = q.articleSlug
    ? h('p', { class: 'hint' }, h('a', { href: `#/guides/${encodeURIComponent(q.articleSlug)}`, text: 'Read the guide on this' }))
    : null;
  if (q.kind === 'TEXT') {
    const text = h('textarea', { rows: '3', maxlength: '2000' });
    const wrapper = field(`${index + 1}. ${q.text}`, text, { name: `answers.${q.id}` });
    text.name = name;
    wrapper.append(guide || '');
    return wrapper;
  }
  const options = q.kind === 'YES_NO'
    ? [['yes', 'Yes'], ['no', 'No']]
    : ['1', '2', '3', '4', '5'].map((n) => [n, n]);
  const group = uid('group');
  return h('fieldset', { class: 'field question', dataset: { field: `answers.${q.id}` } },
    h('legend', { text: `${index + 1}. ${q.text}` }),
    h('div', { class: 'segmented' }, options.map(([value, label], i) => {
      const input = h('input', { type: 'radio', name, value, id: `${group}-${i}` });
      return [input, h('label', { for: input.id, text: label })];
    })),
    guide,
    h('p', { class: 'field-error', 'aria-live': 'polite' }));
}

function answerText(q, value) {
  if (value === undefined || value === null || value === '') return 'Not answered';
  if (q?.kind === 'YES_NO' || typeof value === 'boolean') return value === true || value === 'yes' || value === 'YES' ? 'Yes' : 'No';
  if (q?.kind === 'SCALE_1_5') return `${value} of 5`;
  return String(value);
}

async function showCheck(root, ctx, id) {
  const page = h('section', { class: 'page readiness' });
  root.append(page);
  page.append(h('h1', { text: 'Your readiness check' }));
  const holder = h('div');
  page.append(holder);
  let questions = [];
  try {
    questions = listOf(await get(QUESTIONS), 'questions', 'items');
  } catch (error) {
    questions = []; // the answers still show, with their ids
  }
  await section(holder, () => get(`${CHECKS}/${encodeURIComponent(id)}`), (check) => {
    const answers = check.answers || {};
    const byId = new Map(questions.map((q) => [String(q.id), q]));
    const ids = questions.length ? questions.map((q) => String(q.id)).filter((qid) => qid in answers) : Object.keys(answers);
    const remove = h('button', { type: 'button', class: 'secondary', id: 'delete-readiness', text: 'Delete this check' });
    remove.addEventListener('click', async () => {
      const ok = await confirmDialog({ title: 'Delete this check?', text: 'Your answers will be gone for good.', confirm: 'Delete', danger: true });
      if (!ok) return;
      try {
        await del(`${CHECKS}/${encodeURIComponent(id)}`);
        ctx.toast('Check deleted.');
        ctx.navigate('#/readiness');
      } catch (error) {
        ctx.toast(describeError(error), 'error');
      }
    });
    return [
      h('div', { class: 'card' },
        h('p', { class: 'meta', text: `Saved ${fmtDateTime(check.createdAt)}` }),
        check.summary ? h('p', { class: 'summary', id: 'readiness-summary', text: check.summary }) : null,
        h('dl', { class: 'answers' }, ids.map((qid) => [
          h('dt', { text: byId.get(qid)?.text || qid }),
          h('dd', { text: answerText(byId.get(qid), answers[qid]) })])),
        h('div', { class: 'actions' },
          h('a', { class: 'button secondary', href: '#/readiness/new', text: 'Take it again' }),
          h('a', { href: '#/readiness', text: 'All checks' }),
          remove)),
      endByChoice(id, ctx),
    ];
  }, 'Opening your check…');
  return undefined;
}

function endByChoice(checkId, ctx) {
  const typed = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', id: 'end-confirm' });
  const button = h('button', { type: 'submit', class: 'danger', id: 'end-by-choice', text: 'End no contact', disabled: true });
  const message = formMessage();
  typed.addEventListener('input', () => { button.disabled = typed.value.trim().toLowerCase() !== END_WORDS; });
  const form = h('form', { class: 'card', novalidate: true, id: 'end-form' },
    h('h2', { text: 'End no contact by choice' }),
    h('p', { text: 'If, after thinking it through, you decide to be in touch again, you can end your count here. It is recorded as your choice, not as a slip, and your history keeps every day you counted. No new count starts until you begin one.' }),
    field('To confirm, type “I choose to end no contact”', typed, { name: 'confirm' }),
    message,
    h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (typed.value.trim().toLowerCase() !== END_WORDS) return;
    clearFormErrors(form);
    button.disabled = true;
    try {
      const ended = await post('/api/streak/end', { readinessCheckId: checkId });
      const days = Number(ended?.days ?? 0);
      form.replaceChildren(
        h('h2', { text: 'Your count has ended, by your choice', tabindex: '-1', id: 'ended-title' }),
        h('p', { text: `You kept no contact for ${plural(days, 'day', 'days')}${ended?.startedAt ? `, since ${fmtDate(ended.startedAt)}` : ''}. That time was yours and it still counts.` }),
        h('p', { text: 'Whatever happens next, be kind to yourself. If you ever want to begin again, Today will start a new count.' }),
        h('p', {}, h('a', { href: '#/today', text: 'Go to today' })));
      form.querySelector('h2').focus();
      ctx.toast('Your no-contact count has ended, by your choice.');
    } catch (error) {
      showFormErrors(form, error);
      button.disabled = false;
    }
  });
  return form;
}
