package dev.labdesk.pack;

import dev.labdesk.pack.MarkdownScan.FenceAt;
import dev.labdesk.pack.MarkdownScan.HeadingAt;
import dev.labdesk.pack.yaml.YMap;
import java.nio.file.Path;

/** Reads a course note: optional front matter with a title, headings for anchors, and links. */
public final class NoteParser {

    private NoteParser() {
    }

    /** Returns null only when the file cannot be read at all. */
    public static Note parse(Path file, Problems problems) {
        SourceText source = SourceText.read(file, problems);
        if (source == null) {
            return null;
        }
        MarkdownScan scan = MarkdownScan.scan(source, problems);
        String title = scan.frontMatter() instanceof YMap fm ? fm.text("title") : null;
        for (MarkdownScan.Element e : scan.elements()) {
            if (title == null && e instanceof HeadingAt h && h.level() == 1) {
                title = h.text();
            }
            if (e instanceof FenceAt f && f.firstWord().startsWith(LabParser.PREFIX)) {
                problems.warning(f.pos(), "lab-block-in-note", "notes are read, not run: '" + f.firstWord()
                        + "' does nothing here; move it into a lab and link to that lab");
            }
        }
        if (title == null) {
            title = file.getFileName().toString().replaceFirst("\\.md$", "");
        }
        return new Note(file, title, scan.links(), scan.anchors());
    }
}
