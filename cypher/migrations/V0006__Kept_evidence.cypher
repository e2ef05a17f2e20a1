// Each IMPLEMENTS and ISSUED_BY relationship keeps the ids of the articles of its first 10
// evidence items, in the order the reads show evidence (newest article first, undated articles
// before dated ones as Cypher sorts nulls, then by article id), as `evidenceArticleIds`: "who
// implements a document, with 3 evidence sentences each" then reads the relationships and a few
// articles, not every evidence sentence of every implementing province. The writers keep it
// exact from now on; this fills it in for relationships written before, in batches (a large
// store has hundreds of thousands of evidence nodes). Relationships that have it already (a store
// written by the bulk importer, which writes it) are left alone.
MATCH ()-[r:IMPLEMENTS|ISSUED_BY]->()
WHERE r.evidenceArticleIds IS NULL
CALL (r) {
  OPTIONAL MATCH (a:Article)-[:ASSERTS]->(:Evidence {type: type(r), fromKey: startNode(r).key, toKey: endNode(r).key})
  WITH r, a ORDER BY a.publishedAt DESC, a.id
  WITH r, collect(DISTINCT a.id)[0..10] AS kept
  SET r.evidenceArticleIds = kept
} IN TRANSACTIONS OF 1000 ROWS;
