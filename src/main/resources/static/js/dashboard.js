// Dashboard: how far a party document's implementation has spread over the provincial units (a
// tile-grid map beside a table, bars per unit), its mentions per month over a chosen period, what
// a province implements by year, and live updates over the graphql-ws subscriptions. Everything
// comes from the public GraphQL API. The choice and the filters live in the URL (Back and Forward
// work); every panel shows its loading, empty and error states, and a panel never shows the
// figures of a document other than the one chosen: each request carries a token, the answer of
// an outdated request is dropped (and its fetch aborted).
import { gql, esc, viDate, LiveClient } from './api.js';
import { horizontalBars, verticalBars, drawAtWidth, clearChart } from './charts.js';
import { TileMap, loadGrids } from './tilemap.js';

const CHOICES = `query DocumentChoices($text: String, $first: Int) {
  central: documentChoices(text: $text, scope: CENTRAL, first: $first) { ...choice }
  local: documentChoices(text: $text, scope: LOCAL, first: $first) { ...choice }
}
fragment choice on DocumentChoice {
  document { key name year issuedOn }
  implementers { pre2025 post2025 }
  mentionCount
}`;

const MOST_IMPLEMENTED = `query MostImplemented {
  documentChoices(scope: CENTRAL, first: 1) { document { key } }
}`;

const PROVINCES = `query DashboardProvinces { provinces { key name era } }`;

const COVERAGE = `query Coverage($key: ID!, $units: ProvinceUnits!, $from: Date, $to: Date) {
  coverage(documentKey: $key, units: $units, from: $from, to: $to) {
    document { key name subject year issuedOn }
    units totalUnits implementedCount
    implemented { province { key name } firstReported articleCount via { key name } }
    missing { key name }
  }
}`;

const MENTIONS = `query Mentions($key: ID!, $from: Date, $to: Date) {
  document(key: $key) { key }
  mentionsPerMonth(documentKey: $key, from: $from, to: $to) { month count }
}`;

const PROVINCE = `query ProvinceImplements($key: String!, $from: Date, $to: Date) {
  province(name: $key) {
    key name
    implements(first: 100, from: $from, to: $to) {
      totalCount
      edges { node {
        province { key name }
        document { key name year }
        via { key name }
        firstReported articleCount
      } }
    }
  }
}`;

const UNIT_SETS = {
	PRE_2025: { total: 63, words: '63 tỉnh, thành (đến 30-6-2025)' },
	POST_2025: { total: 34, words: '34 tỉnh, thành (từ 1-7-2025)' },
};

/** The most units the bar chart lists; the table has them all. */
const MAX_BARS = 20;

const $ = (id) => document.getElementById(id);

/** What the page shows: everything here is in the URL. */
const state = { document: '', units: 'PRE_2025', province: '', from: '', to: '', measure: 'year' };

/** The name shown in the picker for the chosen document, once known. */
let chosenLabel = '';

// ---- The period ----

/** Whether the period's bounds are in order (an open bound always is). */
function periodValid() {
	return !(state.from && state.to && state.from > state.to);
}

/** The period in words (" trong khoảng 1-1-2020 – 31-12-2020"), empty when open. */
function periodWords() {
	return state.from || state.to
		? ` trong khoảng ${state.from ? viDate(state.from) : '…'} – ${state.to ? viDate(state.to) : '…'}` : '';
}

/** Shows the period's one error (bounds out of order) under its fields, or nothing. */
function showPeriodError() {
	const valid = periodValid();
	setStatus('period-error', valid ? '' : 'Ngày bắt đầu phải trước hoặc trùng ngày kết thúc: các số liệu chưa được tải.', !valid);
	$('period-from').setAttribute('aria-invalid', String(!valid));
	$('period-to').setAttribute('aria-invalid', String(!valid));
	return valid;
}

// ---- Requests that may be overtaken ----

/**
 * One kind of request (coverage, mentions …): starting one aborts the previous, and only the
 * answer of the latest is used.
 */
class Latest {
	constructor() {
		this.token = 0;
		this.controller = null;
	}

