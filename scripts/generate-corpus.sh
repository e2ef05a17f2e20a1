#!/usr/bin/env bash
# Writes a synthetic corpus: scripts/generate-corpus.sh --articles=N [--seed=S] [--out=FILE]
# (--help for the details). The generator is test code (src/test/java/org/policygraph/corpus), not
# part of the application jar. This script compiles it when needed (./mvnw test-compile), writes the
# runtime class path once to target/runtime.classpath (./mvnw dependency:build-classpath) and runs
# it with both, without starting Spring. Extra JVM options: GENERATE_JAVA_OPTS.
set -euo pipefail

# A relative --out names a file in the caller's directory, not the project's.
args=()
for arg in "$@"; do
	case "$arg" in
		--out=/*) args+=("$arg") ;;
		--out=*) args+=("--out=$PWD/${arg#--out=}") ;;
		*) args+=("$arg") ;;
	esac
done
cd "$(dirname "$0")/.."

# Compiled when a source is newer than the class files (Maven compiles only what changed).
if [ ! -f target/test-classes/org/policygraph/corpus/GenerateCommand.class ] \
		|| [ ! -f target/classes/org/policygraph/reference/ProvinceGazetteer.class ] \
		|| [ -n "$(find src/main src/test/java/org/policygraph/corpus -newer target/test-classes/org/policygraph/corpus/GenerateCommand.class -type f -print -quit)" ]; then
	echo "Compiling the generator (./mvnw test-compile) ..." >&2
	./mvnw -q -B test-compile -Djacoco.skip=true -Dspring-javaformat.skip=true >&2
fi
if [ ! -f target/runtime.classpath ] || [ pom.xml -nt target/runtime.classpath ]; then
	echo "Writing the runtime class path (./mvnw dependency:build-classpath) ..." >&2
	./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime \
		-Dmdep.outputFile=target/runtime.classpath >&2
fi
# shellcheck disable=SC2086
exec java ${GENERATE_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/runtime.classpath)" \
	org.policygraph.corpus.GenerateCommand ${args[@]+"${args[@]}"}
