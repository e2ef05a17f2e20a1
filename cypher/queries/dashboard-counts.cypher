// Dashboard: what the graph holds, and documents by type and year.
RETURN COUNT { (:Article) } AS articles, COUNT { (:Document) } AS documents,
       COUNT { (:Province) } AS provinces, COUNT { (:PartyBody) } AS bodies;

MATCH (d:Document)
RETURN d.type AS type, d.year AS year, count(*) AS documents
ORDER BY year DESC, type;
