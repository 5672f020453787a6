package dev.labdesk.course;

import dev.labdesk.pack.Note;
import dev.labdesk.pack.NoteParser;
import dev.labdesk.pack.Pack;
import dev.labdesk.pack.PackFinder;
import dev.labdesk.pack.Problem;
import dev.labdesk.pack.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the desktop app shows: the packs and notes under a folder (the bundled course is the
 * repository's {@code labs/} and {@code notes/}), plus the problems met while reading them.
 */
public record Course(Path root, List<Pack> packs, List<Note> notes, List<Problem> problems) {

    public Course {
        packs = List.copyOf(packs);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    /**
     * Loads a course from a folder holding {@code labs/} and {@code notes/}, or from any pack,
     * lab, note or folder of them. Never throws for bad content.
     */
    public static Course load(Path target) {
        Problems problems = new Problems();
        List<Path> paths = new ArrayList<>();
        Path labs = target.resolve("labs");
        Path notes = target.resolve("notes");
        if (Files.isDirectory(target) && (Files.isDirectory(labs) || Files.isDirectory(notes))) {
            if (Files.isDirectory(labs)) {
                paths.add(labs);
            }
            if (Files.isDirectory(notes)) {
                paths.add(notes);
            }
        } else {
            paths.add(target);
        }
        PackFinder found = PackFinder.find(paths, problems);
        List<Pack> packs = new ArrayList<>(found.loadPacks(problems));
        // Titles carry the course order ("Part 1: ...") where folder names do not.
        packs.sort(Comparator.comparing((Pack p) -> p.manifest().title()).thenComparing(p -> p.root().toString()));
        List<Note> noteList = found.notes().parallelStream()
                .map(f -> NoteParser.parse(f, problems))
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(n -> n.file().toString()))
                .toList();
        return new Course(target, packs, noteList, problems.sorted());
    }

    public int labCount() {
        return packs.stream().mapToInt(p -> p.labs().size()).sum();
    }
}
