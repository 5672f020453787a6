package dev.labdesk.pack;

import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YNode;
import java.time.Duration;
import java.util.Set;

/**
 * One check in a {@code lab:check} block: an id, one kind key whose value is the subject
 * (a path, a URL, an image name, or a mapping of parameters), and what to expect.
 *
 * @param kind       e.g. {@code file.exists}; null when the check names no kind (reported by the parser)
 * @param subject    the kind key's value
 * @param expect     may be null
 * @param eventually retry until it passes or this much time has gone; null to check once
 * @param timeout    per attempt; null for the kind's default
 * @param yaml       the check's whole mapping, for positions
 */
public record CheckSpec(String id, String title, String kind, YNode subject, YNode expect, String hint,
                        Duration eventually, Duration timeout, YMap yaml) {

    /** Keys every check may have besides its kind key. */
    public static final Set<String> COMMON_KEYS = Set.of("id", "title", "expect", "hint", "eventually", "timeout");

    public SourcePos pos() {
        return yaml.pos();
    }

    /** Where the kind key is written. */
    public SourcePos kindPos() {
        return kind == null ? yaml.pos() : yaml.keyPos(kind);
    }

    public String displayName() {
        return title != null ? title : id;
    }
}
