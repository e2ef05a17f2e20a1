// a test migration: a constraint, then a full-text index
CREATE CONSTRAINT thing_key IF NOT EXISTS FOR (t:Thing) REQUIRE t.key IS UNIQUE;
CREATE FULLTEXT INDEX thing_search IF NOT EXISTS FOR (t:Thing) ON EACH [t.name];
