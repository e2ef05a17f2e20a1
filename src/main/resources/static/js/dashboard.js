// Dashboard: the implementation coverage of a resolution across the provinces (table and bar
// chart), its mentions per month, what a province implements by year, and live updates over the
// graphql-ws subscriptions. Everything comes from the public GraphQL API.
import { gql, esc, viDate, LiveClient } from './api.js';
import { horizontalBars, verticalBars } from './charts.js';

const LISTS = `query DashboardLists {
  documents(type: RESOLUTION, first: 100) { edges { node { key name year issuedOn } } }
  topDocuments(type: RESOLUTION, first: 100) { document { key } mentionCount implementingProvinceCount }
  provinces { key name era }
}`;

const COVERAGE = `query Coverage($key: ID!, $units: ProvinceUnits!) {
  coverage(documentKey: $key, units: $units) {
    document { key name subject }
    units totalUnits implementedCount
    implemented { province { key name } firstReported articleCount via { key name } }
    missing { key name }
  }
  mentionsPerMonth(documentKey: $key) { month count }
}`;

const PROVINCE = `query ProvinceImplements($key: String!) {
  province(name: $key) {
    key name
    implements(first: 100) {
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

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const state = { document: '', units: 'PRE_2025', province: '' };

function setStatus(id, message, error = false) {
	const el = $(id);
	el.textContent = message;
	el.classList.toggle('error', error);
}

function remember() {
	const url = new URL(location.href);
	for (const [name, value] of [['document', state.document], ['province', state.province], ['units', state.units]]) {
		if (value) {
			url.searchParams.set(name, value);
		}
		else {
			url.searchParams.delete(name);
		}
	}
	history.replaceState(null, '', url);
}

// ---- Lists ----
async function loadLists() {
	try {
		const data = await gql(LISTS);
		const ranks = new Map(data.topDocuments.map((r) => [r.document.key, r]));
		const documents = data.documents.edges.map((e) => e.node);
		documents.sort((a, b) => ((ranks.get(b.key)?.implementingProvinceCount ?? 0) - (ranks.get(a.key)?.implementingProvinceCount ?? 0))
			|| a.name.localeCompare(b.name, 'vi'));
		const select = $('document-select');
		select.innerHTML = '<option value="">— chọn —</option>' + documents.map((d) => {
			const rank = ranks.get(d.key);
			const when = d.issuedOn ? viDate(d.issuedOn) : (d.year ?? 'không rõ năm');
			const provinces = rank ? ` — ${rank.implementingProvinceCount} tỉnh, ${rank.mentionCount} bài` : '';
			return `<option value="${esc(d.key)}">${esc(d.name)} (${esc(when)})${provinces}</option>`;
		}).join('');
		const provinces = [...data.provinces].sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.key.localeCompare(b.key));
		$('province-select').innerHTML = '<option value="">— chọn —</option>' + provinces.map((p) => {
			const era = p.era === 'POST_2025' ? ' (từ 1-7-2025)' : (p.era === 'PRE_2025' ? ' (đến 30-6-2025)' : '');
			return `<option value="${esc(p.key)}">${esc(p.name)}${era}</option>`;
		}).join('');
		const wanted = params.get('document');
		if (wanted && documents.some((d) => d.key === wanted)) {
			select.value = wanted;
			state.document = wanted;
		}
		if (params.get('units') === 'POST_2025') {
			$('units-post').checked = true;
			state.units = 'POST_2025';
		}
		const province = params.get('province');
		if (province && provinces.some((p) => p.key === province)) {
			$('province-select').value = province;
			state.province = province;
		}
		setStatus('document-status', documents.length ? `${documents.length} nghị quyết trong đồ thị.` : 'Chưa có nghị quyết nào.');
		document.body.dataset.ready = 'true';
		await Promise.all([refreshCoverage(), refreshProvince()]);
	}
	catch (err) {
		setStatus('document-status', 'Lỗi: ' + err.message, true);
	}
}

// ---- Coverage and mentions ----
async function refreshCoverage() {
	const key = state.document;
	const table = $('coverage-table');
	if (!key) {
		return;
	}
	setStatus('document-status', 'Đang tải…');
	try {
		const data = await gql(COVERAGE, { key, units: state.units });
		if (key !== state.document) {
			return;
		}
		const c = data.coverage;
		if (!c) {
			setStatus('document-status', 'Không tìm thấy nghị quyết này.', true);
			return;
		}
		setStatus('document-status', c.document.subject ? `${c.document.name} về ${c.document.subject}` : c.document.name);
		$('coverage-count').textContent = String(c.implementedCount);
		const percent = (100 * c.implementedCount / c.totalUnits).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
		$('coverage-of').textContent = `/ ${c.totalUnits} tỉnh, thành đã triển khai (${percent} %)`;
		table.querySelector('tbody').innerHTML = c.implemented.map((cell) => `<tr>
			<td><a href="/explore?id=${encodeURIComponent(cell.province.key)}">${esc(cell.province.name)}</a></td>
			<td>${viDate(cell.firstReported)}</td>
			<td class="num">${cell.articleCount}</td>
			<td>${cell.via.map((v) => esc(v.name)).join(', ')}</td></tr>`).join('')
			|| '<tr><td colspan="4" class="muted">Chưa tỉnh, thành nào.</td></tr>';
		$('missing-count').textContent = `${c.missing.length} tỉnh, thành`;
		$('missing-list').innerHTML = c.missing.map((p) => `<li>${esc(p.name)}</li>`).join('');
		const chart = $('coverage-chart');
		chart.replaceChildren(
			horizontalBars([
				{ label: 'Đã triển khai', value: c.implementedCount },
				{ label: 'Chưa có báo cáo', value: c.missing.length, className: 'missing' },
			], { title: `Đã triển khai ${c.implementedCount} trên ${c.totalUnits} tỉnh, thành`, max: c.totalUnits }),
			...(c.implemented.length
				? [horizontalBars(c.implemented.map((cell) => ({ label: cell.province.name, value: cell.articleCount })),
					{ title: 'Số bài viết báo cáo theo tỉnh, thành' })]
				: []));
		table.dataset.document = key;
		table.dataset.units = c.units;
		$('download-coverage').href = `/export/coverage.csv?documentKeys=${encodeURIComponent(key)}`
			+ `&units=${encodeURIComponent(c.units)}`;
		drawMentions(data.mentionsPerMonth);
	}
	catch (err) {
		setStatus('document-status', 'Lỗi: ' + err.message, true);
	}
}

function drawMentions(months) {
	const chart = $('mentions-chart');
	if (!months.length) {
		chart.replaceChildren();
		$('mentions-note').textContent = 'Không có bài viết có ngày đăng nhắc đến nghị quyết này.';
		return;
	}
	const total = months.reduce((sum, m) => sum + m.count, 0);
	chart.replaceChildren(verticalBars(months.map((m) => ({ label: m.month, value: m.count })),
		{ title: `Số bài viết theo tháng, ${months[0].month} – ${months[months.length - 1].month}` }));
	$('mentions-note').textContent = `${total} bài viết từ ${months[0].month} đến ${months[months.length - 1].month}.`;
}

// ---- Province ----
async function refreshProvince() {
	const key = state.province;
	const target = $('province-implements');
	if (!key) {
		target.replaceChildren();
		return;
	}
	setStatus('province-status', 'Đang tải…');
	try {
		const p = (await gql(PROVINCE, { key })).province;
		if (key !== state.province) {
			return;
		}
		const byYear = new Map();
		for (const { node } of p.implements.edges) {
			const year = node.firstReported ? node.firstReported.slice(0, 4) : 'Không rõ năm';
			if (!byYear.has(year)) {
				byYear.set(year, []);
			}
			byYear.get(year).push(node);
		}
		const years = [...byYear.keys()].sort((a, b) => b.localeCompare(a));
		setStatus('province-status', `${p.name} thực hiện ${p.implements.totalCount} văn bản.`);
		target.innerHTML = years.map((year) => `<div class="year-group"><h3>${esc(year)}</h3><ul>`
			+ byYear.get(year).map((i) => `<li><a href="/explore?id=${encodeURIComponent(i.document.key)}">${esc(i.document.name)}</a>`
				+ ` <span class="muted">· ${i.articleCount} bài`
				+ (i.province.key !== p.key ? ` · do ${esc(i.province.name)} báo cáo` : '')
				+ (i.via.length ? ` · qua ${i.via.map((v) => esc(v.name)).join(', ')}` : '') + '</span></li>').join('')
			+ '</ul></div>').join('') || '<p class="muted">Chưa có văn bản nào.</p>';
		target.dataset.province = key;
	}
	catch (err) {
		setStatus('province-status', 'Lỗi: ' + err.message, true);
	}
}

$('document-select').addEventListener('change', (event) => {
	state.document = event.target.value;
	remember();
	refreshCoverage();
});
$('units').addEventListener('change', (event) => {
	state.units = event.target.value;
	remember();
	refreshCoverage();
});
$('province-select').addEventListener('change', (event) => {
	state.province = event.target.value;
	remember();
	refreshProvince();
});

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
	log(`<strong>${esc(i.province.name)}</strong> thực hiện ${esc(i.document.name)}`);
	if (i.document.key === state.document) {
		refreshCoverage();
	}
	if (i.province.key === state.province) {
		refreshProvince();
	}
});

live.subscribe(`subscription { articleIngested { id title documents { key } provinces { key } } }`, {}, (data) => {
	const a = data.articleIngested;
	log(`Bài mới: ${esc(a.title)}`);
	if (a.documents.some((d) => d.key === state.document)) {
		refreshCoverage();
	}
	if (a.provinces.some((p) => p.key === state.province)) {
		refreshProvince();
	}
});

window.addEventListener('pagehide', () => live.close());
loadLists();
