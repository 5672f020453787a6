#!/bin/sh
# Builds a release of the prediction service and publishes it to a registry.
# Usage: ./release.sh VERSION [REGISTRY]      e.g. ./release.sh 1.2.0 localhost:5000
set -eu

VERSION=${1:?give the version, e.g. 1.2.0}
REGISTRY=${2:-localhost:5000}
IMAGE=course/predict-service

docker build --build-arg VERSION="$VERSION" -t "$IMAGE:$VERSION" .

# A tag is only a second name for the same image; the registry host is part of the name.
docker tag "$IMAGE:$VERSION" "$REGISTRY/$IMAGE:$VERSION"
docker push "$REGISTRY/$IMAGE:$VERSION"

echo "published $REGISTRY/$IMAGE:$VERSION; pull it elsewhere with:"
echo "  docker pull $REGISTRY/$IMAGE:$VERSION"
