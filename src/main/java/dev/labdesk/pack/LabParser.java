package dev.labdesk.pack;

import dev.labdesk.pack.MarkdownScan.FenceAt;
import dev.labdesk.pack.MarkdownScan.HeadingAt;
import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YScalar;
import dev.labdesk.pack.yaml.YSeq;
import dev.labdesk.pack.yaml.YamlReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a lab's Markdown into a {@link Lab}. Lenient: it reports what it cannot read (YAML syntax,
 * a block of the wrong YAML type, missing front matter) and keeps going, so the validator can
 * report everything else in the same run.
 */
public final class LabParser {

    public static final String PREFIX = "lab:";

    private final Problems problems;
    private final Map<String, Integer> actionCounts = new HashMap<>();
    private int quizCount;

    private LabParser(Problems problems) {
        this.problems = problems;
    }

    /** Parses a lab file; returns null only when the file cannot be read at all. */
    public static Lab parse(Path file, Problems problems) {
        SourceText source = SourceText.read(file, problems);
        return source == null ? null : parse(source, problems);
    }

    public static Lab parse(SourceText source, Problems problems) {
        return new LabParser(problems).lab(MarkdownScan.scan(source, problems));
    }

    private Lab lab(MarkdownScan scan) {
        Path file = scan.source().file();
        YMap fm = null;
        if (!scan.hasFrontMatter()) {
            problems.error(SourcePos.start(file), "missing-front-matter",
                    "a lab starts with YAML front matter: a line '---', then 'id:' and 'title:', then '---'");
        } else if (scan.frontMatter() instanceof YMap m) {
            fm = m;
        } else if (scan.frontMatter() != null) {
            problems.error(scan.frontMatter().pos(), "bad-value", "front matter is 'key: value' lines such as 'id: my-lab' "
                    + "and 'title: My lab', not " + scan.frontMatter().describe());
        }
        String name = file.getFileName().toString();
        String stem = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        String firstH1 = scan.elements().stream()
                .filter(e -> e instanceof HeadingAt h && h.level() == 1)
                .map(e -> ((HeadingAt) e).text()).findFirst().orElse(null);

        List<Step> steps = new ArrayList<>();
        StepBuilder current = null;
        StepBuilder intro = null;
        for (MarkdownScan.Element element : scan.elements()) {
            if (element instanceof HeadingAt h) {
                if (h.level() == 2) {
                    if (current != null) {
                        steps.add(current.build());
                    }
                    current = new StepBuilder(h.id(), h.text(), h.pos());
                }
                continue;
            }
            FenceAt fence = (FenceAt) element;
            if (!fence.firstWord().startsWith(PREFIX)) {
                continue;
            }
            Block block = block(fence);
            if (block == null) {
                continue;
            }
            if (current == null) {
                if (intro == null) {
                    intro = new StepBuilder(Lab.INTRO, firstH1 != null ? firstH1 : "Introduction", SourcePos.start(file));
                }
                intro.blocks.add(block);
            } else {
                current.blocks.add(block);
            }
        }
        if (current != null) {
            steps.add(current.build());
        }
        if (intro != null) {
            steps.add(0, intro.build());
        }

        String id = text(fm, "id");
        String title = text(fm, "title");
        return new Lab(id != null ? id : stem, title != null ? title : firstH1 != null ? firstH1 : stem,
                text(fm, "summary"), list(fm, "requires"), text(fm, "estimate"), list(fm, "tags"),
                fm != null && fm.get("order") instanceof YScalar s && s.value() instanceof Long n ? n.intValue() : null,
                file, fm, steps, scan.links(), scan.anchors());
    }

