// Researcher: which provinces implement Resolution 22-NQ/TW of 2-2-2008, through which local
// documents, since when, and on what evidence.
MATCH (d:Document {key: '22-NQ/TW|TW|2008-02-02'})<-[impl:IMPLEMENTS]-(p:Province)
OPTIONAL MATCH (local:Document)-[:IMPLEMENTS*1..3]->(d)
WHERE (local)-[:ISSUED_BY]->(:PartyBody)-[:OF_PROVINCE]->(p)
OPTIONAL MATCH (a:Article)-[:ASSERTS]->(e:Evidence {type: 'IMPLEMENTS', fromKey: p.key, toKey: d.key})
RETURN p.name AS province,
       impl.firstReported AS firstReported,
       impl.articleCount AS articles,
       collect(DISTINCT local.name) AS via,
       collect(DISTINCT {title: a.title, sentence: e.sentence}) AS evidence
ORDER BY province;
