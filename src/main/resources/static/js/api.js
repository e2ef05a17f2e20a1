// The public GraphQL API, as the pages use it: queries over HTTP and subscriptions over
// WebSocket (graphql-ws protocol, subprotocol "graphql-transport-ws"). No library, no CDN.

/** An error answered by the API (its GraphQL errors) or by the network. */
export class ApiError extends Error {
	constructor(message, errors) {
		super(message);
		this.name = 'ApiError';
		this.errors = errors || [];
	}
}

/**
 * Runs a query against /graphql and returns its data; throws an ApiError when the answer carries
 * errors. An AbortSignal in the options cancels the request (the promise then rejects with the
 * AbortError, which callers that cancel ignore).
 */
export async function gql(query, variables = {}, { signal } = {}) {
	let response;
	try {
		response = await fetch('/graphql', {
			signal,
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				Accept: 'application/graphql-response+json, application/json',
			},
			body: JSON.stringify({ query, variables }),
		});
	}
	catch (err) {
		if (err.name === 'AbortError') {
			throw err;
		}
		throw new ApiError('Không kết nối được máy chủ: ' + err.message);
	}
	let body;
	try {
		body = await response.json();
	}
	catch (err) {
		if (err.name === 'AbortError') {
			throw err;
		}
		throw new ApiError('Trả lời không hợp lệ (HTTP ' + response.status + ')');
	}
	if (body.errors && body.errors.length) {
		throw new ApiError(body.errors.map((e) => e.message).join('; '), body.errors);
	}
	return body.data;
}

/**
 * A graphql-ws client: connection_init → connection_ack → subscribe → next … complete.
 * Reconnects after a lost connection (with a growing pause) and re-subscribes everything.
 * onStatus receives 'connecting', 'open' or 'closed'.
 */
export class LiveClient {
	constructor(onStatus = () => {}) {
		this.onStatus = onStatus;
		this.subscriptions = new Map();
		this.nextId = 1;
		this.socket = null;
		this.acknowledged = false;
		this.retry = 0;
		this.stopped = false;
	}

	/** Subscribes; onNext receives each event's data. Returns a function that unsubscribes. */
	subscribe(query, variables, onNext) {
		const id = String(this.nextId++);
		this.subscriptions.set(id, { query, variables, onNext });
		if (this.acknowledged) {
			this.send({ id, type: 'subscribe', payload: { query, variables } });
		}
		else {
			this.connect();
		}
		return () => {
			this.subscriptions.delete(id);
			if (this.acknowledged) {
				this.send({ id, type: 'complete' });
			}
		};
	}

	connect() {
		if (this.socket || this.stopped) {
			return;
		}
		const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';
		this.onStatus('connecting');
		const socket = new WebSocket(url, 'graphql-transport-ws');
		this.socket = socket;
		socket.addEventListener('open', () => this.send({ type: 'connection_init', payload: {} }));
		socket.addEventListener('message', (event) => this.receive(JSON.parse(event.data)));
		socket.addEventListener('close', () => {
			this.socket = null;
			this.acknowledged = false;
			this.onStatus('closed');
			if (!this.stopped && this.subscriptions.size) {
				const pause = Math.min(30000, 1000 * 2 ** this.retry++);
				setTimeout(() => this.connect(), pause);
			}
		});
	}

	receive(message) {
		switch (message.type) {
			case 'connection_ack':
				this.acknowledged = true;
				this.retry = 0;
				this.onStatus('open');
				for (const [id, sub] of this.subscriptions) {
					this.send({ id, type: 'subscribe', payload: { query: sub.query, variables: sub.variables } });
				}
				break;
			case 'ping':
				this.send({ type: 'pong' });
				break;
			case 'next': {
				const sub = this.subscriptions.get(message.id);
				if (sub && message.payload && message.payload.data) {
					sub.onNext(message.payload.data);
				}
				break;
			}
			case 'error':
			case 'complete':
				this.subscriptions.delete(message.id);
				break;
			default:
				break;
		}
	}

	send(message) {
		if (this.socket && this.socket.readyState === WebSocket.OPEN) {
			this.socket.send(JSON.stringify(message));
		}
	}

	/** Closes the connection for good. */
	close() {
		this.stopped = true;
		if (this.socket) {
			this.socket.close(1000, 'bye');
		}
	}
}

/** Escapes text for HTML. */
export function esc(value) {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ({
		'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
	})[c]);
}

/** A date `yyyy-MM-dd` as Vietnamese readers write it: `2-2-2008`. */
export function viDate(iso) {
	if (!iso) {
		return '—';
	}
	const [y, m, d] = iso.split('-');
	return `${Number(d)}-${Number(m)}-${y}`;
}

/** A link to an article's URL when it is http(s), else its title as text. */
export function articleLink(article) {
	const title = esc(article.title || article.id);
	const url = article.url || '';
	if (/^https?:\/\//i.test(url)) {
		return `<a href="${esc(url)}" target="_blank" rel="noopener noreferrer">${title}</a>`;
	}
	return title;
}
