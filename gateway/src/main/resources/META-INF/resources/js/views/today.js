// #/today — first-run onboarding (no streak yet: GET /api/streak is 404) or the dashboard:
// the day counter, progress to the next milestone, "I felt an urge and didn't", "log a contact",
// today's prompt and today's reading. Also the daily check-in ("I kept no contact today") with its
// own streak, the limited-contact badge and purposes, and the ways into the pause before texting
// and the readiness check.

import { get, put, post, ApiError, describeError, deviceZone } from '../api.js';
import {
  h, field, section, errorBlock, loading, formMessage, showFormErrors, clearFormErrors,
  fmtDate, fmtLongDay, isoDay, localDateTimeValue, plural, uid,
} from '../dom.js';
import {
  CONTACT_KINDS, kindLabel, SLIP_WORDS, KEPT_WORDS, URGE_WORDS, dayWords, previousMilestone, stageLabel,
  PURPOSES, purposeLabel, CHECK_IN_WORDS,
} from '../words.js';

export async function render(root, ctx) {
  const page = h('section', { class: 'page today' });
  root.append(page);
  page.append(h('h1', { text: 'Today' }), h('p', { class: 'lede', text: fmtLongDay() }));
  const main = h('div', { class: 'today-main' }, loading('Counting your days…'));
  page.append(main);

  let streak;
  try {
    streak = await get('/api/streak');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      main.replaceChildren(onboarding(ctx, () => ctx.navigate('#/today')));
      page.querySelector('h1').textContent = 'Welcome to Detach';
      return undefined;
    }
    main.replaceChildren(errorBlock(error, () => ctx.navigate('#/today')));
  }
  if (streak) main.replaceChildren(dashboard(streak, ctx));
  const side = h('div', { class: 'grid two' });
  page.append(side);
  side.append(promptCard(), readingCard());
  return undefined;
}

// ---------- onboarding ----------

