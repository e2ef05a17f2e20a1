// Search as the API sends it: "nghi quyet 22" becomes every word required; punctuation in the
// input never reaches the query parser ("22-NQ/TW" becomes +22 +nq +tw). Only documents and
// articles, best first.
CALL db.index.fulltext.queryNodes('search_text', '+nghi +quyet +22') YIELD node, score
WHERE node:Document OR node:Article
RETURN CASE WHEN node:Article THEN 'ARTICLE' ELSE 'DOCUMENT' END AS kind,
       coalesce(node.key, node.id) AS key, coalesce(node.title, node.name) AS name, score
ORDER BY score DESC
LIMIT 10;
