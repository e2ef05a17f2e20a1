#!/usr/bin/env bash
# Audits the GraphQL over HTTP implementation with the graphql-http suite (npm).
# Starts the application on a throw-away embedded database unless a URL is given.
#   scripts/graphql-http-audit.sh                      # build, start, audit, stop
#   scripts/graphql-http-audit.sh http://host:8080/graphql
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/scripts/graphql-http-audit"
npm install --silent --no-audit --no-fund >/dev/null

url="${1:-}"
if [ -z "$url" ]; then
  jar=$(ls "$root"/target/policy-graph-*.jar 2>/dev/null | head -1 || true)
  if [ -z "$jar" ]; then
    (cd "$root" && ./mvnw -q -B package -DskipTests)
    jar=$(ls "$root"/target/policy-graph-*.jar | head -1)
  fi
  data=$(mktemp -d)
  port=18080
  java -jar "$jar" --server.port=$port --policygraph.neo4j.embedded.data-directory="$data" \
    --policygraph.neo4j.embedded.bolt-port=0 >"$data/app.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
  up=false
  for _ in $(seq 1 300); do
    if curl -sf "http://localhost:$port/actuator/health" >/dev/null; then up=true; break; fi
    kill -0 $pid 2>/dev/null || break
    sleep 1
  done
  if [ "$up" != true ]; then
    echo "The application did not start; its log:" >&2
    tail -50 "$data/app.log" >&2
    exit 1
  fi
  url="http://localhost:$port/graphql"
fi
node audit.mjs "$url"
