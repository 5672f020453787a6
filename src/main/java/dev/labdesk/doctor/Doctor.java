package dev.labdesk.doctor;

import dev.labdesk.docker.DockerEngine;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Pack;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks what the labs need from this machine. Sections are independent: Kubernetes, cloud
 * credentials and offline readiness add their own beside Docker's.
 */
public final class Doctor {

    private final KindRegistry registry;

    public Doctor(KindRegistry registry) {
        this.registry = registry;
    }

    /** {@code packs} are those whose declared base images to look for (may be empty). */
    public DoctorReport run(List<Pack> packs) {
        List<Section> sections = new ArrayList<>();
        sections.add(DockerSection.check(registry.service(DockerEngine.class), packs));
        // Kubernetes (kubeconfig, local cluster kind), cloud credentials and offline readiness go here.
        return new DoctorReport(sections);
    }
}
