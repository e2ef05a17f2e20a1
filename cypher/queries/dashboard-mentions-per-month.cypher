// Dashboard: articles per month mentioning Resolution 22-NQ/TW of 2-2-2008, every month of 2018
// listed, months without articles as 0.
WITH date('2018-01-01') AS start, date('2018-12-31') AS end
MATCH (a:Article)-[:MENTIONS]->(:Document {key: '22-NQ/TW|TW|2008-02-02'})
WHERE a.publishedAt >= start AND a.publishedAt <= end
WITH start, end, date.truncate('month', a.publishedAt) AS month, count(a) AS n
WITH start, end, collect({month: month, n: n}) AS counted
UNWIND range(0, duration.inMonths(date.truncate('month', start), date.truncate('month', end)).months) AS i
WITH counted, date.truncate('month', start) + duration({months: i}) AS month
RETURN substring(toString(month), 0, 7) AS month,
       coalesce(head([c IN counted WHERE c.month = month | c.n]), 0) AS articles
ORDER BY month;
