// Graph explorer: search (diacritic-insensitive) → pick a province, document or party body →
// its neighbourhood drawn with cytoscape.js; clicking a node merges its neighbourhood and shows
// its details. Everything comes from the public GraphQL API and the /export downloads.
//
// A view asks the server only for the relationship types ticked, and for provinces, party bodies
// and documents first: the articles around a node are a count node ("516 bài viết") that opens
// them a page at a time. Changing the ticked types or the years asks the server again for every
// opened node.
import { gql, esc, viDate, articleLink } from './api.js';

/** Relationship types: the filter's names and the edges' labels. */
const TYPES = {
	IMPLEMENTS: 'thực hiện',
	ISSUED_BY: 'ban hành bởi',
	MENTIONS: 'nhắc đến',
	PART_OF: 'trực thuộc',
	OF_PROVINCE: 'thuộc tỉnh',
	MERGED_INTO: 'hợp nhất vào',
};

const DOCUMENT_TYPES = {
	RESOLUTION: 'Nghị quyết', DIRECTIVE: 'Chỉ thị', CONCLUSION: 'Kết luận', REGULATION: 'Quy định',
	DECISION: 'Quyết định', GUIDANCE: 'Hướng dẫn', PLAN: 'Kế hoạch', NOTICE: 'Thông báo',
	PROGRAMME: 'Chương trình', REPORT: 'Báo cáo', PROJECT: 'Đề án', OTHER: 'Khác',
};

const LEVELS = { CENTRAL: 'Trung ương', PROVINCIAL: 'Tỉnh', DISTRICT: 'Huyện', GRASSROOTS: 'Cơ sở', OTHER: 'Khác' };

const LEVEL_PHRASES = {
	CENTRAL: 'cấp Trung ương', PROVINCIAL: 'cấp tỉnh', DISTRICT: 'cấp huyện', GRASSROOTS: 'cấp cơ sở', OTHER: '',
};

const ERAS = { PRE_2025: 'đến 30-6-2025', POST_2025: 'từ 1-7-2025', BOTH: '' };

const KIND_LABELS = {
	PROVINCE: 'Tỉnh/thành',
	DOCUMENT: 'Văn bản',
	PARTY_BODY: 'Cơ quan đảng',
	ARTICLE: 'Bài viết',
	MORE: 'Bài viết chưa mở',
};

/** The most relationships one request asks for (the API's cost grows with it). */
const LIMIT = 200;

/** Articles opened per click on a count node. */
const ARTICLE_PAGE = 50;

/** Below this rendered size a label is hidden until hovered, tapped or focused. */
const MIN_LABEL_PX = 11;

/** The size of a label shown on demand, on screen. */
const SHOWN_LABEL_PX = 13;

const SEARCH = `query Search($text: String!) {
  search(text: $text, types: [PROVINCE, DOCUMENT, PARTY_BODY], first: 12) {
    kind snippet
    province { key name era type }
    document { key name type issuedOn year level issuedBy { key name province { name era } } }
    partyBody { key name level province { key name era } parent { name } }
  }
}`;

const NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $types: [String!], $limit: Int!, $from: Date, $to: Date) {
  neighbourhood(id: $id, depth: 1, relationshipTypes: $types, limit: $limit, articleLimit: 0, from: $from, to: $to) {
    truncated
    nodes { id kind label date year level provinceKey provinceName era }
    edges { type from to articleCount firstReported }
    around { type outgoing kind total included }
  }
}`;

const ARTICLES = `query Articles($documentKey: ID, $provinceKey: ID, $bodyKey: ID, $first: Int!, $after: String,
    $from: Date, $to: Date) {
  articles(documentKey: $documentKey, provinceKey: $provinceKey, bodyKey: $bodyKey, first: $first, after: $after,
      from: $from, to: $to) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title publishedAt province { key name era } } }
  }
}`;

const DOCUMENT = `query DocumentDetails($key: ID!) {
  document(key: $key) {
    key name code type issuedOn year term subject level
    issuedBy { key name }
    implements { key name }
    implementedBy(first: 20) {
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
    implements(first: 20) {
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

const COLORS = { PROVINCE: '#2e7d32', DOCUMENT: '#b3261e', PARTY_BODY: '#1565c0', ARTICLE: '#6d4c41', MORE: '#fff' };
const SHAPES = { PROVINCE: 'ellipse', DOCUMENT: 'round-rectangle', PARTY_BODY: 'diamond', ARTICLE: 'rectangle', MORE: 'round-rectangle' };

const cy = cytoscape({
	container: $('cy'),
	minZoom: 0.1,
	maxZoom: 3,
	wheelSensitivity: 0.4,
	style: [
		{
			selector: 'node',
			style: {
				'background-color': (n) => COLORS[n.data('kind')] || '#777',
				shape: (n) => SHAPES[n.data('kind')] || 'ellipse',
				// Set by refreshLabels(): empty when the zoom would draw the label too small to read.
				label: 'data(text)',
				'font-family': getComputedStyle(document.body).fontFamily,
				'font-size': 'data(fs)',
				'text-wrap': 'wrap',
				'text-max-width': 'data(tw)',
				'text-valign': 'bottom',
				'text-margin-y': 4,
				color: '#1d2330',
				'text-background-color': '#fff',
				'text-background-opacity': 0.85,
				'text-background-padding': 2,
				// At least a few pixels on screen when a large view is zoomed out (refreshLabels).
				width: 'data(size)',
				height: 'data(size)',
			},
		},
		{
			selector: 'node[kind = "MORE"]',
			style: {
				// A fixed size (its label below it), so that a label scaled for a small zoom does not
				// make the node, and the layout's rings around it, huge.
				width: 'data(size)', height: 'data(size)', 'border-width': 3, 'border-color': '#6d4c41',
				'border-style': 'dashed', color: '#4e342e', 'font-weight': 'bold',
			},
		},
		{ selector: 'node.root', style: { 'font-weight': 'bold' } },
		{ selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#1d2330' } },
		{ selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f9a825' } },
		{ selector: 'node.pinned, node.hover, node:selected', style: { 'z-index': 10, 'text-background-padding': 'data(tp)' } },
		{ selector: 'node.dim', style: { opacity: 0.25 } },
		{
			selector: 'edge',
			style: {
				width: 1.5,
				'line-color': '#9aa1ad',
				'target-arrow-color': '#9aa1ad',
				'target-arrow-shape': 'triangle',
				'curve-style': 'bezier',
				label: 'data(text)',
				'font-family': getComputedStyle(document.body).fontFamily,
				'font-size': 'data(fs)',
				color: '#3f4757',
				'text-rotation': 'autorotate',
				'text-background-color': '#fff',
				'text-background-opacity': 0.85,
				'text-background-padding': 1,
			},
		},
		{ selector: 'edge.hover, edge.near', style: { 'z-index': 10, width: 2.5 } },
		{ selector: 'edge[type = "IMPLEMENTS"]', style: { 'line-color': '#b3261e', 'target-arrow-color': '#b3261e', width: 2.5 } },
		{ selector: 'edge[type = "MORE"]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none', label: '' } },
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

/** The view: the root, the nodes opened in order, the article pages opened per node. */
const view = { root: null, expanded: [], pages: new Map(), around: new Map(), truncated: new Set(), period: { from: null, to: null } };

function setStatus(id, message, error = false) {
	const el = $(id);
	el.textContent = message;
	el.classList.toggle('error', error);
}

function shorten(text, max) {
	return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** What tells a node apart from others with the same name: date or year, province and its era, level. */
function qualifierOf(n) {
	const parts = [];
	if (n.kind === 'PROVINCE') {
		if (ERAS[n.era]) {
			parts.push(ERAS[n.era]);
		}
		return parts.join(' · ');
	}
	if (n.kind === 'ARTICLE') {
		return n.date ? viDate(n.date) : '';
	}
	if (n.kind === 'DOCUMENT') {
		if (n.date) {
			parts.push(viDate(n.date));
		}
		else if (n.year) {
			parts.push(String(n.year));
		}
	}
	if (n.provinceName) {
		parts.push(n.provinceName + (ERAS[n.era] ? ` (${ERAS[n.era]})` : ''));
	}
	else if (n.level === 'CENTRAL' && n.kind === 'PARTY_BODY') {
		parts.push('Trung ương');
	}
	return parts.join(' · ');
}

function nodeData(n) {
	const qualifier = qualifierOf(n);
	const name = shorten(n.label || n.id, n.kind === 'ARTICLE' ? 44 : 60);
	return {
		id: n.id, kind: n.kind, label: n.label || n.id, qualifier,
		short: qualifier ? `${name}\n${qualifier}` : name,
		text: '', fs: 12, tw: 150, tp: 2, size: n.kind === 'ARTICLE' ? 14 : 22,
	};
}

// ---- Labels: hidden below a zoom level, shown on hover, tap and focus ----
// A label that the zoom would draw below MIN_LABEL_PX on screen is not drawn at all; the root,
// count nodes and a hovered, tapped or focused node (and its edges) are drawn at SHOWN_LABEL_PX
// on screen whatever the zoom. (cytoscape's own min-zoomed-font-size rounds the zoom to a power
// of two, which lets 12 px labels through at 0.6.)
const BASE_NODE_PX = 12;
const BASE_EDGE_PX = 11;
function refreshLabels() {
	const zoom = cy.zoom();
	const small = BASE_NODE_PX * zoom < MIN_LABEL_PX;
	const smallEdges = BASE_EDGE_PX * zoom < MIN_LABEL_PX;
	const shownPx = Math.max(BASE_NODE_PX, SHOWN_LABEL_PX / zoom);
	cy.batch(() => {
		cy.nodes().forEach((n) => {
			const onDemand = n.hasClass('pinned') || n.hasClass('hover') || n.selected();
			const fs = onDemand ? shownPx : BASE_NODE_PX;
			const kind = n.data('kind');
			const base = n.hasClass('root') || kind === 'MORE' ? 34 : kind === 'ARTICLE' ? 14 : 22;
			const size = Math.max(base, (n.hasClass('root') || kind === 'MORE' ? 16 : kind === 'ARTICLE' ? 7 : 10) / zoom);
			n.data({
				text: (onDemand || !small) ? n.data('short') : '', fs, tw: 170 * fs / BASE_NODE_PX,
				tp: 2 * fs / BASE_NODE_PX, size,
			});
		});
		cy.edges().forEach((e) => {
			const onDemand = e.hasClass('hover') || e.hasClass('near');
			e.data({
				text: (onDemand || !smallEdges) ? (e.data('name') || '') : '',
				fs: onDemand ? Math.max(BASE_EDGE_PX, (SHOWN_LABEL_PX - 1) / zoom) : BASE_EDGE_PX,
			});
		});
	});
}
let labelFrame = 0;
function scheduleLabels() {
	if (!labelFrame) {
		labelFrame = requestAnimationFrame(() => {
			labelFrame = 0;
			refreshLabels();
		});
	}
}
cy.on('zoom', scheduleLabels);
cy.on('select unselect', 'node', scheduleLabels);
cy.on('mouseover', 'node', (event) => highlight(event.target, true));
cy.on('mouseout', 'node', (event) => highlight(event.target, false));
cy.on('mouseover', 'edge', (event) => {
	event.target.addClass('hover');
	scheduleLabels();
});
cy.on('mouseout', 'edge', (event) => {
	event.target.removeClass('hover');
	scheduleLabels();
});

function highlight(node, on) {
	node.toggleClass('hover', on);
	node.connectedEdges().toggleClass('near', on);
	refreshLabels();
}

$('labels-toggle').addEventListener('click', () => {
	const on = $('labels-toggle').getAttribute('aria-pressed') !== 'true';
	$('labels-toggle').setAttribute('aria-pressed', String(on));
	$('labels-toggle').textContent = on ? 'Ẩn bớt nhãn' : 'Hiện mọi nhãn';
	cy.batch(() => cy.nodes().forEach((n) => n.toggleClass('pinned', on || n.hasClass('root') || n.data('kind') === 'MORE')));
	refreshLabels();
});

// ---- Filters ----
const typeFilter = $('type-filter');
for (const [type, label] of Object.entries(TYPES)) {
	const id = 'type-' + type;
	typeFilter.insertAdjacentHTML('beforeend', `<span class="type-option"><input type="checkbox" id="${id}" value="${type}" checked />`
		+ `<label for="${id}">${esc(label[0].toUpperCase() + label.slice(1))}</label></span>`);
}
typeFilter.addEventListener('change', () => reload());
let yearTimer = 0;
for (const id of ['year-from', 'year-to']) {
	// Asked once the typing pauses (a year is typed a digit at a time), or at once on change.
	$(id).addEventListener('input', () => {
		clearTimeout(yearTimer);
		yearTimer = setTimeout(yearsChanged, 600);
	});
	$(id).addEventListener('change', () => {
		clearTimeout(yearTimer);
		yearsChanged();
	});
}
$('fit').addEventListener('click', () => cy.fit(cy.elements(':visible'), 30));

function tickedTypes() {
	return [...typeFilter.querySelectorAll('input:checked')].map((i) => i.value);
}

/**
 * The years asked of the server: a year counts once typed in full (four digits); null when the
 * field is empty or still being typed, undefined when it cannot be a year.
 */
function yearOf(id) {
	const text = $(id).value.trim();
	if (!text) {
		return null;
	}
	const year = Number(text);
	return /^\d{4}$/.test(text) && year >= 1900 && year <= 2100 ? year : undefined;
}

/** The period the years stand for, as the API's dates; the error to show when there is none. */
function period() {
	const from = yearOf('year-from');
	const to = yearOf('year-to');
	if (from === undefined || to === undefined) {
		return { error: 'Năm phải có bốn chữ số, từ 1900 đến 2100.' };
	}
	if (from !== null && to !== null && from > to) {
		return { error: `Năm bắt đầu (${from}) phải trước hoặc bằng năm kết thúc (${to}).` };
	}
	return { from: from === null ? null : `${from}-01-01`, to: to === null ? null : `${to}-12-31`, fromYear: from, toYear: to };
}

/** The years asked for the view now drawn ("" when none). */
let drawnYears = '';

function yearsKey(p) {
	return p.error ? 'error' : `${p.from || ''}..${p.to || ''}`;
}

/** The years changed: every opened node is asked for again, only what was reported in them. */
function yearsChanged() {
	const p = period();
	const invalid = Boolean(p.error);
	$('year-from').setAttribute('aria-invalid', String(invalid));
	$('year-to').setAttribute('aria-invalid', String(invalid));
	setStatus('year-error', p.error || '', invalid);
	if (invalid || yearsKey(p) === drawnYears) {
		return;
	}
	reload();
}

/** The years in words for the messages (" trong năm 2020", " từ năm 2018 đến 2020"). */
function yearsWords(p) {
	if (p.fromYear && p.toYear) {
		return p.fromYear === p.toYear ? ` trong năm ${p.fromYear}` : ` từ năm ${p.fromYear} đến ${p.toYear}`;
	}
	return p.fromYear ? ` từ năm ${p.fromYear}` : p.toYear ? ` đến hết năm ${p.toYear}` : '';
}

function updateCount() {
	const real = cy.nodes(':visible').filter((n) => n.data('kind') !== 'MORE');
	const edges = cy.edges(':visible').filter((e) => e.data('type') !== 'MORE');
	$('graph-count').textContent = cy.nodes().length ? `(${real.length} nút, ${edges.length} quan hệ)` : '';
	$('cy').dataset.nodes = String(cy.nodes().length);
	$('cy').dataset.years = drawnYears;
	updateNodeList();
	updateDownloads();
}

// ---- Graph loading ----
function addNode(n, near) {
	if (cy.getElementById(n.id).nonempty()) {
		return null;
	}
	const origin = near ? near.position() : { x: 0, y: 0 };
	const node = cy.add({
		group: 'nodes',
		data: nodeData(n),
		position: { x: origin.x + (Math.random() - 0.5) * 160, y: origin.y + (Math.random() - 0.5) * 160 },
	});
	if ($('labels-toggle').getAttribute('aria-pressed') === 'true') {
		node.addClass('pinned');
	}
	return node;
}

function addEdge(e) {
	const id = `${e.type}|${e.from}|${e.to}`;
	if (cy.getElementById(id).nonempty() || cy.getElementById(e.from).empty() || cy.getElementById(e.to).empty()) {
		return;
	}
	cy.add({
		group: 'edges',
		data: {
			id, source: e.from, target: e.to, type: e.type, name: TYPES[e.type] || e.type,
			articleCount: e.articleCount, firstReported: e.firstReported,
			year: e.firstReported ? Number(e.firstReported.slice(0, 4)) : null, text: '', fs: 11,
		},
	});
}

function merge(subgraph, around) {
	let added = 0;
	for (const n of subgraph.nodes) {
		if (addNode(n, around)) {
			added++;
		}
	}
	subgraph.edges.forEach(addEdge);
	return added;
}

/** The articles around a node not drawn yet, as one count node that opens them a page at a time. */
function articleCounter(node) {
	const counts = view.around.get(node.id()) || [];
	const total = counts.filter((c) => c.kind === 'ARTICLE').reduce((sum, c) => sum + c.total, 0);
	const page = view.pages.get(node.id());
	const shown = page ? page.loaded : 0;
	const id = 'more:' + node.id();
	const rest = total - shown;
	const existing = cy.getElementById(id);
	if (rest <= 0 || node.data('kind') === 'ARTICLE') {
		existing.remove();
		return;
	}
	const label = shown ? `${rest} bài viết nữa` : `${rest} bài viết`;
	if (existing.nonempty()) {
		existing.data({ label, short: label + '\n(bấm để mở)' });
		return;
	}
	const p = node.position();
	cy.add({
		group: 'nodes',
		data: { id, kind: 'MORE', of: node.id(), label, short: label + '\n(bấm để mở)', text: '', fs: 12, tw: 150, tp: 2, size: 34 },
		classes: 'pinned',
		position: { x: p.x + 80, y: p.y - 80 },
	});
	cy.add({ group: 'edges', data: { id: id + '|edge', source: id, target: node.id(), type: 'MORE', name: '', text: '', fs: 11 } });
}

/** Rings around a single opened node, by kind; a force layout once several nodes are opened. */
const RINGS = { MORE: 9, PARTY_BODY: 8, PROVINCE: 7, DOCUMENT: 6, ARTICLE: 5 };
function layout(fit = true) {
	const nodes = cy.nodes().length;
	const options = view.expanded.length <= 1
		? {
			name: 'concentric',
			concentric: (n) => (n.hasClass('root') ? 10 : RINGS[n.data('kind')] || 4),
			levelWidth: () => 1,
			minNodeSpacing: nodes > 60 ? 14 : 40,
			spacingFactor: nodes > 60 ? 0.9 : 1.1,
			avoidOverlap: true,
			nodeDimensionsIncludeLabels: nodes <= 60,
		}
		: {
			name: 'cose',
			randomize: false,
			nodeDimensionsIncludeLabels: false,
			idealEdgeLength: () => (nodes > 80 ? 60 : 100),
			nodeRepulsion: () => (nodes > 80 ? 8000 : 14000),
			numIter: nodes > 150 ? 600 : 1000,
		};
	cy.layout({ ...options, animate: false, fit: false, padding: 30 }).run();
	if (view.expanded.length <= 1) {
		innerRing();
	}
	if (fit) {
		cy.fit(cy.elements(':visible'), 30);
	}
	refreshLabels();
}

/**
 * The few nodes that matter most around a single opened node on a ring of their own inside the
 * others, about 64 px from it on screen whatever the zoom: its count node above it, its issuers
 * below it, so that their labels clear the root's.
 */
function innerRing() {
	const root = cy.nodes('.root');
	if (root.empty()) {
		return;
	}
	const centre = root.position();
	const bodies = cy.nodes('[kind = "PARTY_BODY"]');
	const above = cy.nodes('[kind = "MORE"]');
	const below = bodies.length <= 4 ? bodies : cy.collection();
	if (above.empty() && below.empty()) {
		return;
	}
	const distances = cy.nodes().not(above).not(below).not(root)
		.map((n) => Math.hypot(n.position('x') - centre.x, n.position('y') - centre.y));
	const inner = distances.length ? Math.min(...distances) : 300;
	const outer = distances.length ? Math.max(...distances) : 300;
	const zoom = Math.min(3, cy.width() / (2 * outer + 60), cy.height() / (2 * outer + 60));
	const radius = Math.min(0.75 * inner, Math.max(0.35 * inner, 64 / zoom));
	const place = (nodes, direction) => nodes.forEach((n, i) => {
		const spread = nodes.length === 1 ? 0 : (i / (nodes.length - 1) - 0.5) * (Math.PI / 2);
		const angle = direction + spread;
		n.position({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
	});
	place(above, -Math.PI / 2);
	place(below, Math.PI / 2);
}

class NotFound extends Error {}

async function fetchNeighbourhood(id, p = period()) {
	try {
		return (await gql(NEIGHBOURHOOD, { id, types: tickedTypes(), limit: LIMIT, from: p.from || null, to: p.to || null }))
			.neighbourhood;
	}
	catch (err) {
		if ((err.errors || []).some((e) => e.extensions && e.extensions.classification === 'NOT_FOUND')) {
			throw new NotFound(id);
		}
		throw err;
	}
}

function notFoundMessage(id) {
	return `Không tìm thấy “${id}”: không có tỉnh, văn bản, cơ quan đảng hay bài viết nào có mã này. `
		+ 'Hãy tìm theo tên ở ô tìm kiếm phía trên.';
}

function remember(node, subgraph) {
	// The issuers of the root are named whatever the zoom.
	if (node.hasClass('root')) {
		subgraph.edges.filter((e) => e.type === 'ISSUED_BY' && e.from === node.id())
			.forEach((e) => cy.getElementById(e.to).addClass('pinned'));
	}
	view.around.set(node.id(), subgraph.around);
	if (subgraph.truncated) {
		view.truncated.add(node.id());
	}
	else {
		view.truncated.delete(node.id());
	}
	node.addClass('expanded');
	if (!view.expanded.includes(node.id())) {
		view.expanded.push(node.id());
	}
	articleCounter(node);
}

function describe(node, added, subgraph) {
	const name = `“${node.data('label')}”`;
	const articles = subgraph.around.filter((c) => c.kind === 'ARTICLE').reduce((s, c) => s + c.total - c.included, 0);
	const years = yearsWords(view.period);
	const parts = [added ? `Đã thêm ${added} nút quanh ${name}${years}` : `${name} không có thêm nút nào${years}`];
	if (articles) {
		parts.push(`${articles} bài viết gộp trong một nút — bấm vào để mở từng trang ${ARTICLE_PAGE} bài`);
	}
	if (subgraph.truncated) {
		parts.push(`đã cắt bớt ở ${LIMIT} quan hệ`);
	}
	return parts.join('; ') + '.';
}

async function expand(node) {
	if (node.data('kind') === 'MORE') {
		return moreArticles(node);
	}
	if (node.hasClass('expanded')) {
		return;
	}
	setStatus('graph-status', `Đang mở rộng “${node.data('label')}”…`);
	try {
		const subgraph = await fetchNeighbourhood(node.id(), view.period);
		const added = merge(subgraph, node);
		remember(node, subgraph);
		layout();
		updateCount();
		setStatus('graph-status', describe(node, added, subgraph));
	}
	catch (err) {
		setStatus('graph-status', err instanceof NotFound ? notFoundMessage(node.id()) : 'Lỗi: ' + err.message, true);
	}
}

/** Opens the next page of articles around the node a count node stands for. */
async function moreArticles(counter) {
	const node = cy.getElementById(counter.data('of'));
	const kind = node.data('kind');
	const filter = kind === 'DOCUMENT' ? 'documentKey' : kind === 'PROVINCE' ? 'provinceKey' : 'bodyKey';
	const page = view.pages.get(node.id()) || { loaded: 0, after: null };
	setStatus('graph-status', `Đang mở bài viết nhắc đến “${node.data('label')}”…`);
	try {
		const data = (await gql(ARTICLES, { [filter]: node.id(), first: ARTICLE_PAGE, after: page.after,
			from: view.period.from || null, to: view.period.to || null })).articles;
		let added = 0;
		for (const { node: a } of data.edges) {
			if (addNode({ id: a.id, kind: 'ARTICLE', label: a.title, date: a.publishedAt }, node)) {
				added++;
			}
			addEdge({ type: 'MENTIONS', from: a.id, to: node.id() });
		}
		page.loaded += data.edges.length;
		page.after = data.pageInfo.endCursor;
		view.pages.set(node.id(), page);
		articleCounter(node);
		layout();
		updateCount();
		const rest = data.totalCount - page.loaded;
		setStatus('graph-status', `Đã mở ${page.loaded}/${data.totalCount} bài viết nhắc đến “${node.data('label')}”${yearsWords(view.period)}`
			+ (rest > 0 ? `; còn ${rest}, bấm nút “${rest} bài viết nữa” để mở tiếp.` : '.'));
	}
	catch (err) {
		setStatus('graph-status', 'Lỗi: ' + err.message, true);
	}
}

function clearGraph() {
	cy.elements().remove();
	view.root = null;
	view.expanded = [];
	view.pages = new Map();
	view.around = new Map();
	view.truncated = new Set();
	$('graph-title').textContent = '';
}

/** Draws the neighbourhood of a node as a new view; nothing is drawn for an id that does not exist. */
async function open(id) {
	const p = period();
	if (p.error) {
		setStatus('graph-status', p.error, true);
		return;
	}
	setStatus('graph-status', 'Đang tải…');
	let subgraph;
	try {
		subgraph = await fetchNeighbourhood(id, p);
	}
	catch (err) {
		clearGraph();
		updateCount();
		$('details-body').innerHTML = '<p class="muted">Chọn một nút trong đồ thị.</p>';
		setStatus('graph-status', err instanceof NotFound ? notFoundMessage(id) : 'Lỗi: ' + err.message, true);
		return;
	}
	clearGraph();
	view.period = p;
	drawnYears = yearsKey(p);
	const rootData = subgraph.nodes[0];
	const root = addNode(rootData, null);
	root.addClass('root pinned');
	root.data('size', 34);
	view.root = root.id();
	$('graph-title').textContent = '· ' + rootData.label + (qualifierOf(rootData) ? ` (${qualifierOf(rootData)})` : '');
	document.title = `${rootData.label} · Khám phá đồ thị · policy-graph`;
	const added = merge(subgraph, root);
	remember(root, subgraph);
	root.select();
	history.replaceState(null, '', urlOf(id, p));
	layout();
	updateCount();
	setStatus('graph-status', describe(root, added, subgraph));
	await showDetails(root);
}

/** The page's address for a root and the years drawn around it (`?id=…&from=2012&to=2012`). */
function urlOf(id, p) {
	const url = new URL(location.href);
	url.searchParams.set('id', id);
	for (const [name, year] of [['from', p.fromYear], ['to', p.toYear]]) {
		if (year) {
			url.searchParams.set(name, String(year));
		}
		else {
			url.searchParams.delete(name);
		}
	}
	return url;
}

/** The years of the address into the fields (empty when absent). */
function yearsFromUrl() {
	const params = new URLSearchParams(location.search);
	$('year-from').value = params.get('from') || '';
	$('year-to').value = params.get('to') || '';
	const p = period();
	setStatus('year-error', p.error || '', Boolean(p.error));
}

/** Whether the reload under way restores an address (Back, Forward) rather than a user's change. */
let restoring = false;

/** Asks the server again for every opened node with the relationship types now ticked. */
let reloading = Promise.resolve();
function reload({ fromHistory = false } = {}) {
	reloading = reloading.then(async () => {
		restoring = fromHistory;
		if (!view.root) {
			return;
		}
		const opened = [...view.expanded];
		const positions = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
		const selected = cy.nodes(':selected').map((n) => n.id());
		const rootId = view.root;
		const title = $('graph-title').textContent;
		// Years still being typed wrongly leave the view's years as they were.
		const typed = period();
		const p = typed.error ? view.period : typed;
		setStatus('graph-status', 'Đang hỏi lại máy chủ với các quan hệ và năm đã chọn…');
		$('cy').setAttribute('aria-busy', 'true');
		try {
			const answers = [];
			for (const id of opened) {
				answers.push([id, await fetchNeighbourhood(id, p)]);
			}
			clearGraph();
			$('graph-title').textContent = title;
			view.root = rootId;
			view.period = p;
			drawnYears = yearsKey(p);
			for (const [id, subgraph] of answers) {
				if (id !== rootId && cy.getElementById(id).empty()) {
					continue; // reached only through a type no longer ticked
				}
				merge(subgraph, null);
				const node = cy.getElementById(id);
				if (id === rootId) {
					node.addClass('root pinned');
				}
				remember(node, subgraph);
			}
			cy.nodes().forEach((n) => {
				const p = positions.get(n.id()) || positions.get(n.data('of'));
				if (p) {
					n.position(p);
				}
			});
			selected.forEach((id) => cy.getElementById(id).select());
			layout();
			updateCount();
			const types = tickedTypes().map((t) => TYPES[t]).join(', ') || 'không loại nào';
			const url = urlOf(rootId, p);
			if (url.search !== location.search) {
				// The years are in the URL: a shared link keeps them, Back and Forward step through them.
				(restoring ? history.replaceState : history.pushState).call(history, null, '', url);
			}
			const years = yearsWords(p);
			setStatus('graph-status', `Đã hỏi lại máy chủ cho ${opened.length} nút đã mở, chỉ với quan hệ: ${types}`
				+ (years ? `; chỉ những gì được báo cáo${years}` : '') + '.');
		}
		catch (err) {
			setStatus('graph-status', 'Lỗi: ' + err.message, true);
		}
		finally {
			$('cy').setAttribute('aria-busy', 'false');
		}
	});
	return reloading;
}

cy.on('tap', 'node', (event) => {
	const node = event.target;
	if (node.data('kind') === 'MORE') {
		moreArticles(node);
		return;
	}
	cy.nodes().unselect();
	node.select();
	showDetails(node);
	expand(node);
});

// ---- The node list: every drawn node, reachable by keyboard ----
function updateNodeList() {
	const list = $('node-list');
	const nodes = cy.nodes().filter((n) => n.data('kind') !== 'MORE' && n.visible());
	$('node-list-count').textContent = String(nodes.length);
	if (!$('node-list-box').open) {
		list.dataset.stale = 'true';
		return;
	}
	const order = { PROVINCE: 0, PARTY_BODY: 1, DOCUMENT: 2, ARTICLE: 3 };
	const sorted = nodes.toArray().sort((a, b) => (order[a.data('kind')] - order[b.data('kind')])
		|| a.data('label').localeCompare(b.data('label'), 'vi'));
	list.innerHTML = sorted.map((n) => `<li><button type="button" class="linklike" data-focus="${esc(n.id())}">`
		+ `<span class="chip ${esc(n.data('kind'))}">${esc(KIND_LABELS[n.data('kind')])}</span> ${esc(n.data('label'))}`
		+ (n.data('qualifier') ? ` <span class="muted">· ${esc(n.data('qualifier'))}</span>` : '') + '</button></li>').join('');
	list.dataset.stale = 'false';
}
$('node-list-box').addEventListener('toggle', updateNodeList);
$('node-list').addEventListener('focusin', (event) => {
	const button = event.target.closest('button[data-focus]');
	if (button) {
		const node = cy.getElementById(button.dataset.focus);
		cy.nodes('.hover').forEach((n) => highlight(n, false));
		highlight(node, true);
	}
});
$('node-list').addEventListener('focusout', (event) => {
	const button = event.target.closest('button[data-focus]');
	if (button) {
		highlight(cy.getElementById(button.dataset.focus), false);
	}
});
$('node-list').addEventListener('click', (event) => {
	const button = event.target.closest('button[data-focus]');
	if (button) {
		const node = cy.getElementById(button.dataset.focus);
		cy.nodes().unselect();
		node.select();
		cy.animate({ center: { eles: node } }, { duration: 200 });
		showDetails(node);
		expand(node);
	}
});

// ---- Downloads: what is drawn (default), or the whole neighbourhood of the root ----
function viewForm() {
	const form = new URLSearchParams();
	cy.nodes().filter((n) => n.data('kind') !== 'MORE').forEach((n) => form.append('id', n.id()));
	view.expanded.filter((id) => cy.getElementById(id).nonempty()).forEach((id) => form.append('expanded', id));
	tickedTypes().forEach((t) => form.append('relationshipTypes', t));
	// The years drawn: the file holds the relationships reported in them, as the drawing does.
	for (const bound of ['from', 'to']) {
		if (view.period && view.period[bound]) {
			form.set(bound, view.period[bound]);
		}
	}
	return form;
}

function updateDownloads() {
	const box = $('downloads');
	if (!view.root) {
		box.hidden = true;
		return;
	}
	box.hidden = false;
	const nodes = cy.nodes().filter((n) => n.data('kind') !== 'MORE').length;
	const edges = cy.edges().filter((e) => e.data('type') !== 'MORE').length;
	$('view-size').textContent = `${nodes} nút, ${edges} quan hệ`;
	const root = cy.getElementById(view.root);
	$('full-root').textContent = `“${root.data('label')}”`;
	const params = new URLSearchParams({ id: view.root, limit: '1000' });
	tickedTypes().forEach((t) => params.append('relationshipTypes', t));
	for (const bound of ['from', 'to']) {
		if (view.period[bound]) {
			params.set(bound, view.period[bound]);
		}
	}
	$('download-full-graphml').href = '/export/neighbourhood.graphml?' + params;
	$('download-full-json').href = '/export/neighbourhood.json?' + params;
	const total = (view.around.get(view.root) || []).reduce((sum, c) => sum + c.total, 0);
	$('full-note').textContent = total > 1000
		? `(${total} quan hệ: tệp sẽ bị cắt còn 1000, tệp ghi rõ điều đó)`
		: `(${total} quan hệ, đủ cả)`;
}

async function downloadView(format) {
	setStatus('download-status', 'Đang tạo tệp…');
	try {
		const response = await fetch(`/export/view.${format}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: viewForm(),
		});
		if (!response.ok) {
			throw new Error(`HTTP ${response.status}`);
		}
		const blob = await response.blob();
		const cut = response.headers.get('Graph-Truncated') === 'true';
		const leftOut = Number(response.headers.get('Graph-Left-Out') || 0);
		const name = (/filename\*?=(?:UTF-8'')?"?([^";]+)/i.exec(response.headers.get('Content-Disposition') || '') || [])[1]
			|| `view.${format}`;
		const link = document.createElement('a');
		link.href = URL.createObjectURL(blob);
		link.download = decodeURIComponent(name);
		document.body.appendChild(link);
		link.click();
		link.remove();
		setTimeout(() => URL.revokeObjectURL(link.href), 10000);
		const status = $('download-status');
		status.dataset.truncated = String(cut);
		status.dataset.leftOut = String(leftOut);
		setStatus('download-status', cut
			? `Đã tải ${link.download}: đồ thị đang hiển thị, ĐÃ CẮT — ${leftOut} quan hệ của các nút đã mở không có trong tệp `
				+ '(tệp ghi rõ trong chú thích đầu tệp). Dùng “Toàn bộ vùng lân cận” để tải đủ.'
			: `Đã tải ${link.download}: đủ mọi quan hệ của các nút đã mở.`);
	}
	catch (err) {
		setStatus('download-status', 'Lỗi khi tải: ' + err.message, true);
	}
}
$('download-view-graphml').addEventListener('click', () => downloadView('graphml'));
$('download-view-json').addEventListener('click', () => downloadView('json'));

// ---- Search ----
let searchNumber = 0;
$('search-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const text = $('search-text').value.trim();
	const list = $('hits');
	if (!text) {
		list.innerHTML = '';
		return;
	}
	// Only the latest search fills the list: an earlier answer arriving late is dropped, not appended.
	const number = ++searchNumber;
	setStatus('search-status', 'Đang tìm…');
	try {
		const data = await gql(SEARCH, { text });
		if (number !== searchNumber) {
			return;
		}
		list.innerHTML = '';
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
			const meta = hitFacts(hit);
			// The snippet comes HTML-escaped from the API, with <mark> around matched words.
			button.innerHTML = `<span class="chip ${hit.kind}">${esc(KIND_LABELS[hit.kind])}</span> `
				+ `<strong>${esc(entity.name)}</strong>`
				// Each fact kept on one line: a date is not broken at its hyphens.
				+ (meta ? ` <span class="hit-meta">${meta.split(' · ').map((f) => `<span class="nowrap">${esc(f)}</span>`).join(' · ')}</span>` : '')
				+ `<span class="snippet">${hit.snippet}</span>`;
			button.addEventListener('click', () => {
				list.innerHTML = '';
				setStatus('search-status', `Đã chọn: ${entity.name}${meta ? ' · ' + meta : ''}`);
				open(entity.key);
				$('graph-heading').scrollIntoView({ block: 'start' });
			});
			li.appendChild(button);
			list.appendChild(li);
		}
	}
	catch (err) {
		if (number === searchNumber) {
			setStatus('search-status', 'Lỗi: ' + err.message, true);
		}
	}
});

function eraOf(province) {
	return province && ERAS[province.era] ? ` (${ERAS[province.era]})` : '';
}

/** What tells a hit apart from others with the same name: kind, level, province and its era, date. */
function hitFacts(hit) {
	const parts = [];
	if (hit.province) {
		parts.push(hit.province.type === 'city' ? 'thành phố trực thuộc TW' : 'tỉnh');
		if (ERAS[hit.province.era]) {
			parts.push(ERAS[hit.province.era]);
		}
	}
	if (hit.document) {
		const d = hit.document;
		parts.push(DOCUMENT_TYPES[d.type] ? DOCUMENT_TYPES[d.type].toLowerCase() : 'văn bản');
		if (LEVEL_PHRASES[d.level]) {
			parts.push(LEVEL_PHRASES[d.level]);
		}
		parts.push(d.issuedOn ? 'ngày ' + viDate(d.issuedOn) : d.year ? 'năm ' + d.year : 'chưa rõ ngày');
		const local = d.issuedBy.find((b) => b.province);
		if (local) {
			parts.push(local.province.name + eraOf(local.province));
		}
		else if (d.issuedBy.length) {
			parts.push(d.issuedBy.map((b) => b.name).join(', '));
		}
	}
	if (hit.partyBody) {
		const b = hit.partyBody;
		if (LEVEL_PHRASES[b.level]) {
			parts.push(LEVEL_PHRASES[b.level]);
		}
		if (b.province) {
			parts.push(b.province.name + eraOf(b.province));
		}
		if (b.parent) {
			parts.push('thuộc ' + b.parent.name);
		}
	}
	return parts.join(' · ');
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
	if (kind === 'MORE') {
		return;
	}
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
			body.innerHTML = html;
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

// A name in the details panel selects (and if needed opens) that node.
$('details-body').addEventListener('click', (event) => {
	const button = event.target.closest('button[data-node]');
	if (!button) {
		return;
	}
	const key = button.dataset.node;
	const node = cy.getElementById(key);
	if (node.empty()) {
		open(key);
		return;
	}
	cy.nodes().unselect();
	node.select();
	cy.animate({ center: { eles: node } }, { duration: 200 });
	showDetails(node);
	expand(node);
});

// Open ?id=… directly (a shared link), with its years (&from=…&to=…): the name comes from the
// server, never the raw key.
yearsFromUrl();
const initial = new URLSearchParams(location.search).get('id');
if (initial) {
	open(initial);
}
// Back and Forward: the years (and the root) of the address.
window.addEventListener('popstate', () => {
	yearsFromUrl();
	const id = new URLSearchParams(location.search).get('id');
	if (id && id !== view.root) {
		open(id);
	}
	else if (id) {
		reload({ fromHistory: true });
	}
});
updateCount();
