// Small bar charts as hand-written SVG, no library. Each chart is drawn at the pixel width of its
// container (not scaled by a viewBox), so its text keeps its CSS size (12 px and more) on a phone
// as on a desktop; the caller draws again when the container's width changes.
import { esc } from './api.js';

const SVG = 'http://www.w3.org/2000/svg';

/** The font size of chart text, in CSS pixels. */
const FONT = 13;

/** A generous estimate of a text's width at the chart font (Vietnamese with diacritics). */
function textWidth(text) {
	return String(text).length * FONT * 0.58;
}

function fit(text, width) {
	const chars = Math.max(3, Math.floor(width / (FONT * 0.58)));
	return text.length > chars ? text.slice(0, chars - 1) + '…' : text;
}

/**
 * Horizontal bars, one row per item ({label, value, className}) in the given order, labelled on
 * the left and valued at the end of the bar. Returns an SVG element titled for screen readers.
 */
export function horizontalBars(items, { title, max, width = 560 } = {}) {
	const rowHeight = 24;
	const labelWidth = Math.min(Math.max(...items.map((i) => textWidth(i.label)), 40) + 8, Math.round(width * 0.42));
	const valueWidth = Math.max(...items.map((i) => textWidth(i.value)), 10) + 8;
	const height = items.length * rowHeight + 4;
	const scaleMax = Math.max(1, max ?? Math.max(0, ...items.map((i) => i.value)));
	const barSpace = Math.max(20, width - labelWidth - valueWidth - 4);
	const rows = items.map((item, index) => {
		const y = 2 + index * rowHeight;
		const w = Math.max(item.value > 0 ? 2 : 0, (item.value / scaleMax) * barSpace);
		return `<g><title>${esc(item.label)}: ${item.value}</title>`
			+ `<text x="${labelWidth - 6}" y="${y + 16}" text-anchor="end">${esc(fit(item.label, labelWidth - 8))}</text>`
			+ `<rect class="bar ${esc(item.className || '')}" x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 8}" rx="2"></rect>`
			+ `<text class="value" x="${(labelWidth + w + 4).toFixed(1)}" y="${y + 16}">${item.value}</text></g>`;
	}).join('');
	return svg(width, height, title, `<line class="axis" x1="${labelWidth}" y1="0" x2="${labelWidth}" y2="${height}"></line>${rows}`);
}

/**
 * Vertical bars over time, one per item ({label, value}) in order. Axis labels are written
 * level, as many as fit without overlapping; the first and last stay inside the chart.
 */
export function verticalBars(items, { title, width = 560, height = 200 } = {}) {
	const max = Math.max(1, ...items.map((i) => i.value));
	const left = Math.ceil(textWidth(max)) + 8;
	const right = 4;
	const bottom = 24;
	const top = 8;
	const plotWidth = Math.max(20, width - left - right);
	const plotHeight = height - bottom - top;
	const step = plotWidth / Math.max(1, items.length);
	const labelSpace = Math.max(...items.map((i) => textWidth(i.label)), 10) + 12;
	const every = Math.max(1, Math.ceil(labelSpace / step));
	const bars = items.map((item, index) => {
		const h = (item.value / max) * plotHeight;
		const x = left + index * step;
		const gap = step > 6 ? step * 0.15 : 0;
		return `<g><title>${esc(item.label)}: ${item.value}</title>`
			+ `<rect class="bar" x="${(x + gap / 2).toFixed(1)}" y="${(top + plotHeight - h).toFixed(1)}" width="${Math.max(1, step - gap).toFixed(1)}" height="${h.toFixed(1)}"></rect></g>`;
	}).join('');
	// Level labels, left to right, each kept only where it does not touch the one before; the
	// first starts at the axis, none runs past the right edge.
	let lastRight = -Infinity;
	const labels = items.map((item, index) => {
		if (index % every !== 0) {
			return '';
		}
		const w = textWidth(item.label);
		const centre = left + index * step + step / 2;
		const start = Math.min(Math.max(centre - w / 2, left), width - right - w);
		if (start < lastRight + 8) {
			return '';
		}
		lastRight = start + w;
		return `<text x="${start.toFixed(1)}" y="${height - 6}">${esc(item.label)}</text>`;
	}).join('');
	const axis = `<line class="axis" x1="${left}" y1="${top + plotHeight}" x2="${width - right}" y2="${top + plotHeight}"></line>`
		+ `<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${top + plotHeight}"></line>`
		+ `<text x="${left - 4}" y="${top + FONT - 2}" text-anchor="end">${max}</text>`
		+ `<text x="${left - 4}" y="${top + plotHeight}" text-anchor="end">0</text>`;
	return svg(width, height, title, axis + bars + labels);
}

function svg(width, height, title, content) {
	const element = document.createElementNS(SVG, 'svg');
	element.setAttribute('width', String(Math.round(width)));
	element.setAttribute('height', String(Math.round(height)));
	element.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
	element.setAttribute('class', 'bar-chart');
	element.setAttribute('role', 'img');
	element.setAttribute('aria-label', title || '');
	element.innerHTML = `<title>${esc(title || '')}</title>${content}`;
	return element;
}

/**
 * Draws a chart into a container at the container's width, and again whenever that width
 * changes. draw(width) returns the chart element, or null to leave the container empty.
 */
export function drawAtWidth(container, draw) {
	if (container.chartObserver) {
		container.chartObserver.disconnect();
	}
	let drawnWidth = -1;
	const render = () => {
		const width = Math.floor(container.clientWidth);
		if (width <= 0 || width === drawnWidth) {
			return;
		}
		drawnWidth = width;
		const chart = draw(width);
		container.replaceChildren(...(chart ? [chart] : []));
	};
	container.chartObserver = new ResizeObserver(render);
	container.chartObserver.observe(container);
	render();
}

/** Empties a chart container and stops redrawing it. */
export function clearChart(container) {
	if (container.chartObserver) {
		container.chartObserver.disconnect();
		container.chartObserver = null;
	}
	container.replaceChildren();
}
