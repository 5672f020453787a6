#!/bin/sh
# How long hashing packs for remembered trust takes (PackFingerprint): every pack under FOLDER
# (default: the bundled course in labs/), first in a fresh JVM, then ROUNDS warm passes.
# Usage: bench/fingerprint.sh [FOLDER] [ROUNDS]   (defaults: labs 50)
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$here"
mvn -q -B test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -XX:+UseSerialGC -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    dev.labdesk.trust.PackFingerprintBench "${1:-labs}" "${2:-50}"
