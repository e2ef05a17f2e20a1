// Developer: a code is not an identity; every document numbered 22-NQ/TW.
MATCH (d:Document {code: '22-NQ/TW'})
OPTIONAL MATCH (d)-[:ISSUED_BY]->(b:PartyBody)
RETURN d.key, d.issuedOn, d.term, d.subject, collect(b.name) AS issuedBy
ORDER BY d.issuedOn;
