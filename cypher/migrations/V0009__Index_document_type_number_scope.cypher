// A short citation ("Nghị quyết số 05") is resolved, within one write transaction, to the one
// document of its type and number issued centrally ('TW') or in the article's own scope. The
// (type, number) index reads every document of that type and number, in every province, and
// filters the scope afterwards: about 70 documents per citation on a 10,000-article graph, more
// as the corpus grows. Seeking type, number and scope reads only the candidates.
CREATE INDEX document_type_number_scope IF NOT EXISTS FOR (d:Document) ON (d.type, d.number, d.scope);
