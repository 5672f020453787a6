package dev.labdesk.pack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out what paths given on the command line amount to: pack folders (each optionally
 * limited to some of its lab files) and notes. A folder that is not a pack is searched for
 * packs and notes; hidden folders, node_modules and target are skipped.
 */
public final class PackFinder {

    private final Map<Path, Set<Path>> packs = new LinkedHashMap<>();
    private final Set<Path> notes = new LinkedHashSet<>();

    public static PackFinder find(List<Path> paths, Problems problems) {
        PackFinder finder = new PackFinder();
        for (Path path : paths) {
            finder.add(path, problems);
        }
        return finder;
    }

    /** Pack roots, as given or found, each with the lab files it is limited to (empty: all). */
    public Map<Path, Set<Path>> packs() {
        return packs;
    }

    public Set<Path> notes() {
        return notes;
    }

    /** The labs of a loaded pack that the given paths name: all of them unless lab files were named. */
    public List<Lab> selectedLabs(Pack pack) {
        Path root = key(pack.root());
        Set<Path> only = packs.entrySet().stream().filter(e -> key(e.getKey()).equals(root))
                .map(Map.Entry::getValue).findFirst().orElse(Set.of());
        return pack.labs().stream().filter(l -> only.isEmpty() || only.contains(key(l.file()))).toList();
    }

    /** Loads every pack found. */
    public List<Pack> loadPacks(Problems problems) {
        return packs.keySet().parallelStream().map(root -> PackLoader.load(root, problems)).toList();
    }

    /** The normalized absolute form used to compare files. */
    public static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /**
     * Finds one lab by id among packs. {@code id} may be {@code lab} or {@code pack/lab}.
     *
     * @return the match, or empty with a problem saying what exists
     */
    public static Optional<Map.Entry<Pack, Lab>> findLab(List<Pack> packs, String id, Problems problems, Path where) {
        String packId = null;
        String labId = id;
        int slash = id.indexOf('/');
        if (slash > 0) {
            packId = id.substring(0, slash);
            labId = id.substring(slash + 1);
        }
        List<Map.Entry<Pack, Lab>> matches = new java.util.ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        for (Pack pack : packs) {
            for (Lab lab : pack.labs()) {
                known.add(pack.id() + "/" + lab.id());
                if (lab.id().equals(labId) && (packId == null || packId.equals(pack.id()))) {
                    matches.add(Map.entry(pack, lab));
                }
            }
        }
        if (matches.size() == 1) {
            return Optional.of(matches.get(0));
        }
        if (matches.isEmpty()) {
            Set<String> ids = new LinkedHashSet<>();
            known.forEach(k -> ids.add(k.substring(k.indexOf('/') + 1)));
            problems.error(SourcePos.start(where), "missing-lab", "no lab '" + id + "' here"
                    + Suggest.didYouMean(labId, ids) + (known.isEmpty() ? "; no labs were found under this path"
                    : "; labs: " + String.join(", ", known)));
        } else {
            problems.error(SourcePos.start(where), "ambiguous-lab", "lab id '" + id + "' is in several packs; write "
                    + String.join(" or ", matches.stream().map(m -> m.getKey().id() + "/" + m.getValue().id()).toList()));
        }
        return Optional.empty();
    }

    private void add(Path path, Problems problems) {
        if (!Files.exists(path)) {
            problems.error(SourcePos.start(path), "missing-file", "no such file or folder");
            return;
        }
        if (Files.isDirectory(path)) {
            if (PackLoader.isPack(path)) {
                addPack(path, null);
            } else {
                walk(path, problems);
            }
            return;
        }
        String name = path.getFileName().toString();
        if (name.equals(PackLoader.MANIFEST)) {
            Path parent = path.getParent();
            addPack(parent == null ? Path.of(".") : parent, null);
            return;
        }
        Path root = PackLoader.packRootOf(path);
        if (root != null && name.endsWith(".md") && key(path).getParent().equals(key(root))
                && !name.equalsIgnoreCase("README.md")) {
            addPack(root, path);
        } else if (name.endsWith(".md") || name.endsWith(".markdown")) {
            notes.add(path);
        } else {
            problems.error(SourcePos.start(path), "unknown-file", "not a pack, lab or note: give a folder, a pack.yaml or a .md file");
        }
    }

    private void addPack(Path root, Path onlyLab) {
        Path k = key(root);
        Path existing = packs.keySet().stream().filter(p -> key(p).equals(k)).findFirst().orElse(null);
        if (existing == null) {
            packs.put(root, onlyLab == null ? new LinkedHashSet<>() : new LinkedHashSet<>(Set.of(key(onlyLab))));
        } else if (onlyLab == null) {
            packs.get(existing).clear();
        } else if (!packs.get(existing).isEmpty()) {
            packs.get(existing).add(key(onlyLab));
        }
    }

    private void walk(Path dir, Problems problems) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    if (!d.equals(dir) && (name.startsWith(".") || name.equals("node_modules") || name.equals("target"))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (PackLoader.isPack(d)) {
                        addPack(d, null);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (f.getFileName().toString().endsWith(".md")) {
                        notes.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    problems.error(SourcePos.start(f), "unreadable", "cannot read: " + e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.error(SourcePos.start(dir), "unreadable", "cannot read folder: " + e.getMessage());
        }
    }
}
