#!/usr/bin/env bash
# Ingest benchmark: generates synthetic corpora (seed 42, scripts/generate-corpus.sh), ingests each into a fresh embedded
# database with a 1 GiB heap, through transactions and through the bulk importer (--bulk),
# measures wall time, articles/s and peak RSS, then ingests the smallest corpus a second time
# (transactionally, into the bulk-loaded database) to show idempotence. Prints a markdown table and writes
# target/bench/ingest.json. Not a test: nothing fails on speed.
#
# Environment: BENCH_SIZES (default "10000 100000"), BENCH_MODES (default "transactional bulk"),
# BENCH_SEED (42), BENCH_HEAP (1g),
# BENCH_JAVA_OPTS (extra JVM options, after -XX:-DontCompileHugeMethods -XX:+UseParallelGC: see docs/PERFORMANCE.md), BENCH_BATCH_SIZE (ingest --batch-size, default: the command's),
# BENCH_APP_ARGS (extra application arguments, e.g. --policygraph.neo4j.embedded.page-cache=512MB),
# BENCH_JAR (the server jar to run, default the build's: another build's jar compares two versions on one corpus).
# A corpus already at target/bench/corpus-<size>.ndjson (a copy or a link) is used as it is, not generated again.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${BENCH_JAR:-target/policy-graph-0.1.0-SNAPSHOT.jar}
OUT=target/bench
SIZES=${BENCH_SIZES:-"10000 100000"}
MODES=${BENCH_MODES:-"transactional bulk"}
SEED=${BENCH_SEED:-42}
HEAP=${BENCH_HEAP:-1g}
JAVA_OPTS="-XX:-DontCompileHugeMethods -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-}"
BATCH=${BENCH_BATCH_SIZE:+--batch-size=$BENCH_BATCH_SIZE}
APP_ARGS=${BENCH_APP_ARGS:-}

if [ ! -f "$JAR" ]; then
	echo "Building $JAR ..."
	./mvnw -q package -DskipTests
fi
mkdir -p "$OUT"
RUNS="$OUT/runs.tsv"
: > "$RUNS"

# measure <stdout file> <stderr file> <command...>: runs the command with its output in the files,
# prints "<wall seconds> <peak RSS in KiB> <exit status>".
measure() {
	local out=$1 err=$2 start end status rss=0
	shift 2
	start=$(date +%s.%N)
	if [ -x /usr/bin/time ]; then
		set +e
		/usr/bin/time -v -o "$OUT/time.txt" "$@" >"$out" 2>"$err"
		status=$?
		set -e
		rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time.txt")
	else
		"$@" >"$out" 2>"$err" &
		local pid=$! hwm
		while kill -0 "$pid" 2>/dev/null; do
			hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
			[ -n "$hwm" ] && rss=$hwm
			sleep 0.5
		done
		set +e
		wait "$pid"
		status=$?
		set -e
	fi
	end=$(date +%s.%N)
	echo "$(echo "$end - $start" | bc -l) ${rss:-0} $status"
}

# ingest <label> <corpus> <data directory> [more ingest options]
ingest() {
	local label=$1 corpus=$2 data=$3 result
	shift 3
	echo "Ingesting $corpus ($label) ..." >&2
	# shellcheck disable=SC2086
	result=$(measure "$OUT/$label.out" "$OUT/$label.err" java -Xmx"$HEAP" $JAVA_OPTS -jar "$JAR" ingest "$corpus" $BATCH "$@" \
		--policygraph.neo4j.embedded.data-directory="$data" \
		--policygraph.neo4j.embedded.bolt-port=0 --logging.level.root=WARN $APP_ARGS)
	read -r wall rss status <<<"$result"
	local summary rate records new unchanged nodes rels
	summary=$(cat "$OUT/$label.out")
	records=$(sed -nE 's/^Ingested ([0-9,]+) records.*/\1/p' <<<"$summary" | tr -d ,)
	rate=$(sed -nE 's/.*\(([0-9,]+) articles\/s\).*/\1/p' <<<"$summary" | tr -d ,)
	new=$(sed -nE 's/^ *articles new +([0-9,]+).*/\1/p' <<<"$summary" | tr -d ,)
	unchanged=$(sed -nE 's/^ *articles unchanged +([0-9,]+).*/\1/p' <<<"$summary" | tr -d ,)
	nodes=$(sed -nE 's/^ *nodes +\+([0-9,]+).*/\1/p' <<<"$summary" | tr -d ,)
	rels=$(sed -nE 's/^ *relationships +\+([0-9,]+).*/\1/p' <<<"$summary" | tr -d ,)
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "${records:-0}" "$wall" "${rate:-0}" "$rss" \
		"${new:-0}" "${unchanged:-0}" "${nodes:-0}" "${rels:-0}" "$status" >>"$RUNS"
}

first=""
for n in $SIZES; do
	corpus="$OUT/corpus-$n.ndjson"
	if [ ! -f "$corpus" ]; then
		echo "Generating $n articles ..." >&2
		scripts/generate-corpus.sh --articles="$n" --seed="$SEED" --out="$corpus" >&2
	fi
	for mode in $MODES; do
		if [ "$mode" = bulk ]; then
			rm -rf "$OUT/data-bulk-$n"
			ingest "bulk-$n" "$corpus" "$OUT/data-bulk-$n" --bulk
		else
			rm -rf "$OUT/data-$n"
			ingest "ingest-$n" "$corpus" "$OUT/data-$n"
		fi
	done
	[ -z "$first" ] && first=$n
done
for mode in $MODES; do
	if [ "$mode" = bulk ]; then
		ingest "reingest-bulk-$first" "$OUT/corpus-$first.ndjson" "$OUT/data-bulk-$first"
	else
		ingest "reingest-$first" "$OUT/corpus-$first.ndjson" "$OUT/data-$first"
	fi
done

echo
echo "| run | articles | wall (s) | articles/s (summary) | articles/s (wall) | peak RSS (MiB) | new | unchanged | nodes created | relationships created | exit |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '{ printf "| %s | %d | %.1f | %d | %.0f | %.0f | %d | %d | %d | %d | %d |\n", $1, $2, $3, $4, ($3 > 0 ? $2 / $3 : 0), $5 / 1024, $6, $7, $8, $9, $10 }' "$RUNS"

{
	echo "{"
	echo "  \"machine\": {\"cores\": $(nproc), \"memoryKiB\": $(awk '/MemTotal/ {print $2}' /proc/meminfo), \"java\": \"$(java -version 2>&1 | head -1 | sed 's/"/\\"/g')\", \"heap\": \"$HEAP\", \"javaOpts\": \"$JAVA_OPTS\"},"
	echo "  \"seed\": $SEED,"
	echo "  \"runs\": ["
	awk -F'\t' '{ printf "%s    {\"run\": \"%s\", \"articles\": %d, \"wallSeconds\": %.2f, \"articlesPerSecond\": %d, \"articlesPerSecondWall\": %.0f, \"peakRssKiB\": %d, \"articlesNew\": %d, \"articlesUnchanged\": %d, \"nodesCreated\": %d, \"relationshipsCreated\": %d, \"exitStatus\": %d}", (NR > 1 ? ",\n" : ""), $1, $2, $3, $4, ($3 > 0 ? $2 / $3 : 0), $5, $6, $7, $8, $9, $10 } END { print "" }' "$RUNS"
	echo "  ]"
	echo "}"
} >"$OUT/ingest.json"
echo
echo "Written $OUT/ingest.json"