	/**
	 * Runs the query; resolves to its data (or error), or to null when a newer request overtook
	 * it. A read the server stopped for taking too long (a busy moment) is asked once more.
	 */
	async run(query, variables) {
		this.controller?.abort();
		const controller = new AbortController();
		this.controller = controller;
		const token = ++this.token;
		for (let attempt = 0; ; attempt++) {
			try {
				const data = await gql(query, variables, { signal: controller.signal });
				return token === this.token ? { data } : null;
			}
			catch (err) {
				if (token !== this.token || err.name === 'AbortError') {
					return null;
				}
				const timedOut = (err.errors || []).some((e) => e.extensions?.reason === 'TIMEOUT');
				if (!timedOut || attempt > 0) {
					return { error: err };
				}
			}
		}
	}

	/** Drops whatever is under way. */
	cancel() {
		this.controller?.abort();
		this.token++;
	}
}

const requests = { choices: new Latest(), coverage: new Latest(), mentions: new Latest(), province: new Latest() };

// ---- Panel states ----

function setStatus(id, message, error = false) {
	const el = $(id);
	el.textContent = message;
	el.classList.toggle('error', error);
}

/** Marks a panel loading, empty, error or ready (data-state, aria-busy). */
function panel(id, status) {
	const el = $(id);
	el.dataset.state = status;
	el.setAttribute('aria-busy', String(status === 'loading'));
}

// ---- URL ----

function readUrl() {
	const params = new URLSearchParams(location.search);
	return {
		document: params.get('document') || '',
		units: params.get('units') === 'POST_2025' ? 'POST_2025' : 'PRE_2025',
		province: params.get('province') || '',
		from: validDate(params.get('from')),
		to: validDate(params.get('to')),
		measure: params.get('measure') === 'articles' ? 'articles' : 'year',
	};
}

function validDate(value) {
	return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}

function urlOf(s) {
	const url = new URL(location.href);
	url.search = '';
	for (const [name, value, fallback] of [['document', s.document, ''], ['units', s.units, 'PRE_2025'],
		['from', s.from, ''], ['to', s.to, ''], ['measure', s.measure, 'year'], ['province', s.province, '']]) {
		if (value && value !== fallback) {
			url.searchParams.set(name, value);
		}
	}
	return url;
}

/** Records a user's change as a history entry, so that Back undoes it. */
function push() {
	const url = urlOf(state);
	if (url.href !== location.href) {
		history.pushState(null, '', url);
	}
}

/** Shows the state in the controls. */
function showControls() {
	$(state.units === 'POST_2025' ? 'units-post' : 'units-pre').checked = true;
	$('period-from').value = state.from;
	$('period-to').value = state.to;
	$('measure').value = state.measure;
	if ($('province-select').querySelector(`option[value="${CSS.escape(state.province)}"]`)) {
		$('province-select').value = state.province;
	}
	if (!combo.open) {
		$('document-input').value = chosenLabel;
	}
}

/** Applies a state (from the URL), refreshing only what changed. */
function apply(next) {
	const before = { ...state };
	Object.assign(state, next);
	if (state.document !== before.document) {
		chosenLabel = '';
	}
	showControls();
	const periodChanged = state.from !== before.from || state.to !== before.to;
	if (state.document !== before.document || state.units !== before.units || periodChanged) {
		refreshCoverage();
	}
	else if (state.measure !== before.measure) {
		drawCoverage();
	}
	if (state.document !== before.document || periodChanged) {
		refreshMentions();
	}
	if (state.province !== before.province || (state.province && periodChanged)) {
		refreshProvince();
	}
}

window.addEventListener('popstate', () => apply(readUrl()));

// ---- The document picker (ARIA combobox with a grouped listbox) ----

const combo = {
	open: false,
	options: [],
	active: -1,
	timer: 0,
};

/** Province names by key, for the issuer of a local document (the scope in its key). */
const provinceNames = new Map();

function choiceLabel(document) {
	const when = document.issuedOn ? viDate(document.issuedOn) : (document.year ?? '');
	const scope = document.key.split('|')[1];
	const where = scope && scope !== 'TW' && provinceNames.has(scope) ? `, ${provinceNames.get(scope)}` : '';
	return when || where ? `${document.name} (${[when, where.slice(2)].filter(Boolean).join(', ')})` : document.name;
}

function openList() {
	combo.open = true;
	$('document-listbox').hidden = false;
	$('document-input').setAttribute('aria-expanded', 'true');
}

function closeList() {
	combo.open = false;
	combo.active = -1;
	$('document-listbox').hidden = true;
	$('document-input').setAttribute('aria-expanded', 'false');
	$('document-input').removeAttribute('aria-activedescendant');
	requests.choices.cancel();
}

