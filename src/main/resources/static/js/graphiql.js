// The GraphiQL page: GraphiQL 2 (webjar, global GraphiQL) on React 18 (webjars, globals React and
// ReactDOM), with the example operations of graphiql-examples.js as tabs.
//
// - Endpoints from the page's own address: /graphiql redirects to ?path=/graphql&wsPath=/graphql;
//   queries and mutations go over HTTP to path, subscriptions over WebSocket (graphql-ws, which
//   GraphiQL's bundle carries) to wsPath. Only paths on this server are accepted, so that a link
//   cannot send the Headers tab's credentials to another host.
// - An HTTP failure without a GraphQL body (401 for a wrong password, 502 from a proxy ...) is shown
//   in the result pane as a GraphQL error; requests carry no browser-held credentials, so the
//   browser never asks for a password in a dialog of its own.
// - ?query=, ?variables=, ?operationName= and ?headers= open a shared operation in a tab of its own;
//   the address bar follows the active tab (history.replaceState), so it can be copied as a link.
//   Credentials (an Authorization header, a cookie, tokens) are never written into the address.
// - The example tabs name the graph's own documents (exampleDocuments): the most mentioned
//   resolution a local document carries out, and that local document; the bundled sample's when
//   the graph has none or does not answer. Asked for only on a first visit (later visits keep the
//   stored tabs).
// - At phone width, the documentation and history panes start closed and, when opened, take the
//   whole width; the editors and the result stack vertically (graphiql-page.css).

const PHONE = window.matchMedia('(max-width: 700px)');

const params = new URLSearchParams(window.location.search);

/** A path on this server (starting with one slash), else the fallback. */
function serverPath(value, fallback) {
	return value && /^\/(?![/\\])/.test(value) && !value.includes('\\') ? value : fallback;
}

const path = serverPath(params.get('path'), '/graphql');
const wsPath = serverPath(params.get('wsPath'), path);
const httpUrl = new URL(path, window.location.origin).href;
const subscriptionUrl = new URL(wsPath, window.location.origin.replace(/^http/, 'ws')).href;

// ---- Transport --------------------------------------------------------------------------------

const HTTP_ERRORS = {
	401: ['UNAUTHORIZED', 'the server did not accept the credentials: check the user name and password '
		+ 'in the Authorization header (Headers tab), "Basic " followed by the base64 of user:password'],
	403: ['FORBIDDEN', 'these credentials do not allow this operation'],
	413: [null, 'the request is too large'],
	415: [null, 'the request\'s Content-Type was refused'],
	429: [null, 'too many requests: try again in a moment'],
	503: [null, 'the server is busy or starting: try again in a moment'],
};

function jsonResponse(body, status) {
	return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Whether a response body is a GraphQL response (data and/or errors). */
function isGraphqlBody(text) {
	try {
		const body = JSON.parse(text);
		return body !== null && typeof body === 'object' && ('errors' in body || 'data' in body);
	}
	catch {
		return false;
	}
}

/**
 * fetch for GraphiQL: without cookies or the browser's stored HTTP credentials (only the Headers
 * tab's), and with any failed response that is not a GraphQL response turned into one, so that the
 * result pane shows what went wrong instead of waiting or failing to parse.
 */
async function graphqlFetch(input, init) {
	const response = await window.fetch(input, { ...init, credentials: 'omit' });
	if (response.ok) {
		return response;
	}
	const text = await response.clone().text();
	if (isGraphqlBody(text)) {
		return response;
	}
	const [classification, explanation] = HTTP_ERRORS[response.status] || [null, describe(text)];
	const extensions = { httpStatus: response.status };
	if (classification) {
		extensions.classification = classification;
	}
	const where = new URL(response.url || String(input), window.location.href).pathname;
	const message = `HTTP ${response.status} at ${where}: ${explanation}.`;
	return jsonResponse({ errors: [{ message, extensions }] }, response.status);
}

/** A short reading of an error body: a problem detail's or error page's words, else its text. */
function describe(text) {
	try {
		const body = JSON.parse(text);
		const words = [body.title || body.error, body.detail || body.message].filter(Boolean);
		if (words.length) {
			return words.join(': ');
		}
	}
	catch {
		// not JSON: plain text or HTML
	}
	const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
	return plain ? plain.slice(0, 200) : 'no GraphQL answer';
}

const fetcher = GraphiQL.createFetcher({ url: httpUrl, subscriptionUrl, fetch: graphqlFetch });

// ---- A shareable address ----------------------------------------------------------------------

const LINK_KEYS = ['query', 'variables', 'operationName', 'headers'];

/** Header names that carry credentials: never written into an address. */
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie)$|token|secret|password|api[-_]?key/i;

/** The headers JSON without credentials, or '' when nothing (or no valid JSON) is left. */
function shareableHeaders(headers) {
	if (!headers || !headers.trim()) {
		return '';
	}
	let parsed;
	try {
		parsed = JSON.parse(headers);
	}
	catch {
		return '';
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		return '';
	}
	const kept = Object.fromEntries(Object.entries(parsed).filter(([name]) => !SECRET_HEADER.test(name)));
	return Object.keys(kept).length ? JSON.stringify(kept) : '';
}

