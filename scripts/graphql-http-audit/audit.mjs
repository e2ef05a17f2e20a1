// Runs graphql-http's auditServer against a GraphQL endpoint and prints a summary table.
// Usage: node audit.mjs [url]   (default http://localhost:8080/graphql)
// Exit status: 0 when no audit ends in 'error' (notices for optional MAY rules and warnings are
// reported, not fatal), 1 otherwise.
import { auditServer } from 'graphql-http';

const url = process.argv[2] ?? 'http://localhost:8080/graphql';
const results = await auditServer({ url });

const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const result of results) {
  counts[result.status]++;
}
console.log(`graphql-http audit of ${url}: ${results.length} audits`);
console.log('');
console.log('| status | count |');
console.log('| --- | --- |');
for (const [status, count] of Object.entries(counts)) {
  console.log(`| ${status} | ${count} |`);
}
for (const result of results.filter((r) => r.status !== 'ok')) {
  console.log('');
  console.log(`${result.status.toUpperCase()} ${result.id}: ${result.name}`);
  console.log(`  ${result.reason}`);
}
console.log('');
console.log(`${counts.ok + counts.notice + counts.warn} passed, ${counts.error} failed`);
process.exit(counts.error === 0 ? 0 : 1);