export function onboarding(ctx, done) {
  const detected = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const startDate = h('input', { type: 'date', value: isoDay(), max: isoDay(), required: true });
  const zone = h('input', { type: 'text', value: detected, required: true, autocomplete: 'off', spellcheck: 'false', list: 'tz-list' });
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zoneList = h('datalist', { id: 'tz-list' }, zones.map((z) => h('option', { value: z })));
  const social = h('input', { type: 'checkbox', id: uid('social') });
  const message = formMessage();
  const submit = h('button', { type: 'submit', class: 'primary big', text: 'Start my no-contact count' });

  const form = h('form', { class: 'card onboarding', novalidate: true },
    h('h2', { text: 'Let\'s begin' }),
    h('p', { text: 'No contact means giving yourself space: no messages, calls or visits, so your feelings can settle. Detach counts the days with you, in your own time zone.' }),
    field('When did no contact start?', startDate, { name: 'startedAt', hint: 'Today is fine. If you started earlier, pick that day.' }),
    field('Your time zone', zone, { name: 'timeZone', hint: `We detected ${detected}. Change it if it is not where you live.` }),
    zoneList,
    h('div', { class: 'field check', dataset: { field: 'socialMediaCheckBreaks' } },
      social,
      h('label', { for: social.id, text: 'Looking at their social media counts as breaking no contact' }),
      h('p', { class: 'hint', text: 'Many people find that checking a profile keeps the wound open. You decide; you can change it later by starting again.' }),
      h('p', { class: 'field-error', 'aria-live': 'polite' })),
    message,
    h('div', { class: 'actions' }, submit));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const day = startDate.value;
    if (!day) {
      showFormErrors(form, new ApiError(400, { detail: 'Please pick the day no contact started.', errors: [{ field: 'startedAt', message: 'Pick a day.' }] }));
      return;
    }
    // today → now; an earlier day → midday of that local day (any instant of the day counts)
    const startedAt = day >= isoDay() ? new Date(Date.now() - 1000) : new Date(`${day}T12:00`);
    submit.disabled = true;
    try {
      await put('/api/streak', { startedAt: startedAt.toISOString(), timeZone: zone.value.trim(), socialMediaCheckBreaks: social.checked });
      ctx.toast('Your count has started. We\'re with you.');
      done();
    } catch (error) {
      showFormErrors(form, error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

// ---------- dashboard ----------

function dashboard(streak, ctx) {
  const days = Number(streak.currentDays ?? 0);
  const counter = h('p', { class: 'counter', 'aria-live': 'polite', id: 'day-counter' },
    h('span', { class: 'counter-number', text: String(days) }),
    h('span', { class: 'counter-label', text: days === 1 ? 'day without contact' : 'days without contact' }));

  const next = streak.nextMilestone;
  let progress = null;
  if (next?.day) {
    const from = previousMilestone(next.day);
    const span = Math.max(1, next.day - from);
    const done = Math.min(span, Math.max(0, days - from));
    const left = Math.max(0, next.day - days);
    const progressId = uid('progress');
    progress = h('div', { class: 'milestone' },
      h('label', { for: progressId, text: `Next milestone: day ${next.day}` }),
      h('progress', { id: progressId, max: String(span), value: String(done) }),
      h('p', { class: 'hint', text: `${plural(left, 'day', 'days')} to go${next.at ? ` · ${fmtDate(next.at)}` : ''}` }));
  }

  const checkInDays = Number(streak.checkIn?.checkInStreakDays ?? 0);
  const stats = h('dl', { class: 'stats' },
    stat('Check-in streak', plural(checkInDays, 'day', 'days'), 'check-in-streak'),
    stat('Longest streak', plural(Number(streak.longestDays ?? days), 'day', 'days')),
    stat('Urges resisted', String(streak.urgesResisted ?? 0), 'urges-resisted'),
    stat('Days of no contact in all', String(streak.totalNoContactDays ?? days)),
    streak.startedAt ? stat('Counting since', fmtDate(streak.startedAt)) : null);

  const limited = Boolean(streak.limitedContact?.enabled);
  const badge = limited
    ? h('p', { class: 'limited-badge', id: 'limited-contact-badge' },
      h('strong', { text: 'Limited contact' }),
      h('span', { text: ' · contact you need for children, work, legal or housing matters is logged with its purpose and never ends your count.' }))
    : null;

  return h('div', { class: 'dashboard' },
    h('div', { class: 'card hero' }, badge, counter, h('p', { class: 'encourage', text: dayWords(days) }), progress, stats),
    h('div', { class: 'grid two' }, checkInCard(streak, ctx), pauseCard()),
    h('div', { class: 'grid two' }, urgeCard(ctx), contactCard(ctx, limited)));
}

function checkInCard(streak, ctx) {
  const done = Boolean(streak.checkIn?.checkedInToday);
  const button = h('button', { type: 'button', class: 'primary big', id: 'check-in-button', text: done ? 'Checked in for today' : 'I kept no contact today', disabled: done });
  const message = h('p', { class: 'kind-words', id: 'check-in-message', 'aria-live': 'polite', text: done ? 'You have checked in today. See you tomorrow.' : '' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const answer = await post('/api/streak/check-ins', { timeZone: deviceZone() });
      const n = Number(answer?.checkInStreakDays ?? 0);
      const statEl = document.getElementById('check-in-streak');
      if (statEl) statEl.textContent = plural(n, 'day', 'days');
      button.textContent = 'Checked in for today';
      message.textContent = answer?.alreadyCheckedIn ? 'You had already checked in today. See you tomorrow.' : CHECK_IN_WORDS(n);
      ctx.toast('Checked in. Well done.');
    } catch (error) {
      message.textContent = describeError(error);
      button.disabled = false;
    }
  });
  return h('div', { class: 'card' },
    h('h2', { text: 'Today\'s check-in' }),
    h('p', { text: 'One tap at the end of the day. It counts towards your check-in streak, and today\'s reminder will not come.' }),
    button, message);
}

function pauseCard() {
  return h('div', { class: 'card soft' },
    h('h2', { text: 'About to reach out?' }),
    h('p', { text: 'Write the message here first. It stays with you, unsent, while you take ten minutes.' }),
    h('a', { class: 'button secondary big', href: '#/pause', id: 'pause-link', text: 'I want to text them' }),
    h('p', { class: 'hint' },
      h('a', { href: '#/drafts', text: 'Messages you kept unsent' }), ' · ',
      h('a', { href: '#/readiness', id: 'readiness-link', text: 'Thinking about ending no contact?' })));
}

function stat(label, value, id) {
  return h('div', { class: 'stat' }, h('dt', { text: label }), h('dd', { text: value, id }));
}

function urgeCard(ctx) {
  const intensity = h('input', { type: 'range', min: '1', max: '10', step: '1', value: '5' });
  const out = h('output', { text: '5' });
  intensity.addEventListener('input', () => { out.textContent = intensity.value; });
  const button = h('button', { type: 'button', class: 'primary big', id: 'urge-button', text: 'I felt an urge and didn\'t act on it' });
  const message = h('p', { class: 'kind-words', 'aria-live': 'polite' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const answer = await post('/api/streak/urges', { intensity: Number(intensity.value), occurredAt: new Date(Date.now() - 1000).toISOString(), timeZone: deviceZone() });
      message.textContent = URGE_WORDS[Math.floor(Math.random() * URGE_WORDS.length)];
      const total = answer?.urgesResisted;
      const counterEl = document.getElementById('urges-resisted');
      if (counterEl) counterEl.textContent = String(total ?? (Number(counterEl.textContent) + 1));
    } catch (error) {
      message.textContent = describeError(error);
    } finally {
      button.disabled = false;
    }
  });
  const sliderId = uid('intensity');
  intensity.id = sliderId;
  return h('div', { class: 'card' },
    h('h2', { text: 'An urge passed' }),
    h('p', { text: 'Wanting to reach out is normal. Each time you let the wish pass, tap here — it counts.' }),
    h('div', { class: 'field slider' }, h('label', { for: sliderId, text: 'How strong was it? ' }, out), intensity),
    button, message);
}

function contactCard(ctx, limited) {
  const open = h('button', { type: 'button', class: 'secondary big', id: 'contact-button', text: 'Log a contact' });
  const message = h('div', { class: 'kind-words', 'aria-live': 'polite' });
  open.addEventListener('click', () => contactDialog(ctx, message, limited));
  return h('div', { class: 'card' },
    h('h2', { text: 'Something happened?' }),
    h('p', { text: 'Being honest with yourself is part of this. Log it here, whatever it was — no judgement.' }),
    open, message);
}

function contactDialog(ctx, messageBox, limited) {
  const titleId = uid('dlg');
  const name = uid('kind');
  const choices = CONTACT_KINDS.map((k, i) => {
    const input = h('input', { type: 'radio', name, value: k.kind, id: `${name}-${i}`, checked: i === 0 });
    return h('div', { class: 'choice' },
      input,
      h('label', { for: input.id }, h('strong', { text: k.label }), h('span', { class: 'hint', text: k.help })));
  });
  const when = h('input', { type: 'datetime-local', value: localDateTimeValue(), max: localDateTimeValue() });
  const prefilled = when.value;
  const note = h('textarea', { rows: '2', maxlength: '2000' });
  // Limited contact: any contact may carry a purpose and then never ends the count. Without the
  // mode a purpose belongs only to contact that could not be avoided.
  const purpose = h('select', { id: uid('purpose') },
    h('option', { value: '', text: limited ? 'None — this was not necessary contact' : 'Choose a purpose' }),
    PURPOSES.map((p) => h('option', { value: p.purpose, text: p.label })));
  const purposeField = field('What was it for?', purpose, {
    name: 'purpose',
    hint: limited ? 'With a purpose, this is necessary contact: logged for your record, your count keeps going.' : 'Children, work, legal or housing matters.',
  });
  const syncPurpose = () => {
    const kind = form.querySelector(`input[name="${name}"]:checked`)?.value;
    purposeField.hidden = !limited && kind !== 'NECESSARY_CONTACT';
  };
  const message = formMessage();
  const confirmBox = h('div', { class: 'confirm', hidden: true });
  const next = h('button', { type: 'submit', class: 'primary', text: 'Continue' });
  const cancel = h('button', { type: 'button', class: 'secondary', text: 'Cancel' });

  const details = h('div', { class: 'contact-details' },
    h('fieldset', { class: 'choices', dataset: { field: 'kind' } },
      h('legend', { text: 'What happened?' }), choices, h('p', { class: 'field-error' })),
    purposeField,
    field('When', when, { name: 'occurredAt' }),
    field('A note for yourself (optional)', note, { name: 'note' }));
  const form = h('form', { method: 'dialog', novalidate: true },
    h('h2', { id: titleId, text: 'Log a contact' }),
    details,
    confirmBox,
    message,
    h('div', { class: 'actions' }, cancel, next));
  const dialog = h('dialog', { class: 'dialog wide', 'aria-labelledby': titleId }, form);
  let confirming = false;
  form.addEventListener('change', syncPurpose);
  syncPurpose();

  cancel.addEventListener('click', () => {
    if (confirming) {
      confirming = false;
      confirmBox.hidden = true;
      details.hidden = false;
      next.textContent = 'Continue';
      cancel.textContent = 'Cancel';
    } else dialog.close();
  });
  dialog.addEventListener('close', () => dialog.remove());

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const kind = form.querySelector(`input[name="${name}"]:checked`)?.value;
    const chosenPurpose = purposeField.hidden ? '' : purpose.value;
    if (!confirming) {
      confirming = true;
      details.hidden = true;
      confirmBox.hidden = false;
      const why = chosenPurpose ? ` (${purposeLabel(chosenPurpose).toLowerCase()})` : '';
      confirmBox.replaceChildren(h('p', { text: `You are logging: “${kindLabel(kind)}”${why}${when.value ? `, ${new Date(when.value).toLocaleString()}` : ''}. Is that right?` }));
      next.textContent = 'Yes, log it';
      cancel.textContent = 'Go back';
      next.focus();
      return;
    }
    next.disabled = true;
    try {
      // The field shows minutes only: left at its pre-filled "now", it means now to the second
      // (a streak started seconds ago must not see this contact as "before it started").
      const occurred = when.value && when.value !== prefilled ? new Date(when.value) : new Date();
      const answer = await post('/api/streak/contacts', {
        kind,
        occurredAt: (occurred > new Date() ? new Date() : occurred).toISOString(),
        note: note.value.trim() || undefined,
        purpose: chosenPurpose || undefined,
        timeZone: deviceZone(),
      });
      dialog.close();
      const broke = answer?.brokeStreak ?? answer?.breaksStreak;
      messageBox.replaceChildren(...(broke
        ? [h('p', { text: SLIP_WORDS[0] }), h('p', { text: SLIP_WORDS[1] }),
          h('p', {}, h('a', { href: '#/guides?stage=after-a-slip', text: 'Read: after a slip' }))]
        : [h('p', { text: KEPT_WORDS })]));
      const current = answer?.streak?.currentDays;
      const number = document.querySelector('#day-counter .counter-number');
      if (number && current !== undefined && current !== null) number.textContent = String(current);
      ctx.toast(broke ? 'Logged. Your count starts again — gently.' : 'Logged.');
    } catch (error) {
      showFormErrors(form, error);
      next.disabled = false;
    }
  });
  document.body.append(dialog);
  dialog.showModal();
}

