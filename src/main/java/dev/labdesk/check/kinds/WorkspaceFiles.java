package dev.labdesk.check.kinds;

import dev.labdesk.workspace.WorkspacePaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Workspace files as the file kinds see them: resolved safely, read with a size bound, missing ones explained. */
final class WorkspaceFiles {

    /** Text checks read at most this much of a file. */
    static final int MAX_READ = 5 * 1024 * 1024;

    private WorkspaceFiles() {
    }

    static Path resolve(Path workspace, String relative) {
        return WorkspacePaths.resolve(workspace, relative);
    }

    static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_READ), StandardCharsets.UTF_8);
        }
    }

    /**
     * Why a path is not there, in words: "app.py does not exist" plus, when it helps, the name that differs
     * only in case or the folder that is missing.
     */
    static String missing(Path workspace, String relative) {
        Path target = resolve(workspace, relative);
        Path parent = target.getParent();
        String name = target.getFileName() == null ? relative : target.getFileName().toString();
        if (parent != null && parent.startsWith(workspace.toAbsolutePath().normalize()) && !Files.isDirectory(parent)) {
            Path rel = workspace.toAbsolutePath().normalize().relativize(parent);
            return relative + " does not exist (there is no folder " + rel.toString().replace('\\', '/') + "/)";
        }
        if (parent != null && Files.isDirectory(parent)) {
            try (Stream<Path> s = Files.list(parent)) {
                List<String> names = s.map(p -> p.getFileName().toString()).toList();
                for (String other : names) {
                    if (other.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                        return relative + " does not exist (there is '" + other + "'; names are case-sensitive)";
                    }
                }
            } catch (IOException ignored) {
                // the listing only improves the message
            }
        }
        return relative + " does not exist";
    }

    /** What the folder holding a missing file contains, for evidence. */
    static String listing(Path workspace, String relative) {
        Path target = resolve(workspace, relative);
        Path dir = target.getParent();
        while (dir != null && !Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        if (dir == null || !dir.startsWith(workspace.toAbsolutePath().normalize())) {
            return null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : "")).sorted().limit(30).toList();
            String where = workspace.toAbsolutePath().normalize().equals(dir) ? "the workspace"
                    : workspace.toAbsolutePath().normalize().relativize(dir).toString().replace('\\', '/') + "/";
            return names.isEmpty() ? where + " is empty" : where + " has: " + String.join(", ", names);
        } catch (IOException e) {
            return null;
        }
    }
}
