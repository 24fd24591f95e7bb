// #/settings — your days (GET/PUT /api/streak/settings: time zone, follow/pin, day-start hour,
// social media, limited contact), notification preferences (GET/PUT /api/notifications/preferences),
// the weekly export email switch, the archive (download GET /api/me/archive, import POST
// /api/me/archive; #/settings?section=archive scrolls to it), journal export,
// delete my account (DELETE /api/me with a typed confirmation, then sign out).

import { get, put, post, api, ApiError, deviceZone } from '../api.js';
import { h, field, section, formMessage, showFormErrors, clearFormErrors, uid, plural } from '../dom.js';

// the gateway's and the services' request body limit (quarkus.http.limits.max-body-size)
const MAX_ARCHIVE_BYTES = 32 * 1024 * 1024;

const CONFIRM_WORDS = 'delete my account';

export async function render(root, ctx, { query } = {}) {
  const page = h('section', { class: 'page settings' });
  root.append(page);
  page.append(h('h1', { text: 'Settings' }));

  const daysCard = h('div', { class: 'card', id: 'day-settings-card' }, h('h2', { text: 'Your days' }));
  const daysBody = h('div');
  daysCard.append(daysBody);
  section(daysBody, () => get('/api/streak/settings').catch((error) => {
    // no settings stored yet: start from the browser's zone and the usual defaults
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }), (settings) => daySettingsForm(settings, ctx), 'Loading your day settings…');

  const prefsCard = h('div', { class: 'card' }, h('h2', { text: 'Reminders and messages' }));
  const prefsBody = h('div');
  prefsCard.append(prefsBody);
  section(prefsBody, () => get('/api/notifications/preferences'), (prefs) => preferencesForm(prefs || {}, ctx), 'Loading your preferences…');

  const archive = archiveCard(ctx);
  page.append(daysCard, prefsCard, archive, exportCard(), deleteCard(ctx));
  // #/settings?section=archive (the link of the weekly export email) opens at the download; after
  // the next frame, because the router focuses the page heading once render() returns
  if (query?.get('section') === 'archive') {
    requestAnimationFrame(() => archive.querySelector('#export-archive')?.focus());
  }
  return undefined;
}

const hourLabel = (hour) => (hour === 0 ? 'Midnight (00:00)' : `${String(hour).padStart(2, '0')}:00 — for late nights`);

function daySettingsForm(settings, ctx) {
  const detected = deviceZone();
  const current = settings || {};
  const zone = h('input', { type: 'text', value: current.timeZone || detected, autocomplete: 'off', spellcheck: 'false', list: 'settings-tz-list', id: 'day-zone' });
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zoneList = h('datalist', { id: 'settings-tz-list' }, zones.map((z) => h('option', { value: z })));
  const modeName = uid('zone-mode');
  const mode = current.zoneMode || 'FOLLOW_CURRENT';
  const modeChoice = (value, label, help) => {
    const input = h('input', { type: 'radio', name: modeName, value, id: `${modeName}-${value}`, checked: mode === value });
    return h('div', { class: 'choice' }, input,
      h('label', { for: input.id }, h('strong', { text: label }), h('span', { class: 'hint', text: help })));
  };
  const hour = h('select', { id: 'day-start-hour' },
    [0, 1, 2, 3, 4, 5, 6].map((n) => h('option', { value: String(n), text: hourLabel(n), selected: Number(current.dayStartHour ?? 0) === n })));
  const social = h('input', { type: 'checkbox', id: uid('social'), checked: Boolean(current.socialMediaCheckBreaks) });
  const limited = h('input', { type: 'checkbox', id: 'limited-contact', checked: Boolean(current.limitedContact?.enabled) });
  const message = formMessage();
  const save = h('button', { type: 'submit', class: 'primary', id: 'save-day-settings', text: 'Save my day settings' });
  const check = (input, label, fieldName, hint) => h('div', { class: 'field check', dataset: { field: fieldName } },
    input, h('label', { for: input.id, text: label }), hint ? h('p', { class: 'hint', text: hint }) : null, h('p', { class: 'field-error' }));

  const form = h('form', { class: 'prefs', novalidate: true, id: 'day-settings' },
    h('p', { class: 'hint', text: 'Your days, check-ins and reminders all follow these settings. Changing them never skips or doubles a day of your count.' }),
    field('Time zone your days are counted in', zone, { name: 'timeZone', hint: `This device is in ${detected}.` }),
    zoneList,
    h('fieldset', { class: 'choices', dataset: { field: 'zoneMode' } },
      h('legend', { text: 'When you travel' }),
      modeChoice('FOLLOW_CURRENT', 'Follow my current time zone', 'Your day moves with you: whatever you log from a new place switches your days to its zone.'),
      modeChoice('PIN_HOME', 'Keep my home time zone', 'Your days stay in the zone above, wherever you are.'),
      h('p', { class: 'field-error' })),
    field('My day ends at', hour, { name: 'dayStartHour', hint: 'Up late? With 03:00, a message at 01:30 still belongs to the day before.' }),
    check(social, 'Looking at their social media counts as breaking no contact', 'socialMediaCheckBreaks'),
    check(limited, 'Limited contact (co-parenting, work, shared matters)', 'limitedContact.enabled',
      'When you must stay in touch, log that contact with its purpose: it is kept for your record and never ends your count.'),
    message,
    h('div', { class: 'actions' }, save));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const body = {
      timeZone: zone.value.trim(),
      zoneMode: form.querySelector(`input[name="${modeName}"]:checked`)?.value || 'FOLLOW_CURRENT',
      dayStartHour: Number(hour.value),
      socialMediaCheckBreaks: social.checked,
      limitedContact: { enabled: limited.checked },
    };
    save.disabled = true;
    try {
      await put('/api/streak/settings', body);
      message.classList.add('ok');
      message.textContent = 'Saved.';
      ctx.toast('Your day settings are saved.');
    } catch (error) {
      showFormErrors(form, error);
    } finally {
      save.disabled = false;
    }
  });
  return form;
}

