// Inline SVG pictures: a line chart (mood and urge per day) and a calendar heatmap of the streak.
// No styles are set from code: colours come from classes in app.css and SVG attributes. Each
// picture has a <title>/<desc> and a text summary next to it for screen readers.

import { s, uid } from './dom.js';

/**
 * lineChart({ series: [{ name, cls, values: [number|null] }], labels: [yyyy-mm-dd], min, max, title, desc })
 * Gaps (null) break a line; single points show as dots.
 */
export function lineChart({ series, labels, min = 0, max = 10, title, desc }) {
  const width = 640;
  const height = 260;
  const pad = { top: 16, right: 16, bottom: 32, left: 36 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const n = Math.max(labels.length, 1);
  const x = (i) => pad.left + (n === 1 ? innerW / 2 : (i * innerW) / (n - 1));
  const y = (v) => pad.top + innerH - ((v - min) / (max - min)) * innerH;
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');

  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, class: 'chart line-chart', role: 'img',
    'aria-labelledby': `${titleId} ${descId}`, preserveAspectRatio: 'xMidYMid meet',
  }, s('title', { id: titleId, text: title }), s('desc', { id: descId, text: desc || '' }));

  // grid and y axis
  const grid = s('g', { class: 'grid' });
  for (let v = min; v <= max; v += 2) {
    grid.append(s('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }),
      s('text', { x: pad.left - 8, y: y(v) + 4, 'text-anchor': 'end', class: 'axis-label', text: String(v) }));
  }
  svg.append(grid);

  // x labels: about six dates
  const step = Math.max(1, Math.ceil(n / 6));
  const xAxis = s('g', { class: 'x-axis' });
  labels.forEach((label, i) => {
    if (i % step !== 0 && i !== n - 1) return;
    const d = new Date(`${label}T12:00`);
    const text = Number.isNaN(d.getTime()) ? label : `${d.getDate()}/${d.getMonth() + 1}`;
    xAxis.append(s('text', { x: x(i), y: height - 10, 'text-anchor': 'middle', class: 'axis-label', text }));
  });
  svg.append(xAxis);

  for (const line of series) {
    const group = s('g', { class: `series ${line.cls}` });
    let run = [];
    const flush = () => {
      if (run.length === 1) group.append(s('circle', { cx: run[0][0], cy: run[0][1], r: 3.5 }));
      else if (run.length > 1) group.append(s('polyline', { points: run.map((p) => p.join(',')).join(' '), fill: 'none' }));
      run = [];
    };
    const dots = s('g', { class: 'dots' });
    line.values.forEach((v, i) => {
      if (v === null || v === undefined || Number.isNaN(Number(v))) flush();
      else {
        run.push([x(i).toFixed(1), y(Number(v)).toFixed(1)]);
        const dot = s('circle', { cx: x(i).toFixed(1), cy: y(Number(v)).toFixed(1), r: 3 });
        dot.append(s('title', { text: `${labels[i]}: ${line.name} ${Number(v).toFixed(1)}` }));
        dots.append(dot);
      }
    });
    flush();
    group.append(dots);
    svg.append(group);
  }
  return svg;
}

/**
 * heatmap({ days: [{date, status, contacts, urges}], title, desc }) — one column per week
 * (Monday first), one square per day; class by status (KEPT, BROKEN, BEFORE_START, FUTURE) and urges.
 */
export function heatmap({ days, title, desc }) {
  const cell = 14;
  const gap = 3;
  const left = 28;
  const top = 18;
  const sorted = [...days].sort((a, b) => String(a.date).localeCompare(String(b.date)));
  if (!sorted.length) return null;
  const first = new Date(`${sorted[0].date}T12:00`);
  const offset = (first.getDay() + 6) % 7; // Monday = 0
  const weeks = Math.ceil((sorted.length + offset) / 7);
  const width = left + weeks * (cell + gap) + 4;
  const height = top + 7 * (cell + gap) + 4;
  const titleId = uid('heat-title');
  const descId = uid('heat-desc');
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, class: 'chart heatmap', role: 'img',
    'aria-labelledby': `${titleId} ${descId}`, preserveAspectRatio: 'xMinYMin meet',
  }, s('title', { id: titleId, text: title }), s('desc', { id: descId, text: desc || '' }));

  ['Mon', 'Wed', 'Fri'].forEach((name, i) => {
    svg.append(s('text', { x: 0, y: top + (i * 2) * (cell + gap) + cell - 3, class: 'axis-label', text: name }));
  });
  let lastMonth = -1;
  sorted.forEach((day, i) => {
    const index = i + offset;
    const col = Math.floor(index / 7);
    const row = index % 7;
    const date = new Date(`${day.date}T12:00`);
    if (date.getMonth() !== lastMonth && row === 0) {
      lastMonth = date.getMonth();
      svg.append(s('text', { x: left + col * (cell + gap), y: 11, class: 'axis-label', text: date.toLocaleString(undefined, { month: 'short' }) }));
    }
    const status = String(day.status || 'UNKNOWN').toLowerCase().replace(/_/g, '-');
    const urges = Number(day.urges || 0);
    const contacts = Number(day.contacts || 0);
    const urgeLevel = urges === 0 ? 0 : urges < 3 ? 1 : 2;
    const rect = s('rect', {
      x: left + col * (cell + gap), y: top + row * (cell + gap), width: cell, height: cell, rx: 3,
      class: `day ${status} urges-${urgeLevel}`, 'data-date': day.date,
    });
    const words = { kept: 'no contact kept', broken: 'contact, count restarted', 'before-start': 'before you started', future: 'still ahead' }[status] || status;
    rect.append(s('title', { text: `${date.toLocaleDateString()}: ${words}${urges ? `, ${urges} urge${urges === 1 ? '' : 's'} resisted` : ''}${contacts ? `, ${contacts} contact${contacts === 1 ? '' : 's'} logged` : ''}` }));
    svg.append(rect);
  });
  return svg;
}
