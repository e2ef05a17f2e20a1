// Graph explorer: search (diacritic-insensitive) → pick a province, document or party body →
// its neighbourhood drawn with cytoscape.js; clicking a node merges its neighbourhood and shows
// its details. Everything comes from the public GraphQL API.
import { gql, esc, viDate, articleLink } from './api.js';

const TYPES = {
	IMPLEMENTS: 'Thực hiện',
	ISSUED_BY: 'Ban hành bởi',
	MENTIONS: 'Nhắc đến',
	PART_OF: 'Trực thuộc',
	OF_PROVINCE: 'Thuộc tỉnh',
	MERGED_INTO: 'Hợp nhất vào',
};

const DOCUMENT_TYPES = {
	RESOLUTION: 'Nghị quyết', DIRECTIVE: 'Chỉ thị', CONCLUSION: 'Kết luận', REGULATION: 'Quy định',
	DECISION: 'Quyết định', GUIDANCE: 'Hướng dẫn', PLAN: 'Kế hoạch', NOTICE: 'Thông báo',
	PROGRAMME: 'Chương trình', REPORT: 'Báo cáo', PROJECT: 'Đề án', OTHER: 'Khác',
};

const LEVELS = { CENTRAL: 'Trung ương', PROVINCIAL: 'Tỉnh', DISTRICT: 'Huyện', GRASSROOTS: 'Cơ sở', OTHER: 'Khác' };

const KIND_LABELS = {
	PROVINCE: 'Tỉnh/thành',
	DOCUMENT: 'Văn bản',
	PARTY_BODY: 'Cơ quan đảng',
	ARTICLE: 'Bài viết',
};

const SEARCH = `query Search($text: String!) {
  search(text: $text, types: [PROVINCE, DOCUMENT, PARTY_BODY], first: 12) {
    kind snippet
    province { key name era }
    document { key name issuedOn year }
    partyBody { key name }
  }
}`;

const NEIGHBOURHOOD = `query Neighbourhood($id: ID!) {
  neighbourhood(id: $id, depth: 1, limit: 200) {
    truncated
    nodes { id kind label }
    edges { type from to articleCount firstReported }
  }
}`;

const DOCUMENT = `query DocumentDetails($key: ID!) {
  document(key: $key) {
    key name code type issuedOn year term subject level
    issuedBy { key name }
    implements { key name }
    implementedBy(first: 50) {
      totalCount
      edges { node {
        province { key name }
        via { key name issuedOn }
        firstReported lastReported articleCount
        evidence(first: 3) { sentence article { id title url publishedAt } }
      } }
    }
  }
}`;

const PROVINCE = `query ProvinceDetails($key: String!) {
  province(name: $key) {
    key name type era articleCount
    mergedInto { key name }
    mergedFrom { key name }
    implements(first: 50) {
      totalCount
      edges { node {
        province { key name }
        document { key name }
        via { key name }
        firstReported articleCount
      } }
    }
  }
}`;

const BODY = `query BodyDetails($key: String!, $bodyKey: ID!) {
  partyBody(name: $key) {
    key name level
    province { key name }
    parent { key name }
  }
  documents(issuedByKey: $bodyKey, first: 20) { totalCount edges { node { key name issuedOn } } }
}`;

const ARTICLE = `query ArticleDetails($id: ID!) {
  article(id: $id) {
    id title url publishedAt source
    province { key name }
    documents { key name }
  }
}`;

const $ = (id) => document.getElementById(id);

const COLORS = { PROVINCE: '#2e7d32', DOCUMENT: '#b3261e', PARTY_BODY: '#1565c0', ARTICLE: '#6d4c41' };
const SHAPES = { PROVINCE: 'ellipse', DOCUMENT: 'round-rectangle', PARTY_BODY: 'diamond', ARTICLE: 'rectangle' };

