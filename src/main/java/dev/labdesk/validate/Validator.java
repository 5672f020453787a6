package dev.labdesk.validate;

import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.MdLink;
import dev.labdesk.pack.Note;
import dev.labdesk.pack.NoteParser;
import dev.labdesk.pack.Pack;
import dev.labdesk.pack.PackFinder;
import dev.labdesk.pack.PackLoader;
import dev.labdesk.pack.Problem;
import dev.labdesk.pack.Problems;
import dev.labdesk.pack.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks packs, labs and notes and reports every problem with its position. Accepts a folder
 * holding packs and notes, a pack folder, a pack.yaml, a lab file or a note. Never throws for
 * bad content: whatever the bytes, the result is a list of problems.
 */
public final class Validator {

    private static final Logger LOG = Logger.getLogger(Validator.class.getName());

    private final KindRegistry registry;
    private final Schemas schemas = new Schemas();

    public Validator(KindRegistry registry) {
        this.registry = registry;
    }

    public ValidationReport validate(List<Path> paths) {
        Problems problems = new Problems();
        PackFinder targets = PackFinder.find(paths, problems);
        LinkChecker links = new LinkChecker(problems);
        AtomicInteger files = new AtomicInteger();

        targets.packs().entrySet().parallelStream().forEach(e -> {
            Problems own = new Problems();
            Pack pack = safely(e.getKey(), own, () -> {
                Pack loaded = PackLoader.load(e.getKey(), own);
                new PackRules(registry, schemas, loaded, own).check();
                return loaded;
            });
            Set<Path> only = e.getValue();
            for (Problem p : own.all()) {
                if (only.isEmpty() || only.contains(key(p.pos().file())) || isPackLevel(p, e.getKey())) {
                    problems.add(p);
                }
            }
            if (pack == null) {
                return;
            }
            // Every lab file asked for counts, read or not (a binary one was still checked).
            files.addAndGet(1 + (only.isEmpty() ? PackLoader.labFiles(e.getKey(), new Problems()).size() : only.size()));
            for (Lab lab : pack.labs()) {
                links.register(lab.file(), lab.anchors());
            }
            for (Lab lab : pack.labs()) {
                if (only.isEmpty() || only.contains(key(lab.file()))) {
                    links.defer(lab.file(), lab.links());
                }
            }
        });

        targets.notes().parallelStream().forEach(file -> {
            Note note = safely(file, problems, () -> NoteParser.parse(file, problems));
            files.incrementAndGet();
            if (note != null) {
                links.register(note.file(), note.anchors());
                links.defer(note.file(), note.links());
            }
        });

        links.checkAll();
        return new ValidationReport(capPerFile(problems.sorted()), files.get());
    }

    /** More problems than this in one file are not listed: the first ones say what is wrong. */
    static final int MAX_PROBLEMS_PER_FILE = 200;

    private static List<Problem> capPerFile(List<Problem> sorted) {
        Map<Path, Integer> counts = new java.util.HashMap<>();
        List<Problem> out = new ArrayList<>(Math.min(sorted.size(), 10_000));
        for (Problem p : sorted) {
            int n = counts.merge(p.pos().file(), 1, Integer::sum);
            if (n <= MAX_PROBLEMS_PER_FILE) {
                out.add(p);
            }
        }
        counts.forEach((file, n) -> {
            if (n > MAX_PROBLEMS_PER_FILE) {
                Problem last = out.stream().filter(p -> p.pos().file().equals(file)).reduce((a, b) -> b).orElseThrow();
                out.add(out.indexOf(last) + 1, new Problem(last.pos(), dev.labdesk.pack.Severity.WARNING,
                        (n - MAX_PROBLEMS_PER_FILE) + " more problems in this file are not shown; fix these first",
                        "too-many-problems"));
            }
        });
        return out;
    }

