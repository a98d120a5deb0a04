// Entente's analyst page: reads the URL, asks the JSON API (/api/v1/...) and
// draws the view. Plain JavaScript, no build step; Chart.js comes from Debian.
'use strict';

const view = document.getElementById('view');

// el('a', {href: '/x'}, 'text', child...) builds an element; text is never parsed as HTML.
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (Array.isArray(value)) value.forEach((v) => query.append(key, v));
    else if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  const url = path + (query.toString() ? '?' + query : '');
  const response = await fetch(url);
  const text = await response.text();
  if (!response.ok) {
    let message = text;
    try { message = JSON.parse(text).error.message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return response.headers.get('content-type').startsWith('application/json') ? JSON.parse(text) : text;
}

const enc = encodeURIComponent;
const typeName = (type) => (type || '').replace(/^RELATION_TYPE_/, '').toLowerCase();
const kindName = (kind) => (kind || '').replace(/^ENTITY_KIND_/, '').toLowerCase();
const entityLink = (ref) => el('a', {href: '/entity/' + enc(ref.id)}, ref.name || ref.id);
const errorBox = (error) => el('p', {class: 'error'}, String(error.message || error));

// Replaces what the view shows (null children are left out, as in el()).
function show(...children) {
  view.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined));
}

function go(url) {
  history.pushState(null, '', url);
  route();
}

// Links inside the page change the view without reloading it.
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a[href^="/"]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  go(link.getAttribute('href'));
});
window.addEventListener('popstate', route);

// --- search box with suggestions ---------------------------------------------
const search = document.getElementById('search');
const suggestions = document.getElementById('suggestions');
let suggestionTimer = null;
let suggestionSerial = 0;

function showSuggestions(entities) {
  suggestions.replaceChildren(...entities.map((entity, i) => el('li', {
    'class': i === 0 ? 'active' : null, 'data-id': entity.id,
    onmousedown: (event) => { event.preventDefault(); pick(entity.id); },
  }, entity.name, ' ', el('span', {class: 'muted'}, kindName(entity.kind) + ' · ' + entity.id))));
  suggestions.hidden = entities.length === 0;
}

function pick(id) {
  suggestions.hidden = true;
  search.value = '';
  go('/entity/' + enc(id));
}

search.addEventListener('input', () => {
  clearTimeout(suggestionTimer);
  const query = search.value.trim();
  if (!query) { suggestions.hidden = true; return; }
  suggestionTimer = setTimeout(async () => {
    const serial = ++suggestionSerial;
    try {
      const answer = await api('/api/v1/search', {query, page_size: 8});
      if (serial === suggestionSerial) showSuggestions(answer.entities || []);
    } catch (error) {
      suggestions.replaceChildren(el('li', {class: 'muted'}, error.message));
      suggestions.hidden = false;
    }
  }, 120);
});

search.addEventListener('keydown', (event) => {
  const items = [...suggestions.children].filter((li) => li.dataset.id);
  const active = items.findIndex((li) => li.classList.contains('active'));
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = (active + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
    items.forEach((li, i) => li.classList.toggle('active', i === next));
  } else if (event.key === 'Enter' && items.length > 0) {
    pick(items[Math.max(active, 0)].dataset.id);
  } else if (event.key === 'Escape') {
    suggestions.hidden = true;
  }
});
search.addEventListener('blur', () => { suggestions.hidden = true; });

// --- relations and their sources ---------------------------------------------
function sourceBlock(provenance) {
  const link = /^https?:\/\//.test(provenance.document || '')
    ? el('a', {href: provenance.document, target: '_blank', rel: 'noopener'}, 'link')
    : (provenance.document ? el('span', {class: 'muted'}, provenance.document) : null);
  return el('div', {class: 'source'},
    provenance.quote ? el('blockquote', {}, provenance.quote) : null,
    el('div', {class: 'muted'}, [provenance.outlet || 'unknown outlet',
      provenance.reported && provenance.reported.value ? 'reported ' + provenance.reported.value : null,
      provenance.headline ? '“' + provenance.headline + '”' : null].filter(Boolean).join(' · '),
      link ? ' · ' : null, link));
}

function relationCard(relation) {
  const dates = [relation.date && relation.date.value,
    relation.reported && relation.reported.value ? '(reported ' + relation.reported.value + ')' : null];
  return el('div', {class: 'card relation', 'data-relation': relation.id},
    el('div', {class: 'head'}, el('span', {class: 'type'}, typeName(relation.type)), ' ',
      entityLink(relation.source), ' → ', entityLink(relation.target), ' ',
      el('span', {class: 'muted'}, dates.filter(Boolean).join(' '), ' · ',
        el('a', {href: '/pair/' + enc(relation.source.id) + '/' + enc(relation.target.id)}, 'pair'))),
    (relation.provenance || []).map(sourceBlock));
}

// --- entity and pair pages: chart, filters, relations, pages -----------------
const kChartPages = 5;  // Pages of 1000 relations read for the chart at most.

