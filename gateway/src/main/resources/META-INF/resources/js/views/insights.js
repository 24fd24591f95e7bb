// #/insights — mood and urge over 30 or 90 days (GET /api/journal/insights?days=), the streak
// calendar heatmap (GET /api/streak/calendar?from&to), longest streak, urges resisted.

import { get, ApiError } from '../api.js';
import { h, section, isoDay, plural, uid } from '../dom.js';
import { lineChart, heatmap } from '../charts.js';

export async function render(root, ctx, { query }) {
  const days = query.get('days') === '90' ? 90 : 30;
  const page = h('section', { class: 'page insights' });
  root.append(page);
  page.append(h('h1', { text: 'Insights' }),
    h('p', { class: 'lede', text: 'Patterns, not grades. Healing is rarely a straight line.' }));

  const stats = h('div', { class: 'card' });
  page.append(stats);
  // no streak yet (404) is not an error: point to the onboarding instead
  const streakOrNone = () => get('/api/streak').catch((error) => {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  });
  section(stats, streakOrNone, (streak) => (!streak ? h('p', {}, 'Your count has not started yet. ', h('a', { href: '#/today', text: 'Start it on the Today page' }), '.') : h('dl', { class: 'stats' },
    h('div', { class: 'stat' }, h('dt', { text: 'Current count' }), h('dd', { text: plural(streak.currentDays ?? 0, 'day', 'days') })),
    h('div', { class: 'stat' }, h('dt', { text: 'Longest streak' }), h('dd', { id: 'longest-streak', text: plural(streak.longestDays ?? 0, 'day', 'days') })),
    h('div', { class: 'stat' }, h('dt', { text: 'Urges resisted' }), h('dd', { id: 'insight-urges', text: String(streak.urgesResisted ?? 0) })),
    h('div', { class: 'stat' }, h('dt', { text: 'No-contact days in all' }), h('dd', { text: String(streak.totalNoContactDays ?? 0) })))), 'Reading your streak…');

  // range switch (radio group, keyboard friendly)
  const name = uid('range');
  const range = h('fieldset', { class: 'segmented' }, h('legend', { text: 'Period' }),
    [30, 90].map((n) => {
      const input = h('input', { type: 'radio', name, id: `${name}-${n}`, value: String(n), checked: n === days });
      input.addEventListener('change', () => ctx.navigate(`#/insights?days=${n}`));
      return h('span', {}, input, h('label', { for: input.id, text: `${n} days` }));
    }));

  const chartCard = h('div', { class: 'card' }, h('h2', { text: 'Mood and urge' }), range);
  const chartBody = h('div', { class: 'chart-body' });
  chartCard.append(chartBody);
  page.append(chartCard);
  section(chartBody, () => get('/api/journal/insights', { days, tz: Intl.DateTimeFormat().resolvedOptions().timeZone }), (insights) => {
    const series = Array.isArray(insights?.series) ? insights.series : [];
    const withEntries = series.filter((d) => d && (d.entries > 0 || d.mood !== null && d.mood !== undefined));
    if (!withEntries.length) {
      return h('p', { class: 'empty', text: 'Write a few journal entries and your mood and urge will show up here.' });
    }
    const avg = insights.averages || {};
    const trend = insights.trend || {};
    const summary = [
      avg.mood !== null && avg.mood !== undefined ? `Average mood ${Number(avg.mood).toFixed(1)} of 10` : null,
      avg.urge !== null && avg.urge !== undefined ? `average urge ${Number(avg.urge).toFixed(1)} of 10` : null,
      trend.mood?.direction ? `mood ${trend.mood.direction}` : null,
      trend.urge?.direction ? `urge ${trend.urge.direction}` : null,
    ].filter(Boolean).join(', ');
    const chart = lineChart({
      labels: series.map((d) => d.date),
      series: [
        { name: 'Mood', cls: 'mood', values: series.map((d) => d.mood ?? null) },
        { name: 'Urge', cls: 'urge', values: series.map((d) => d.urge ?? null) },
      ],
      min: 0,
      max: 10,
      title: `Mood and urge to contact, last ${days} days`,
      desc: summary || `${withEntries.length} days with entries`,
    });
    return [
      h('div', { class: 'chart-wrap', id: 'mood-chart' }, chart),
      h('ul', { class: 'legend' },
        h('li', { class: 'mood' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), 'Mood (1–10)'),
        h('li', { class: 'urge' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), 'Urge to contact (0–10)')),
      summary ? h('p', { class: 'hint', text: `${summary}.` }) : null,
      Array.isArray(insights.topEmotions) && insights.topEmotions.length
        ? h('p', { class: 'tags' }, 'Most felt: ', insights.topEmotions.map((e) => h('span', { class: 'tag', text: `${e.emotion} · ${e.count}` })))
        : null,
    ];
  }, 'Drawing your chart…');

  const heatCard = h('div', { class: 'card' }, h('h2', { text: 'Your no-contact calendar' }));
  const heatBody = h('div', { class: 'chart-body' });
  heatCard.append(heatBody);
  page.append(heatCard);
  const to = new Date();
  const from = new Date(to.getTime() - 118 * 86400000);
  section(heatBody, () => get('/api/streak/calendar', { from: isoDay(from), to: isoDay(to) }), (calendar) => {
    const list = Array.isArray(calendar?.days) ? calendar.days : [];
    const kept = list.filter((d) => d.status === 'KEPT').length;
    const broken = list.filter((d) => d.status === 'BROKEN').length;
    const urges = list.reduce((sum, d) => sum + Number(d.urges || 0), 0);
    const desc = `${plural(kept, 'day', 'days')} kept, ${plural(broken, 'day', 'days')} with a slip, ${plural(urges, 'urge', 'urges')} resisted.`;
    const picture = heatmap({ days: list, title: 'No-contact days over the last four months', desc });
    if (!picture) return h('p', { class: 'empty', text: 'Your calendar fills in as the days go by.' });
    return [
      h('div', { class: 'chart-wrap heat-wrap', id: 'heatmap' }, picture),
      h('ul', { class: 'legend' },
        h('li', { class: 'kept' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), 'No contact'),
        h('li', { class: 'broken' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), 'A slip'),
        h('li', { class: 'urgey' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), 'Urges resisted (darker edge)'),
        h('li', { class: 'before' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), 'Before you started')),
      h('p', { class: 'hint', text: desc }),
    ];
  }, 'Filling in your calendar…');
  return undefined;
}
