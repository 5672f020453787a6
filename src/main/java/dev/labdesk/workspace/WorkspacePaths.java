package dev.labdesk.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Resolves author- and learner-supplied relative paths so they stay inside their folder, symbolic links included. */
public final class WorkspacePaths {

    private WorkspacePaths() {
    }

    /**
     * The path {@code relative} names inside {@code root}. It need not exist; the part of it that does
     * exist must not lead outside through a symbolic link.
     *
     * @throws PathOutsideWorkspace when it is absolute, climbs out with {@code ..}, or a link leads out
     */
    public static Path resolve(Path root, String relative) {
        String p = relative == null ? "" : relative.trim().replace('\\', '/');
        if (p.isEmpty() || p.equals(".")) {
            return root;
        }
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || p.indexOf('\0') >= 0) {
            throw new PathOutsideWorkspace(relative, "workspace");
        }
        Path base = root.toAbsolutePath().normalize();
        Path target;
        try {
            target = base.resolve(p).normalize();
        } catch (InvalidPathException e) {
            throw new PathOutsideWorkspace(relative, "workspace");
        }
        if (!target.startsWith(base)) {
            throw new PathOutsideWorkspace(relative, "workspace");
        }
        ensureNoLinkOut(base, target, relative);
        return target;
    }

    /** Walks the existing prefix of {@code target}; a link inside the root that resolves outside it is refused. */
    private static void ensureNoLinkOut(Path base, Path target, String relative) {
        Path realBase;
        try {
            realBase = base.toRealPath();
        } catch (IOException e) {
            return; // the root does not exist yet: nothing inside it can be a link
        }
        Path existing = target;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null || !existing.startsWith(base)) {
            return;
        }
        try {
            Path real = existing.toRealPath();
            if (!real.startsWith(realBase)) {
                throw new PathOutsideWorkspace(relative, "workspace");
            }
        } catch (IOException e) {
            // a dangling link: it leads nowhere readable, and any write through it is refused by the check below
            if (Files.isSymbolicLink(existing)) {
                throw new PathOutsideWorkspace(relative, "workspace");
            }
        }
    }
}
