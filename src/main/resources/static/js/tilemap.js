// A tile-grid map of Viet Nam's provincial units: one square per unit, placed roughly where the
// unit lies (grid data in province-tiles.json: the 63 units until 30-6-2025 and the 34 since
// 1-7-2025). Squares are coloured by a value (the year of the first report, or an article count)
// with a legend; hovering, focusing or tapping a square shows its details. Keyboard: the map is one
// tab stop; the arrow keys move between squares, Enter or Space selects one.
import { esc, viDate } from './api.js';

let grids;

/** The two grids, loaded once. */
export function loadGrids() {
	if (!grids) {
		grids = fetch('/js/province-tiles.json').then((response) => {
			if (!response.ok) {
				throw new Error('HTTP ' + response.status);
			}
			return response.json();
		});
		grids.catch(() => {
			grids = null;
		});
	}
	return grids;
}

/** Classes of the colour bins, lightest first. */
const BINS = 5;

/**
 * Bins for the first-report year: one per year when there are few, else equal ranges of years;
 * the earliest reports darkest.
 */
function yearBins(cells) {
	const years = [...new Set(cells.filter((c) => c.firstReported).map((c) => Number(c.firstReported.slice(0, 4))))].sort((a, b) => a - b);
	if (!years.length) {
		return [];
	}
	const first = years[0];
	const last = years[years.length - 1];
	const ranges = [];
	if (years.length <= BINS) {
		years.forEach((y) => ranges.push([y, y]));
	}
	else {
		const size = Math.ceil((last - first + 1) / BINS);
		for (let from = first; from <= last; from += size) {
			ranges.push([from, Math.min(last, from + size - 1)]);
		}
	}
	// Earliest darkest: bin index counts down from the darkest.
	return ranges.map(([from, to], i) => ({
		bin: BINS - i,
		label: from === to ? String(from) : `${from}–${to}`,
		test: (c) => {
			if (!c.firstReported) {
				return false;
			}
			const y = Number(c.firstReported.slice(0, 4));
			return y >= from && y <= to;
		},
	}));
}

/** Bins for the article count: 1, 2–3, 4–7, … doubling, up to the largest count. */
function countBins(cells) {
	const max = Math.max(0, ...cells.map((c) => c.articleCount));
	if (max < 1) {
		return [];
	}
	const ranges = [];
	for (let from = 1; from <= max && ranges.length < BINS; from *= 2) {
		ranges.push([from, ranges.length === BINS - 1 ? max : Math.min(max, from * 2 - 1)]);
	}
	ranges[ranges.length - 1][1] = max;
	return ranges.map(([from, to], i) => ({
		bin: BINS - ranges.length + i + 1,
		label: from === to ? String(from) : `${from}–${to}`,
		test: (c) => c.articleCount >= from && c.articleCount <= to,
	}));
}

/** A unit's details in words, for its aria-label and the details line. */
function describe(tile, cell) {
	if (!cell) {
		return `${tile.name}: chưa có báo cáo triển khai`;
	}
	const parts = [`báo cáo đầu tiên ${cell.firstReported ? viDate(cell.firstReported) : 'không rõ ngày'}`, `${cell.articleCount} bài`];
	if (cell.via && cell.via.length) {
		parts.push('qua ' + cell.via.map((v) => v.name).join(', '));
	}
	return `${tile.name}: ${parts.join(', ')}`;
}

export class TileMap {
	/**
	 * @param container the element to draw into
	 * @param onSelect called with a unit key when a square is selected (null when cleared)
	 */
	constructor(container, { onSelect = () => {} } = {}) {
		this.container = container;
		this.onSelect = onSelect;
		this.selected = null;
		this.container.classList.add('tilemap');
		this.grid = document.createElement('div');
		this.grid.className = 'tilemap-grid';
		this.grid.setAttribute('role', 'group');
		this.legend = document.createElement('ul');
		this.legend.className = 'tilemap-legend';
		this.details = document.createElement('p');
		this.details.className = 'tilemap-details';
		this.details.setAttribute('aria-live', 'polite');
		this.container.replaceChildren(this.grid, this.legend, this.details);
		this.grid.addEventListener('keydown', (event) => this.keydown(event));
		this.grid.addEventListener('click', (event) => {
			const tile = event.target.closest('.tile');
			if (tile) {
				this.select(tile.dataset.key);
			}
		});
		this.grid.addEventListener('mouseover', (event) => {
			const tile = event.target.closest('.tile');
			if (tile) {
				this.show(tile.dataset.key);
			}
		});
		this.grid.addEventListener('mouseleave', () => this.show(this.selected));
		this.grid.addEventListener('focusin', (event) => {
			const tile = event.target.closest('.tile');
			if (tile) {
				this.show(tile.dataset.key);
			}
		});
	}

