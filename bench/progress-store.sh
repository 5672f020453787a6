#!/bin/sh
# Latency of the progress store on this machine: recordRun, the UI's reads, open; plus plain-JDBC
# inserts with synchronous=FULL and NORMAL, to show what the fsync per commit costs.
# Usage: bench/progress-store.sh [RUNS]   (default 500)
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$here"
mvn -q -B test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    dev.labdesk.progress.ProgressStoreBench "${1:-500}"