async function monthlyCounts(request) {
  const counts = new Map();  // month -> Map(type -> count)
  let token = '';
  let truncated = false;
  for (let page = 0; page < kChartPages; ++page) {
    const answer = await api(request.path, {...request.params, page_size: 1000, page_token: token});
    for (const relation of answer.relations || []) {
      const month = ((relation.date && relation.date.value) || 'undated').slice(0, 7);
      const byType = counts.get(month) || new Map();
      byType.set(typeName(relation.type), (byType.get(typeName(relation.type)) || 0) + 1);
      counts.set(month, byType);
    }
    token = answer.nextPageToken || '';
    if (!token) break;
    truncated = page === kChartPages - 1;
  }
  return {counts, truncated};
}

const kColors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2',
  '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939', '#8c6d31', '#843c39'];

function drawChart(box, counts) {
  const months = [...counts.keys()].sort();
  const types = [...new Set(months.flatMap((m) => [...counts.get(m).keys()]))].sort();
  if (months.length === 0) { box.append(el('p', {class: 'muted'}, 'No relations in this window.')); return; }
  if (window.Chart) {
    const canvas = el('canvas', {id: 'timeline-chart'});
    box.append(el('div', {class: 'chart-box'}, canvas));
    new Chart(canvas, {type: 'bar', data: {labels: months, datasets: types.map((type, i) => ({
      label: type, backgroundColor: kColors[i % kColors.length],
      data: months.map((m) => counts.get(m).get(type) || 0)}))},
      options: {animation: false, maintainAspectRatio: false,
        scales: {x: {stacked: true}, y: {stacked: true, ticks: {precision: 0}}}}});
    return;
  }
  // Without Chart.js (libjs-chart.js not installed) the counts are a table.
  box.append(el('table', {class: 'counts'},
    el('tr', {}, el('th', {}, 'month'), types.map((t) => el('th', {}, t))),
    months.map((m) => el('tr', {}, el('td', {}, m), types.map((t) => el('td', {}, counts.get(m).get(t) || 0))))));
}

async function timelinePage(ids) {
  const params = new URLSearchParams(location.search);
  const filters = {types: params.get('types') || '', since: params.get('since') || '',
    until: params.get('until') || ''};
  const token = params.get('page_token') || '';
  const request = {path: '/api/v1/entities/' + enc(ids[0]) + '/timeline', params: {
    other: ids[1] || '', types: filters.types, 'window.since': filters.since,
    'window.until': filters.until}};
  const first = await api(request.path, {...request.params, page_size: 20, page_token: token});
  const names = [first.entity, first.other].filter(Boolean);
  document.title = names.map((e) => e.name).join(' & ') + ' · Entente';
  const heading = ids.length === 1
    ? el('h1', {}, first.entity.name, ' ', el('span', {class: 'muted'}, kindName(first.entity.kind)))
    : el('h1', {}, entityLink(first.entity), ' & ', entityLink(first.other));
  const stats = await api('/api/v1/stats', {entity: ids[0]}).catch(() => ({byType: []}));
  const typeSelect = el('select', {name: 'types'}, el('option', {value: ''}, 'all types'),
    (stats.byType || []).map((c) => el('option', {value: typeName(c.type),
      selected: typeName(c.type) === filters.types ? '' : null}, typeName(c.type) + ' (' + c.count + ')')));
  const since = el('input', {name: 'since', placeholder: 'YYYY[-MM[-DD]]', value: filters.since, size: 11});
  const until = el('input', {name: 'until', placeholder: 'YYYY[-MM[-DD]]', value: filters.until, size: 11});
  const pathTo = el('input', {name: 'to', placeholder: 'another entity', size: 18});
  const here = location.pathname;
  const withParams = (changes) => {
    const next = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(changes)) { if (v) next.set(k, v); else next.delete(k); }
    return here + (next.toString() ? '?' + next : '');
  };
  const chartBox = el('div', {class: 'card'});
  show(heading,
    ids.length === 1 && first.entity.aliases ? el('p', {class: 'muted'}, 'also: ' + first.entity.aliases.join(', ')) : null,
    el('form', {class: 'inline', onsubmit: (e) => { e.preventDefault();
      go(withParams({types: typeSelect.value, since: since.value.trim(), until: until.value.trim(), page_token: ''})); }},
      el('label', {}, 'type', typeSelect), el('label', {}, 'since', since), el('label', {}, 'until', until),
      el('button', {type: 'submit'}, 'Filter')),
    ids.length === 1 ? el('form', {class: 'inline', onsubmit: (e) => { e.preventDefault();
      if (pathTo.value.trim()) go('/path/' + enc(ids[0]) + '/' + enc(pathTo.value.trim()) + '?k=3'); }},
      el('label', {}, 'paths to', pathTo), el('button', {type: 'submit'}, 'Find paths')) : null,
    el('h2', {}, 'Timeline by month'), chartBox,
    el('h2', {}, 'Relations'),
    (first.relations || []).length ? first.relations.map(relationCard) : el('p', {class: 'muted'}, 'No relations.'),
    el('div', {class: 'pager'},
      token ? el('a', {href: withParams({page_token: ''})}, '« first page') : null,
      first.nextPageToken ? el('a', {href: withParams({page_token: first.nextPageToken}), id: 'next-page'}, 'next page »') : null));
  const {counts, truncated} = await monthlyCounts(request);
  drawChart(chartBox, counts);
  if (truncated) chartBox.append(el('p', {class: 'muted'}, 'The chart shows the first ' + kChartPages * 1000 + ' relations.'));
}

