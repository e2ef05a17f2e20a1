// Small bar charts as hand-written SVG: no library, scales with its container (viewBox).
import { esc } from './api.js';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Horizontal bars, one row per item ({label, value, className}), labelled on the left and valued
 * on the right. Returns an SVG element with a title for screen readers.
 */
export function horizontalBars(items, { title, max, width = 560 } = {}) {
	const rowHeight = 22;
	const labelWidth = 170;
	const valueWidth = 50;
	const top = 4;
	const height = top + items.length * rowHeight + 4;
	const scaleMax = Math.max(1, max ?? Math.max(0, ...items.map((i) => i.value)));
	const barSpace = width - labelWidth - valueWidth;
	const rows = items.map((item, index) => {
		const y = top + index * rowHeight;
		const w = Math.max(item.value > 0 ? 2 : 0, (item.value / scaleMax) * barSpace);
		const label = item.label.length > 26 ? item.label.slice(0, 25) + '…' : item.label;
		return `<g><title>${esc(item.label)}: ${item.value}</title>`
			+ `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${esc(label)}</text>`
			+ `<rect class="bar ${esc(item.className || '')}" x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowHeight - 6}" rx="2"></rect>`
			+ `<text x="${labelWidth + w + 4}" y="${y + 15}">${item.value}</text></g>`;
	}).join('');
	return svg(`0 0 ${width} ${height}`, title, `<line class="axis" x1="${labelWidth}" y1="0" x2="${labelWidth}" y2="${height}"></line>${rows}`);
}

/**
 * Vertical bars over time, one per item ({label, value}); at most about twelve labels on the
 * axis so that long periods stay readable.
 */
export function verticalBars(items, { title, width = 560, height = 220 } = {}) {
	const left = 34;
	const bottom = 40;
	const top = 10;
	const plotHeight = height - bottom - top;
	const max = Math.max(1, ...items.map((i) => i.value));
	const step = Math.min(48, (width - left - 6) / Math.max(1, items.length));
	const every = Math.max(1, Math.ceil(items.length / 12));
	const bars = items.map((item, index) => {
		const h = (item.value / max) * plotHeight;
		const x = left + index * step;
		const label = index % every === 0
			? `<text x="${(x + step / 2).toFixed(1)}" y="${height - bottom + 14}" text-anchor="end" transform="rotate(-45 ${(x + step / 2).toFixed(1)} ${height - bottom + 14})">${esc(item.label)}</text>`
			: '';
		return `<g><title>${esc(item.label)}: ${item.value}</title>`
			+ `<rect class="bar" x="${(x + step * 0.1).toFixed(1)}" y="${(top + plotHeight - h).toFixed(1)}" width="${(step * 0.8).toFixed(1)}" height="${h.toFixed(1)}"></rect>${label}</g>`;
	}).join('');
	const axis = `<line class="axis" x1="${left}" y1="${top + plotHeight}" x2="${width}" y2="${top + plotHeight}"></line>`
		+ `<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${top + plotHeight}"></line>`
		+ `<text x="${left - 4}" y="${top + 10}" text-anchor="end">${max}</text>`
		+ `<text x="${left - 4}" y="${top + plotHeight}" text-anchor="end">0</text>`;
	return svg(`0 0 ${width} ${height}`, title, axis + bars);
}

function svg(viewBox, title, content) {
	const element = document.createElementNS(SVG, 'svg');
	element.setAttribute('viewBox', viewBox);
	element.setAttribute('class', 'bar-chart');
	element.setAttribute('role', 'img');
	element.setAttribute('aria-label', title || '');
	element.innerHTML = `<title>${esc(title || '')}</title>${content}`;
	return element;
}
