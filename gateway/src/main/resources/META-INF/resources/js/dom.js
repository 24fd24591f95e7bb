// Small DOM helpers. Text is always set with textContent: nothing the user or a server wrote is
// ever parsed as HTML here (the one exception is an article's server-sanitised html, see guides).

import { ApiError, describeError } from './api.js';

/**
 * h('p', {class: 'x', text: 'hello', on: {click: fn}, 'aria-live': 'polite'}, child, ...)
 * Children may be nodes, strings (text nodes), arrays, or null/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') el.textContent = String(value);
    else if (key === 'on') for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
    else if (key === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'disabled' || key === 'open') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

let idSeq = 0;
export const uid = (prefix = 'f') => `${prefix}-${++idSeq}`;

/** A labelled form field with a slot for its error message (aria-describedby). */
export function field(label, control, { hint, name } = {}) {
  const id = control.id || uid(name || 'field');
  control.id = id;
  if (name) control.name = name;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return h('div', { class: 'field', dataset: { field: name || '' } },
    h('label', { for: id, text: label }),
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null,
    control,
    h('p', { class: 'field-error', id: errorId, 'aria-live': 'polite' }));
}

/** Shows a problem's per-field messages next to the fields; the rest in the form's message box. */
export function showFormErrors(form, error) {
  clearFormErrors(form);
  const box = form.querySelector('.form-message');
  const leftovers = [];
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  for (const { field: name, message } of fieldErrors) {
    const root = String(name || '').split(/[.[]/)[0];
    const wrapper = form.querySelector(`.field[data-field="${CSS.escape(name || '')}"]`)
      || form.querySelector(`.field[data-field="${CSS.escape(root)}"]`);
    if (wrapper) {
      const slot = wrapper.querySelector('.field-error');
      slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
      wrapper.querySelector('input, textarea, select')?.setAttribute('aria-invalid', 'true');
    } else {
      leftovers.push(name ? `${name}: ${message}` : message);
    }
  }
  if (box) {
    box.classList.add('error');
    const lines = [describeError(error), ...leftovers];
    box.replaceChildren(...lines.map((line) => h('span', { class: 'line', text: line })));
  }
  const firstInvalid = form.querySelector('[aria-invalid="true"]');
  if (firstInvalid) firstInvalid.focus();
  else box?.focus();
}

export function clearFormErrors(form) {
  form.querySelectorAll('.field-error').forEach((el) => { el.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  const box = form.querySelector('.form-message');
  if (box) {
    box.classList.remove('error', 'ok');
    box.replaceChildren();
  }
}

export function formMessage() {
  return h('div', { class: 'form-message', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

/** A calm error block with an optional retry button. */
export function errorBlock(error, retry) {
  const unavailable = error instanceof ApiError && error.unavailable;
  return h('div', { class: ['notice', unavailable ? 'unavailable' : 'problem'], role: 'alert' },
    h('p', { text: describeError(error) }),
    retry ? h('button', { type: 'button', class: 'secondary', text: 'Try again', on: { click: retry } }) : null);
}

/**
 * Fills `container` with a loading state, runs `load`, then `render(data)`; on failure an error
 * block with "Try again". Returns the data (or undefined on failure).
 */
export async function section(container, load, render, loadingText) {
  container.replaceChildren(loading(loadingText));
  container.setAttribute('aria-busy', 'true');
  try {
    const data = await load();
    container.replaceChildren();
    const out = render(data);
    if (out) container.append(...[out].flat(Infinity).filter((x) => x !== null && x !== undefined && x !== false));
    return data;
  } catch (error) {
    if (error?.name === 'AbortError') return undefined;
    container.replaceChildren(errorBlock(error, () => section(container, load, render, loadingText)));
    return undefined;
  } finally {
    container.removeAttribute('aria-busy');
  }
}

/** Confirmation with a native modal dialog (focus is trapped and restored by the browser). */
export function confirmDialog({ title, text, confirm = 'Yes', cancel = 'Cancel', danger = false }) {
  return new Promise((resolve) => {
    const titleId = uid('dlg');
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
      h('h2', { id: titleId, text: title }),
      text ? h('p', { text }) : null,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', value: 'cancel', text: cancel, on: { click: () => dialog.close('cancel') } }),
        h('button', { type: 'button', class: danger ? 'danger' : 'primary', value: 'ok', text: confirm, on: { click: () => dialog.close('ok') } })));
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok');
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const weekdayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

export function fmtDate(value) {
  if (!value) return '';
  const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : dateFmt.format(d);
}

export function fmtDateTime(value) {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : dateTimeFmt.format(d);
}

export function fmtLongDay(date = new Date()) {
  return weekdayFmt.format(date);
}

/** yyyy-mm-dd of a Date in the browser's local calendar. */
export function isoDay(date = new Date()) {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Value for <input type="datetime-local"> from a Date (local time, minutes). */
export function localDateTimeValue(date = new Date()) {
  return `${isoDay(date)}T${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

export function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** Only same-site paths are followed from server-provided links. */
export function safeLocalLink(link) {
  if (typeof link !== 'string') return null;
  if (link.startsWith('#/')) return link;
  if (link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\')) return link;
  return null;
}
