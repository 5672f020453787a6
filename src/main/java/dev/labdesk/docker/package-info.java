/**
 * Docker integration: finding the learner's engine ({@link dev.labdesk.docker.EngineLocator}), the
 * {@link dev.labdesk.docker.DockerEngine} port with its docker-java adapter, and the docker action and check kinds.
 * Only {@link dev.labdesk.docker.DockerJavaEngine} touches docker-java types.
 */
package dev.labdesk.docker;
