// Lists of documents of one type (the dashboard's resolutions, documents(type: …)) start from
// this index instead of reading every document: the composite (type, year) and (type, number)
// indexes serve only documents that have a year or a number.
CREATE INDEX document_type IF NOT EXISTS FOR (d:Document) ON (d.type);
