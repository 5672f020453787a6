#!/usr/bin/env bash
# Builds the course's Python/Flask base image without a registry:
#   debootstrap (Debian bookworm, minbase + python3 + python3-flask) -> tar -> docker import.
# Needs root, debootstrap and a reachable Debian mirror (apt's, not a container registry).
# Idempotent: does nothing when the image exists, unless --force.
#
#   scripts/build-python-flask-image.sh [--force] [--tag NAME:TAG] [--save FILE.tar]
#
# --save writes the image with `docker save` so an offline pack can ship it and load it with
# the lab:docker-load action (or `docker load -i FILE.tar`). See docs/offline-images.md.
set -euo pipefail

tag="labdesk/python-flask:bookworm"
force=0
save=""
suite="bookworm"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

while [ "$#" -gt 0 ]; do
    case "$1" in
        --force) force=1 ;;
        --tag) tag="$2"; shift ;;
        --save) save="$2"; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "build-python-flask-image: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done

say() { printf '[python-flask %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'build-python-flask-image: %s\n' "$*" >&2; exit 1; }

command -v docker >/dev/null || die "the docker command is missing; install it (apt-get install -y docker.io)"
docker info >/dev/null 2>&1 || die "Docker is not running; start it (sudo systemctl start docker, or dockerd &) and run this again"

start=$(date +%s)
if docker image inspect "$tag" >/dev/null 2>&1 && [ "$force" -eq 0 ]; then
    say "$tag is already there; nothing to do (--force rebuilds it)"
else
    [ "$(id -u)" -eq 0 ] || die "debootstrap needs root; run: sudo $0 $*"
    command -v debootstrap >/dev/null || die "debootstrap is missing; install it (apt-get install -y debootstrap)"

    work=$(mktemp -d /tmp/labdesk-python-flask.XXXXXX)
    # debootstrap leaves /proc and /sys mounted when it fails half-way; unmount before deleting.
    cleanup() {
        for m in proc sys dev/pts dev; do umount -l "$work/root/$m" 2>/dev/null || true; done
        rm -rf "$work"
    }
    trap cleanup EXIT

    say "debootstrap $suite (minbase + python3, python3-flask) from $mirror into $work/root"
    say "this downloads ~40 MB of Debian packages and takes about two minutes"
    debootstrap --variant=minbase --include=python3,python3-flask "$suite" "$work/root" "$mirror" \
        >"$work/debootstrap.log" 2>&1 || { tail -n 30 "$work/debootstrap.log" >&2; die "debootstrap failed (log above)"; }
    say "debootstrap done after $(( $(date +%s) - start ))s"

    # Package caches and lists are not needed at run time and would double the size.
    rm -rf "$work/root/var/cache/apt/archives/"*.deb "$work/root/var/lib/apt/lists/"* \
           "$work/root/usr/share/doc/"* "$work/root/usr/share/man/"* "$work/root/tmp/"*
    python_version=$(chroot "$work/root" python3 -c 'import sys, flask; print(sys.version.split()[0], flask.__version__)' 2>/dev/null) \
        || die "python3 or flask does not run inside the new tree"
    say "python3 / flask in the image: $python_version"

    say "importing into Docker as $tag"
    tar -C "$work/root" --numeric-owner -c . | docker import \
        --change 'ENV LANG=C.UTF-8 PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1' \
        --change 'WORKDIR /app' \
        --change 'CMD ["python3"]' \
        --change "LABEL org.opencontainers.image.title=labdesk-python-flask org.opencontainers.image.description=Debian-bookworm-minbase+python3+python3-flask" \
        - "$tag" >/dev/null
    say "imported $tag ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1000000}'))"
fi

if [ -n "$save" ]; then
    say "saving $tag to $save"
    docker save -o "$save" "$tag"
fi
say "done in $(( $(date +%s) - start ))s"
