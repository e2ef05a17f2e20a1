// a test migration
CREATE CONSTRAINT thing_key IF NOT EXISTS FOR (t:Thing) REQUIRE t.key IS UNIQUE;
CREATE (:Thing {key: 'first'});
