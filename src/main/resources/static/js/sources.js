// Dashboard: the live sources (feeds, sitemaps, listing pages) and the state of their polling,
// from the public GraphQL API, refreshed every 30 seconds.
import { gql, esc } from './api.js';

const SOURCES = `query Sources($after: String) {
  sources(first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { url kind lastFetchedAt lastStatus lastError newArticles failures nextPollAt polling } }
  }
}`;

const KIND = { FEED: 'RSS/Atom', SITEMAP: 'Sitemap', LISTING: 'Trang chuyên mục' };

const STATUS = {
	NEVER_POLLED: 'Chưa lấy tin',
	OK: 'Bình thường',
	NOT_MODIFIED: 'Không có tin mới',
	FAILED: 'Lỗi',
	DISALLOWED: 'robots.txt không cho phép',
};

const REFRESH_MS = 30_000;

/** A date-time as a reader in Vietnam reads it: `20-9-2022 08:30`. */
function viDateTime(iso) {
	if (!iso) {
		return '—';
	}
	const d = new Date(iso);
	const pad = (n) => String(n).padStart(2, '0');
	return `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

async function allSources() {
	const nodes = [];
	let after = null;
	let total = 0;
	do {
		const { sources } = await gql(SOURCES, { after });
		total = sources.totalCount;
		sources.edges.forEach((e) => nodes.push(e.node));
		after = sources.pageInfo.hasNextPage ? sources.pageInfo.endCursor : null;
	} while (after && nodes.length < 1000);
	return { nodes, total };
}

function render(table, nodes) {
	const rows = nodes.map((s) => `<tr class="source-${esc(s.lastStatus.toLowerCase())}">
		<td><a href="${esc(s.url)}" rel="noopener noreferrer">${esc(s.url)}</a></td>
		<td>${esc(KIND[s.kind] || s.kind)}</td>
		<td title="${esc(s.lastError || '')}">${esc(s.polling ? 'Đang lấy tin…' : (STATUS[s.lastStatus] || s.lastStatus))}${s.lastError ? ' ⚠' : ''}</td>
		<td>${esc(viDateTime(s.lastFetchedAt))}</td>
		<td class="num">${esc(s.newArticles)}</td>
		<td class="num">${esc(s.failures)}</td>
		<td>${esc(viDateTime(s.nextPollAt))}</td>
	</tr>`).join('');
	table.innerHTML = `<thead><tr><th scope="col">Nguồn</th><th scope="col">Loại</th><th scope="col">Trạng thái</th>
		<th scope="col">Lần lấy gần nhất</th><th scope="col" class="num">Bài mới</th><th scope="col" class="num">Lỗi liên tiếp</th>
		<th scope="col">Lần lấy tiếp theo</th></tr></thead><tbody>${rows}</tbody>`;
}

async function refresh() {
	const status = document.getElementById('sources-status');
	const table = document.getElementById('sources-table');
	try {
		const { nodes, total } = await allSources();
		status.classList.remove('error');
		status.textContent = total === 0 ? 'Chưa có nguồn tin nào được cấu hình.' : `${total} nguồn tin`;
		render(table, nodes);
		// No sources: the sentence says so, an empty table's header would only take room.
		table.closest('.table-wrap').hidden = total === 0;
	}
	catch (err) {
		status.classList.add('error');
		status.textContent = 'Không tải được danh sách nguồn tin: ' + err.message;
	}
}

refresh();
setInterval(refresh, REFRESH_MS);