// --- path page ----------------------------------------------------------------
async function pathPage(from, to) {
  const k = new URLSearchParams(location.search).get('k') || '3';
  const params = {from, to, k};
  const [answer, svgText] = await Promise.all([api('/api/v1/paths', params), api('/svg/paths', params)]);
  const names = (answer.fromEntity || {}).name + ' → ' + (answer.toEntity || {}).name;
  document.title = names + ' · Entente';
  const relations = new Map();
  (answer.paths || []).forEach((p) => (p.relations || []).forEach((r) => relations.set(r.id, r)));
  const sources = el('div', {id: 'edge-sources'}, el('p', {class: 'muted'}, 'Click an edge to see its sources.'));
  const picture = el('div', {class: 'paths card'});
  const svg = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
  if (svg.nodeName === 'svg') picture.append(document.importNode(svg, true));
  picture.addEventListener('click', (event) => {
    const edge = event.target.closest('g.edge');
    if (!edge || !relations.has(edge.id)) return;
    picture.querySelectorAll('g.edge.selected').forEach((g) => g.classList.remove('selected'));
    edge.classList.add('selected');
    sources.replaceChildren(relationCard(relations.get(edge.id)));
  });
  const list = (answer.paths || []).map((p, i) => el('li', {}, 'Path ' + (i + 1) + ' (' + p.relations.length + ' hops): ',
    p.entities.map((e, j) => [j ? ' → ' : null, entityLink(e)])));
  show(el('h1', {}, 'Paths: ', entityLink(answer.fromEntity), ' → ', entityLink(answer.toEntity)),
    el('form', {class: 'inline', onsubmit: (e) => { e.preventDefault(); go(location.pathname + '?k=' + e.target.k.value); }},
      el('label', {}, 'paths (k)', el('input', {name: 'k', type: 'number', min: 1, max: 50, value: k})),
      el('button', {type: 'submit'}, 'Show')),
    list.length ? el('ol', {}, list) : el('p', {class: 'muted'}, 'These entities are not connected.'),
    answer.truncated ? el('p', {class: 'muted'}, 'Search cut short: ' + answer.truncationReason) : null,
    picture, el('h2', {}, 'Sources of the selected edge'), sources);
}

// --- home: path form and the live feed ----------------------------------------
let feed = null;

function homePage() {
  document.title = 'Entente';
  const from = el('input', {name: 'from', placeholder: 'Pakistan', size: 18});
  const to = el('input', {name: 'to', placeholder: 'European Union', size: 18});
  const items = el('ul', {class: 'feed', id: 'feed'});
  show(el('h1', {}, 'Relations between states and organisations'),
    el('p', {}, 'Type a name in the search box above, or find how two entities are connected:'),
    el('form', {class: 'inline card', onsubmit: (e) => { e.preventDefault();
      if (from.value.trim() && to.value.trim()) go('/path/' + enc(from.value.trim()) + '/' + enc(to.value.trim()) + '?k=3'); }},
      el('label', {}, 'from', from), el('label', {}, 'to', to), el('button', {type: 'submit'}, 'Find paths')),
    el('h2', {}, 'Live: new relations as they are imported'), items,
    el('p', {class: 'muted', id: 'feed-state'}, 'Waiting for imports…'));
  feed = new EventSource('/api/v1/watch');
  feed.onmessage = (event) => {
    const relation = JSON.parse(event.data).relation;
    document.getElementById('feed-state').textContent = '';
    items.prepend(el('li', {}, el('span', {class: 'type'}, typeName(relation.type)), ' ',
      entityLink(relation.source), ' → ', entityLink(relation.target), ' ',
      el('span', {class: 'muted'}, (relation.date || {}).value || '')));
    while (items.children.length > 50) items.lastChild.remove();
  };
  feed.addEventListener('error', (event) => {
    if (event.data) document.getElementById('feed-state').textContent = JSON.parse(event.data).error.message;
  });
}

// --- router ---------------------------------------------------------------------
async function route() {
  if (feed) { feed.close(); feed = null; }
  const parts = location.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  show(el('p', {class: 'muted'}, 'Loading…'));
  try {
    if (parts[0] === 'entity' && parts.length === 2) await timelinePage([parts[1]]);
    else if (parts[0] === 'pair' && parts.length === 3) await timelinePage([parts[1], parts[2]]);
    else if (parts[0] === 'path' && parts.length === 3) await pathPage(parts[1], parts[2]);
    else homePage();
  } catch (error) {
    show(errorBox(error));
  }
  document.body.dataset.ready = 'true';
}

route();
