#!/usr/bin/env bash
# Query benchmark: for each corpus size, starts the server jar (1 GiB heap, embedded Neo4j with
# Bolt on a free loopback port) on the data directory of bench/ingest-benchmark.sh (built first
# when missing), and runs org.policygraph.bench.QueryBenchmark in a separate JVM: about eight
# GraphQL operations over HTTP and, for each, a hand-written Cypher statement over Bolt (the
# floor), at 1 and 32 concurrent clients; p50/p95/p99, throughput, the GraphQL/Cypher ratio, the
# server's heap and RSS. Prints markdown tables and writes target/bench/query-<size>.json (and .md).
# Not a test: nothing fails on speed; a GraphQL answer that differs from its floor is printed loudly.
#
# Environment: BENCH_SIZES (default "10000 100000"), BENCH_CLIENTS ("1,32"), BENCH_WARMUP (3 s per operation), BENCH_GLOBAL_WARMUP (60 s over all operations first),
# BENCH_DURATION (10 s per operation, side and client count), BENCH_SEED (42), BENCH_ONLY (operation
# names, comma-separated), BENCH_SERVER_HEAP (1g), BENCH_SERVER_JAVA_OPTS (extra, after -XX:-DontCompileHugeMethods), BENCH_CLIENT_HEAP (512m),
# BENCH_CACHES (on; off: the response, analytics and order caches off, so that every GraphQL request executes).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

SIZES=${BENCH_SIZES:-"10000 100000"}
SERVER_ARGS=()
if [ "${BENCH_CACHES:-on}" = off ]; then
	SERVER_ARGS+=(--policygraph.graphql.response-cache.ttl=0s --policygraph.analytics.cache.ttl=0 --policygraph.articles.order-cache.ttl=0s)
fi
build

for n in $SIZES; do
	prepare_data "$n"
	echo "== $n articles; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
	start_server "$OUT/data-$n" "$OUT/query-server-$n.log" "${SERVER_ARGS[@]}"
	java -Xmx"${BENCH_CLIENT_HEAP:-512m}" -cp "$CLIENT_CP" org.policygraph.bench.QueryBenchmark \
		--graphql="http://127.0.0.1:$HTTP_PORT/graphql" --bolt="bolt://127.0.0.1:$BOLT_PORT" --data="$OUT/data-$n" \
		--articles="$n" --server-pid="$SERVER_PID" --server-jvm="$SERVER_JVM" \
		--clients="${BENCH_CLIENTS:-1,32}" --global-warmup="${BENCH_GLOBAL_WARMUP:-60}" --warmup="${BENCH_WARMUP:-3}" --duration="${BENCH_DURATION:-10}" \
		--seed="${BENCH_SEED:-42}" ${BENCH_ONLY:+--only="$BENCH_ONLY"} --out="$OUT/query-$n.json"
	stop_server
done
