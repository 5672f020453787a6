package dev.labdesk.doctor;

import java.util.List;

/**
 * One environment in the doctor's report.
 *
 * @param summary one line: what was found, or what is missing
 * @param facts   label/value pairs (endpoint, version...)
 * @param lists   titled lists of rows (places tried, base images...)
 * @param problem what is wrong, null when nothing is
 * @param fix     the next step, null when nothing is wrong
 */
public record Section(String name, Status status, String summary, List<Fact> facts, List<Rows> lists,
                      String problem, String fix) {

    public Section {
        facts = List.copyOf(facts);
        lists = List.copyOf(lists);
    }

    /** OK: usable. WARN: usable, but something labs need is missing. UNAVAILABLE: not usable. */
    public enum Status {
        OK, WARN, UNAVAILABLE
    }

    public record Fact(String label, String value) {
    }

    public record Rows(String title, List<Row> rows) {
        public Rows {
            rows = List.copyOf(rows);
        }
    }

    /** {@code ok} null for neutral rows (not tried). */
    public record Row(Boolean ok, String label, String detail) {
    }
}