/** The operation a link opens, or null without ?query=. */
function sharedTab() {
	const query = params.get('query');
	if (query === null) {
		return null;
	}
	return {
		query,
		variables: params.get('variables') || '',
		headers: params.get('headers') || '',
		operationName: params.get('operationName') || null,
	};
}

let lastSearch = window.location.search;

/** Writes the active tab into the address bar, keeping the endpoint parameters. */
function showInAddress(tab) {
	const next = new URLSearchParams(window.location.search);
	LINK_KEYS.forEach(key => next.delete(key));
	const values = {
		query: tab.query || '',
		variables: tab.variables && tab.variables.trim() ? tab.variables : '',
		operationName: tab.operationName || '',
		headers: shareableHeaders(tab.headers),
	};
	if (values.query.trim()) {
		LINK_KEYS.filter(key => values[key]).forEach(key => next.set(key, values[key]));
	}
	const search = next.toString() ? '?' + next.toString() : '';
	if (search !== lastSearch) {
		lastSearch = search;
		window.history.replaceState(window.history.state, '', window.location.pathname + search + window.location.hash);
	}
}

function onTabChange(tabs) {
	const tab = tabs.tabs[tabs.activeTabIndex];
	if (tab) {
		showInAddress(tab);
	}
}

// ---- The examples' documents -------------------------------------------------------------------

const EXAMPLE_DOCUMENTS = `query GraphiqlExampleDocuments {
  topDocuments(type: RESOLUTION, first: 5) {
    document {
      key code issuedOn
      implementedBy(first: 10) {
        edges { node { firstReported via { key code issuedBy { key name } } } }
      }
    }
  }
}`;

/** A value for a GraphQL string literal, or for a comment (one line). */
function literal(value) {
	return JSON.stringify(String(value)).slice(1, -1);
}

function oneLine(value) {
	return String(value).replace(/\s+/g, ' ').trim();
}

/** d-m-yyyy, as the articles write dates. */
function vietnameseDate(iso) {
	const [year, month, day] = iso.split('-').map(Number);
	return `${day}-${month}-${year}`;
}

/**
 * The documents the examples name, from an answer to EXAMPLE_DOCUMENTS: the first resolution
 * with an implementer that carries it out through a local document with a known issuer; null
 * when there is none.
 */
function exampleDocumentsFrom(data) {
	for (const rank of (data && data.topDocuments) || []) {
		const document = rank.document;
		for (const edge of document.implementedBy.edges) {
			const local = edge.node.via.find(via => via.issuedBy.length > 0);
			if (local) {
				const code = document.code || document.key.split('|')[0];
				return {
					document: literal(document.key),
					code: literal(code),
					label: oneLine(document.issuedOn ? `${code} (${vietnameseDate(document.issuedOn)})` : code),
					local: literal(local.key),
					localLabel: oneLine(`${local.code || local.key} of ${local.issuedBy[0].name}`),
					localIssuer: literal(local.issuedBy[0].key),
					pathTo: literal(document.key),
					year: (edge.node.firstReported || document.issuedOn || '2020').slice(0, 4),
				};
			}
		}
	}
	return null;
}

async function exampleDocuments() {
	const sample = window.POLICY_GRAPH_SAMPLE_DOCUMENTS;
	if (window.localStorage.getItem('graphiql:tabState')) {
		return sample; // the stored tabs are shown, not the examples
	}
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), 5000);
	try {
		const response = await window.fetch(httpUrl, {
			method: 'POST',
			credentials: 'omit',
			headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
			body: JSON.stringify({ query: EXAMPLE_DOCUMENTS, operationName: 'GraphiqlExampleDocuments' }),
			signal: controller.signal,
		});
		const body = await response.json();
		return exampleDocumentsFrom(body.data) || sample;
	}
	catch {
		return sample; // unavailable or slow: the sample's documents, the page still opens
	}
	finally {
		clearTimeout(timer);
	}
}

// ---- The page ---------------------------------------------------------------------------------

const shared = sharedTab();
const examples = window.policyGraphExamples(await exampleDocuments());
const props = {
	fetcher,
	// First visit: the shared operation first (and active), then the examples. Later visits keep
	// the tabs stored in the browser; GraphiQL then opens the shared operation as a tab of its own
	// (or the stored tab that holds exactly it).
	defaultTabs: shared ? [shared, ...examples] : examples,
	// Variables and headers open under the editor only when the first tab has some (GraphiQL's
	// default), leaving the query the room; "Variables", "Headers" or the chevron open them.
	isHeadersEditorEnabled: true,
	shouldPersistHeaders: false,
	onTabChange,
};
if (shared) {
	Object.assign(props, shared);
}
if (PHONE.matches) {
	// The documentation pane would leave no room for the editors: start with it closed.
	window.localStorage.removeItem('graphiql:visiblePlugin');
}

const root = ReactDOM.createRoot(document.getElementById('graphiql'));
root.render(React.createElement(GraphiQL, props));
