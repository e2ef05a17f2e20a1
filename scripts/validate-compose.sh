#!/usr/bin/env bash
# Checks docker-compose.yml without starting anything (no Docker engine needed): the default
# deployment and the "cluster" profile must both resolve (interpolation, merge keys, profiles,
# dependencies). Uses Compose v2 (`docker compose`) when installed; otherwise Compose v1
# (`docker-compose`, e.g. Debian's package), which does not know the top-level `name:` key,
# so that line is left out of what v1 reads.
#   scripts/validate-compose.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# Placeholders for the required variables, unless .env or the environment sets them.
export NEO4J_PASSWORD="${NEO4J_PASSWORD:-placeholder}"
export POLICYGRAPH_SECURITY_EDITOR_PASSWORD="${POLICYGRAPH_SECURITY_EDITOR_PASSWORD:-placeholder}"

if docker compose version >/dev/null 2>&1; then
  echo "Compose v2: $(docker compose version --short)"
  compose() { docker compose -f docker-compose.yml "$@"; }
elif command -v docker-compose >/dev/null 2>&1; then
  echo "Compose v1: $(docker-compose version --short) (top-level 'name:' left out)"
  compose() { sed '/^name:/d' docker-compose.yml | docker-compose -f - --project-directory . "$@"; }
else
  echo "Neither 'docker compose' nor 'docker-compose' is installed" >&2
  exit 2
fi

compose config -q
echo "default deployment: valid"
compose --profile cluster config -q
echo "cluster profile: valid"
