# Shared by the benchmark scripts (sourced, not run): building, the client classpath, and a
# server started on a prepared data directory with free loopback ports.
# shellcheck shell=bash

JAR=target/policy-graph-0.1.0-SNAPSHOT.jar
OUT=target/bench

# build: the server jar and the benchmark clients (test classes), when missing.
build() {
	if [ ! -f "$JAR" ]; then
		echo "Building $JAR ..." >&2
		./mvnw -q package -DskipTests
	fi
	if [ ! -f target/test-classes/org/policygraph/bench/QueryBenchmark.class ]; then
		echo "Compiling the benchmark clients ..." >&2
		./mvnw -q test-compile
	fi
	mkdir -p "$OUT"
	if [ ! -s "$OUT/classpath.txt" ] || [ pom.xml -nt "$OUT/classpath.txt" ]; then
		./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >&2
	fi
	CLIENT_CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"
}

# prepare_data <articles>: the ingest benchmark's data directory for that corpus size, built
# with bench/ingest-benchmark.sh when it does not exist yet.
prepare_data() {
	local n=$1
	if [ ! -d "$OUT/data-$n" ]; then
		echo "No $OUT/data-$n: running bench/ingest-benchmark.sh for $n articles ..." >&2
		BENCH_MODES=transactional BENCH_SIZES=$n bench/ingest-benchmark.sh >&2
	fi
}

# free_port: a TCP port nobody listens on.
free_port() {
	local port
	while true; do
		port=$(shuf -i 20000-60999 -n 1)
		if ! ss -ltnH "sport = :$port" | grep -q .; then
			echo "$port"
			return
		fi
	done
}

# start_server <data directory> <log file> [extra application arguments...]: starts the server
# jar in the background with a 1 GiB heap; sets SERVER_PID, HTTP_PORT, BOLT_PORT and
# SERVER_JVM; waits until /actuator/health/readiness answers UP (at most 10 minutes).
start_server() {
	local data=$1 log=$2
	shift 2
	HTTP_PORT=$(free_port)
	BOLT_PORT=$(free_port)
	SERVER_JVM="-Xmx${BENCH_SERVER_HEAP:-1g} -XX:-DontCompileHugeMethods ${BENCH_SERVER_JAVA_OPTS:-}"
	# shellcheck disable=SC2086
	java $SERVER_JVM -jar "$JAR" --server.port="$HTTP_PORT" \
		--policygraph.neo4j.embedded.data-directory="$data" \
		--policygraph.neo4j.embedded.bolt-port="$BOLT_PORT" \
		--policygraph.sample.enabled=false --logging.level.root=WARN "$@" >"$log" 2>&1 &
	SERVER_PID=$!
	trap stop_server EXIT
	local waited=0
	until curl -sf "http://127.0.0.1:$HTTP_PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
		if ! kill -0 "$SERVER_PID" 2>/dev/null; then
			echo "The server stopped; see $log" >&2
			tail -20 "$log" >&2
			exit 1
		fi
		if [ "$waited" -ge 600 ]; then
			echo "The server was not ready after 600 s; see $log" >&2
			exit 1
		fi
		sleep 1
		waited=$((waited + 1))
	done
	echo "Server $SERVER_PID ready after ${waited} s: http://127.0.0.1:$HTTP_PORT, bolt://127.0.0.1:$BOLT_PORT" >&2
}

# stop_server: stops the server started by start_server and waits for it to end.
stop_server() {
	if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill "$SERVER_PID"
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	SERVER_PID=
}
