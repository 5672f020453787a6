package dev.labdesk.pack;

import dev.labdesk.pack.yaml.YMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One lab: a Markdown file with YAML front matter, split into steps at {@code ##} headings.
 * Blocks written before the first {@code ##} belong to a step with id {@value #INTRO}.
 *
 * @param anchors the slugs of every heading, for links that point into this lab
 */
public record Lab(String id, String title, String summary, List<String> requires, String estimate,
                  List<String> tags, Integer order, Path file, YMap frontMatter, List<Step> steps,
                  List<MdLink> links, Set<String> anchors) {

    public static final String INTRO = "intro";

    public Lab {
        requires = List.copyOf(requires);
        tags = List.copyOf(tags);
        steps = List.copyOf(steps);
        links = List.copyOf(links);
        anchors = Set.copyOf(anchors);
    }

    public List<Block.Action> actions() {
        return steps.stream().flatMap(s -> s.actions().stream()).toList();
    }

    public List<CheckSpec> checks() {
        return steps.stream().flatMap(s -> s.checks().stream()).toList();
    }

    public List<Block> blocks() {
        return steps.stream().flatMap(s -> s.blocks().stream()).toList();
    }

    /** The file name without {@code .md}: names the lab's {@code files/} and {@code solutions/} folders. */
    public String fileStem() {
        String name = file.getFileName().toString();
        return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }

    /** Where the lab's id is written, or the top of the file. */
    public SourcePos idPos() {
        return frontMatter != null && frontMatter.has("id") ? frontMatter.keyPos("id") : SourcePos.start(file);
    }
}
