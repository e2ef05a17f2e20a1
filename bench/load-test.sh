#!/usr/bin/env bash
# Load test: copies the ingest benchmark's data directory for LOAD_ARTICLES articles (built first
# when missing), starts the server jar on the copy (1 GiB heap, an editor password made for this
# run), and runs org.policygraph.bench.LoadTest in a separate JVM on loopback: 200 concurrent
# clients (each a user of its own: an address in X-Forwarded-For) for 60 s of mixed reads plus a
# trickle of ingestArticles mutations (URLs under https://load-test.policygraph.invalid/). Reports errors, requests/s, latencies, and the server's
# heap after a full collection and RSS before and after; writes target/bench/load-<size>.json
# (and .md). The copy is deleted afterwards, so the benchmark data stays as ingested.
#
# Environment: LOAD_ARTICLES (default 100000), LOAD_CLIENTS (200), LOAD_SECONDS (60),
# LOAD_INGEST_INTERVAL (2 s), LOAD_INGEST_BATCH (5 articles), BENCH_SEED (42),
# BENCH_SERVER_HEAP (1g), BENCH_SERVER_JAVA_OPTS (extra, after -XX:-DontCompileHugeMethods), BENCH_CLIENT_HEAP (512m).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

n=${LOAD_ARTICLES:-100000}
build
prepare_data "$n"
copy="$OUT/load-data-$n"
rm -rf "$copy"
cp -a "$OUT/data-$n" "$copy"
cleanup() {
	stop_server
	rm -rf "$copy"
}
BENCH_EDITOR_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
export BENCH_EDITOR_PASSWORD
echo "== load test on $n articles; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
export POLICYGRAPH_SECURITY_EDITOR_PASSWORD=$BENCH_EDITOR_PASSWORD
# Every client sends an address of its own in X-Forwarded-For (200 users behind a reverse proxy),
# which the server trusts from loopback: the per-client admission limits count each user apart.
start_server "$copy" "$OUT/load-server-$n.log" --server.forward-headers-strategy=native
unset POLICYGRAPH_SECURITY_EDITOR_PASSWORD
trap cleanup EXIT
java -Xmx"${BENCH_CLIENT_HEAP:-512m}" -cp "$CLIENT_CP" org.policygraph.bench.LoadTest \
	--graphql="http://127.0.0.1:$HTTP_PORT/graphql" --bolt="bolt://127.0.0.1:$BOLT_PORT" --data="$copy" \
	--articles="$n" --server-pid="$SERVER_PID" --server-jvm="$SERVER_JVM" \
	--clients="${LOAD_CLIENTS:-200}" --duration="${LOAD_SECONDS:-60}" \
	--ingest-interval="${LOAD_INGEST_INTERVAL:-2}" --ingest-batch="${LOAD_INGEST_BATCH:-5}" \
	--seed="${BENCH_SEED:-42}" --out="$OUT/load-$n.json"