function listMessage(text, error = false) {
	$('document-listbox').innerHTML = `<p class="listbox-note${error ? ' error' : ''}">${esc(text)}</p>`;
	combo.options = [];
	combo.active = -1;
}

/** The list without text, kept until an ingest changes the figures (it is asked at every focus). */
let browseList = null;

async function searchChoices(text) {
	openList();
	let answer = !text && browseList ? { data: browseList } : null;
	if (!answer) {
		listMessage('Đang tìm…');
		answer = await requests.choices.run(CHOICES, { text: text || null, first: 12 });
	}
	if (!answer || !combo.open) {
		return;
	}
	if (!text && answer.data) {
		browseList = answer.data;
	}
	if (answer.error) {
		listMessage('Lỗi khi tìm văn bản: ' + answer.error.message, true);
		return;
	}
	const groups = [['Văn bản trung ương', answer.data.central], ['Văn bản địa phương', answer.data.local]];
	combo.options = [];
	const html = groups.filter(([, list]) => list.length).map(([title, list], g) => {
		const items = list.map((choice) => {
			const index = combo.options.push(choice) - 1;
			const i = choice.implementers;
			return `<div role="option" id="choice-${index}" class="option" data-index="${index}" aria-selected="false">`
				+ `<span class="option-name">${esc(choiceLabel(choice.document))}</span>`
				+ `<span class="option-figures">${i.pre2025}/63 · ${i.post2025}/34 tỉnh, thành · ${choice.mentionCount} bài</span></div>`;
		}).join('');
		return `<div role="group" aria-labelledby="choice-group-${g}"><p class="group-title" id="choice-group-${g}" role="presentation">${esc(title)}</p>${items}</div>`;
	}).join('');
	if (!combo.options.length) {
		listMessage(text ? `Không có văn bản nào khớp “${text}”.` : 'Chưa có văn bản nào trong đồ thị.');
		return;
	}
	$('document-listbox').innerHTML = html;
	setActive(0);
}

function setActive(index) {
	const options = $('document-listbox').querySelectorAll('.option');
	if (!options.length) {
		return;
	}
	combo.active = (index + options.length) % options.length;
	options.forEach((o, i) => o.setAttribute('aria-selected', String(i === combo.active)));
	const active = options[combo.active];
	$('document-input').setAttribute('aria-activedescendant', active.id);
	active.scrollIntoView({ block: 'nearest' });
}

function choose(index) {
	const choice = combo.options[index];
	if (!choice) {
		return;
	}
	closeList();
	chosenLabel = choiceLabel(choice.document);
	$('document-input').value = chosenLabel;
	if (choice.document.key !== state.document) {
		state.document = choice.document.key;
		push();
		refreshCoverage();
		refreshMentions();
	}
}

$('document-input').addEventListener('input', (event) => {
	clearTimeout(combo.timer);
	const text = event.target.value.trim();
	combo.timer = setTimeout(() => searchChoices(text), 150);
});
$('document-input').addEventListener('focus', (event) => {
	event.target.select();
	searchChoices(event.target.value === chosenLabel ? '' : event.target.value.trim());
});
$('document-input').addEventListener('keydown', (event) => {
	if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
		event.preventDefault();
		if (!combo.open) {
			searchChoices('');
		}
		else {
			setActive(combo.active + (event.key === 'ArrowDown' ? 1 : -1));
		}
	}
	else if (event.key === 'Enter') {
		if (combo.open && combo.active >= 0) {
			event.preventDefault();
			choose(combo.active);
		}
	}
	else if (event.key === 'Escape') {
		closeList();
		event.target.value = chosenLabel;
	}
});
$('document-input').addEventListener('blur', () => {
	setTimeout(() => {
		if (document.activeElement !== $('document-input')) {
			closeList();
			$('document-input').value = chosenLabel;
		}
	}, 150);
});
// mousedown keeps the focus in the input; the click chooses.
$('document-listbox').addEventListener('mousedown', (event) => event.preventDefault());
$('document-listbox').addEventListener('click', (event) => {
	const option = event.target.closest('.option');
	if (option) {
		choose(Number(option.dataset.index));
	}
});

// ---- Coverage: summary, map, table, bars ----

