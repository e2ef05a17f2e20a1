// Each province's IMPLEMENTS to a document keeps the local documents through which the province
// carries the document out (`localDocumentKeys`): the keys of the documents of the province's
// scope (its own, or one of its districts', `<province>:<district>`) from which a chain of one to
// four IMPLEMENTS leads to the document, ordered by issuedOn then key; no property when there are
// none. "Who implements D, through which local documents, with what evidence" then reads the
// page's relationships and their few local documents, instead of following every chain into D
// and reading every province's local documents to keep those of the page's provinces. The
// writers keep it from now on; this fills it in for relationships written before, one document
// at a time (the chains into it followed once, shared out to its provinces by scope), 100
// documents per transaction.
MATCH (d:Document)
WHERE EXISTS { (:Province)-[:IMPLEMENTS]->(d) }
CALL (d) {
  OPTIONAL MATCH (v:Document)-[:IMPLEMENTS*1..4]->(d)
  WITH DISTINCT v
  ORDER BY v.issuedOn, v.key
  WITH collect(v {.key, .scope}) AS locals
  MATCH (p:Province)-[r:IMPLEMENTS]->(d)
  WITH r, [v IN locals WHERE v.scope = p.key OR v.scope STARTS WITH p.key + ':' | v.key] AS keys
  WHERE coalesce(r.localDocumentKeys, []) <> keys
  SET r.localDocumentKeys = CASE WHEN size(keys) > 0 THEN keys END
} IN TRANSACTIONS OF 100 ROWS;
