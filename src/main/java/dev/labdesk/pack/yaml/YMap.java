package dev.labdesk.pack.yaml;

import dev.labdesk.pack.SourcePos;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A mapping whose keys are scalars; keeps the order and the position of every key. */
public record YMap(List<Entry> entries, SourcePos pos) implements YNode {

    public record Entry(YScalar key, YNode value) {
        public String name() {
            return key.asText();
        }
    }

    public YMap {
        entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
        for (Entry e : entries) {
            if (e.name().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public YNode get(String key) {
        return entry(key).map(Entry::value).orElse(null);
    }

    public boolean has(String key) {
        return entry(key).isPresent();
    }

    /** The text of a scalar value, or null when absent, null or not a scalar. */
    public String text(String key) {
        return get(key) instanceof YScalar s && !s.isNull() ? s.asText() : null;
    }

    /** Where the key is written, falling back to the map itself. */
    public SourcePos keyPos(String key) {
        return entry(key).map(e -> e.key().pos()).orElse(pos);
    }

    @Override
    public Object toPlain() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            out.put(e.name(), e.value().toPlain());
        }
        return out;
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
