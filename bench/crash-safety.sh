#!/bin/sh
# Crash-safety benchmark of the progress store: kills a child JVM with SIGKILL KILLS times
# (default 1000) while it writes check runs to one SQLite database, then checks that the database
# opens, passes PRAGMA integrity_check and holds every run whose write had returned.
# Usage: bench/crash-safety.sh [KILLS]      (SEED=n for a repeatable run)
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$here"
kills=${1:-1000}

mvn -q -B test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"

dir=$(mktemp -d "${TMPDIR:-/tmp}/labdesk-crash.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM

status=0
java -XX:+UseSerialGC ${SEED:+-Dseed=$SEED} -cp "$classpath" dev.labdesk.progress.CrashHarness "$kills" "$dir" || status=$?
exit $status
