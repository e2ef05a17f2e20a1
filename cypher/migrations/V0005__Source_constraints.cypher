// Live sources: one :Source node per polled feed, sitemap or listing page (its state), and one
// :SourceItem per article URL a source has listed and the poller has dealt with (so that a
// restart resumes without fetching it again). Both are found by their URL.
CREATE CONSTRAINT source_url IF NOT EXISTS FOR (s:Source) REQUIRE s.url IS UNIQUE;
CREATE CONSTRAINT source_item_url IF NOT EXISTS FOR (i:SourceItem) REQUIRE i.url IS UNIQUE;
