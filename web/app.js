/* crosscheck web page: the story list, a story (brief, facts, quotes, entities, timeline,
 * outlets), an article with its annotations, and an entity. Plain DOM, no framework, no build.
 *
 * Security: everything that comes from the API is untrusted (titles, article text, outlet names).
 * It only ever reaches the page through textContent / createTextNode (via el() below), never
 * through innerHTML; links taken from data are kept only when they are http(s). The server's CSP
 * forbids inline scripts and style attributes, so positions are set through the CSSOM
 * (element.style.setProperty), which CSP allows, and never with a style="" attribute. */
'use strict';

(function () {

  // ---------------------------------------------------------------- DOM helpers

  /* el('a', {href: '#/', class: 'x', onclick: fn}, 'text', child, [more]) → element.
   * Strings become text nodes (never parsed as HTML); null/false children are skipped. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key.startsWith('on') && typeof value === 'function') {
        node.addEventListener(key.slice(2), value);
      } else if (key === 'href') {
        const safe = safeHref(value);
        if (safe) node.setAttribute('href', safe);
      } else if (key === 'style') {
        throw new Error('el(): style attributes are blocked by the CSP');
      } else {
        node.setAttribute(key, value === true ? '' : String(value));
      }
    }
    append(node, children);
    return node;
  }

  /* append(node, child, [children], ...): nodes, strings (as text) and nested arrays. */
  function append(node, ...children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) append(node, ...child);
      else if (child instanceof Node) node.appendChild(child);
      else node.appendChild(document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /* Internal routes ("#/...") and http(s) URLs only: a "javascript:" URL from the data is dropped. */
  function safeHref(value) {
    const s = String(value);
    if (s.startsWith('#/') || s === '#') return s;
    return /^https?:\/\//i.test(s) ? s : null;
  }

  /* A link to an article's original page, if its URL is a web address; else nothing. */
  function externalLink(url, label) {
    if (!url || !/^https?:\/\//i.test(url)) return null;
    return el('a', {href: url, class: 'external', rel: 'noopener noreferrer', target: '_blank'},
      label, el('span', {class: 'sr-only'}, ' (opens in a new tab)'),
      el('span', {'aria-hidden': 'true'}, ' ↗'));
  }

  const srOnly = (text) => el('span', {class: 'sr-only'}, text);
  const icon = (glyph) => el('span', {class: 'icon', 'aria-hidden': 'true'}, glyph);

  let uid = 0;
  const nextId = (prefix) => prefix + '-' + (++uid);

  // ---------------------------------------------------------------- formatting

  const plural = (n, one, many) => `${n} ${n === 1 ? one : (many || one + 's')}`;
  const arr = (x) => (Array.isArray(x) ? x : []);

  const dayFmt = new Intl.DateTimeFormat('en-GB',
    {timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric'});
  const weekdayFmt = new Intl.DateTimeFormat('en-GB',
    {timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric'});
  const monthFmt = new Intl.DateTimeFormat('en-GB', {timeZone: 'UTC', month: 'short', year: 'numeric'});

  /* "2026-02-19T05:50:00Z" → "19 Feb 2026, 05:50 UTC"; "2026-02-20" → "20 Feb 2026".
   * Shown in UTC so a date-only value never slides to the previous day. */
  function fmtDate(iso) {
    if (!iso) return 'undated';
    const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?/.exec(iso);
    if (!m) return iso;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (isNaN(d)) return iso;
    return dayFmt.format(d) + (m[4] ? `, ${m[4]}:${m[5]} UTC` : '');
  }

  function timeEl(iso, cls) {
    return el('time', {datetime: iso || null, class: cls || null}, fmtDate(iso));
  }

  function dateRange(first, last) {
    if (!first && !last) return el('span', {class: 'muted'}, 'undated');
    const a = (first || last).slice(0, 10);
    const b = (last || first).slice(0, 10);
    if (a === b) return timeEl(first || last);
    return el('span', null, timeEl(first), ' – ', timeEl(last));
  }

  const PART_OF_DAY = {MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime'};
  const SEASON = {SP: 'spring', SU: 'summer', FA: 'autumn', AU: 'autumn', WI: 'winter'};

  /* A timeline date at its precision (TimeML-like values: 2026-W11, 2026-Q1, 2026-SP, 192, ...). */
  function fmtTimelineDate(date, precision) {
    if (!date) return 'undated';
    let m;
    if ((m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d:\d\d|[A-Z]{2}))?$/.exec(date))) {
      const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      if (isNaN(d)) return date;
      const part = m[4] ? (PART_OF_DAY[m[4]] || m[4]) : '';
      return weekdayFmt.format(d) + (part ? ', ' + part : '');
    }
    if ((m = /^(\d{4})-(\d\d)$/.exec(date))) {
      return monthFmt.format(new Date(Date.UTC(+m[1], +m[2] - 1, 1)));
    }
    if ((m = /^(\d{4})-W(\d\d)(-WE)?$/.exec(date))) {
      return `${m[3] ? 'weekend of ' : ''}week ${+m[2]}, ${m[1]}`;
    }
    if ((m = /^(\d{4})-Q(\d)$/.exec(date))) return `Q${m[2]} ${m[1]}`;
    if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(date))) return `${SEASON[m[2]]} ${m[1]}`;
    if ((m = /^(\d{3})$/.exec(date)) && precision === 'decade') return `${m[1]}0s`;
    return date;
  }

  /* The value of <time datetime>, only for the forms HTML accepts. */
  function machineDate(date) {
    if (/^\d{4}(-\d\d(-\d\d(T\d\d:\d\d)?)?)?$/.test(date) || /^\d{4}-W\d\d$/.test(date)) return date;
    return null;
  }

  function fmtNumber(x) {
    if (typeof x !== 'number' || !isFinite(x)) return String(x);
    return x.toLocaleString('en-US', {maximumFractionDigits: 2});
  }

  const UNIT_LABEL = {'%': '%', deg: '°', kmh: ' km/h', pp: ' pp', bp: ' bp'};

  /* A fact value's interval: "27", "≥ 9", "> 600", "≤ 45 kn", "16.2–19.8%". */
  function fmtInterval(v, kind) {
    const lo = v.low, hi = v.high;
    let s;
    if (lo !== null && lo !== undefined && hi !== null && hi !== undefined && lo === hi) s = fmtNumber(lo);
    else if (lo !== null && lo !== undefined && (hi === null || hi === undefined)) s = (v.low_open ? '> ' : '≥ ') + fmtNumber(lo);
    else if ((lo === null || lo === undefined || lo === 0) && hi !== null && hi !== undefined) s = (v.high_open ? '< ' : '≤ ') + fmtNumber(hi);
    else s = fmtNumber(lo) + '–' + fmtNumber(hi);
    const unit = v.unit || '';
    if (!unit) return s;
    if (kind === 'money') return unit + ' ' + s;
    return s + (UNIT_LABEL[unit] || ' ' + unit);
  }

  /* "The Brightwater Herald" → "BH": short labels for the citation chips. */
  function initials(outlet) {
    const words = String(outlet || '?').split(/\s+/).filter((w) => !/^(the|a|an|of|and|&)$/i.test(w));
    const letters = words.map((w) => (w.match(/[\p{L}\p{N}]/u) || [''])[0]).join('').toUpperCase();
    return (letters || '?').slice(0, 3);
  }

  function round(x) {
    return typeof x === 'number' && !Number.isInteger(x) ? Number(x.toFixed(3)) : x;
  }

  // ---------------------------------------------------------------- API

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  /* GET a JSON path; a non-2xx answer throws ApiError with the server's {"error": {...}} message. */
  async function api(path, params) {
    let url = path;
    if (params) {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) {
        if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
      }
      const s = q.toString();
      if (s) url += '?' + s;
    }
    let response;
    try {
      response = await fetch(url, {headers: {Accept: 'application/json'}});
    } catch (e) {
      throw new ApiError(0, 'The server could not be reached (' + e.message + ').');
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const msg = body && body.error && body.error.message ? body.error.message : response.statusText || 'request failed';
      throw new ApiError(response.status, msg);
    }
    if (body === null) throw new ApiError(response.status, 'The server answered something that is not JSON.');
    return body;
  }

  /* Articles are fetched once per page load (citations and the article page share them). */
  const articleCache = new Map();
  function getArticle(id) {
    if (!articleCache.has(id)) {
      const p = api('/api/articles/' + encodeURIComponent(id));
      p.catch(() => articleCache.delete(id)); // a failure is retried next time
      articleCache.set(id, p);
    }
    return articleCache.get(id);
  }

  // ---------------------------------------------------------------- status and errors

  const $status = () => document.getElementById('status');
  const $error = () => document.getElementById('error');
  const $view = () => document.getElementById('view');

  function setStatus(message) {
    $status().textContent = message || '';
    $view().setAttribute('aria-busy', message ? 'true' : 'false');
  }

  function showError(err, what) {
    const box = $error();
    clear(box);
    const status = err && err.status ? ` (HTTP ${err.status})` : '';
    append(box, [icon('⚠'), ' ', el('strong', null, (what || 'Something went wrong') + status + ': '),
      err && err.message ? err.message : String(err)]);
    box.hidden = false;
  }

  function clearError() {
    const box = $error();
    clear(box);
    box.hidden = true;
  }

  // ---------------------------------------------------------------- routing

  /* Routes: #/?sort=&q=&outlet=&from=&to=&min_size=   #/story/ID[/section]   #/article/ID
   * #/entity/ID. Anything else shows the list. */
  function parseHash() {
    const hash = location.hash || '#/';
    if (!hash.startsWith('#/')) return {name: 'list', params: new URLSearchParams()};
    const [pathPart, queryPart] = hash.slice(1).split('?');
    const parts = pathPart.split('/').filter(Boolean).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch (e) {
        return p;
      }
    });
    const params = new URLSearchParams(queryPart || '');
    if (parts[0] === 'story' && parts[1]) return {name: 'story', id: parts[1], section: parts[2] || null};
    if (parts[0] === 'article' && parts[1]) return {name: 'article', id: parts.slice(1).join('/')};
    if (parts[0] === 'entity' && parts[1]) return {name: 'entity', id: parts[1]};
    return {name: 'list', params};
  }

  const storyHref = (id, section) => `#/story/${encodeURIComponent(id)}` + (section ? '/' + section : '');
  const articleHref = (id) => '#/article/' + encodeURIComponent(id);
  const entityHref = (id) => '#/entity/' + encodeURIComponent(id);

  let current = {name: null, key: null}; // the page on screen
  let routeSeq = 0;                      // a late answer for a page we left is dropped

  async function route() {
    const r = parseHash();
    const key = r.name + ':' + (r.id || '');
    const samePage = current.key === key;
    closeCitation(false);
    if (r.name === 'story' && samePage) { // only the section changed: scroll, no reload
      scrollToSection(r.section);
      return;
    }
    const seq = ++routeSeq;
    const stale = () => seq !== routeSeq;
    clearError();
    if (r.name === 'list') {
      if (current.name !== 'list') {
        renderListShell();
        window.scrollTo(0, 0);
        if (!firstRender) list.nodes.h1.focus({preventScroll: true});
      }
      current = {name: 'list', key};
      await listFromParams(r.params, stale);
      return;
    }
    current = {name: r.name, key};
    window.scrollTo(0, 0);
    if (r.name === 'story') await showStory(r.id, r.section, stale);
    else if (r.name === 'article') await showArticle(r.id, stale);
    else if (r.name === 'entity') await showEntity(r.id, stale);
  }

  /* After a page renders, move focus to its heading so screen readers announce it (not on first load). */
  let firstRender = true;
  function pageReady(title) {
    document.title = title + ' — crosscheck';
    if (!firstRender) {
      const h1 = $view().querySelector('h1');
      if (h1) h1.focus({preventScroll: true});
    }
    firstRender = false;
  }

  function notFoundView(err, what) {
    showError(err, what);
    return el('div', {class: 'empty'},
      el('h1', {tabindex: '-1'}, what),
      el('p', null, el('a', {href: '#/'}, '← Back to the stories')));
  }

  // ---------------------------------------------------------------- the story list

  const list = {
    params: {sort: 'recent'},
    offset: 0,
    limit: 20,
    total: 0,
    outletsSeen: new Set(),
    nodes: null,
  };

  const SORTS = [
    ['recent', 'Newest'],
    ['size', 'Biggest'],
    ['outlets', 'Most outlets'],
  ];

  function listHash(params) {
    const q = new URLSearchParams();
    for (const k of ['sort', 'q', 'outlet', 'from', 'to', 'min_size']) {
      if (params[k] && !(k === 'sort' && params[k] === 'recent')) q.set(k, params[k]);
    }
    const s = q.toString();
    return '#/' + (s ? '?' + s : '');
  }

  /* The list page's fixed part (title, sort tabs, search, filters), built once and kept while the
   * user changes filters so the search box keeps its focus. */
  function renderListShell() {
    const view = clear($view());
    const n = {};
    n.h1 = el('h1', {tabindex: '-1'}, 'Stories');
    n.sortLinks = SORTS.map(([value, label]) =>
      el('a', {href: listHash({...list.params, sort: value}), 'data-sort': value, class: 'tab'}, label));
    n.sortNav = el('nav', {class: 'tabs', 'aria-label': 'Order of the stories'},
      el('ul', null, n.sortLinks.map((a) => el('li', null, a))));

    n.q = el('input', {type: 'search', id: 'q', name: 'q', 'data-testid': 'search-box',
      placeholder: 'Search all articles, e.g. ferry or "death toll"', autocomplete: 'off', enterkeyhint: 'search'});
    n.outlet = el('input', {type: 'text', id: 'f-outlet', name: 'outlet', list: 'outlet-names', autocomplete: 'off'});
    n.outletList = el('datalist', {id: 'outlet-names'});
    n.from = el('input', {type: 'date', id: 'f-from', name: 'from'});
    n.to = el('input', {type: 'date', id: 'f-to', name: 'to'});
    n.multi = el('input', {type: 'checkbox', id: 'f-multi', name: 'min_size', value: '2'});

    n.form = el('form', {class: 'search-form', role: 'search', onsubmit: onListSubmit},
      el('div', {class: 'search-row'},
        el('label', {for: 'q', class: 'sr-only'}, 'Search stories'),
        n.q,
        el('button', {type: 'submit', class: 'btn primary'}, 'Search')),
      el('fieldset', {class: 'filters'},
        el('legend', {class: 'sr-only'}, 'Filters'),
        el('div', {class: 'field'}, el('label', {for: 'f-outlet'}, 'Outlet'), n.outlet, n.outletList),
        el('div', {class: 'field'}, el('label', {for: 'f-from'}, 'From'), n.from),
        el('div', {class: 'field'}, el('label', {for: 'f-to'}, 'To'), n.to),
        el('div', {class: 'field check'}, n.multi, el('label', {for: 'f-multi'}, 'Only stories with 2+ articles')),
        el('div', {class: 'field buttons'},
          el('button', {type: 'submit', class: 'btn'}, 'Apply'),
          el('button', {type: 'button', class: 'btn link', onclick: onListReset}, 'Clear'))));

    n.summary = el('p', {class: 'list-summary', 'aria-live': 'polite'});
    n.list = el('ol', {class: 'story-list', 'data-testid': 'story-list'});
    n.more = el('button', {type: 'button', class: 'btn more', hidden: true, onclick: () => loadStories(false)},
      'Show more stories');
    n.hits = el('section', {class: 'search-hits', 'aria-labelledby': 'hits-h', hidden: true});

    append(view, [
      el('div', {class: 'list-head'}, n.h1, n.sortNav),
      n.form,
      el('div', {class: 'list-layout'},
        el('section', {class: 'stories', 'aria-label': 'Stories'}, n.summary, n.list, n.more),
        n.hits),
    ]);
    list.nodes = n;
  }

  function onListSubmit(event) {
    event.preventDefault(); // the hash carries the filters, so they can be bookmarked
    const n = list.nodes;
    const params = {
      sort: list.params.sort,
      q: n.q.value.trim(),
      outlet: n.outlet.value.trim(),
      from: n.from.value,
      to: n.to.value,
      min_size: n.multi.checked ? '2' : '',
    };
    const hash = listHash(params);
    if (location.hash === hash || (hash === '#/' && !location.hash)) route();
    else location.hash = hash;
  }

  function onListReset() {
    location.hash = listHash({sort: list.params.sort});
  }

  async function listFromParams(sp, stale) {
    const params = {sort: sp.get('sort') || 'recent'};
    for (const k of ['q', 'outlet', 'from', 'to', 'min_size']) params[k] = sp.get(k) || '';
    if (!SORTS.some(([v]) => v === params.sort)) params.sort = 'recent';
    list.params = params;
    const n = list.nodes;
    // reflect the state in the controls (the hash may come from a bookmark or Back)
    if (document.activeElement !== n.q) n.q.value = params.q;
    n.outlet.value = params.outlet;
    n.from.value = params.from;
    n.to.value = params.to;
    n.multi.checked = params.min_size !== '';
    for (const a of n.sortLinks) {
      const on = a.getAttribute('data-sort') === params.sort;
      a.setAttribute('href', listHash({...params, sort: a.getAttribute('data-sort')}));
      if (on) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    const label = SORTS.find(([v]) => v === params.sort)[1];
    document.title = (params.q ? `“${params.q}” — ` : '') + label + ' stories — crosscheck';
    await Promise.all([loadStories(true, stale), loadSearchHits(params.q, stale)]);
    if (!stale()) firstRender = false;
  }

  async function loadStories(reset, stale) {
    if (!stale) {
      const seq = routeSeq; // "more": dropped if the user moves on meanwhile
      stale = () => seq !== routeSeq;
    }
    const n = list.nodes;
    if (reset) list.offset = 0;
    const p = list.params;
    setStatus('Loading stories…');
    n.more.disabled = true;
    try {
      const data = await api('/api/stories', {
        sort: p.sort, q: p.q, outlet: p.outlet, from: p.from, to: p.to, min_size: p.min_size,
        limit: list.limit, offset: list.offset,
      });
      if (stale()) return;
      if (reset) clear(n.list);
      const stories = arr(data.stories);
      const firstNew = n.list.children.length;
      for (const s of stories) {
        n.list.appendChild(storyRow(s));
        arr(s.outlets).forEach((o) => list.outletsSeen.add(o));
      }
      list.offset += stories.length;
      list.total = typeof data.total === 'number' ? data.total : list.offset;
      updateOutletOptions();
      const filtered = p.q || p.outlet || p.from || p.to || p.min_size;
      n.summary.textContent = list.total === 0
        ? (filtered ? 'No story matches these filters.' : 'No stories yet.')
        : `Showing ${n.list.children.length} of ${plural(list.total, 'story', 'stories')}` +
          (p.q ? ` with articles matching “${p.q}”` : '') + '.';
      n.more.hidden = list.offset >= list.total || stories.length === 0;
      // after "more", put focus on the first new story so keyboard users continue from there
      if (!reset && stories.length) {
        const link = n.list.children[firstNew].querySelector('a');
        if (link) link.focus();
      }
    } catch (err) {
      if (stale()) return;
      if (reset) clear(n.list);
      n.summary.textContent = 'The stories could not be loaded.';
      showError(err, 'Could not load the stories');
    } finally {
      if (!stale()) {
        setStatus('');
        n.more.disabled = false;
      }
    }
  }

  function updateOutletOptions() {
    const dl = list.nodes.outletList;
    clear(dl);
    [...list.outletsSeen].sort((a, b) => a.localeCompare(b)).forEach((o) => dl.appendChild(el('option', {value: o})));
  }

  /* One row: title, dates, counts, outlets, conflict/update markers, a coverage meter. */
  function storyRow(s) {
    const outlets = arr(s.outlets);
    const shown = outlets.slice(0, 5);
    const markers = el('span', {class: 'markers'},
      s.conflicts > 0 && el('span', {class: 'badge conflict', 'data-testid': 'conflict-marker'},
        icon('⚠'), ' ', plural(s.conflicts, 'conflicting figure')),
      s.updates > 0 && el('span', {class: 'badge update', 'data-testid': 'update-marker'},
        icon('↻'), ' ', plural(s.updates, 'updated figure')));
    return el('li', {class: 'story-item', 'data-testid': 'story-item'},
      el('article', {class: 'story-card'},
        el('h2', {class: 'story-card-title'}, el('a', {href: storyHref(s.id)}, s.title || `Story ${s.id}`)),
        el('p', {class: 'meta'}, dateRange(s.first_published, s.last_published), markers),
        el('p', {class: 'counts'},
          coverageMeter(s.size, s.independent),
          el('span', null,
            el('strong', null, plural(s.size || 0, 'article')), ' · ',
            plural(s.independent || 0, 'independent report'), ' · ',
            plural(s.independent_outlets !== undefined ? s.independent_outlets : outlets.length, 'independent outlet'))),
        outlets.length > 0 && el('p', {class: 'outlets-line'},
          el('span', {class: 'sr-only'}, 'Outlets: '),
          shown.join(' · '),
          outlets.length > shown.length ? ` and ${outlets.length - shown.length} more` : '')));
  }

  /* One square per article (up to 24): filled for an independent report, hollow for a copy. */
  function coverageMeter(size, independent) {
    const total = Math.min(size || 0, 24);
    const ind = Math.min(independent || 0, total);
    const squares = [];
    for (let i = 0; i < total; i++) squares.push(el('span', {class: i < ind ? 'sq ind' : 'sq copy'}));
    return el('span', {class: 'meter', 'aria-hidden': 'true'}, squares);
  }

  async function loadSearchHits(q, stale) {
    const box = list.nodes.hits;
    clear(box);
    box.hidden = !q;
    if (!q) return;
    append(box, el('h2', {id: 'hits-h'}, 'Matching articles'));
    try {
      const data = await api('/api/search', {q, limit: 10});
      if (stale()) return;
      const hits = arr(data.hits);
      if (!hits.length) {
        box.appendChild(el('p', {class: 'muted'}, 'No article matches.'));
        return;
      }
      box.appendChild(el('ol', {class: 'hits'}, hits.map((h) => el('li', {class: 'hit'},
        el('a', {href: articleHref(h.id), class: 'hit-title'}, h.title || h.id),
        el('p', {class: 'meta'}, h.source || 'unknown outlet', ' · ', timeEl(h.published),
          h.story !== null && h.story !== undefined && [' · ', el('a', {href: storyHref(h.story)}, `story ${h.story}`)]),
        el('p', {class: 'snippet'}, snippet(h.snippet))))));
    } catch (err) {
      if (stale()) return;
      box.appendChild(el('p', {class: 'muted'}, 'Article search failed.'));
      showError(err, 'Search failed');
    }
  }

  /* The snippet is runs [{text, match}]; matches become <mark>. */
  function snippet(runs) {
    if (typeof runs === 'string') return runs;
    return arr(runs).map((r) => (r.match ? el('mark', null, r.text) : r.text));
  }

  // ---------------------------------------------------------------- a story

  async function showStory(id, section, stale) {
    setStatus('Loading story…');
    const view = $view();
    let story;
    try {
      story = await api('/api/stories/' + encodeURIComponent(id));
    } catch (err) {
      if (stale()) return;
      setStatus('');
      clear(view).appendChild(notFoundView(err, `Story ${id} could not be loaded`));
      pageReady('Story not found');
      return;
    }
    if (stale()) return;
    setStatus('');
    clear(view).appendChild(renderStory(story));
    pageReady(story.title || `Story ${id}`);
    if (section) scrollToSection(section);
  }

  const SECTIONS = [
    ['brief', 'Brief'], ['facts', 'Facts'], ['quotes', 'Quotes'], ['entities', 'Names'],
    ['timeline', 'Timeline'], ['outlets', 'Outlets'],
  ];

  function scrollToSection(section) {
    const target = section && document.getElementById('sec-' + section);
    if (!target) return;
    target.scrollIntoView({block: 'start'});
    const h = target.querySelector('h2');
    if (h) h.focus({preventScroll: true});
  }

  function renderStory(s) {
    const articles = arr(s.articles);
    const byId = new Map(articles.map((a) => [a.id, a]));
    const facts = arr(s.facts);
    const conflicts = facts.filter((f) => f.verdict === 'conflict').length;
    const updates = facts.filter((f) => f.verdict === 'update').length;
    const outlets = arr(s.outlets);

    const header = el('header', {class: 'story-header'},
      el('p', {class: 'crumbs'}, el('a', {href: '#/'}, '← All stories')),
      el('h1', {'data-testid': 'story-title', tabindex: '-1'}, s.title || `Story ${s.id}`),
      el('p', {class: 'meta'}, dateRange(s.first_published, s.last_published)),
      el('p', {class: 'counts'},
        coverageMeter(s.size, s.independent),
        el('span', null,
          el('strong', null, plural(s.size || articles.length, 'article')), ' from ',
          plural(outlets.length, 'outlet'), ': ',
          plural(s.independent || 0, 'independent report'),
          s.independent_outlets !== undefined ? ` from ${plural(s.independent_outlets, 'outlet')}` : '',
          ', copies folded under their origin.')),
      (conflicts || updates) ? el('p', {class: 'markers'},
        conflicts > 0 && el('a', {href: storyHref(s.id, 'facts'), class: 'badge conflict', onclick: sectionLink('facts')},
          icon('⚠'), ' ', plural(conflicts, 'conflicting figure')),
        updates > 0 && el('a', {href: storyHref(s.id, 'facts'), class: 'badge update', onclick: sectionLink('facts')},
          icon('↻'), ' ', plural(updates, 'updated figure'))) : null,
      el('nav', {class: 'section-nav', 'aria-label': 'Sections of this story'},
        el('ul', null, SECTIONS.map(([key, label]) =>
          el('li', null, el('a', {href: storyHref(s.id, key), onclick: sectionLink(key)}, label))))));

    return el('article', {class: 'story'},
      header,
      el('div', {class: 'story-layout'},
        el('div', {class: 'story-main'},
          briefSection(s),
          factsSection(facts),
          quotesSection(arr(s.quotes)),
          timelineSection(arr(s.timeline))),
        el('aside', {class: 'story-side', 'aria-label': 'Names and outlets'},
          entitiesSection(arr(s.entities)),
          outletsSection(arr(s.reports), byId))));
  }

  /* Section links are real links (#/story/2/facts); the click just scrolls when we are on the page,
   * and replaces the history entry so Back leaves the story rather than walking its sections. */
  function sectionLink(key) {
    return (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      history.replaceState(null, '', event.currentTarget.getAttribute('href'));
      scrollToSection(key);
    };
  }

  function section(key, title, testid, ...body) {
    const hid = 'h-' + key;
    return el('section', {id: 'sec-' + key, class: 'panel', 'aria-labelledby': hid, 'data-testid': testid || null},
      el('h2', {id: hid, tabindex: '-1'}, title), body);
  }

  // ----- the brief, with citations

  function briefSection(s) {
    const brief = s.brief || {};
    const sentences = arr(brief.sentences);
    const box = el('div', {class: 'brief', 'data-testid': 'brief'});
    if (!sentences.length) {
      box.appendChild(el('p', {class: 'muted'}, 'No brief for this story yet.'));
    } else {
      // consecutive extracts flow as one paragraph; a conflict sentence is its own warning block
      let para = null;
      sentences.forEach((sent, i) => {
        if (sent.kind === 'conflict') {
          para = null;
          box.appendChild(el('p', {class: 'brief-conflict'},
            el('span', {class: 'badge conflict'}, icon('⚠'), ' Conflict'), ' ',
            sentenceText(sent), citation(sent, i)));
        } else {
          if (!para) para = box.appendChild(el('p', {class: 'brief-para'}));
          append(para, [el('span', {class: 'brief-sentence'}, sentenceText(sent)), citation(sent, i), ' ']);
        }
      });
    }
    return section('brief', 'Brief', null,
      el('p', {class: 'section-note'},
        'Every sentence is cited: hover, click or press Enter on the outlet marks to see it in each source.',
        brief.words ? ` ${brief.words} words.` : ''),
      box);
  }

  /* The sentence, with its contested figure marked (the figure outlets disagree on). */
  function sentenceText(sent) {
    const text = String(sent.text || '');
    const c = sent.contested;
    const at = c ? text.indexOf(c) : -1;
    if (at < 0) return text;
    return [text.slice(0, at),
      el('mark', {class: 'contested', title: 'Outlets give different figures here'},
        c, el('span', {class: 'sr-only'}, ' (contested figure)')),
      text.slice(at + c.length)];
  }

  function citation(sent, index) {
    const sources = arr(sent.sources);
    if (!sources.length) return null;
    const names = sources.map((x) => x.source || 'unknown outlet');
    const labels = names.slice(0, 3).map(initials);
    if (names.length > 3) labels.push('+' + (names.length - 3));
    const chips = labels.map((label, i) => [i ? ' ' : '',
      el('span', {class: 'cite-chip' + (i >= 3 ? ' more' : sources[i].copy_of ? ' is-copy' : '')}, label)]);
    const button = el('button', {
      type: 'button', class: 'citation', 'data-testid': 'citation',
      'aria-expanded': 'false',
      // starts with the visible text, so voice control can name it (WCAG 2.5.3)
      'aria-label': `${labels.join(' ')}: sources of sentence ${index + 1}, ${names.join(', ')}`,
    }, chips);
    button.addEventListener('click', (e) => {
      e.stopPropagation();
      if (pop.button === button && pop.pinned) closeCitation(true);
      else openCitation(button, sent, true);
    });
    button.addEventListener('mouseenter', () => hoverOpen(button, sent));
    button.addEventListener('mouseleave', hoverClose);
    return el('sup', {class: 'cite'}, button);
  }

  // The one open citation popover. Hover opens it "unpinned" (closes when the mouse leaves);
  // a click or Enter pins it until Escape, a click outside, or a second click.
  const pop = {button: null, node: null, pinned: false, timer: 0};

  function hoverOpen(button, sent) {
    clearTimeout(pop.timer);
    if (pop.button === button) return;
    if (pop.pinned) return; // a pinned popover stays until the user closes it
    pop.timer = setTimeout(() => openCitation(button, sent, false), 150);
  }

  function hoverClose() {
    clearTimeout(pop.timer);
    if (pop.node && !pop.pinned) pop.timer = setTimeout(() => closeCitation(false), 250);
  }

  function openCitation(button, sent, pinned) {
    clearTimeout(pop.timer);
    if (pop.button === button && pop.node) { // hover-opened, now clicked: keep it, pin it
      pop.pinned = pop.pinned || pinned;
      return;
    }
    closeCitation(false);
    const id = nextId('cite-pop');
    const node = el('span', {class: 'popover', id, role: 'group', 'data-testid': 'citation-source',
      'aria-label': 'Sources of this sentence'});
    node.addEventListener('mouseenter', () => clearTimeout(pop.timer));
    node.addEventListener('mouseleave', hoverClose);
    node.addEventListener('click', (e) => e.stopPropagation());
    fillPopover(node, sent);
    // in the DOM right after the citation (outside its <sup>), so Tab goes from the button into it
    const sup = button.parentNode;
    sup.parentNode.insertBefore(node, sup.nextSibling);
    button.setAttribute('aria-expanded', 'true');
    button.setAttribute('aria-controls', id);
    Object.assign(pop, {button, node, pinned});
    placePopover(button, node);
  }

  function closeCitation(returnFocus) {
    clearTimeout(pop.timer);
    if (!pop.node) return;
    const {button, node} = pop;
    const hadFocus = node.contains(document.activeElement);
    node.remove();
    button.setAttribute('aria-expanded', 'false');
    button.removeAttribute('aria-controls');
    Object.assign(pop, {button: null, node: null, pinned: false});
    if (returnFocus || hadFocus) button.focus();
  }

  /* Absolutely placed under the button inside the brief, kept within the brief's width.
   * Set through CSS variables on the CSSOM (allowed by the CSP, unlike style="").
   * On narrow screens the stylesheet shows it as a bottom sheet and ignores these. */
  function placePopover(button, node) {
    const box = button.closest('.brief');
    if (!box) return;
    const b = button.getBoundingClientRect();
    const c = box.getBoundingClientRect();
    const width = node.offsetWidth;
    const left = Math.max(0, Math.min(b.left - c.left, c.width - width));
    node.style.setProperty('--pop-top', (b.bottom - c.top + 6) + 'px');
    node.style.setProperty('--pop-left', left + 'px');
  }

  function fillPopover(node, sent) {
    const sources = arr(sent.sources);
    append(node, [
      el('span', {class: 'pop-head'},
        el('span', {class: 'pop-title'}, sent.kind === 'conflict' ? 'Who says what' : 'This sentence in each source'),
        el('button', {type: 'button', class: 'pop-close', 'aria-label': 'Close sources', onclick: () => closeCitation(true)}, '×')),
      sent.independent !== undefined && el('span', {class: 'pop-sub'},
        plural(sent.independent, 'independent report'), ' · ', plural(sources.length, 'source')),
      el('span', {class: 'pop-list'}, sources.map((src) => popoverSource(src, sent))),
    ]);
  }

  function popoverSource(src, sent) {
    const body = el('span', {class: 'pop-text'});
    const item = el('span', {class: 'pop-item'},
      el('span', {class: 'pop-outlet'},
        el('strong', null, src.source || 'unknown outlet'),
        src.copy_of ? el('span', {class: 'tag'}, 'copy') : null,
        ' ', el('span', {class: 'muted'}, fmtDate(src.published))),
      body,
      el('a', {href: articleHref(src.article), class: 'pop-link'}, 'Open the article'));
    const hasSpan = src.end > src.start;
    if (src.text) {
      body.appendChild(el('q', null, src.text));
      // a conflict cites the figure only: show the sentence it sits in once the article is here
      if (sent.kind === 'conflict' && hasSpan) showContext(body, src);
    } else if (hasSpan) {
      body.appendChild(el('span', {class: 'muted'}, 'Loading the sentence…'));
      showContext(body, src);
    } else {
      body.appendChild(el('span', {class: 'muted'}, 'Carries this sentence in other words.'));
    }
    return item;
  }

  async function showContext(body, src) {
    try {
      const article = await getArticle(src.article);
      const ctx = sentenceAround(article.text || '', src.start, src.end);
      if (!ctx) throw new Error('the cited span is outside the article text');
      clear(body).appendChild(el('q', null, ctx.before, el('mark', null, ctx.span), ctx.after));
    } catch (err) {
      // keep what was there if it was the cited text; else say why nothing is shown
      if (!body.querySelector('q')) {
        clear(body).appendChild(el('span', {class: 'inline-error'}, 'Could not load the article: ' + err.message));
      }
    }
  }

  /* The sentence around a byte span: {before, span, after}, each side cut at the sentence's end
   * (., !, ? or … with closing quotes, then a space; or a line break) and at 300 characters. */
  const SENTENCE_END = /[.!?…]["'”’)\]]*(?=\s|$)|\n/g;
  function sentenceAround(text, start, end) {
    const map = byteIndexMap(text);
    const s = map.toIndex(start), e = map.toIndex(end);
    if (s === null || e === null || e < s) return null;
    const from = Math.max(0, s - 300);
    let before = text.slice(from, s);
    let cut = -1;
    for (const m of before.matchAll(SENTENCE_END)) cut = m.index + m[0].length;
    if (cut >= 0) before = before.slice(cut);
    else if (from > 0) before = '…' + before;
    let after = text.slice(e, e + 300);
    const m = new RegExp(SENTENCE_END.source).exec(after);
    if (m) after = after.slice(0, m.index + (m[0] === '\n' ? 0 : m[0].length));
    else if (e + 300 < text.length) after += '…';
    return {before: before.replace(/^\s+/, ''), span: text.slice(s, e), after: after.replace(/\s+$/, '')};
  }

  // close on Escape or a click elsewhere; re-place on resize
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    if (pop.node) {
      e.preventDefault();
      closeCitation(pop.pinned);
    }
    document.body.classList.add('no-tips'); // Escape also hides an entity tooltip (WCAG 1.4.13)
  });
  document.addEventListener('pointerover', () => document.body.classList.remove('no-tips'));
  document.addEventListener('focusin', (e) => {
    if (e.target.classList && e.target.classList.contains('chip')) document.body.classList.remove('no-tips');
  });
  document.addEventListener('click', (e) => {
    if (pop.node && !pop.node.contains(e.target) && e.target !== pop.button) closeCitation(false);
  });
  document.addEventListener('focusin', (e) => {
    if (pop.node && !pop.node.contains(e.target) && e.target !== pop.button) closeCitation(false);
  });
  window.addEventListener('resize', () => {
    if (pop.node) placePopover(pop.button, pop.node);
  });

  // ----- facts

  const VERDICT = {
    conflict: {icon: '⚠', label: 'Conflict', order: 0},
    update: {icon: '↻', label: 'Updated', order: 1},
    agree: {icon: '✓', label: 'Agree', order: 2},
    single: {icon: '•', label: 'Single report', order: 3},
  };

  function factsSection(facts) {
    if (!facts.length) {
      return section('facts', 'Facts and figures', null,
        el('p', {class: 'muted'}, 'No numeric facts were found in this story.'));
    }
    const order = (f) => (VERDICT[f.verdict] || VERDICT.single).order;
    const sorted = facts.map((f, i) => [f, i]).sort((x, y) => order(x[0]) - order(y[0]) || x[1] - y[1]).map((x) => x[0]);
    const main = sorted.filter((f) => f.verdict !== 'single');
    const singles = sorted.filter((f) => f.verdict === 'single');
    const counts = {};
    facts.forEach((f) => { counts[f.verdict] = (counts[f.verdict] || 0) + 1; });

    const singleBody = el('tbody', {id: nextId('singles'), class: 'singles', hidden: main.length > 0});
    singles.forEach((f) => singleBody.appendChild(factRow(f)));
    const table = el('table', {class: 'facts', 'data-testid': 'facts-table'},
      el('caption', {class: 'sr-only'}, 'Numeric facts: what each outlet reports, and whether they agree'),
      el('thead', null, el('tr', null,
        el('th', {scope: 'col'}, 'Fact'),
        el('th', {scope: 'col'}, 'What the outlets say'),
        el('th', {scope: 'col'}, 'Verdict'))),
      main.length ? el('tbody', null, main.map(factRow)) : null,
      singleBody);

    let toggle = null;
    if (main.length && singles.length) {
      const label = () => (singleBody.hidden ? `Show ${singles.length} more single-report facts` : 'Hide single-report facts');
      toggle = el('button', {type: 'button', class: 'btn', 'aria-expanded': 'false', 'aria-controls': singleBody.id},
        label());
      toggle.addEventListener('click', () => {
        singleBody.hidden = !singleBody.hidden;
        toggle.setAttribute('aria-expanded', String(!singleBody.hidden));
        toggle.textContent = label();
      });
    }
    const summary = ['conflict', 'update', 'agree', 'single'].filter((v) => counts[v])
      .map((v) => `${counts[v]} ${VERDICT[v].label.toLowerCase()}`).join(' · ');
    return section('facts', 'Facts and figures', null,
      el('p', {class: 'section-note'}, plural(facts.length, 'figure'), ': ', summary, '.'),
      el('div', {class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Facts table (scrolls sideways)'}, table),
      toggle);
  }

  function factRow(f) {
    const v = VERDICT[f.verdict] || VERDICT.single;
    const values = arr(f.values);
    const what = factLabel(f);
    const sub = [f.event_text || null, f.kind || null].filter(Boolean).join(' · ');
    const notes = arr(f.links).map((l) => {
      const a = values[l.a], b = values[l.b];
      if (!a || !b) return null;
      if (l.relation === 'update') {
        return el('li', null, fmtInterval(a, f.kind), ' → ', fmtInterval(b, f.kind), ' (later)');
      }
      return el('li', null, fmtInterval(a, f.kind), ' vs ', fmtInterval(b, f.kind));
    }).filter(Boolean);
    return el('tr', {class: 'fact verdict-' + (f.verdict || 'single'),
      'data-testid': f.verdict === 'conflict' ? 'fact-conflict' : null},
    el('th', {scope: 'row', 'data-label': 'Fact'}, what, sub ? el('span', {class: 'fact-sub'}, sub) : null),
    el('td', {'data-label': 'What the outlets say'}, el('ul', {class: 'values'}, values.map((val, i) => factValue(val, i, f)))),
    el('td', {class: 'verdict', 'data-label': 'Verdict'},
      el('span', {class: 'badge ' + (f.verdict || 'single')}, icon(v.icon), ' ', v.label),
      f.independent !== undefined && el('span', {class: 'fact-sub'}, plural(f.independent, 'independent report')),
      notes.length ? el('ul', {class: 'links'}, notes) : null));
  }

  /* What is counted. `thing` is normalised ("deaths") but may be a bare stem ("peopl", from
   * "people"); then the words of the text read better. */
  function factLabel(f) {
    const thing = f.thing || '', words = f.thing_text || '';
    if (!thing) return words || 'figure';
    if (words && words.toLowerCase().startsWith(thing.toLowerCase())) return words;
    return thing;
  }

  function factValue(val, i, f) {
    const reports = arr(val.reports);
    const updated = arr(f.links).some((l) => l.relation === 'update' && l.a === i);
    const updating = arr(f.links).some((l) => l.relation === 'update' && l.b === i);
    return el('li', {class: 'value'},
      el('span', {class: 'value-head'},
        el('strong', {class: 'value-num'}, fmtInterval(val, f.kind)),
        updated ? el('span', {class: 'tag old'}, 'superseded') : null,
        updating ? el('span', {class: 'tag new'}, 'latest') : null,
        ' ', el('span', {class: 'muted'},
          plural(val.independent || 0, 'independent report'), ', ', plural(val.outlets || reports.length, 'outlet'))),
      el('ul', {class: 'says'}, reports.map((r) => el('li', null,
        el('a', {href: articleHref(r.article)}, r.source || r.article),
        r.copy_of ? el('span', {class: 'tag'}, 'copy') : null,
        r.text ? [': ', el('q', null, r.text)] : null))));
  }

  // ----- quotes

  const WORDING = {main: 'main wording', same: 'same words', excerpt: 'excerpt', variant: 'different words'};

  /* Quotes carried by several outlets (or with variant wordings) come first; the ones a single
   * outlet carries fold under a toggle once there are enough of the others. */
  function quotesSection(quotes) {
    if (!quotes.length) {
      return section('quotes', 'Quote ledger', 'quote-ledger',
        el('p', {class: 'muted'}, 'No direct quotes were found in this story.'));
    }
    const shared = (q) => (q.outlets || arr(q.reports).length) > 1 || q.variants > 0;
    let shown = quotes.filter(shared);
    let rest = quotes.filter((q) => !shared(q));
    if (shown.length < 5) {
      shown = shown.concat(rest.slice(0, 5 - shown.length));
      rest = rest.slice(Math.max(0, 5 - quotes.filter(shared).length));
    }
    const more = el('ol', {class: 'quotes more-quotes', id: nextId('quotes'), hidden: true}, rest.map(quoteCard));
    let toggle = null;
    if (rest.length) {
      const label = () => (more.hidden ? `Show ${plural(rest.length, 'more quote')} from a single outlet` : 'Hide them');
      toggle = el('button', {type: 'button', class: 'btn', 'aria-expanded': 'false', 'aria-controls': more.id}, label());
      toggle.addEventListener('click', () => {
        more.hidden = !more.hidden;
        toggle.setAttribute('aria-expanded', String(!more.hidden));
        toggle.textContent = label();
      });
    }
    return section('quotes', 'Quote ledger', 'quote-ledger',
      el('p', {class: 'section-note'}, 'Who said what, in whose words: ',
        'struck words are missing from an outlet’s version, underlined words are added.'),
      el('ol', {class: 'quotes'}, shown.map(quoteCard)),
      rest.length ? more : null,
      toggle);
  }

  function quoteCard(q) {
    const reports = arr(q.reports);
    const speaker = q.speaker || 'unknown speaker';
    return el('li', {class: 'quote'},
      el('p', {class: 'speaker'},
        q.entity !== null && q.entity !== undefined ? el('a', {href: entityHref(q.entity)}, speaker) : el('strong', null, speaker),
        ' ', el('span', {class: 'muted'},
          'quoted by ', plural(q.outlets || reports.length, 'outlet'), ', ',
          plural(q.independent || 0, 'independent report'),
          q.variants ? ', ' + plural(q.variants, 'variant') : '')),
      el('blockquote', null, el('p', null, '“', q.text || '', '”')),
      el('ul', {class: 'quote-reports'}, reports.map(quoteReport)));
  }

  function quoteReport(r) {
    const outlet = [el('a', {href: articleHref(r.article)}, r.source || r.article),
      r.copy_of ? el('span', {class: 'tag'}, 'copy') : null,
      r.speaker_text ? el('span', {class: 'muted'}, ` (“${r.speaker_text}”${r.cue ? ', ' + r.cue : ''})`) : null];
    const label = el('span', {class: 'wording ' + (r.wording || 'main')}, WORDING[r.wording] || r.wording || 'quote');
    if (r.wording === 'variant') {
      return el('li', {class: 'variant', 'data-testid': 'quote-variant'}, label, ' ', outlet,
        el('span', {class: 'diff'}, diffRuns(r.diff, r.text)));
    }
    if (r.wording === 'excerpt') {
      return el('li', {class: 'excerpt'}, label, ' ', outlet, el('q', {class: 'diff'}, r.text || ''));
    }
    return el('li', null, label, ' ', outlet);
  }

  /* Word-diff runs against the main wording: "=" kept, "-" dropped (<del>), "+" added (<ins>). */
  function diffRuns(diff, fallback) {
    const runs = arr(diff);
    if (!runs.length) return el('q', null, fallback || '');
    const parts = [];
    runs.forEach((run, i) => {
      if (!Array.isArray(run)) return;
      const [op, words] = run;
      if (i > 0) parts.push(' ');
      if (op === '-') parts.push(el('del', null, srOnly('[dropped: '), words, srOnly(']')));
      else if (op === '+') parts.push(el('ins', null, srOnly('[added: '), words, srOnly(']')));
      else parts.push(String(words));
    });
    return el('q', null, parts);
  }

  // ----- entities

  const TYPE_NAMES = {PER: 'People', ORG: 'Organisations', LOC: 'Places', MISC: 'Other names'};
  const TYPE_ONE = {PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other'};

  function entitiesSection(entities) {
    if (!entities.length) {
      return section('entities', 'Names', null, el('p', {class: 'muted'}, 'No names found.'));
    }
    const groups = new Map();
    for (const e of entities) {
      const t = TYPE_NAMES[e.type] ? e.type : 'MISC';
      if (!groups.has(t)) groups.set(t, []);
      groups.get(t).push(e);
    }
    const blocks = ['PER', 'ORG', 'LOC', 'MISC'].filter((t) => groups.has(t)).map((t) =>
      el('div', {class: 'entity-group'},
        el('h3', null, TYPE_NAMES[t]),
        el('ul', {class: 'chips'}, groups.get(t).map(entityChip))));
    return section('entities', 'Names', null,
      el('p', {class: 'section-note'}, 'Ranked by independent reports naming them. Open one for its other stories.'),
      blocks);
  }

  function entityChip(e) {
    const tipId = nextId('tip');
    const variants = arr(e.variants).filter((v) => v !== e.name);
    const tip = [
      `${TYPE_ONE[e.type] || 'name'}${arr(e.roles).length ? ' · ' + arr(e.roles).join(', ') : ''}`,
      variants.length ? ` · also written: ${variants.join(', ')}` : '',
      ` · ${plural(e.mentions || 0, 'mention')}`,
    ].join('');
    return el('li', {class: 'chip-item'},
      el('a', {href: entityHref(e.id), class: 'chip type-' + String(e.type || 'MISC').toLowerCase(),
        'data-testid': 'entity-chip', 'aria-describedby': tipId},
      e.name || '?',
      el('span', {class: 'chip-count', title: 'independent reports'}, String(e.independent || 0))),
      el('span', {class: 'tip', role: 'tooltip', id: tipId}, tip));
  }

  // ----- timeline

  function timelineSection(items) {
    const body = items.length
      ? el('ol', {class: 'timeline'}, items.map((t) => el('li', {class: 'tl-item'},
        el('p', {class: 'tl-date'},
          el('time', {datetime: machineDate(t.date)}, fmtTimelineDate(t.date, t.precision)),
          t.date_text && t.date_text !== t.date ? el('span', {class: 'muted'}, ` — “${t.date_text}”`) : null),
        el('p', {class: 'tl-text'}, t.text || ''),
        el('p', {class: 'tl-sources'},
          el('span', {class: 'sr-only'}, 'Sources: '),
          arr(t.sources).map((src, i) => [i ? ' · ' : '',
            el('a', {href: articleHref(src.article)}, src.source || src.article),
            src.copy_of ? el('span', {class: 'tag'}, 'copy') : null])))))
      : el('p', {class: 'muted'}, 'No dated events in this story.');
    return section('timeline', 'Timeline', 'timeline', body);
  }

  // ----- outlets and copies

  function outletsSection(reports, byId) {
    const body = reports.length
      ? el('ol', {class: 'reports'}, reports.map((r) => {
        const a = byId.get(r.id) || {};
        return el('li', {class: 'report'},
          articleSummary(r.id, r.source || a.source, a),
          arr(r.copies).length ? el('ul', {class: 'copies', 'aria-label': 'Copies of this report'},
            arr(r.copies).map((c) => {
              const ca = byId.get(c.id) || {};
              return el('li', {class: 'copy', 'data-testid': 'copy'},
                el('p', {class: 'copied-by'},
                  icon('⤷'), ' copied by ', el('strong', null, c.source || ca.source || 'unknown outlet'),
                  ` (${c.kind || ca.copy_kind || 'copy'}${typeof c.similarity === 'number' ? ', ' + c.similarity.toFixed(2) : ''})`),
                articleSummary(c.id, null, ca));
            })) : null);
      }))
      : el('p', {class: 'muted'}, 'No articles.');
    return section('outlets', 'Outlets', 'outlets',
      el('p', {class: 'section-note'}, 'Each independent report, with the copies of it folded underneath.'),
      body);
  }

  function articleSummary(id, source, a) {
    const original = externalLink(a.url, 'original');
    return el('div', {class: 'art-summary'},
      source ? el('p', {class: 'outlet-name'}, el('strong', null, source)) : null,
      el('p', {class: 'art-title'}, el('a', {href: articleHref(id)}, a.title || id)),
      el('p', {class: 'meta'}, timeEl(a.published),
        typeof a.similarity === 'number' ? ` · similarity to the story ${a.similarity.toFixed(2)}` : '',
        original ? [' · ', original] : null),
      a.why ? whyDetails(a.why) : null);
  }

  /* "why" is stored JSON (why the article joined the story, or what it copies): shown on demand. */
  function whyDetails(why) {
    return el('details', {class: 'why'},
      el('summary', null, 'Why it is here'),
      whyValue(why, 0));
  }

  const WHY_LABELS = {
    new_story: 'started a new story', score: 'score', cosine: 'word similarity', names: 'shared names score',
    time_factor: 'time factor', gap_hours: 'hours since the story’s last article', terms: 'shared terms',
    shared_names: 'shared names', runner_up: 'next best story', copy_of: 'copy of', kind: 'kind of copy',
    jaccard: 'shingle overlap (Jaccard)', containment: 'containment', story: 'story',
  };

  function whyValue(value, depth) {
    if (value === null || value === undefined) return '—';
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    if (typeof value === 'number') return String(round(value));
    if (typeof value !== 'object') return String(value);
    const keys = Object.keys(value);
    if (!keys.length) return el('p', {class: 'muted'}, 'no details stored');
    if (depth > 2) return JSON.stringify(value);
    return el('dl', {class: 'why-list'}, keys.map((k) => [
      el('dt', null, WHY_LABELS[k] || k.replace(/_/g, ' ')),
      el('dd', null, whyValue(value[k], depth + 1))]));
  }

  // ---------------------------------------------------------------- an article

  /* UTF-8 byte offsets → string (UTF-16) indices. The text is encoded once; map[b] is the index of
   * the character that starts at byte b, -1 inside a character (such an offset is refused). */
  function byteIndexMap(text) {
    const bytes = new TextEncoder().encode(text);
    const map = new Int32Array(bytes.length + 1).fill(-1);
    let b = 0, i = 0;
    for (const ch of text) {
      map[b] = i;
      const cp = ch.codePointAt(0);
      // lone surrogates are encoded as U+FFFD, 3 bytes, by TextEncoder
      b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += ch.length;
    }
    map[Math.min(b, bytes.length)] = i;
    return {
      length: bytes.length,
      toIndex(byte) {
        if (!Number.isInteger(byte) || byte < 0 || byte > bytes.length) return null;
        const v = map[byte];
        return v < 0 ? null : v;
      },
    };
  }

  const LAYERS = [
    ['mention', 'Names', 'mentions'],
    ['quote', 'Quotes', 'quotes'],
    ['number', 'Numbers', 'numbers'],
    ['date', 'Dates', 'dates'],
  ];

  /* The annotation spans as string indices, nested: sorted by start, longer first; a span that
   * crosses the end of its enclosing span cannot nest and is left out (and counted). */
  function buildSpans(article, map) {
    const spans = [];
    let dropped = 0;
    for (const [kind, , field] of LAYERS) {
      for (const a of arr(article[field])) {
        const s = map.toIndex(a.start), e = map.toIndex(a.end);
        if (s === null || e === null || e <= s) {
          dropped++;
          continue;
        }
        spans.push({kind, s, e, data: a, children: []});
      }
    }
    spans.sort((x, y) => x.s - y.s || y.e - x.e);
    const root = {s: 0, e: Infinity, children: []};
    const stack = [root];
    for (const sp of spans) {
      while (stack.length > 1 && stack[stack.length - 1].e <= sp.s) stack.pop();
      const parent = stack[stack.length - 1];
      if (sp.e > parent.e) {
        dropped++;
        continue;
      }
      parent.children.push(sp);
      stack.push(sp);
    }
    return {root, dropped};
  }

  function spanTitle(sp) {
    const d = sp.data;
    switch (sp.kind) {
      case 'mention': return `${TYPE_ONE[d.type] || 'name'}${d.role ? ' · ' + d.role : ''}`;
      case 'quote': return `quote · ${d.speaker || 'unknown speaker'}${d.cue ? ' (' + d.cue + ')' : ''}`;
      case 'number': return `${d.kind || 'number'}${d.thing ? ' of ' + d.thing : ''}: ` +
        fmtInterval({low: d.low, high: d.high, unit: d.unit, low_open: false, high_open: d.high === null}, d.kind);
      case 'date': return `${(d.type || 'date').toLowerCase()}: ${d.value || ''}`;
      default: return '';
    }
  }

  function renderSpans(parent, text, node) {
    let at = node.s === 0 && node.e === Infinity ? 0 : node.s;
    const end = node.e === Infinity ? text.length : node.e;
    for (const child of node.children) {
      if (child.s > at) parent.appendChild(document.createTextNode(text.slice(at, child.s)));
      const tag = child.kind === 'quote' ? 'q' : 'span';
      const span = el(tag, {class: 'hl hl-' + child.kind, title: spanTitle(child)});
      renderSpans(span, text, child);
      parent.appendChild(span);
      at = child.e;
    }
    if (end > at) parent.appendChild(document.createTextNode(text.slice(at, end)));
  }

  async function showArticle(id, stale) {
    setStatus('Loading article…');
    const view = $view();
    let a;
    try {
      a = await getArticle(id);
    } catch (err) {
      if (stale()) return;
      setStatus('');
      clear(view).appendChild(notFoundView(err, 'Article could not be loaded'));
      pageReady('Article not found');
      return;
    }
    if (stale()) return;
    setStatus('');
    clear(view).appendChild(renderArticle(a));
    pageReady(a.title || a.id);
  }

  function renderArticle(a) {
    const text = String(a.text || '');
    const map = byteIndexMap(text);
    const {root, dropped} = buildSpans(a, map);
    const textBox = el('div', {class: 'article-text', 'data-testid': 'article-text'});
    renderSpans(textBox, text, root);

    const toggles = el('fieldset', {class: 'legend'},
      el('legend', null, 'Highlight'),
      LAYERS.map(([kind, label, field]) => {
        const id = 'layer-' + kind;
        const box = el('input', {type: 'checkbox', id, checked: true});
        box.addEventListener('change', () => textBox.classList.toggle('hide-' + kind, !box.checked));
        return el('span', {class: 'layer'}, box,
          el('label', {for: id}, el('span', {class: 'hl hl-' + kind}, label), ` (${arr(a[field]).length})`));
      }),
      dropped ? el('span', {class: 'muted'}, ` ${plural(dropped, 'overlapping or out-of-range mark')} not shown.`) : null);

    return el('article', {class: 'article-page'},
      el('p', {class: 'crumbs'},
        a.story !== null && a.story !== undefined
          ? el('a', {href: storyHref(a.story)}, `← Story ${a.story}`)
          : el('a', {href: '#/'}, '← All stories')),
      el('h1', {tabindex: '-1'}, a.title || a.id),
      el('p', {class: 'meta'},
        el('strong', null, a.source || 'unknown outlet'), ' · ', timeEl(a.published),
        externalLink(a.url, 'original page') ? [' · ', externalLink(a.url, 'original page')] : null),
      a.copy_of ? el('p', {class: 'copy-note'}, icon('⤷'), ' ',
        a.copy_kind ? `A ${a.copy_kind} copy of ` : 'A copy of ', el('a', {href: articleHref(a.copy_of)}, a.copy_of),
        typeof a.similarity === 'number' ? ` (story similarity ${a.similarity.toFixed(2)})` : '') : null,
      toggles,
      textBox,
      a.why ? whyDetails(a.why) : null);
  }

  // ---------------------------------------------------------------- an entity

  async function showEntity(id, stale) {
    setStatus('Loading…');
    const view = $view();
    let e;
    try {
      e = await api('/api/entities/' + encodeURIComponent(id));
    } catch (err) {
      if (stale()) return;
      setStatus('');
      clear(view).appendChild(notFoundView(err, 'Name could not be loaded'));
      pageReady('Not found');
      return;
    }
    if (stale()) return;
    setStatus('');
    clear(view).appendChild(renderEntity(e));
    pageReady(e.name || `Entity ${id}`);
  }

  function renderEntity(e) {
    const variants = arr(e.variants);
    const roles = arr(e.roles);
    const stories = arr(e.stories);
    const articles = arr(e.articles);
    return el('article', {class: 'entity-page'},
      el('p', {class: 'crumbs'}, el('a', {href: '#/'}, '← All stories')),
      el('h1', {tabindex: '-1'}, e.name || '?'),
      el('p', {class: 'meta'},
        el('span', {class: 'chip type-' + String(e.type || 'MISC').toLowerCase()}, TYPE_ONE[e.type] || e.type || 'name'),
        ' ', plural(e.mentions || 0, 'mention'), ' in ', plural(articles.length, 'article'),
        ', ', plural(e.independent || 0, 'independent report')),
      el('dl', {class: 'facts-list'},
        el('dt', null, 'Written as'), el('dd', null, variants.length ? variants.join(' · ') : '—'),
        el('dt', null, 'Roles'), el('dd', null, roles.length ? roles.join(' · ') : '—')),
      el('section', {class: 'panel', 'aria-labelledby': 'ent-stories'},
        el('h2', {id: 'ent-stories'}, 'Stories naming ', e.name || 'this name'),
        stories.length
          ? el('ul', {class: 'plain-list'}, stories.map((s) => el('li', null,
            el('a', {href: storyHref(s.id)}, s.title || `Story ${s.id}`),
            s.size !== undefined ? el('span', {class: 'muted'}, ' · ' + plural(s.size, 'article')) : null)))
          : el('p', {class: 'muted'}, 'No stories.')),
      articles.length ? el('section', {class: 'panel', 'aria-labelledby': 'ent-articles'},
        el('h2', {id: 'ent-articles'}, 'Articles'),
        el('ul', {class: 'plain-list'}, articles.map((id) => el('li', null, el('a', {href: articleHref(id)}, id))))) : null);
  }

  // ---------------------------------------------------------------- start

  async function showHealth() {
    const box = document.getElementById('health');
    try {
      const h = await api('/health');
      box.textContent = `The store holds ${plural(h.articles || 0, 'article')} in ${plural(h.stories || 0, 'story', 'stories')}` +
        ` naming ${plural(h.entities || 0, 'entity', 'entities')}.`;
    } catch (err) {
      box.textContent = `Store status unavailable: ${err.message}`;
    }
  }

  function start() {
    // the skip link would change the hash (our router), so it moves focus itself
    const skip = document.querySelector('.skip-link');
    if (skip) {
      skip.addEventListener('click', (e) => {
        e.preventDefault();
        document.getElementById('main').focus();
      });
    }
    window.addEventListener('hashchange', route);
    route();
    showHealth();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
