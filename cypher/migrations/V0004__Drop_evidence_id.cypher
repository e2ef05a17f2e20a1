// Evidence nodes are no longer written with an `id` (their article's id, relation type and keys
// joined): no statement looked one up by it; they are reached from their article (ASSERTS) or by
// their relation (the evidence_relation index). Its unique index was the second most costly to
// build after a bulk load (about 7 s of CPU at 100,000 articles) and grew with every evidence
// sentence. The writer still keeps one Evidence per article and relation. Evidence written
// before this version keeps its `id` property; nothing reads it.
DROP CONSTRAINT evidence_id IF EXISTS;