const cy = cytoscape({
	container: $('cy'),
	minZoom: 0.15,
	maxZoom: 3,
	style: [
		{
			selector: 'node',
			style: {
				'background-color': (n) => COLORS[n.data('kind')] || '#777',
				shape: (n) => SHAPES[n.data('kind')] || 'ellipse',
				label: 'data(short)',
				'font-family': getComputedStyle(document.body).fontFamily,
				'font-size': 11,
				'text-wrap': 'wrap',
				'text-max-width': 140,
				'text-valign': 'bottom',
				'text-margin-y': 4,
				color: '#1d2330',
				'text-background-color': '#fff',
				'text-background-opacity': 0.8,
				'text-background-padding': 1,
				width: 22,
				height: 22,
			},
		},
		{ selector: 'node[kind = "ARTICLE"]', style: { width: 14, height: 14, 'font-size': 9 } },
		{ selector: 'node.root', style: { width: 32, height: 32, 'font-weight': 'bold' } },
		{ selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#1d2330' } },
		{ selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f9a825' } },
		{
			selector: 'edge',
			style: {
				width: 1.5,
				'line-color': '#9aa1ad',
				'target-arrow-color': '#9aa1ad',
				'target-arrow-shape': 'triangle',
				'curve-style': 'bezier',
				label: 'data(type)',
				'font-size': 7,
				color: '#5b6475',
				'text-rotation': 'autorotate',
			},
		},
		{ selector: 'edge[type = "IMPLEMENTS"]', style: { 'line-color': '#b3261e', 'target-arrow-color': '#b3261e', width: 2.5 } },
		{ selector: '.hidden', style: { display: 'none' } },
	],
	layout: { name: 'preset' },
});
// Keep the drawing inside its box when the screen turns or the layout changes width.
new ResizeObserver(() => {
	cy.resize();
	if (cy.nodes().length) {
		cy.fit(cy.elements(':visible'), 30);
	}
}).observe($('cy'));
// The graph is part of the page's public surface (tests and the browser console use it).
window.cy = cy;

function shortLabel(label) {
	return label.length > 48 ? label.slice(0, 46) + '…' : label;
}

function setStatus(id, message, error = false) {
	const el = $(id);
	el.textContent = message;
	el.classList.toggle('error', error);
}

// ---- Filters ----
const typeFilter = $('type-filter');
for (const [type, label] of Object.entries(TYPES)) {
	const id = 'type-' + type;
	typeFilter.insertAdjacentHTML('beforeend',
		`<input type="checkbox" id="${id}" value="${type}" checked /><label for="${id}">${esc(label)}</label>`);
}
typeFilter.addEventListener('change', applyFilters);
$('year-from').addEventListener('input', applyFilters);
$('year-to').addEventListener('input', applyFilters);
$('fit').addEventListener('click', () => cy.fit(cy.elements(':visible'), 30));

function applyFilters() {
	const types = new Set([...typeFilter.querySelectorAll('input:checked')].map((i) => i.value));
	const from = parseInt($('year-from').value, 10);
	const to = parseInt($('year-to').value, 10);
	cy.batch(() => {
		cy.edges().forEach((edge) => {
			const year = edge.data('year');
			const inYears = !year || ((isNaN(from) || year >= from) && (isNaN(to) || year <= to));
			edge.toggleClass('hidden', !(types.has(edge.data('type')) && inYears));
		});
		cy.nodes().forEach((node) => {
			const keep = node.hasClass('root') || node.selected()
				|| node.connectedEdges().some((e) => !e.hasClass('hidden'));
			node.toggleClass('hidden', !keep);
		});
	});
	updateCount();
}

function updateCount() {
	const nodes = cy.nodes(':visible').length;
	const edges = cy.edges(':visible').length;
	$('graph-count').textContent = cy.nodes().length ? `(${nodes} nút, ${edges} quan hệ)` : '';
	$('cy').dataset.nodes = String(cy.nodes().length);
}

// ---- Graph loading ----
function merge(subgraph, around) {
	const origin = around ? around.position() : { x: 0, y: 0 };
	const added = [];
	for (const n of subgraph.nodes) {
		if (cy.getElementById(n.id).empty()) {
			added.push({
				group: 'nodes',
				data: { id: n.id, kind: n.kind, label: n.label, short: shortLabel(n.label) },
				position: { x: origin.x + (Math.random() - 0.5) * 120, y: origin.y + (Math.random() - 0.5) * 120 },
			});
		}
	}
	cy.add(added);
	const edges = [];
	for (const e of subgraph.edges) {
		const id = `${e.type}|${e.from}|${e.to}`;
		if (cy.getElementById(id).empty() && !cy.getElementById(e.from).empty() && !cy.getElementById(e.to).empty()) {
			edges.push({
				group: 'edges',
				data: {
					id, source: e.from, target: e.to, type: e.type,
					articleCount: e.articleCount, firstReported: e.firstReported,
					year: e.firstReported ? Number(e.firstReported.slice(0, 4)) : null,
				},
			});
		}
	}
	cy.add(edges);
	return added.length;
}

function layout() {
	cy.layout({
		name: 'cose',
		animate: false,
		randomize: false,
		nodeDimensionsIncludeLabels: true,
		idealEdgeLength: () => 90,
		nodeRepulsion: () => 9000,
		fit: true,
		padding: 30,
	}).run();
}

async function expand(node) {
	if (node.hasClass('expanded')) {
		return;
	}
	setStatus('graph-status', `Đang mở rộng “${node.data('label')}”…`);
	try {
		const data = await gql(NEIGHBOURHOOD, { id: node.id() });
		node.addClass('expanded');
		const added = merge(data.neighbourhood, node);
		layout();
		applyFilters();
		const more = data.neighbourhood.truncated ? ' (đã cắt bớt: quá nhiều quan hệ)' : '';
		setStatus('graph-status', added
			? `Đã thêm ${added} nút quanh “${node.data('label')}”${more}.`
			: `“${node.data('label')}” không có thêm nút nào.`);
	}
	catch (err) {
		setStatus('graph-status', 'Lỗi: ' + err.message, true);
	}
}

async function open(id, kind, label) {
	cy.elements().remove();
	const root = cy.add({ group: 'nodes', data: { id, kind, label, short: shortLabel(label) }, position: { x: 0, y: 0 } });
	root.addClass('root');
	root.select();
	const url = new URL(location.href);
	url.searchParams.set('id', id);
	history.replaceState(null, '', url);
	await Promise.all([expand(root), showDetails(root)]);
}

cy.on('tap', 'node', (event) => {
	const node = event.target;
	cy.nodes().unselect();
	node.select();
	showDetails(node);
	expand(node);
});

// ---- Search ----
$('search-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const text = $('search-text').value.trim();
	const list = $('hits');
	list.innerHTML = '';
	if (!text) {
		return;
	}
	setStatus('search-status', 'Đang tìm…');
	try {
		const data = await gql(SEARCH, { text });
		const hits = data.search;
		setStatus('search-status', hits.length ? `${hits.length} kết quả — chọn một để vẽ đồ thị.` : 'Không tìm thấy.');
		for (const hit of hits) {
			const entity = hit.province || hit.document || hit.partyBody;
			if (!entity) {
				continue;
			}
			const li = document.createElement('li');
			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'hit';
			button.dataset.id = entity.key;
			button.dataset.kind = hit.kind;
			// The snippet comes HTML-escaped from the API, with <mark> around matched words.
			button.innerHTML = `<span class="chip ${hit.kind}">${esc(KIND_LABELS[hit.kind])}</span> `
				+ `<strong>${esc(entity.name)}</strong>${esc(qualifier(hit))}<span class="snippet">${hit.snippet}</span>`;
			button.addEventListener('click', () => {
				list.innerHTML = '';
				setStatus('search-status', `Đã chọn: ${entity.name}${qualifier(hit)}`);
				open(entity.key, hit.kind, entity.name);
				$('graph-heading').scrollIntoView({ block: 'start' });
			});
			li.appendChild(button);
			list.appendChild(li);
		}
	}
	catch (err) {
		setStatus('search-status', 'Lỗi: ' + err.message, true);
	}
});

// What tells two hits with the same name apart: the era of a province, the date of a document.
function qualifier(hit) {
	if (hit.province) {
		return { PRE_2025: ' (đến 30-6-2025)', POST_2025: ' (từ 1-7-2025)' }[hit.province.era] || '';
	}
	if (hit.document && (hit.document.issuedOn || hit.document.year)) {
		return ` (${hit.document.issuedOn ? viDate(hit.document.issuedOn) : hit.document.year})`;
	}
	return '';
}

// ---- Details ----
function nodeButton(key, label) {
	return `<button type="button" class="linklike" data-node="${esc(key)}">${esc(label)}</button>`;
}

function facts(rows) {
	return '<dl class="facts">' + rows
		.filter(([, value]) => value !== null && value !== undefined && value !== '')
		.map(([name, value]) => `<dt>${esc(name)}</dt><dd>${value}</dd>`).join('') + '</dl>';
}

async function showDetails(node) {
	const body = $('details-body');
	const kind = node.data('kind');
	const key = node.id();
	body.classList.remove('muted');
	body.innerHTML = `<p class="muted">Đang tải chi tiết…</p>`;
	body.dataset.kind = kind;
	body.dataset.key = key;
	try {
		let html;
		if (kind === 'DOCUMENT') {
			html = documentDetails((await gql(DOCUMENT, { key })).document);
		}
		else if (kind === 'PROVINCE') {
			html = provinceDetails((await gql(PROVINCE, { key })).province);
		}
		else if (kind === 'PARTY_BODY') {
			html = bodyDetails(await gql(BODY, { key, bodyKey: key }));
		}
		else {
			html = articleDetails((await gql(ARTICLE, { id: key })).article);
		}
		if (body.dataset.key === key) {
			const id = encodeURIComponent(key);
			body.innerHTML = html + `<p class="downloads">Tải về vùng lân cận:
				<a href="/export/neighbourhood.graphml?id=${id}&amp;depth=2" download>GraphML</a> ·
				<a href="/export/neighbourhood.json?id=${id}&amp;depth=2" download>JSON</a></p>`;
			body.dataset.loaded = key;
		}
	}
	catch (err) {
		body.innerHTML = `<p class="status error">Lỗi: ${esc(err.message)}</p>`;
	}
}

function documentDetails(d) {
	if (!d) {
		return '<p>Không tìm thấy văn bản.</p>';
	}
	const rows = d.implementedBy.edges.map(({ node: i }) => {
		const via = i.via.length
			? `<div class="muted">qua ${i.via.map((v) => nodeButton(v.key, v.name) + (v.issuedOn ? ` (${viDate(v.issuedOn)})` : '')).join(', ')}</div>`
			: '';
		const evidence = i.evidence.map((e) => `<li><q>${esc(e.sentence)}</q><br />— ${articleLink(e.article)}`
			+ (e.article.publishedAt ? ` <span class="muted">(${viDate(e.article.publishedAt)})</span>` : '') + '</li>').join('');
		const csv = `/export/evidence.csv?provinceKey=${encodeURIComponent(i.province.key)}`
			+ `&amp;documentKey=${encodeURIComponent(d.key)}`;
		return `<li><strong>${nodeButton(i.province.key, i.province.name)}</strong>
			<span class="muted">· ${i.articleCount} bài · báo cáo đầu tiên ${viDate(i.firstReported)}
			· <a href="${csv}" download>chứng cứ (CSV)</a></span>${via}
			<ul class="evidence">${evidence}</ul></li>`;
	}).join('');
	return `<h3><span class="chip DOCUMENT">Văn bản</span> ${esc(d.name)}</h3>`
		+ facts([
			['Mã', esc(d.code)],
			['Loại', esc(DOCUMENT_TYPES[d.type] || d.type)],
			['Ngày ban hành', d.issuedOn ? viDate(d.issuedOn) : (d.year ? String(d.year) : null)],
			['Khóa', esc(d.term)],
			['Về', esc(d.subject)],
			['Cấp', esc(LEVELS[d.level] || d.level)],
			['Ban hành bởi', d.issuedBy.map((b) => nodeButton(b.key, b.name)).join(', ')],
			['Thực hiện', d.implements.map((x) => nodeButton(x.key, x.name)).join(', ')],
		])
		+ `<h3>Được thực hiện bởi (${d.implementedBy.totalCount} tỉnh/thành)</h3>`
		+ (rows ? `<ul class="implemented-by">${rows}</ul>` : '<p class="muted">Chưa có tỉnh nào.</p>');
}

function provinceDetails(p) {
	if (!p) {
		return '<p>Không tìm thấy tỉnh.</p>';
	}
	const rows = p.implements.edges.map(({ node: i }) => `<li>${nodeButton(i.document.key, i.document.name)}
		<span class="muted">· ${i.articleCount} bài · ${viDate(i.firstReported)}`
		+ (i.province.key !== p.key ? ` · do ${esc(i.province.name)} báo cáo` : '')
		+ (i.via.length ? ` · qua ${i.via.map((v) => esc(v.name)).join(', ')}` : '') + '</span></li>').join('');
	return `<h3><span class="chip PROVINCE">Tỉnh/thành</span> ${esc(p.name)}</h3>`
		+ facts([
			['Mã', esc(p.key)],
			['Loại', p.type === 'city' ? 'Thành phố trực thuộc TW' : 'Tỉnh'],
			['Số bài viết', String(p.articleCount)],
			['Hợp nhất vào', p.mergedInto ? nodeButton(p.mergedInto.key, p.mergedInto.name) : null],
			['Hợp nhất từ', p.mergedFrom.map((m) => nodeButton(m.key, m.name)).join(', ')],
		])
		+ `<h3>Thực hiện (${p.implements.totalCount} văn bản)</h3>`
		+ (rows ? `<ul class="implements">${rows}</ul>` : '<p class="muted">Chưa có văn bản nào.</p>');
}

function bodyDetails(data) {
	const b = data.partyBody;
	if (!b) {
		return '<p>Không tìm thấy cơ quan.</p>';
	}
	const docs = data.documents.edges.map(({ node: d }) => `<li>${nodeButton(d.key, d.name)}`
		+ (d.issuedOn ? ` <span class="muted">(${viDate(d.issuedOn)})</span>` : '') + '</li>').join('');
	return `<h3><span class="chip PARTY_BODY">Cơ quan đảng</span> ${esc(b.name)}</h3>`
		+ facts([
			['Cấp', esc(LEVELS[b.level] || b.level)],
			['Tỉnh', b.province ? nodeButton(b.province.key, b.province.name) : null],
			['Trực thuộc', b.parent ? nodeButton(b.parent.key, b.parent.name) : null],
		])
		+ `<h3>Văn bản ban hành (${data.documents.totalCount})</h3>`
		+ (docs ? `<ul>${docs}</ul>` : '<p class="muted">Chưa có văn bản nào.</p>');
}

function articleDetails(a) {
	if (!a) {
		return '<p>Không tìm thấy bài viết.</p>';
	}
	return `<h3><span class="chip ARTICLE">Bài viết</span> ${articleLink(a)}</h3>`
		+ facts([
			['Ngày đăng', a.publishedAt ? viDate(a.publishedAt) : 'không rõ'],
			['Nguồn', esc(a.source)],
			['Tỉnh', a.province ? nodeButton(a.province.key, a.province.name) : null],
			['Văn bản', a.documents.map((d) => nodeButton(d.key, d.name)).join(', ')],
		]);
}

// A name in the details panel selects (and if needed adds) that node.
$('details-body').addEventListener('click', (event) => {
	const button = event.target.closest('button[data-node]');
	if (!button) {
		return;
	}
	const key = button.dataset.node;
	let node = cy.getElementById(key);
	if (node.empty()) {
		open(key, guessKind(key), button.textContent);
		return;
	}
	cy.nodes().unselect();
	node.select();
	cy.animate({ center: { eles: node } }, { duration: 200 });
	showDetails(node);
	expand(node);
});

function guessKind(key) {
	if (/^(https?:|sha256:)/i.test(key)) {
		return 'ARTICLE';
	}
	if (key.includes('|')) {
		return 'DOCUMENT';
	}
	if (key.includes('/')) {
		return 'PARTY_BODY';
	}
	return 'PROVINCE';
}

// Open ?id=… directly (a shared link).
const initial = new URLSearchParams(location.search).get('id');
if (initial) {
	open(initial, guessKind(initial), initial);
}
updateCount();
