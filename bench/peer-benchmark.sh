#!/usr/bin/env bash
# The project beside @neo4j/graphql 7 on Apollo Server over the same embedded database, same
# questions, answers compared first, then autocannon at 1 and 16 connections and a table of
# project/peer ratios (docs/PERFORMANCE.md, "Against @neo4j/graphql").
#
# The comparison kit (run.sh, questions.mjs, typedefs, ...) lives outside this repository: give
# its directory as the first argument or in PEER_BENCH_DIR. Everything else is passed through in
# the environment the kit reads (ARTICLES, ROUNDS, DURATION, WARMUP, CONNS, ONLY, PREWARM,
# PROJECT_ARGS). Builds the jar when it is missing; work and results go to target/peer-bench/.
#
#   bench/peer-benchmark.sh ../peer-bench
#   ONLY=a,e,f ROUNDS=1 DURATION=10 WARMUP=5 PEER_BENCH_DIR=../peer-bench bench/peer-benchmark.sh
#   CACHES=off bench/peer-benchmark.sh ../peer-bench      # response, analytics and order caches off
#   READS=bolt bench/peer-benchmark.sh ../peer-bench      # reads over Bolt, not in process (ADR 11)
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-${PEER_BENCH_DIR:-}}
[ -n "$DIR" ] && [ -x "$DIR/run.sh" ] || {
	echo "usage: bench/peer-benchmark.sh <peer-bench directory> (or PEER_BENCH_DIR=...): a directory with run.sh" >&2
	exit 2
}
ls target/*.jar >/dev/null 2>&1 || ./mvnw -q -B package -DskipTests
ARGS=${PROJECT_ARGS:-}
if [ "${CACHES:-on}" = off ]; then
	ARGS="$ARGS --policygraph.graphql.response-cache.ttl=0s --policygraph.analytics.cache.ttl=0 --policygraph.articles.order-cache.ttl=0s"
fi
if [ "${READS:-in-process}" = bolt ]; then
	ARGS="$ARGS --policygraph.neo4j.in-process-reads=false"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
PROJECT_ARGS="$ARGS" "$DIR/run.sh"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
