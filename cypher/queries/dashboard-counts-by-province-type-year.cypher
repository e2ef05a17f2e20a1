// Dashboard: bars for a period — articles per province, documents per type, documents per year.

// Articles published in 2019 that mention each province, most first.
MATCH (a:Article)-[:MENTIONS]->(p:Province)
WHERE a.publishedAt >= date('2019-01-01') AND a.publishedAt <= date('2019-12-31')
RETURN p.key AS key, p.name AS label, count(DISTINCT a) AS count
ORDER BY count DESC, label;

// Documents issued in 2008-2019 per type (a document with only a year counts by its year).
MATCH (d:Document)
WHERE (d.issuedOn >= date('2008-01-01') AND d.issuedOn <= date('2019-12-31'))
   OR (d.issuedOn IS NULL AND d.year >= 2008 AND d.year <= 2019)
RETURN d.type AS key, count(d) AS count
ORDER BY count DESC, key;

// Documents per issue year, oldest first.
MATCH (d:Document)
WHERE d.year IS NOT NULL
RETURN d.year AS year, count(d) AS count
ORDER BY year;