const map = new TileMap($('coverage-map'), {
	onSelect: (key) => {
		for (const row of $('coverage-table').querySelectorAll('tbody tr')) {
			row.classList.toggle('selected', row.dataset.key === key);
			if (row.dataset.key === key) {
				row.scrollIntoView({ block: 'nearest' });
			}
		}
	},
});

/** The coverage shown, or null: always the chosen document's. */
let coverage = null;

/** Empties every figure of the coverage panels (no other document's figures stay on screen). */
function clearCoverage(message, status) {
	coverage = null;
	$('coverage-panel').classList.add('no-figures');
	$('coverage-count').textContent = '–';
	$('coverage-of').textContent = '';
	$('coverage-progress').style.width = '0';
	$('coverage-table').querySelector('tbody').replaceChildren();
	$('coverage-table').removeAttribute('data-document');
	$('coverage-table').removeAttribute('data-period');
	$('missing-count').textContent = '–';
	$('missing-list').replaceChildren();
	$('download-coverage').hidden = true;
	map.clear(status === 'loading' ? 'Đang tải bản đồ…' : '');
	clearChart($('coverage-chart'));
	$('bars-note').textContent = '';
	for (const id of ['coverage-panel', 'bars-panel']) {
		panel(id, status);
	}
	setStatus('coverage-status', message, status === 'error');
	setStatus('bars-status', status === 'loading' ? 'Đang tải…' : (status === 'error' ? 'Không có số liệu.' : ''), false);
}

/**
 * Loads the chosen document's coverage. A live refresh (fresh figures of the document already
 * shown) keeps the figures on screen until the new ones arrive; any other change clears them first.
 */
async function refreshCoverage({ live = false } = {}) {
	const key = state.document;
	const units = state.units;
	const from = state.from;
	const to = state.to;
	$('coverage-panel').dataset.document = key;
	$('coverage-panel').dataset.units = units;
	$('coverage-panel').dataset.period = `${from}..${to}`;
	if (!key) {
		requests.coverage.cancel();
		clearCoverage('Chọn một văn bản để xem các tỉnh, thành đã triển khai.', 'empty');
		return;
	}
	if (!showPeriodError()) {
		requests.coverage.cancel();
		clearCoverage('Chọn lại khoảng thời gian.', 'error');
		setStatus('bars-status', 'Chọn lại khoảng thời gian.', true);
		return;
	}
	if (live && coverage && coverage.document.key === key && coverage.units === units
		&& coverage.from === from && coverage.to === to) {
		$('coverage-panel').setAttribute('aria-busy', 'true');
	}
	else {
		clearCoverage('Đang tải…', 'loading');
		setStatus('document-status', '');
	}
	const [answer, grids] = await Promise.all([requests.coverage.run(COVERAGE, { key, units, from: from || null, to: to || null }),
		loadGrids().catch((err) => ({ error: err }))]);
	if (!answer) {
		return;
	}
	if (answer.error || grids.error) {
		clearCoverage('Lỗi khi tải số liệu: ' + (answer.error || grids.error).message, 'error');
		return;
	}
	const c = answer.data.coverage;
	if (!c) {
		clearCoverage(`Không tìm thấy văn bản có khóa “${key}” trong đồ thị. Hãy chọn văn bản khác.`, 'error');
		setStatus('document-status', `Không tìm thấy văn bản “${key}”.`, true);
		chosenLabel = '';
		showControls();
		return;
	}
	coverage = { ...c, from, to, grid: grids[c.units] };
	chosenLabel = choiceLabel(c.document);
	showControls();
	// "X về Y" only when the subject says more than the name (a congress resolution's subject is its name).
	const subject = c.document.subject && c.document.subject !== c.document.name ? c.document.subject : '';
	setStatus('document-status', subject ? `${c.document.name} về ${subject}` : c.document.name);
	drawCoverage();
}

/** The period a coverage was asked for, in words. */
function periodOf(c) {
	return c.from || c.to ? ` trong khoảng ${c.from ? viDate(c.from) : '…'} – ${c.to ? viDate(c.to) : '…'}` : '';
}

