package dev.labdesk.pack;

import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** Loads a pack folder: {@code pack.yaml} and every lab file beside it, labs parsed in parallel. */
public final class PackLoader {

    public static final String MANIFEST = "pack.yaml";
    private static final Logger LOG = Logger.getLogger(PackLoader.class.getName());

    private PackLoader() {
    }

    public static boolean isPack(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /** The nearest folder at or above {@code path} that holds a pack.yaml, or null. */
    public static Path packRootOf(Path path) {
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path abs = dir == null ? null : dir.toAbsolutePath().normalize();
        while (abs != null) {
            if (isPack(abs)) {
                return path.isAbsolute() ? abs : relativize(abs);
            }
            abs = abs.getParent();
        }
        return null;
    }

    private static Path relativize(Path abs) {
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? (abs.equals(cwd) ? Path.of(".") : cwd.relativize(abs)) : abs;
    }

    /** Loads the pack at {@code root}; problems go to {@code problems}. Never throws for bad content. */
    public static Pack load(Path root, Problems problems) {
        PackManifest manifest = manifest(root, problems);
        List<Path> files = labFiles(root, problems);
        List<Lab> labs = files.parallelStream()
                .map(f -> {
                    Problems own = new Problems();
                    Lab lab = parseGuarded(f, own);
                    problems.addAll(own);
                    return lab;
                })
                .filter(Objects::nonNull)
                .toList();
        return new Pack(root, manifest, order(labs, manifest));
    }

    /**
     * Parses one lab; a parser bug or a file nested beyond what the stack holds becomes a problem
     * on that file, so the other labs are still checked.
     */
    static Lab parseGuarded(Path file, Problems problems) {
        try {
            return LabParser.parse(file, problems);
        } catch (StackOverflowError e) {
            problems.error(SourcePos.start(file), "too-complex",
                    "this file is nested too deeply to read (lists or quotes inside each other); flatten it");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "parsing " + file + " failed", e);
            problems.error(SourcePos.start(file), "internal", "LabDesk could not read this file ("
                    + e.getClass().getSimpleName() + "); this is a bug in LabDesk, please report it with the log");
        }
        return null;
    }

    /** The top-level Markdown files of a pack except README.md, by name. */
    public static List<Path> labFiles(Path root, Problems problems) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().toLowerCase(Locale.ROOT).equals("readme.md"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            problems.error(SourcePos.start(root), "unreadable", "cannot list the pack folder: " + e.getMessage());
            return List.of();
        }
    }

    static PackManifest manifest(Path root, Problems problems) {
        Path file = root.resolve(MANIFEST);
        String fallbackId = root.toAbsolutePath().normalize().getFileName() == null ? "pack"
                : root.toAbsolutePath().normalize().getFileName().toString();
        SourceText text = Files.isRegularFile(file) ? SourceText.read(file, problems) : null;
        if (text == null) {
            if (!Files.isRegularFile(file)) {
                problems.error(SourcePos.start(file), "missing-file",
                        "pack.yaml is missing; a pack needs one with at least id, title and version");
            }
            return new PackManifest(fallbackId, fallbackId, "0", null, List.of(), null, List.of(), null, file,
                    new YMap(List.of(), SourcePos.start(file)));
        }
        YNode node = YamlReader.read(text.text(), file, 1, 0, problems);
        YMap yaml;
        if (node instanceof YMap m) {
            yaml = m;
        } else {
            if (node != null) {
                problems.error(node.pos(), "bad-value", "pack.yaml must be a mapping with id, title, version...; not " + node.describe());
            }
            yaml = new YMap(List.of(), SourcePos.start(file));
        }
        String id = yaml.text("id");
        String title = yaml.text("title");
        return new PackManifest(id != null ? id : fallbackId, title != null ? title : id != null ? id : fallbackId,
                yaml.text("version") != null ? yaml.text("version") : "0", yaml.text("description"),
                LabParser.list(yaml, "authors"), yaml.text("license"), LabParser.list(yaml, "requires"),
                yaml.has("labs") ? LabParser.list(yaml, "labs") : null, file, yaml);
    }

    /** Listed labs first, in the listed order; then the rest by their {@code order} and file name. */
    static List<Lab> order(List<Lab> labs, PackManifest manifest) {
        List<Lab> sorted = new ArrayList<>(labs);
        sorted.sort(Comparator.comparing((Lab l) -> l.order() == null ? Integer.MAX_VALUE : l.order())
                .thenComparing(l -> l.file().getFileName().toString()));
        if (manifest.labs() == null) {
            return sorted;
        }
        Map<String, Lab> byId = new LinkedHashMap<>();
        for (Lab lab : sorted) {
            byId.putIfAbsent(lab.id(), lab);
        }
        List<Lab> out = new ArrayList<>(sorted.size());
        // Identity, not equals: Lab is a record and deep equality over 1,000 labs is quadratic work.
        Set<Lab> placed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (String id : manifest.labs()) {
            Lab lab = byId.remove(id);
            if (lab != null) {
                out.add(lab);
                placed.add(lab);
            }
        }
        for (Lab lab : sorted) {
            if (placed.add(lab)) {
                out.add(lab); // unlisted, or a duplicate id kept so the validator can point at it
            }
        }
        return out;
    }
}
