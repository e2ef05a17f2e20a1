// Each IMPLEMENTS and ISSUED_BY relationship keeps, beside the ids of the articles of its first
// 10 evidence items (`evidenceArticleIds`, V0006), the publication dates of the dated ones
// among them, in the same order (`evidenceArticleDates`; undated articles come first in the
// list, so the first size(ids) - size(dates) ids are the undated ones; no property when none is
// dated). "Who implements a document, with 3 evidence sentences each" then picks the first 3 of
// a province's relationships (its own and its local plans') from the relationships alone and
// reads 3 articles' evidence, not 3 of every relationship. The writers keep it from now on; this
// fills it in for relationships written before, in batches. It reads each kept article once.
MATCH ()-[r:IMPLEMENTS|ISSUED_BY]->()
WHERE r.evidenceArticleIds IS NOT NULL AND r.evidenceArticleDates IS NULL
CALL (r) {
  UNWIND range(0, size(r.evidenceArticleIds) - 1) AS i
  OPTIONAL MATCH (a:Article {id: r.evidenceArticleIds[i]})
  WITH r, i, a.publishedAt AS publishedAt
  ORDER BY i
  WITH r, collect(publishedAt) AS dates
  SET r.evidenceArticleDates = CASE WHEN size(dates) > 0 THEN dates END
} IN TRANSACTIONS OF 1000 ROWS;
