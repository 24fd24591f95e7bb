// #/settings — notification preferences (GET/PUT /api/notifications/preferences), journal export,
// delete my account (DELETE /api/me with a typed confirmation, then sign out).

import { get, put, api } from '../api.js';
import { h, field, section, formMessage, showFormErrors, clearFormErrors, uid } from '../dom.js';

const CONFIRM_WORDS = 'delete my account';

export async function render(root, ctx) {
  const page = h('section', { class: 'page settings' });
  root.append(page);
  page.append(h('h1', { text: 'Settings' }));

  const prefsCard = h('div', { class: 'card' }, h('h2', { text: 'Reminders and messages' }));
  const prefsBody = h('div');
  prefsCard.append(prefsBody);
  section(prefsBody, () => get('/api/notifications/preferences'), (prefs) => preferencesForm(prefs || {}, ctx), 'Loading your preferences…');

  page.append(prefsCard, exportCard(), deleteCard(ctx));
  return undefined;
}

function preferencesForm(prefs, ctx) {
  const detected = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const zone = h('input', { type: 'text', value: prefs.timeZone && prefs.timeZone !== 'UTC' ? prefs.timeZone : detected, autocomplete: 'off', spellcheck: 'false' });
  const checkIn = h('input', { type: 'checkbox', id: uid('checkin'), checked: Boolean(prefs.dailyCheckIn?.enabled) });
  const checkInTime = h('input', { type: 'time', value: prefs.dailyCheckIn?.localTime || '20:00' });
  const quiet = h('input', { type: 'checkbox', id: uid('quiet'), checked: Boolean(prefs.quietHours) });
  const quietStart = h('input', { type: 'time', value: prefs.quietHours?.start || '22:00' });
  const quietEnd = h('input', { type: 'time', value: prefs.quietHours?.end || '08:00' });
  const inApp = h('input', { type: 'checkbox', id: uid('inapp'), checked: prefs.channels?.inApp !== false });
  const emailOn = h('input', { type: 'checkbox', id: uid('email-on'), checked: Boolean(prefs.channels?.email) });
  const email = h('input', { type: 'email', value: prefs.email || ctx.me?.email || '', autocomplete: 'email' });
  const newGuides = h('input', { type: 'checkbox', id: uid('guides'), checked: Boolean(prefs.newGuides) });
  const message = formMessage();
  const save = h('button', { type: 'submit', class: 'primary', text: 'Save preferences' });

  const check = (input, label, fieldName, hint) => h('div', { class: 'field check', dataset: { field: fieldName } },
    input, h('label', { for: input.id, text: label }), hint ? h('p', { class: 'hint', text: hint }) : null, h('p', { class: 'field-error' }));

  const quietTimes = h('div', { class: 'inline-fields' },
    field('From', quietStart, { name: 'quietHours.start' }), field('Until', quietEnd, { name: 'quietHours.end' }));
  const syncQuiet = () => { quietTimes.hidden = !quiet.checked; };
  quiet.addEventListener('change', syncQuiet);
  syncQuiet();
  const syncCheckIn = () => { checkInTime.disabled = !checkIn.checked; };
  checkIn.addEventListener('change', syncCheckIn);
  syncCheckIn();

  const form = h('form', { class: 'prefs', novalidate: true, id: 'preferences' },
    field('Your time zone', zone, { name: 'timeZone', hint: `Reminders follow this zone. Your browser says ${detected}.` }),
    h('fieldset', {}, h('legend', { text: 'Daily check-in' }),
      check(checkIn, 'Send me a gentle check-in every day', 'dailyCheckIn.enabled'),
      field('At', checkInTime, { name: 'dailyCheckIn.localTime' })),
    h('fieldset', {}, h('legend', { text: 'Quiet hours' }),
      check(quiet, 'Hold messages during quiet hours', 'quietHours', 'Nothing arrives then; it waits until the quiet hours end.'),
      quietTimes),
    h('fieldset', {}, h('legend', { text: 'Where messages go' }),
      check(inApp, 'Show new messages live in Detach', 'channels.inApp'),
      check(emailOn, 'Also send them by email', 'channels.email'),
      field('Email address', email, { name: 'email' }),
      check(newGuides, 'Tell me when new guides are published', 'newGuides')),
    message,
    h('div', { class: 'actions' }, save));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const body = {
      timeZone: zone.value.trim(),
      dailyCheckIn: { enabled: checkIn.checked, localTime: checkInTime.value || '20:00' },
      quietHours: quiet.checked ? { start: quietStart.value, end: quietEnd.value } : null,
      channels: { inApp: inApp.checked, email: emailOn.checked },
      email: email.value.trim() || null,
    };
    if ('newGuides' in prefs || newGuides.checked) body.newGuides = newGuides.checked;
    save.disabled = true;
    try {
      await put('/api/notifications/preferences', body);
      message.classList.add('ok');
      message.textContent = 'Saved.';
      ctx.toast('Preferences saved.');
    } catch (error) {
      showFormErrors(form, error);
    } finally {
      save.disabled = false;
    }
  });
  return form;
}

function exportCard() {
  return h('div', { class: 'card' },
    h('h2', { text: 'Export my journal' }),
    h('p', { text: 'Download everything you have written, to keep or to take elsewhere. The file is not encrypted: store it somewhere safe.' }),
    h('div', { class: 'actions' },
      h('a', { class: 'button secondary', href: '/api/journal/export?format=markdown', download: '', id: 'export-markdown', text: 'Download as Markdown' }),
      h('a', { class: 'button secondary', href: '/api/journal/export?format=json', download: '', id: 'export-json', text: 'Download as JSON' })));
}

function deleteCard(ctx) {
  const typed = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', id: 'delete-confirm' });
  const button = h('button', { type: 'submit', class: 'danger', id: 'delete-account', text: 'Delete my account', disabled: true });
  const message = formMessage();
  typed.addEventListener('input', () => { button.disabled = typed.value.trim().toLowerCase() !== CONFIRM_WORDS; });
  const form = h('form', { class: 'card danger-zone', novalidate: true },
    h('h2', { text: 'Delete my account' }),
    h('p', { text: 'This erases your journal, your streak history, your messages and your sign-in account, everywhere in Detach. It cannot be undone. You may want to export your journal first.' }),
    field(`To confirm, type “${CONFIRM_WORDS}”`, typed, { name: 'confirm' }),
    message,
    h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (typed.value.trim().toLowerCase() !== CONFIRM_WORDS) return;
    clearFormErrors(form);
    button.disabled = true;
    message.textContent = 'Deleting your account…';
    try {
      await api('/api/me', { method: 'DELETE' });
      const view = document.getElementById('view');
      view.replaceChildren(h('section', { class: 'page goodbye' },
        h('h1', { text: 'Your account is being deleted', tabindex: '-1' }),
        h('p', { text: 'Everything you stored in Detach is being erased. We wish you strength and kindness on the road ahead.' }),
        h('p', {}, h('a', { class: 'button primary', href: '/logout', id: 'finish-sign-out', text: 'Finish signing out' }))));
      view.querySelector('h1').focus();
      window.setTimeout(() => window.location.assign('/logout'), 4000);
    } catch (error) {
      showFormErrors(form, error);
      button.disabled = false;
    }
  });
  return form;
}