	/**
	 * Draws the units of a grid, coloured by the cells (implementing units) and the measure.
	 * @param layout a grid of province-tiles.json
	 * @param cells the implementing units: {province: {key, name}, firstReported, articleCount, via}
	 * @param measure 'year' or 'articles'
	 * @param label what the map shows, for screen readers
	 */
	render(layout, cells, measure, label) {
		this.layout = layout;
		this.cells = new Map(cells.map((c) => [c.province.key, c]));
		this.tiles = new Map(layout.tiles.map((t) => [t.key, t]));
		const bins = measure === 'articles' ? countBins(cells) : yearBins(cells);
		this.grid.setAttribute('aria-label', label);
		this.grid.style.setProperty('--cols', layout.columns);
		this.grid.style.setProperty('--rows', layout.rows);
		if (this.selected && !this.tiles.has(this.selected)) {
			this.selected = null;
		}
		const focusKey = this.selected || layout.tiles.find((t) => this.cells.has(t.key))?.key || layout.tiles[0].key;
		this.grid.replaceChildren(...layout.tiles.map((tile) => {
			const cell = this.cells.get(tile.key);
			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'tile';
			button.dataset.key = tile.key;
			button.dataset.state = cell ? 'implemented' : 'missing';
			if (cell) {
				const bin = bins.find((b) => b.test(cell));
				button.classList.add(bin ? `bin-${bin.bin}` : 'bin-unknown');
			}
			button.style.gridColumn = String(tile.col + 1);
			button.style.gridRow = String(tile.row + 1);
			button.textContent = tile.abbr;
			button.setAttribute('aria-label', describe(tile, cell));
			button.setAttribute('aria-pressed', String(tile.key === this.selected));
			button.tabIndex = tile.key === focusKey ? 0 : -1;
			return button;
		}));
		const legend = bins.map((b) => `<li><span class="swatch bin-${b.bin}"></span>${esc(b.label)}</li>`);
		if (cells.some((c) => !bins.some((b) => b.test(c)))) {
			legend.push('<li><span class="swatch bin-unknown"></span>không rõ ngày</li>');
		}
		legend.push('<li><span class="swatch missing"></span>chưa có báo cáo</li>');
		this.legend.innerHTML = `<li class="legend-title">${measure === 'articles' ? 'Số bài:' : 'Năm báo cáo đầu tiên:'}</li>` + legend.join('');
		this.show(this.selected);
	}

	/** Shows a state instead of a map (loading, error): no square, no figure. */
	clear(message) {
		this.cells = new Map();
		this.grid.replaceChildren();
		this.grid.removeAttribute('aria-label');
		this.legend.replaceChildren();
		this.details.textContent = message || '';
	}

	show(key) {
		const tile = key && this.tiles?.get(key);
		this.details.textContent = tile ? describe(tile, this.cells.get(key))
			: 'Di chuột, chạm hoặc dùng phím mũi tên trên bản đồ để xem từng tỉnh, thành.';
	}

	select(key) {
		this.selected = key;
		for (const button of this.grid.querySelectorAll('.tile')) {
			button.setAttribute('aria-pressed', String(button.dataset.key === key));
		}
		this.show(key);
		this.onSelect(key);
	}

	keydown(event) {
		const current = event.target.closest('.tile');
		if (!current) {
			return;
		}
		const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
		const move = moves[event.key];
		if (!move) {
			return;
		}
		event.preventDefault();
		const from = this.tiles.get(current.dataset.key);
		let best = null;
		let bestScore = Infinity;
		for (const tile of this.tiles.values()) {
			const dx = tile.col - from.col;
			const dy = tile.row - from.row;
			const along = dx * move[0] + dy * move[1];
			if (along <= 0) {
				continue;
			}
			const across = Math.abs(move[0] ? dy : dx);
			const score = along + 2 * across;
			if (score < bestScore) {
				bestScore = score;
				best = tile;
			}
		}
		if (best) {
			const next = this.grid.querySelector(`.tile[data-key="${CSS.escape(best.key)}"]`);
			current.tabIndex = -1;
			next.tabIndex = 0;
			next.focus();
		}
	}
}
