#!/bin/sh
# Builds a release of the prediction service and publishes it to a registry.
# Usage: ./release.sh VERSION [REGISTRY]      e.g. ./release.sh 1.2.0 localhost:5000
set -eu

VERSION=${1:?give the version, e.g. 1.2.0}
REGISTRY=${2:-localhost:5000}
IMAGE=course/predict-service

# TODO 1: build the image from this folder, passing the version as the build argument VERSION,
#         and tag it $IMAGE:$VERSION.
# TODO 2: give the same image a second name that starts with the registry:
#         $REGISTRY/$IMAGE:$VERSION
# TODO 3: push that registry-qualified name.
