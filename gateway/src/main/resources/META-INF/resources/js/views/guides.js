// #/guides (browse by stage, search with q, infinite list), #/guides/{slug} (read), #/help
// (help resources, always one tap away from the header).

import { get } from '../api.js';
import { h, field, section, loading, errorBlock, fmtDate } from '../dom.js';
import { STAGES, stageLabel } from '../words.js';

export async function render(root, ctx, { name, segments, query }) {
  if (name === 'help') return help(root);
  if (segments[0]) return article(root, segments[0]);
  return browse(root, ctx, query);
}

function browse(root, ctx, query) {
  const stage = query.get('stage') || '';
  const q = query.get('q') || '';
  const page = h('section', { class: 'page guides' });
  root.append(page);
  page.append(h('h1', { text: 'Guides' }),
    h('p', { class: 'lede', text: 'Short reads for each part of the road: the first raw days, the slow middle, and growing again.' }));

  const search = h('input', { type: 'search', value: q, placeholder: 'e.g. sleep, loneliness, they texted me', autocomplete: 'off' });
  const form = h('form', { class: 'search card', role: 'search', 'aria-label': 'Find a guide' },
    field('Search the guides', search, { name: 'q' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', text: 'Search' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (search.value.trim()) params.set('q', search.value.trim());
    if (stage) params.set('stage', stage);
    ctx.navigate(`#/guides${params.toString() ? `?${params}` : ''}`);
  });

  const stageNav = h('nav', { class: 'stage-nav', 'aria-label': 'Stages' },
    h('ul', {}, [{ id: '', label: 'All' }, ...STAGES].map((st) => {
      const params = new URLSearchParams();
      if (st.id) params.set('stage', st.id);
      if (q) params.set('q', q);
      return h('li', {}, h('a', {
        href: `#/guides${params.toString() ? `?${params}` : ''}`,
        class: 'pill',
        'aria-current': st.id === stage ? 'page' : false,
        text: st.label,
      }));
    })));

  const list = h('ul', { class: 'articles', id: 'articles', 'aria-live': 'polite' });
  const status = h('div', { class: 'list-status' });
  const more = h('button', { type: 'button', class: 'secondary', text: 'More guides', hidden: true });
  page.append(form, stageNav,
    q ? h('h2', { text: `Results for “${q}”${stage ? ` in ${stageLabel(stage)}` : ''}` }) : h('h2', { text: stage ? stageLabel(stage) : 'All guides' }),
    list, status, more);

  let cursor = null;
  let busy = false;
  let finished = false;
  async function loadPage() {
    if (busy || finished) return;
    busy = true;
    more.hidden = true;
    status.replaceChildren(loading('Finding guides…'));
    try {
      const answer = await get('/api/content/articles', { stage: stage || undefined, q: q || undefined, limit: 20, cursor: cursor || undefined });
      const items = Array.isArray(answer?.items) ? answer.items : [];
      list.append(...items.map(articleItem));
      cursor = answer?.nextCursor || null;
      finished = !cursor;
      status.replaceChildren();
      if (!list.children.length) status.append(h('p', { class: 'empty', text: q ? 'Nothing matched. Try a simpler word.' : 'No guides here yet.' }));
      more.hidden = finished;
    } catch (error) {
      status.replaceChildren(errorBlock(error, () => { busy = false; loadPage(); }));
    } finally {
      busy = false;
    }
  }
  more.addEventListener('click', loadPage);
  const observer = new IntersectionObserver((seen) => {
    if (seen.some((e) => e.isIntersecting)) loadPage();
  }, { rootMargin: '200px' });
  loadPage().then(() => observer.observe(status));
  return () => observer.disconnect();
}

function articleItem(a) {
  return h('li', { class: 'card article-item' },
    h('h3', {}, h('a', { href: `#/guides/${encodeURIComponent(a.slug)}`, text: a.title || a.slug })),
    a.summary ? h('p', { text: a.summary }) : null,
    h('p', { class: 'meta' },
      a.readingMinutes ? h('span', { text: `${a.readingMinutes} min read` }) : null,
      Array.isArray(a.stages) ? a.stages.map((st) => h('span', { class: 'tag', text: stageLabel(st) })) : null));
}

function article(root, slug) {
  const page = h('article', { class: 'page guide' });
  root.append(page);
  page.append(h('p', {}, h('a', { href: '#/guides', text: '← All guides' })));
  const heading = h('h1', { text: 'Guide' });
  const body = h('div');
  page.append(heading, body);
  section(body, () => get(`/api/content/articles/${encodeURIComponent(slug)}`), (a) => {
    heading.textContent = a.title || slug;
    document.title = `${a.title || 'Guide'} · Detach`;
    const prose = h('div', { class: 'prose', id: 'article-body' });
    // The one place HTML from a server is inserted: content-service renders the Markdown and
    // sanitises it (OWASP HTML sanitizer) before it is stored; the CSP forbids scripts anyway.
    prose.innerHTML = typeof a.html === 'string' ? a.html : '';
    return [
      h('p', { class: 'meta' },
        a.readingMinutes ? h('span', { text: `${a.readingMinutes} min read` }) : null,
        a.publishedAt ? h('span', { text: fmtDate(a.publishedAt) }) : null,
        Array.isArray(a.stages) ? a.stages.map((st) => h('a', { class: 'tag', href: `#/guides?stage=${encodeURIComponent(st)}`, text: stageLabel(st) })) : null),
      a.summary ? h('p', { class: 'lede', text: a.summary }) : null,
      prose,
      h('aside', { class: 'card soft' },
        h('p', {}, 'Finding this hard? You do not have to do it alone. ', h('a', { href: '#/help', text: 'See who you can talk to' }), '.')),
    ];
  }, 'Opening the guide…');
}

function guessCountry() {
  const locale = navigator.language || '';
  const match = /-([A-Z]{2})$/i.exec(locale);
  return match ? match[1].toUpperCase() : '';
}

function help(root) {
  const page = h('section', { class: 'page help' });
  root.append(page);
  page.append(h('h1', { text: 'Help now' }),
    h('p', { class: 'lede', text: 'If you feel unsafe, or the pain is too much to carry today, please reach out to someone right now. You deserve support.' }));
  const country = h('input', { type: 'text', value: guessCountry(), maxlength: '2', autocomplete: 'country', class: 'short' });
  const listBox = h('div');
  const form = h('form', { class: 'card search' },
    field('Country code', country, { name: 'country', hint: 'Two letters, such as GB, US or DE. Leave empty for services everywhere.' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary', text: 'Show services' })));
  const load = () => section(listBox, () => get('/api/content/resources', { country: country.value.trim().toUpperCase() || undefined }), (answer) => {
    const items = Array.isArray(answer) ? answer : Array.isArray(answer?.items) ? answer.items : [];
    return [
      answer?.emergency ? h('p', { class: 'notice urgent' }, h('strong', { text: 'In an emergency call ' }), h('a', { href: `tel:${String(answer.emergency).replace(/[^0-9+]/g, '')}`, text: String(answer.emergency) }), '.') : null,
      items.length ? h('ul', { class: 'resources', id: 'resources' }, items.map(resourceItem))
        : h('p', { class: 'empty', text: 'No services listed for this country yet. Your local emergency number and your doctor can always help.' }),
    ];
  }, 'Finding people who can help…');
  form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  page.append(form, listBox);
  load();
}

function resourceItem(r) {
  const url = typeof r.url === 'string' && /^https?:\/\//i.test(r.url) ? r.url : null;
  return h('li', { class: 'card resource' },
    h('h2', { text: r.name || 'Support service' }),
    r.description ? h('p', { text: r.description }) : null,
    h('p', { class: 'meta' },
      r.phone ? h('a', { href: `tel:${String(r.phone).replace(/[^0-9+]/g, '')}`, text: `Call ${r.phone}` }) : null,
      r.text ? h('span', { text: `Text: ${r.text}` }) : null,
      url ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank', text: 'Website' }) : null,
      r.hours ? h('span', { text: r.hours }) : null,
      r.country ? h('span', { class: 'tag', text: r.country }) : null));
}