    private Block block(FenceAt fence) {
        String kind = fence.firstWord().substring(PREFIX.length());
        YamlReader.Result parsed = YamlReader.parse(fence.content(), fence.locator(), problems);
        YNode yaml = parsed.node();
        boolean unreadable = parsed.failed();
        switch (kind) {
            case "check":
                return checks(fence, yaml, unreadable);
            case "quiz": {
                YMap body = mapping(fence, yaml, unreadable, "a mapping with question, choices and answer");
                quizCount++;
                String id = body.text("id");
                return new Block.Quiz(id != null ? id : "quiz-" + quizCount, body, fence.pos());
            }
            case "hint":
                if (yaml instanceof YMap m) {
                    return new Block.Hint(m.text("title"), m.text("text"), m, fence.pos());
                }
                return new Block.Hint(null, yaml instanceof YScalar s ? s.asText() : null, yaml, fence.pos());
            case "solution":
                if (yaml instanceof YMap m) {
                    return new Block.Solution(m.text("text"), m.text("file"), m, fence.pos());
                }
                return new Block.Solution(yaml instanceof YScalar s ? s.asText() : null, null, yaml, fence.pos());
            default: {
                // Whether an action body must be a mapping depends on the kind, which the validator
                // knows and this parser does not: an unknown kind gets one problem, not two. A body that
                // is not a mapping becomes an empty mapping placed at the YAML (an empty body sits at
                // the fence), which is how the validator tells the two apart.
                YMap body = yaml instanceof YMap m ? m : new YMap(List.of(), yaml != null ? yaml.pos() : fence.pos());
                int n = actionCounts.merge(kind, 1, Integer::sum);
                String id = body.text("id");
                return new Block.Action(kind, id != null ? id : kind + "-" + n, body, fence.pos());
            }
        }
    }

    private YMap mapping(FenceAt fence, YNode yaml, boolean unreadable, String what) {
        if (yaml instanceof YMap m) {
            return m;
        }
        if (yaml != null) {
            problems.error(yaml.pos(), "bad-value", fence.firstWord() + " holds " + what + ", not " + yaml.describe());
        }
        return new YMap(List.of(), yaml != null ? yaml.pos() : fence.pos());
    }

    private Block checks(FenceAt fence, YNode yaml, boolean unreadable) {
        List<CheckSpec> checks = new ArrayList<>();
        if (yaml == null) {
            if (!unreadable) {
                problems.error(fence.pos(), "missing-field", "lab:check is empty; list checks like '- id: app-file' with "
                        + "a kind such as 'file.exists: app.py'");
            }
        } else if (yaml instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YMap m) {
                    checks.add(check(m));
                } else {
                    problems.error(item.pos(), "bad-value", "each check is a mapping like '- id: app-file' with a kind "
                            + "such as 'file.exists: app.py', not " + item.describe());
                }
            }
        } else if (yaml instanceof YMap m) {
            checks.add(check(m));
        } else {
            problems.error(yaml.pos(), "bad-value", "lab:check holds a list of checks, not " + yaml.describe());
        }
        return new Block.Checks(checks, fence.pos());
    }

    private static CheckSpec check(YMap m) {
        String kind = null;
        for (YMap.Entry e : m.entries()) {
            if (CheckSpec.COMMON_KEYS.contains(e.name())) {
                continue;
            }
            boolean looksLikeKind = e.name().contains(".") || e.name().equals("command");
            if (kind == null || (looksLikeKind && !looksLikeKind(kind))) {
                kind = e.name();
            }
        }
        return new CheckSpec(m.text("id"), m.text("title"), kind, kind == null ? null : m.get(kind), m.get("expect"),
                m.text("hint"), duration(m, "eventually"), duration(m, "timeout"), m);
    }

    private static boolean looksLikeKind(String key) {
        return key.contains(".") || key.equals("command");
    }

    private static Duration duration(YMap m, String key) {
        return Durations.parse(m.text(key));
    }

    static String text(YMap m, String key) {
        return m == null ? null : m.text(key);
    }

    static List<String> list(YMap m, String key) {
        if (m == null) {
            return List.of();
        }
        YNode node = m.get(key);
        if (node instanceof YScalar s && !s.isNull()) {
            return List.of(s.asText());
        }
        if (node instanceof YSeq seq) {
            List<String> out = new ArrayList<>();
            for (YNode item : seq.items()) {
                if (item instanceof YScalar s && !s.isNull()) {
                    out.add(s.asText());
                }
            }
            return out;
        }
        return List.of();
    }

    private static final class StepBuilder {
        final String id;
        final String title;
        final SourcePos pos;
        final List<Block> blocks = new ArrayList<>();

        StepBuilder(String id, String title, SourcePos pos) {
            this.id = id;
            this.title = title;
            this.pos = pos;
        }

        Step build() {
            return new Step(id, title, pos, blocks);
        }
    }
}
