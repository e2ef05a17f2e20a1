// Researcher: the chain from Sóc Trăng's guidance 08-HD/BTCTU up to the central documents.
MATCH path = (:Document {key: '08-HD/BTCTU|94|2018-08-07'})-[:IMPLEMENTS*1..5]->(top:Document)
WHERE NOT (top)-[:IMPLEMENTS]->()
RETURN [n IN nodes(path) | n.name] AS chain;
