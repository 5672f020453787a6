package dev.labdesk.pack;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A course note: Markdown without lab blocks, which may link to labs and to other notes. */
public record Note(Path file, String title, List<MdLink> links, Set<String> anchors) {

    public Note {
        links = List.copyOf(links);
        anchors = Set.copyOf(anchors);
    }
}
