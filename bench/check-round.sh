#!/bin/sh
# Benchmark: wall time of a round of 10 passing checks (5 file, 5 HTTP on 127.0.0.1) through the CheckRunner,
# plus `labdesk check` on the same lab as a fresh process. Usage: bench/check-round.sh [warm-rounds]
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
jar="$here/target/labdesk.jar"
if [ ! -f "$jar" ]; then
    (cd "$here" && mvn -q -B -DskipTests package)
fi
mkdir -p "$here/bench/out"
javac -nowarn -d "$here/bench/out" -cp "$jar" "$here/bench/CheckRound.java"
# nodelay: the JDK test server otherwise stalls each response ~40 ms on Nagle + delayed ACK (see CheckRound.java).
exec java -XX:+UseSerialGC -Dsun.net.httpserver.nodelay="${BENCH_NODELAY:-true}" -cp "$jar:$here/bench/out" \
    CheckRound "${1:-50}" "$jar"
