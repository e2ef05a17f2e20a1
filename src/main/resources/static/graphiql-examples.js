// Example operations preloaded as GraphiQL tabs, one set per kind of user.
window.POLICY_GRAPH_EXAMPLES = [
  {
    query: `# Researcher: which provinces implement Resolution 22-NQ/TW (2-2-2008),
# through which local plans, issued by which bodies?
query WhoImplementsResolution22 {
  document(key: "22-NQ/TW|TW|2008-02-02") {
    name
    subject
    term
    issuedBy { name }
    implementedByProvinces { name }
    implementedByDocuments {
      name
      issuedOn
      issuedBy { name province { name } }
    }
  }
}`,
  },
  {
    query: `# Researcher: a code is not an identity. Every document numbered 22-NQ/TW,
# and the chain from Sóc Trăng's guidance up to the central directive.
query CodeAndLineage {
  documentsByCode(code: "22-NQ/TW") { key issuedOn term subject }
  document(key: "08-HD/BTCTU|94|2018-08-07") {
    name
    issuedBy { name }
    implements {
      name
      issuedBy { name }
      implements { name issuedBy { name } }
    }
  }
}`,
  },
  {
    query: `# Dashboard: what the graph holds, and the 34 provincial units since 1-7-2025
# with the units merged into each and their article counts.
query Dashboard {
  about { articleCount documentCount provinceCount partyBodyCount }
  provinces(era: POST_2025) {
    name
    articleCount
    mergedFrom { name articleCount }
  }
}`,
  },
  {
    query: `# Developer: page through articles with cursors (pass pageInfo.endCursor as "after").
query Articles($after: String) {
  articles(first: 3, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        title
        province { name }
        documents { name }
        partyBodies { name }
      }
    }
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
    query: `# Editor: write articles. Needs the editor's credentials: put
#   {"Authorization": "Basic <base64 of editor:password>"}
# in the Headers tab below (e.g. btoa("editor:secret") in the browser console).
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
    newCount unchangedCount rejectedCount
    results { index status reason articleId }
  }
}`,
    headers: '{ "Authorization": "Basic ZWRpdG9yOmNoYW5nZS1tZQ==" }',
  },
];
