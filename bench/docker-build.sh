#!/usr/bin/env bash
# Building the same context through LabDesk (lab:docker-build, in one JVM) vs the Docker CLI's
# classic builder (DOCKER_BUILDKIT=0 docker build), both without cache and with the same label.
# Prints both medians and their ratio (target: LabDesk / CLI <= 1.05).
#
#   bench/docker-build.sh [ROUNDS] [BUILDS_PER_ROUND]      default 3 rounds of 5 builds each
#
# Rounds alternate between the two so drift on a shared machine hits both alike.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}
per=${2:-5}
run=$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
label="dev.labdesk.lab=bench/docker-build"
tag_ld="labdesk-bench/$run-labdesk:1"
tag_cli="labdesk-bench/$run-cli:1"
ctx=$(mktemp -d /tmp/labdesk-bench-ctx.XXXXXX)
out=$(mktemp -d /tmp/labdesk-bench-out.XXXXXX)

cleanup() {
    docker rmi -f "$tag_ld" "$tag_cli" >/dev/null 2>&1 || true
    # no-cache rebuilds leave the previous image of the tag untagged; they carry the bench label
    docker image prune -f --filter "label=$label" >/dev/null 2>&1 || true
    rm -rf "$ctx" "$out"
}
trap cleanup EXIT

# The context: a FROM-scratch busybox image with a RUN step and an 8 MB data file, like a small lab app.
cp "$(command -v busybox)" "$ctx/busybox"
mkdir -p "$ctx/www"
head -c 8000000 /dev/urandom > "$ctx/www/data.bin"
echo "hello" > "$ctx/www/index.html"
cat > "$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
COPY www /www
RUN ["/bin/busybox", "sh", "-c", "/bin/busybox mkdir -p /srv && /bin/busybox cp -r /www /srv/ && /bin/busybox sha256sum /srv/www/data.bin > /srv/sum"]
EXPOSE 8080
CMD ["/bin/busybox", "httpd", "-f", "-p", "8080", "-h", "/www"]
DOCKERFILE

# The bench driver lives with the tests, not in the product jar.
(cd "$here" && mvn -q -B test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test)
classpath="$here/target/classes:$here/target/test-classes:$(cat "$here/target/bench-classpath.txt")"

ms() { echo $(( $(date +%s%N) / 1000000 )); }
for r in $(seq 1 "$rounds"); do
    echo "round $r/$rounds: LabDesk x$per" >&2
    java -cp "$classpath" dev.labdesk.bench.DockerBuildBench "$ctx" "$tag_ld" "$per" >> "$out/labdesk.txt"
    echo "round $r/$rounds: docker build x$per" >&2
    DOCKER_BUILDKIT=0 docker build -q --no-cache --label "$label" -t "$tag_cli" "$ctx" >/dev/null 2>&1  # warm-up, like the JVM's
    for _ in $(seq 1 "$per"); do
        t0=$(ms)
        DOCKER_BUILDKIT=0 docker build -q --no-cache --label "$label" -t "$tag_cli" "$ctx" >/dev/null 2>&1
        echo $(( $(ms) - t0 )) >> "$out/cli.txt"
    done
done

median() { sort -n "$1" | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
m_ld=$(median "$out/labdesk.txt")
m_cli=$(median "$out/cli.txt")
n_ld=$(wc -l < "$out/labdesk.txt")
n_cli=$(wc -l < "$out/cli.txt")
echo "LabDesk lab:docker-build  median ${m_ld} ms over ${n_ld} builds: $(sort -n "$out/labdesk.txt" | tr '\n' ' ')"
echo "docker build (classic)    median ${m_cli} ms over ${n_cli} builds: $(sort -n "$out/cli.txt" | tr '\n' ' ')"
awk -v a="$m_ld" -v b="$m_cli" 'BEGIN {printf "ratio LabDesk / docker build = %.3f (target <= 1.05)\n", a / b}'