function promptCard() {
  const card = h('div', { class: 'card' }, h('h2', { text: 'Today\'s prompt' }));
  const body = h('div');
  card.append(body);
  section(body, () => get('/api/journal/prompts/today', { tz: Intl.DateTimeFormat().resolvedOptions().timeZone }), (prompt) => {
    if (!prompt?.text) return h('p', { text: 'No prompt today. Write whatever is on your mind.' });
    return [
      h('blockquote', { class: 'prompt', id: 'today-prompt', text: prompt.text }),
      h('a', { class: 'button primary', href: `#/journal/new?prompt=${encodeURIComponent(prompt.promptId || prompt.id || '')}`, text: 'Write about this' }),
    ];
  }, 'Finding a question for today…');
  return card;
}

function readingCard() {
  const card = h('div', { class: 'card' }, h('h2', { text: 'Today\'s reading' }));
  const body = h('div');
  card.append(body);
  section(body, () => get('/api/content/today'), (today) => {
    const article = today?.article;
    if (!article?.slug) return h('p', {}, 'Nothing picked for today. ', h('a', { href: '#/guides', text: 'Browse the guides' }), '.');
    return [
      h('h3', {}, h('a', { href: `#/guides/${encodeURIComponent(article.slug)}`, text: article.title || article.slug })),
      article.summary ? h('p', { text: article.summary }) : null,
      today.reason ? h('p', { class: 'hint', text: today.reason }) : null,
      Array.isArray(today.also) && today.also.length
        ? h('ul', { class: 'plain' }, today.also.filter((a) => a?.article?.slug).map((a) => h('li', {},
          h('a', { href: `#/guides/${encodeURIComponent(a.article.slug)}`, text: a.article.title || a.article.slug }))))
        : null,
      article.stages?.length ? h('p', { class: 'tags' }, article.stages.map((st) => h('span', { class: 'tag', text: stageLabel(st) }))) : null,
    ];
  }, 'Choosing something to read…');
  return card;
}
