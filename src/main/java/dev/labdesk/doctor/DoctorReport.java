package dev.labdesk.doctor;

import java.util.List;

/** Every section the doctor checked, in order. */
public record DoctorReport(List<Section> sections) {

    public DoctorReport {
        sections = List.copyOf(sections);
    }

    /** True when a required environment cannot be used: the CLI exits 3. */
    public boolean environmentMissing() {
        return sections.stream().anyMatch(s -> s.status() == Section.Status.UNAVAILABLE);
    }
}
