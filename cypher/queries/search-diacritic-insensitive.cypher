// Search without diacritics: "Dak Lak" finds "Đắk Lắk" (full-text index with ASCII folding).
CALL db.index.fulltext.queryNodes('search_text', 'Dak Lak') YIELD node, score
RETURN labels(node) AS kind, coalesce(node.title, node.name) AS name, score
ORDER BY score DESC
LIMIT 10;
