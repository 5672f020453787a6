package dev.labdesk.docker;

import dev.labdesk.testing.DockerGate;

/** Whether tests may clean up against the engine (the gate has already decided whether they run). */
final class DockerGateAccess {

    private DockerGateAccess() {
    }

    static boolean available() {
        return DockerGate.discovery().available();
    }
}
