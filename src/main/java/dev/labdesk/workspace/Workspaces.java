package dev.labdesk.workspace;

import dev.labdesk.home.LabdeskHome;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The learner's lab folders: {@code <root>/<pack>/<lab>/}, seeded from {@code files/<lab>/} the first time,
 * and reset by moving the old folder to {@code <root>/<pack>/.backups/<lab>/<time>/} (the newest
 * {@value #KEEP_BACKUPS} are kept) before seeding again. Seeding never overwrites learner work.
 */
public final class Workspaces {

    public static final int KEEP_BACKUPS = 5;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path root;

    public Workspaces(Path root) {
        this.root = root;
    }

    public static Workspaces in(LabdeskHome home) {
        return new Workspaces(home.workspaces());
    }

    public Path root() {
        return root;
    }

    /** Where the lab's workspace is (it may not exist yet). */
    public Path dir(Pack pack, Lab lab) {
        return WorkspacePaths.resolve(root, pack.id() + "/" + lab.id());
    }

    /** The lab's workspace, seeded from the starter files if it does not exist yet. */
    public Path open(Pack pack, Lab lab) throws IOException {
        Path dir = dir(pack, lab);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        seed(pack, lab, dir);
        return dir;
    }

    /**
     * Moves the current workspace to a backup and seeds a fresh one.
     *
     * @return the backup folder, or null when there was no workspace to keep
     */
    public Path reset(Pack pack, Lab lab) throws IOException {
        Path dir = dir(pack, lab);
        Path backup = null;
        if (Files.exists(dir)) {
            Path backups = backupsDir(pack, lab);
            Files.createDirectories(backups);
            backup = unique(backups, STAMP.format(LocalDateTime.now()));
            move(dir, backup);
            prune(backups);
        }
        seed(pack, lab, dir);
        return backup;
    }

    /** Backups of a lab's workspace, newest first. */
    public List<Path> backups(Pack pack, Lab lab) throws IOException {
        Path backups = backupsDir(pack, lab);
        if (!Files.isDirectory(backups)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(backups)) {
            return s.filter(Files::isDirectory).sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        }
    }

    /** The workspace compared with {@code solutions/<lab>/}: what to change to reach the solution. */
    public SolutionDiff showSolution(Pack pack, Lab lab) throws IOException {
        return SolutionDiff.compare(open(pack, lab), pack.solutionFiles(lab));
    }

    private Path backupsDir(Pack pack, Lab lab) {
        return WorkspacePaths.resolve(root, pack.id() + "/.backups/" + lab.id());
    }

    /** Copies into a sibling temp folder, then renames it into place, so a half-copied workspace never appears. */
    private static void seed(Pack pack, Lab lab, Path dir) throws IOException {
        Files.createDirectories(dir.getParent());
        Path temp = Files.createTempDirectory(dir.getParent(), ".seeding-" + lab.id() + "-");
        try {
            FileTrees.copy(pack.starterFiles(lab), temp);
            try {
                move(temp, dir);
            } catch (FileAlreadyExistsException e) {
                // another LabDesk process seeded it first; its copy is as good as ours
            }
        } finally {
            FileTrees.deleteQuietly(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        } catch (IOException e) {
            if (Files.exists(to)) {
                throw new FileAlreadyExistsException(to.toString());
            }
            throw e;
        }
    }

    private static Path unique(Path dir, String name) {
        Path p = dir.resolve(name);
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(name + "-" + i);
        }
        return p;
    }

    private static void prune(Path backups) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(backups)) {
            all = new ArrayList<>(s.filter(Files::isDirectory)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList());
        }
        for (Path old : all.subList(Math.min(KEEP_BACKUPS, all.size()), all.size())) {
            FileTrees.delete(old);
        }
    }
}