function drawCoverage() {
	const c = coverage;
	if (!c) {
		return;
	}
	const set = UNIT_SETS[c.units];
	$('coverage-panel').classList.remove('no-figures');
	const percent = (100 * c.implementedCount / c.totalUnits).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
	$('coverage-count').textContent = String(c.implementedCount);
	const period = periodOf(c);
	$('coverage-of').textContent = `/ ${set.words} đã có báo cáo triển khai${period} (${percent} %)`;
	$('coverage-progress').style.width = `${(100 * c.implementedCount / c.totalUnits).toFixed(1)}%`;
	const post = c.units === 'POST_2025';
	$('coverage-table').classList.toggle('with-via', post);
	$('coverage-table').querySelector('tbody').innerHTML = c.implemented.map((cell) => `<tr data-key="${esc(cell.province.key)}">
			<td><a href="/explore?id=${encodeURIComponent(cell.province.key)}">${esc(cell.province.name)}</a></td>
			<td>${viDate(cell.firstReported)}</td>
			<td class="num">${cell.articleCount}</td>
			<td class="via-col">${cell.via.map((v) => esc(v.name)).join(', ')}</td></tr>`).join('')
		|| `<tr><td colspan="4" class="muted">Chưa tỉnh, thành nào trong ${set.total} có báo cáo triển khai${period}.</td></tr>`;
	$('missing-count').textContent = `${c.missing.length} / ${set.total} tỉnh, thành`;
	$('missing-list').innerHTML = c.missing.map((p) => `<li>${esc(p.name)}</li>`).join('');
	$('download-coverage').hidden = false;
	$('download-coverage').textContent = period ? `bảng triển khai (CSV${period})` : 'bảng triển khai (CSV)';
	// The file counts over the same period as the figures shown.
	$('download-coverage').href = `/export/coverage.csv?documentKeys=${encodeURIComponent(c.document.key)}&units=${encodeURIComponent(c.units)}`
		+ (c.from ? `&from=${c.from}` : '') + (c.to ? `&to=${c.to}` : '');
	map.render(c.grid, c.implemented, state.measure,
		`Bản đồ ${set.words}: ${c.implementedCount} đã triển khai, tô màu theo ${state.measure === 'articles' ? 'số bài' : 'năm báo cáo đầu tiên'}`);
	$('coverage-table').dataset.document = c.document.key;
	$('coverage-table').dataset.units = c.units;
	$('coverage-table').dataset.period = `${c.from}..${c.to}`;
	setStatus('coverage-status', c.implementedCount ? '' : `Chưa tỉnh, thành nào trong ${set.total} có báo cáo triển khai văn bản này${period}.`);
	panel('coverage-panel', c.implementedCount ? 'ready' : 'empty');

	const bars = [...c.implemented].sort((a, b) => b.articleCount - a.articleCount
		|| a.province.name.localeCompare(b.province.name, 'vi'));
	if (!bars.length) {
		clearChart($('coverage-chart'));
		setStatus('bars-status', `Chưa có bài viết nào báo cáo triển khai${period}.`);
		$('bars-note').textContent = '';
		panel('bars-panel', 'empty');
		return;
	}
	const shown = bars.slice(0, MAX_BARS);
	setStatus('bars-status', '');
	drawAtWidth($('coverage-chart'), (width) => horizontalBars(shown.map((cell) => ({ label: cell.province.name, value: cell.articleCount })),
		{ title: `Số bài báo cáo triển khai theo tỉnh, thành (${set.words})${period}, nhiều nhất trước`, width }));
	$('bars-note').textContent = bars.length > shown.length
		? `${shown.length} tỉnh, thành nhiều bài nhất trong ${bars.length} đã triển khai (trên ${set.total})${period}; đủ cả trong bảng.`
		: `${bars.length} tỉnh, thành đã triển khai (trên ${set.total})${period}, nhiều bài nhất trước.`;
	$('bars-panel').dataset.document = c.document.key;
	$('bars-panel').dataset.period = `${c.from}..${c.to}`;
	panel('bars-panel', 'ready');
}

// ---- Mentions per month ----

function monthLabel(month) {
	const [y, m] = month.split('-');
	return `${m}/${y}`;
}

