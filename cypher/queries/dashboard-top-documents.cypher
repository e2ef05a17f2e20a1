// Dashboard: the ten resolutions mentioned by the most articles published in 2018, with the
// number of provinces that implement each.
MATCH (a:Article)-[:MENTIONS]->(d:Document {type: 'RESOLUTION'})
WHERE a.publishedAt >= date('2018-01-01') AND a.publishedAt <= date('2018-12-31')
WITH d, count(DISTINCT a) AS mentions
ORDER BY mentions DESC, d.key
LIMIT 10
RETURN d.key AS document, d.name AS name, mentions,
       COUNT { (:Province)-[:IMPLEMENTS]->(d) } AS implementingProvinces
ORDER BY mentions DESC, document;
