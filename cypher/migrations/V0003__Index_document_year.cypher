// The document list without a type, body or province filter (documents(first: …), newest year
// first) reads the documents in this index's order and stops at the page's end, instead of
// sorting every document for every page.
CREATE INDEX document_year IF NOT EXISTS FOR (d:Document) ON (d.year);