function restoredSummary(restored) {
  const parts = [];
  for (const [part, label] of [['streak', 'streak history'], ['journal', 'journal'], ['notifications', 'reminder settings']]) {
    const counts = restored?.[part];
    if (!counts) continue;
    const numbers = Object.entries(counts).filter(([, n]) => typeof n === 'number' && n > 0)
      .map(([what, n]) => `${n} ${what}`);
    parts.push(numbers.length ? `${label} (${numbers.join(', ')})` : label);
  }
  return parts.join('; ');
}

function archiveCard(ctx) {
  const file = h('input', { type: 'file', accept: '.json,application/json', id: 'archive-file' });
  const message = formMessage();
  const upload = h('button', { type: 'submit', class: 'secondary', id: 'import-archive', text: 'Import this archive' });
  const form = h('form', { novalidate: true, id: 'archive-import' },
    field('Import an archive into this account', file, {
      name: 'archive',
      hint: 'Only into an account that is still empty, for example after moving to a new sign-in. Files up to 32 MB.',
    }),
    message,
    h('div', { class: 'actions' }, upload));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const chosen = file.files?.[0];
    const fail = (detail) => showFormErrors(form, new ApiError(400, { detail, errors: [{ field: 'archive', message: detail }] }));
    if (!chosen) return fail('Choose the archive file first.');
    if (chosen.size > MAX_ARCHIVE_BYTES) return fail('This file is larger than 32 MB, more than Detach can import at once.');
    let archive;
    try {
      archive = JSON.parse(await chosen.text());
    } catch (e) {
      return fail('This file is not a Detach archive (it is not JSON).');
    }
    upload.disabled = true;
    message.textContent = 'Importing…';
    try {
      const answer = await post('/api/me/archive', archive);
      message.classList.add('ok');
      message.textContent = `Imported: ${restoredSummary(answer?.restored) || 'nothing was in the file'}.`;
      ctx.toast('Your archive is imported.');
    } catch (error) {
      showFormErrors(form, error);
      const restored = error instanceof ApiError ? restoredSummary(error.problem.restored) : '';
      if (restored) message.append(h('span', { class: 'line', text: `Already imported: ${restored}.` }));
    } finally {
      upload.disabled = false;
    }
    return undefined;
  });
  return h('div', { class: 'card', id: 'archive' },
    h('h2', { text: 'Your archive' }),
    h('p', { text: 'One file with everything you keep in Detach: journal, unsent messages, reasons, your streak history, contacts, urges, check-ins, readiness checks and settings. You can import it back later. The file is not encrypted: store it somewhere safe.' }),
    h('div', { class: 'actions' },
      h('a', { class: 'button primary', href: '/api/me/archive', download: '', id: 'export-archive', text: 'Download my archive' })),
    form);
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
  const weeklyExport = h('input', { type: 'checkbox', id: uid('weekly-export'), checked: Boolean(prefs.weeklyExport) });
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
    typeof prefs.dayStartHour === 'number'
      ? h('p', { class: 'hint', id: 'prefs-day-start', text: `Your day ends at ${String(prefs.dayStartHour).padStart(2, '0')}:00 (set under “Your days”); one-a-day messages follow it.` })
      : null,
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
    h('fieldset', {}, h('legend', { text: 'Weekly export' }),
      check(weeklyExport, 'Email me every Sunday to download my archive', 'weeklyExport',
        'The email links to “Your archive” below, behind your sign-in. The archive itself is never attached, so your journal does not sit in a mailbox. Needs the email address above, not the email channel.')),
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
    if ('weeklyExport' in prefs || weeklyExport.checked) body.weeklyExport = weeklyExport.checked;
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
    h('h2', { text: 'Export my journal only' }),
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