async function refreshMentions({ live = false } = {}) {
	const key = state.document;
	const chart = $('mentions-chart');
	const keep = live && $('mentions-panel').dataset.document === key && $('mentions-panel').dataset.state === 'ready'
		&& $('mentions-panel').dataset.period === `${state.from}..${state.to}`;
	if (!keep) {
		clearChart(chart);
		$('mentions-note').textContent = '';
	}
	$('mentions-panel').dataset.document = key;
	if (!key) {
		requests.mentions.cancel();
		panel('mentions-panel', 'empty');
		setStatus('mentions-status', 'Chọn một văn bản.');
		return;
	}
	$('mentions-panel').dataset.period = `${state.from}..${state.to}`;
	if (!showPeriodError()) {
		requests.mentions.cancel();
		panel('mentions-panel', 'error');
		setStatus('mentions-status', 'Chọn lại khoảng thời gian.', true);
		return;
	}
	if (keep) {
		$('mentions-panel').setAttribute('aria-busy', 'true');
	}
	else {
		panel('mentions-panel', 'loading');
		setStatus('mentions-status', 'Đang tải…');
	}
	const answer = await requests.mentions.run(MENTIONS, { key, from: state.from || null, to: state.to || null });
	if (!answer) {
		return;
	}
	if (answer.error || !answer.data.document) {
		clearChart(chart);
		$('mentions-note').textContent = '';
		panel('mentions-panel', 'error');
		setStatus('mentions-status', answer.error ? 'Lỗi khi tải số liệu: ' + answer.error.message
			: `Không tìm thấy văn bản “${key}”.`, true);
		return;
	}
	const months = answer.data.mentionsPerMonth;
	const total = months.reduce((sum, m) => sum + m.count, 0);
	const period = periodWords();
	if (!total) {
		clearChart(chart);
		$('mentions-note').textContent = '';
		panel('mentions-panel', 'empty');
		setStatus('mentions-status', `Không có bài viết có ngày đăng nhắc đến văn bản này${period}.`);
		return;
	}
	setStatus('mentions-status', '');
	const first = monthLabel(months[0].month);
	const last = monthLabel(months[months.length - 1].month);
	drawAtWidth(chart, (width) => verticalBars(months.map((m) => ({ label: monthLabel(m.month), value: m.count })),
		{ title: `Số bài viết theo tháng, ${first} – ${last}`, width, height: width < 480 ? 180 : 240 }));
	$('mentions-note').textContent = `${total} bài viết từ tháng ${first} đến tháng ${last}${period}.`;
	panel('mentions-panel', 'ready');
}

// ---- Province ----

async function refreshProvince() {
	const key = state.province;
	const target = $('province-implements');
	target.replaceChildren();
	target.removeAttribute('data-province');
	target.removeAttribute('data-period');
	if (!key) {
		requests.province.cancel();
		panel('province-panel', 'empty');
		setStatus('province-status', 'Chọn một tỉnh, thành để xem các văn bản nó thực hiện.');
		return;
	}
	const from = state.from;
	const to = state.to;
	if (!periodValid()) {
		requests.province.cancel();
		panel('province-panel', 'error');
		setStatus('province-status', 'Chọn lại khoảng thời gian.', true);
		return;
	}
	panel('province-panel', 'loading');
	setStatus('province-status', 'Đang tải…');
	const answer = await requests.province.run(PROVINCE, { key, from: from || null, to: to || null });
	if (!answer) {
		return;
	}
	if (answer.error || !answer.data.province) {
		panel('province-panel', 'error');
		setStatus('province-status', answer.error ? 'Lỗi: ' + answer.error.message : `Không tìm thấy tỉnh, thành “${key}”.`, true);
		return;
	}
	const p = answer.data.province;
	const byYear = new Map();
	for (const { node } of p.implements.edges) {
		const year = node.firstReported ? node.firstReported.slice(0, 4) : 'Không rõ năm';
		if (!byYear.has(year)) {
			byYear.set(year, []);
		}
		byYear.get(year).push(node);
	}
	// Newest year first, the undated last.
	const years = [...byYear.keys()].sort((a, b) => (/^\d/.test(b) - /^\d/.test(a)) || b.localeCompare(a));
	// Over a period, only the documents an article published then reports, with that period's figures.
	setStatus('province-status', `${p.name} thực hiện ${p.implements.totalCount} văn bản${periodWords()}.`);
	target.innerHTML = years.map((year) => `<div class="year-group"><h3>${esc(year)}</h3><ul>`
		+ byYear.get(year).map((i) => `<li><a href="/explore?id=${encodeURIComponent(i.document.key)}">${esc(i.document.name)}</a>`
			+ ` <span class="muted">· ${i.articleCount} bài`
			+ (i.province.key !== p.key ? ` · do ${esc(i.province.name)} báo cáo` : '')
			+ (i.via.length ? ` · qua ${i.via.map((v) => esc(v.name)).join(', ')}` : '') + '</span></li>').join('')
		+ '</ul></div>').join('') || '<p class="muted">Chưa có văn bản nào.</p>';
	target.dataset.province = key;
	target.dataset.period = `${from}..${to}`;
	panel('province-panel', p.implements.totalCount ? 'ready' : 'empty');
}

