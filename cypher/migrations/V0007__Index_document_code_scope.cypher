// The writer reads a batch's documents by code and scope (the document merge's groups) and
// resolves short citations by type, number and scope (central or the article's province).
// A code such as 01-KH/TU is held by a document of almost every province: these composite
// indexes find the one scope asked for instead of reading every province's document of
// that code or number.
CREATE INDEX document_code_scope IF NOT EXISTS FOR (d:Document) ON (d.code, d.scope);
CREATE INDEX document_type_number_scope IF NOT EXISTS FOR (d:Document) ON (d.type, d.number, d.scope);