    /** Last line of defence: a parser bug must become a problem, not a stack trace. */
    private static <T> T safely(Path file, Problems problems, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (StackOverflowError e) {
            problems.error(SourcePos.start(file), "too-complex", "this file is nested too deeply to read; simplify it");
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "validating " + file + " failed", e);
            problems.error(SourcePos.start(file), "internal", "LabDesk could not check this (" + e.getClass().getSimpleName()
                    + "); this is a bug in LabDesk, please report it with the log");
        }
        return null;
    }

    /** A problem with the pack itself (its folder), which holds whichever lab file was asked for. */
    private static boolean isPackLevel(Problem p, Path root) {
        return key(p.pos().file()).equals(key(root));
    }

    static Path key(Path file) {
        return PackFinder.key(file);
    }

    /** Defers link checks until every target file's anchors are known. */
    static final class LinkChecker {
        private final Problems problems;
        private final Map<Path, Set<String>> anchors = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Path, Boolean> existing = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<Map.Entry<Path, List<MdLink>>> pending = java.util.Collections.synchronizedList(new ArrayList<>());

        LinkChecker(Problems problems) {
            this.problems = problems;
        }

        void register(Path file, Set<String> fileAnchors) {
            anchors.put(key(file), fileAnchors);
        }

        void defer(Path file, List<MdLink> links) {
            if (!links.isEmpty()) {
                pending.add(Map.entry(file, links));
            }
        }

        void checkAll() {
            List<Map.Entry<Path, List<MdLink>>> all;
            synchronized (pending) {
                all = new ArrayList<>(pending);
            }
            all.parallelStream().forEach(e -> {
                Problems own = new Problems();
                for (MdLink link : e.getValue()) {
                    // Past the per-file cap nothing more would be shown: stop checking.
                    if (own.all().size() > MAX_PROBLEMS_PER_FILE) {
                        break;
                    }
                    check(e.getKey(), link, own);
                }
                problems.addAll(own);
            });
        }

        private void check(Path from, MdLink link, Problems problems) {
            String url = link.url().trim();
            if (url.isEmpty()) {
                problems.error(link.pos(), link.image() ? "missing-file" : "broken-link",
                        (link.image() ? "image" : "link") + " has no target; write a path like ../assets/diagram.png");
                return;
            }
            if (link.external()) {
                if (link.image() && (url.startsWith("http:") || url.startsWith("https:"))) {
                    problems.warning(link.pos(), "remote-image",
                            "remote image will not show offline; copy it into assets/ and link the local file");
                }
                return;
            }
            String pathPart = url;
            String anchor = null;
            int hash = url.indexOf('#');
            if (hash >= 0) {
                anchor = url.substring(hash + 1);
                pathPart = url.substring(0, hash);
            }
            int query = pathPart.indexOf('?');
            if (query >= 0) {
                pathPart = pathPart.substring(0, query);
            }
            Path target;
            try {
                String decoded = java.net.URLDecoder.decode(pathPart.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
                Path base = from.toAbsolutePath().getParent();
                target = decoded.isEmpty() ? key(from) : base.resolve(decoded).normalize();
            } catch (RuntimeException e) {
                problems.error(link.pos(), "broken-link", "link '" + url + "' is not a valid path");
                return;
            }
            if (!exists(target)) {
                if (link.image()) {
                    problems.error(link.pos(), "missing-file", "image '" + pathPart + "' does not exist; add it (for example under assets/) or fix the path");
                } else {
                    problems.error(link.pos(), "broken-link", "link target '" + pathPart + "' does not exist; fix the path"
                            + suggestSibling(target));
                }
                return;
            }
            if (anchor != null && !anchor.isEmpty() && target.toString().endsWith(".md")) {
                Set<String> known = anchors.computeIfAbsent(key(target), LinkChecker::scanAnchors);
                if (!known.contains(anchor)) {
                    String suggestion = dev.labdesk.pack.Suggest.didYouMean(anchor, known);
                    if (suggestion.isEmpty() && !known.isEmpty() && known.size() <= 12) {
                        suggestion = "; its headings are #" + String.join(", #", new java.util.TreeSet<>(known));
                    } else if (known.isEmpty()) {
                        suggestion = "; it has no headings";
                    }
                    problems.error(link.pos(), "broken-link", "no heading '#" + anchor + "' in "
                            + (pathPart.isEmpty() ? "this file" : pathPart) + suggestion);
                }
            }
        }

        /** Labs link to the same few files again and again; ask the file system once per target. */
        private boolean exists(Path target) {
            return existing.computeIfAbsent(target, Files::exists);
        }

        private final Map<Path, String> siblings = new java.util.concurrent.ConcurrentHashMap<>();

        private String suggestSibling(Path target) {
            return siblings.computeIfAbsent(target, LinkChecker::closestSibling);
        }

        private static String closestSibling(Path target) {
            Path dir = target.getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                return "";
            }
            try (var s = Files.list(dir)) {
                List<String> names = s.map(p -> p.getFileName().toString()).toList();
                String best = dev.labdesk.pack.Suggest.closest(target.getFileName().toString(), names);
                return best == null ? "" : " (did you mean '" + best + "'?)";
            } catch (IOException e) {
                return "";
            }
        }

        private static Set<String> scanAnchors(Path file) {
            Problems ignored = new Problems();
            var text = dev.labdesk.pack.SourceText.read(file, ignored);
            if (text == null) {
                return Set.of();
            }
            return dev.labdesk.pack.MarkdownScan.scan(text, ignored).anchors();
        }
    }
}