// ---- Filters ----

$('units').addEventListener('change', (event) => {
	state.units = event.target.value;
	push();
	refreshCoverage();
});
$('measure').addEventListener('change', (event) => {
	state.measure = event.target.value;
	push();
	drawCoverage();
});
for (const id of ['period-from', 'period-to']) {
	$(id).addEventListener('change', () => {
		state.from = validDate($('period-from').value);
		state.to = validDate($('period-to').value);
		push();
		refreshCoverage();
		refreshMentions();
		if (state.province) {
			refreshProvince();
		}
	});
}
$('period-clear').addEventListener('click', () => {
	state.from = '';
	state.to = '';
	showControls();
	push();
	refreshCoverage();
	refreshMentions();
	if (state.province) {
		refreshProvince();
	}
});
$('province-select').addEventListener('change', (event) => {
	state.province = event.target.value;
	push();
	refreshProvince();
});

// ---- Start ----

async function loadProvinces() {
	try {
		const provinces = [...(await gql(PROVINCES)).provinces]
			.sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.key.localeCompare(b.key));
		provinces.forEach((p) => provinceNames.set(p.key, p.name));
		$('province-select').innerHTML = '<option value="">— chọn —</option>' + provinces.map((p) => {
			const era = p.era === 'POST_2025' ? ' (từ 1-7-2025)' : (p.era === 'PRE_2025' ? ' (đến 30-6-2025)' : '');
			return `<option value="${esc(p.key)}">${esc(p.name)}${era}</option>`;
		}).join('');
		showControls();
	}
	catch (err) {
		$('province-select').innerHTML = '<option value="">Không tải được danh sách</option>';
		setStatus('province-status', 'Lỗi: ' + err.message, true);
	}
}

/** Without a document in the URL, the most implemented central document is shown. */
async function start() {
	const wanted = readUrl();
	Object.assign(state, wanted);
	showControls();
	loadProvinces();
	refreshProvince();
	if (!state.document) {
		try {
			const top = (await gql(MOST_IMPLEMENTED)).documentChoices[0];
			if (top && !state.document) {
				state.document = top.document.key;
				history.replaceState(null, '', urlOf(state));
			}
		}
		catch (err) {
			setStatus('document-status', 'Lỗi khi tải danh sách văn bản: ' + err.message, true);
		}
	}
	refreshCoverage();
	refreshMentions();
	document.body.dataset.ready = 'true';
}

// ---- Live updates ----

function log(html) {
	const item = document.createElement('li');
	const time = new Date().toLocaleTimeString('vi-VN');
	item.innerHTML = `<span class="muted">${esc(time)}</span> ${html}`;
	$('live-log').prepend(item);
	while ($('live-log').children.length > 50) {
		$('live-log').lastElementChild.remove();
	}
}

const live = new LiveClient((status) => {
	$('live-dot').classList.toggle('open', status === 'open');
	document.body.dataset.live = status;
	setStatus('live-status', {
		connecting: 'Đang kết nối…',
		open: 'Đã kết nối: bảng tự cập nhật khi có bài viết mới.',
		closed: 'Mất kết nối; đang thử lại…',
	}[status]);
});

live.subscribe(`subscription { implementationAdded { province { key name } document { key name } firstReported } }`, {}, (data) => {
	const i = data.implementationAdded;
	browseList = null;
	log(`<strong>${esc(i.province.name)}</strong> thực hiện ${esc(i.document.name)}`);
	if (i.document.key === state.document) {
		refreshCoverage({ live: true });
	}
	if (i.province.key === state.province) {
		refreshProvince();
	}
});

live.subscribe(`subscription { articleIngested { id title documents { key } provinces { key } } }`, {}, (data) => {
	const a = data.articleIngested;
	log(`Bài mới: ${esc(a.title)}`);
	if (a.documents.some((d) => d.key === state.document)) {
		refreshCoverage({ live: true });
		refreshMentions({ live: true });
	}
	if (a.provinces.some((p) => p.key === state.province)) {
		refreshProvince();
	}
});

window.addEventListener('pagehide', () => live.close());
start();
