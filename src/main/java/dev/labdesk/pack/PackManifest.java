package dev.labdesk.pack;

import dev.labdesk.pack.yaml.YMap;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code pack.yaml}. {@code labs} lists lab ids in order; when absent every top-level Markdown
 * file except README.md is a lab. Integrations may read further keys from {@link #yaml()}.
 */
public record PackManifest(String id, String title, String version, String description, List<String> authors,
                           String license, List<String> requires, List<String> labs, Path file, YMap yaml) {

    public PackManifest {
        authors = List.copyOf(authors);
        requires = List.copyOf(requires);
        labs = labs == null ? null : List.copyOf(labs);
    }
}
