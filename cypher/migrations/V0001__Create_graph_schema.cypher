// Identity keys: one node per key, enforced by the database.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT province_key IF NOT EXISTS FOR (p:Province) REQUIRE p.key IS UNIQUE;
CREATE CONSTRAINT party_body_key IF NOT EXISTS FOR (b:PartyBody) REQUIRE b.key IS UNIQUE;
CREATE CONSTRAINT document_key IF NOT EXISTS FOR (d:Document) REQUIRE d.key IS UNIQUE;
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (e:Evidence) REQUIRE e.id IS UNIQUE;
// Provinces, party bodies and documents also carry the label Entity: their keys never collide
// (a province key is a GSO code, a body key has a "/", a document key has "|"), so any entity is
// found by key alone, which generic traversals (neighbourhood, shortest path) need.
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;

// Lookups the API makes.
CREATE INDEX article_published_at IF NOT EXISTS FOR (a:Article) ON (a.publishedAt);
CREATE INDEX province_gso_code IF NOT EXISTS FOR (p:Province) ON (p.gsoCode);
CREATE INDEX province_era IF NOT EXISTS FOR (p:Province) ON (p.era);
CREATE INDEX party_body_name IF NOT EXISTS FOR (b:PartyBody) ON (b.name);
CREATE INDEX party_body_level IF NOT EXISTS FOR (b:PartyBody) ON (b.level);
CREATE INDEX document_code IF NOT EXISTS FOR (d:Document) ON (d.code);
CREATE INDEX document_type_year IF NOT EXISTS FOR (d:Document) ON (d.type, d.year);
CREATE INDEX document_scope IF NOT EXISTS FOR (d:Document) ON (d.scope);
CREATE INDEX document_type_number IF NOT EXISTS FOR (d:Document) ON (d.type, d.number);
CREATE INDEX evidence_relation IF NOT EXISTS FOR (e:Evidence) ON (e.type, e.fromKey, e.toKey);

// Diacritic-insensitive full-text search over article text and titles, document subjects and
// entity names ('standard-folding' folds Vietnamese letters to ASCII: "Dak Lak" finds "Đắk Lắk").
// Eventually consistent: updated in the background after commit (ingest throughput), so a search
// may lag a write by a moment.
CREATE FULLTEXT INDEX search_text IF NOT EXISTS
FOR (n:Article|Document|Province|PartyBody) ON EACH [n.title, n.text, n.subject, n.name, n.aliasText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true}};
