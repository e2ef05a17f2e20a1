// Dashboard: how many of the 34 units since 1-7-2025 implement Resolution 22-NQ/TW of 2-2-2008.
// A unit formed by the merger implements when it or a unit merged into it does ("via").
// For the 63 units before the merger: era IN ['PRE_2025', 'BOTH'] and no predecessors.
MATCH (d:Document {key: '22-NQ/TW|TW|2008-02-02'})
MATCH (u:Province) WHERE u.era IN ['POST_2025', 'BOTH']
CALL (u, d) {
  OPTIONAL MATCH (s:Province)-[r:IMPLEMENTS]->(d)
  WHERE s = u OR (s)-[:MERGED_INTO]->(u)
  WITH collect(s) AS sources, min(r.firstReported) AS firstReported
  OPTIONAL MATCH (e:Evidence {type: 'IMPLEMENTS', toKey: d.key})
  WHERE e.fromKey IN [s IN sources | s.key]
  RETURN sources, firstReported, count(DISTINCT e.articleId) AS articles
}
WITH u, sources, firstReported, articles
ORDER BY firstReported, u.name
WITH count(u) AS totalUnits,
     collect(CASE WHEN size(sources) > 0
       THEN {unit: u.name, firstReported: firstReported, articles: articles,
             via: [s IN sources WHERE s <> u | s.name]} END) AS implemented,
     collect(CASE WHEN size(sources) = 0 THEN u.name END) AS missing
RETURN totalUnits, size(implemented) AS implementedCount, implemented, missing;
