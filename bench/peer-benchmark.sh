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
# The kit makes its corpus with the jar's former `generate` command: make the corpus and the bulk-loaded
# store where the kit looks for them (it reuses an existing data directory), and give the peer the
# embedded database's generated password.
N=${ARTICLES:-10000}
HOME_DIR=$PWD/target/peer-bench
DATA=$HOME_DIR/data-$N
CORPUS=$HOME_DIR/corpus-$N.ndjson
mkdir -p "$HOME_DIR"
if [ ! -d "$DATA" ]; then
	[ -s "$CORPUS" ] || scripts/generate-corpus.sh --articles="$N" --seed=42 --out="$CORPUS"
	java -Xmx1g -XX:-DontCompileHugeMethods -XX:+UseParallelGC -jar "$(ls target/*.jar | grep -v -e plain -e sources | head -1)" \
		ingest --bulk "$CORPUS" --policygraph.neo4j.embedded.data-directory="$DATA" --policygraph.neo4j.embedded.bolt-port=0
fi
if [ -z "${NEO4J_PASSWORD:-}" ] && [ -s "$DATA/neo4j-password" ]; then
	export NEO4J_USERNAME=${NEO4J_USERNAME:-neo4j}
	NEO4J_PASSWORD=$(cat "$DATA/neo4j-password")
	export NEO4J_PASSWORD
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
PROJECT_ARGS="$ARGS" "$DIR/run.sh"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
