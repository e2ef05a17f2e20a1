// Example operations preloaded as GraphiQL tabs, one set per kind of user: researcher,
// dashboard, developer (and an editor's write). Each one runs against the current schema.
//
// The documents they name are the graph's own: graphiql.js asks the server for its most mentioned
// resolution that a local document carries out (exampleDocuments) and fills them in, so that the
// examples answer on whatever articles were loaded. Without an answer (no such resolution, the
// database unavailable), those of the bundled sample articles below.
window.POLICY_GRAPH_SAMPLE_DOCUMENTS = {
  document: '22-NQ/TW|TW|2008-02-02',
  code: '22-NQ/TW',
  label: 'Resolution 22-NQ/TW (2-2-2008)',
  local: '08-HD/BTCTU|94|2018-08-07',
  localLabel: "Sóc Trăng's guidance",
  localIssuer: '94/ban-to-chuc-tinh-uy',
  pathTo: '18-KL/TW|TW|2017-09-22',
  year: '2018',
};

window.policyGraphExamples = K => [
  {
    query: `# Researcher: which provinces implement ${K.label}, through
# which of their own documents (via), since when, and on what evidence?
# Press the run button (▶) or Ctrl-Enter.
query WhoImplementsAResolution {
  document(key: "${K.document}") {
    name
    subject
    term
    issuedBy { name }
    implementedBy(first: 20) {
      totalCount
      edges {
        node {
          province { name }
          via { name issuedOn issuedBy { name } }
          firstReported
          articleCount
          evidence(first: 3) { sentence article { title url publishedAt } }
        }
      }
    }
  }
}`,
  },
  {
    query: `# Researcher: a code is not an identity (every document numbered ${K.code}), the chain
# from ${K.localLabel} up to the central documents, and a shortest path between two nodes.
query CodeLineageAndPath {
  documentsByCode(code: "${K.code}") { key issuedOn term subject issuedBy { name } }
  document(key: "${K.local}") {
    name
    lineage { distance document { name issuedBy { name } } }
  }
  shortestPath(from: "${K.localIssuer}", to: "${K.pathTo}") {
    nodes { id kind label }
    edges { type from to }
  }
}`,
  },
  {
    query: `# Researcher: what a province carries out. Đắk Lắk as of 2026 is the unit formed on
# 1-7-2025: it includes the history of the units merged into it.
query ProvinceImplements {
  province(name: "Đắk Lắk", asOf: "2026-01-01") {
    key
    name
    mergedFrom { name }
    implements(first: 20) {
      totalCount
      edges { node { province { name } document { name } via { name } firstReported articleCount } }
    }
  }
}`,
  },
  {
    query: `# Researcher: full-text search, diacritic-insensitive ("nghi quyet 22" finds
# "Nghị quyết số 22-NQ/TW"); snippets mark the matched words with <mark>.
query Search {
  search(text: "nghi quyet 22", types: [DOCUMENT, ARTICLE], first: 5) {
    kind
    score
    snippet
    document { key name }
    article { id title }
  }
}`,
  },
  {
    query: `# Dashboard: how far ${K.label} has spread. units: PRE_2025 measures against
# the 63 provinces before 1-7-2025, POST_2025 against the 34 after (a merged unit counts when
# it or a predecessor implements: see via).
query Coverage($units: ProvinceUnits = PRE_2025) {
  coverage(documentKey: "${K.document}", units: $units) {
    document { name }
    implementedCount
    totalUnits
    implemented { province { name } firstReported articleCount via { name } }
    missing { name }
  }
}`,
    variables: '{ "units": "POST_2025" }',
  },
  {
    query: `# Dashboard: bars and lines. Articles per province, documents per type and per issue
# year, articles per month (empty months as 0), the most mentioned resolutions.
# Without from/to, undated articles and documents count too.
query Charts {
  about { articleCount documentCount provinceCount partyBodyCount }
  byProvince: counts(by: PROVINCE) { key label count }
  byType: counts(by: DOCUMENT_TYPE) { key label count }
  byYear: counts(by: YEAR) { key count }
  mentionsPerMonth(documentKey: "${K.document}", from: "${K.year}-01-01", to: "${K.year}-12-31") { month count }
  topDocuments(type: RESOLUTION, first: 5) {
    rank
    mentionCount
    implementingProvinceCount
    document { key name }
  }
}`,
  },
  {
    query: `# Dashboard: live updates. Subscriptions run over WebSocket at /graphql (graphql-ws
# protocol); GraphiQL keeps the subscription open and shows each event as it arrives,
# e.g. while the Ingest tab (with editor credentials) writes an article.
subscription LiveImplementations {
  implementationAdded {
    province { name }
    document { key name }
    firstReported
    articleCount
  }
}`,
  },
  {
    query: `# Developer: the neighbourhood of a node as nodes and edges, for a graph view
# (what the /explore page draws). "66" is the key of Đắk Lắk before 1-7-2025.
query Neighbourhood {
  neighbourhood(id: "66", depth: 2, relationshipTypes: ["IMPLEMENTS", "ISSUED_BY", "OF_PROVINCE"]) {
    truncated
    nodes { id kind label }
    edges { type from to articleCount firstReported }
  }
}`,
  },
  {
    query: `# Developer: any spelling finds a province; page through articles with cursors
# (pass pageInfo.endCursor as "after").
query Articles($after: String) {
  province(name: "Dak Lak") { key name mergedInto { key name } }
  articles(first: 3, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { title publishedAt province { name } documents { name } } }
  }
}`,
    variables: '{ "after": null }',
  },
  {
    query: `# Developer: run the extractor on any text without writing anything.
query Extract {
  extract(input: {
    title: "Thành ủy Vinh triển khai Nghị quyết 21"
    text: "Thực hiện Nghị quyết số 21-NQ/TW ngày 16-6-2022 của Ban Chấp hành Trung ương khóa XIII, Ban Thường vụ Thành ủy Vinh ban hành Kế hoạch số 35-KH/ThU."
    publishedAt: "2022-09-01"
  }) {
    articleProvinceKey
    provinces { name surface }
    bodies { name level }
    documents { key type issuedOn term }
    relations { type from { key } to { key } sentence }
  }
}`,
  },
  {
    query: `# Editor: write articles. Mutations need the editor's credentials (HTTP Basic).
# Open the "Headers" tab under the editor and replace the placeholder with
#   {"Authorization": "Basic <base64 of editor:password>"}
# where the base64 text is e.g. btoa("editor:your-password") in the browser console.
# Without valid credentials the answer is UNAUTHORIZED. Headers are not stored by the browser.
# dryRun: true extracts and reports without writing; set it to false to write.
mutation Ingest {
  ingestArticles(input: {
    dryRun: true
    articles: [{
      url: "https://example.org/bai-viet-1"
      title: "Nghệ An thực hiện Chỉ thị 35-CT/TW"
      text: "Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch để thực hiện Chỉ thị số 35-CT/TW ngày 14-6-2024 của Bộ Chính trị."
      publishedAt: "2024-08-01"
    }]
  }) {
    newCount changedCount unchangedCount rejectedCount failedCount
    results { index status reason articleId }
  }
}`,
    headers: '{ "Authorization": "Basic REPLACE-WITH-BASE64-OF-editor:password" }',
  },
];
