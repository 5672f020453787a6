package dev.labdesk.docker;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a build context as a plain tar, as the Docker CLI sends it: {@code .dockerignore} applied
 * (the Dockerfile and .dockerignore always go), owners 0:0, modes and symlinks kept. docker-java
 * would gzip the context first, which costs more than sending it over a local socket.
 */
public final class ContextTar {

    private ContextTar() {
    }

    /** Writes {@code context} to {@code out}; returns the number of files written. */
    public static int write(Path context, Path dockerfile, OutputStream out) throws IOException {
        Path root = context.toAbsolutePath().normalize();
        Ignore ignore = Ignore.read(root.resolve(".dockerignore"));
        String dockerfileName = root.relativize(dockerfile.toAbsolutePath().normalize()).toString().replace('\\', '/');
        int[] files = {0};
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new BufferedOutputStream(out, 1 << 16))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = name(root, dir);
                    if (ignore.excludes(name)) {
                        return ignore.hasExceptions() ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                    }
                    TarArchiveEntry e = new TarArchiveEntry(name + "/");
                    fill(e, dir, attrs, 0755);
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String name = name(root, file);
                    boolean always = name.equals(dockerfileName) || name.equals(".dockerignore");
                    if (!always && ignore.excludes(name)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                        e.setLinkName(Files.readSymbolicLink(file).toString());
                        fill(e, file, attrs, 0777);
                        tar.putArchiveEntry(e);
                        tar.closeArchiveEntry();
                    } else if (attrs.isRegularFile()) {
                        TarArchiveEntry e = new TarArchiveEntry(name);
                        fill(e, file, attrs, 0644);
                        e.setSize(attrs.size());
                        tar.putArchiveEntry(e);
                        Files.copy(file, tar);
                        tar.closeArchiveEntry();
                        files[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            tar.finish();
        }
        return files[0];
    }

    private static String name(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static void fill(TarArchiveEntry e, Path p, BasicFileAttributes attrs, int fallbackMode) {
        e.setModTime(attrs.lastModifiedTime().toMillis());
        e.setIds(0, 0);
        e.setNames("", "");
        int mode = fallbackMode;
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            mode = 0;
            for (PosixFilePermission perm : perms) {
                mode |= 1 << (8 - perm.ordinal());
            }
        } catch (UnsupportedOperationException | IOException ignored) {
            // Windows: keep the fallback; executables lose their x bit as with the Docker CLI there
        }
        e.setMode((e.isDirectory() ? TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 : e.isSymbolicLink() ? 0120000 : 0100000) | mode);
    }

    /** {@code .dockerignore}: Go filepath.Match patterns plus {@code **}; {@code !} re-includes; the last match wins. */
    static final class Ignore {
        private record Rule(Pattern pattern, boolean exception) {
        }

        private final List<Rule> rules;

        private Ignore(List<Rule> rules) {
            this.rules = rules;
        }

        static Ignore read(Path file) throws IOException {
            return parse(Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "");
        }

        static Ignore parse(String text) {
            List<Rule> rules = new ArrayList<>();
            for (String raw : text.split("\r?\n")) {
                String line = raw.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                boolean exception = line.startsWith("!");
                if (exception) {
                    line = line.substring(1).trim();
                }
                line = clean(line);
                if (!line.isEmpty()) {
                    rules.add(new Rule(Pattern.compile(regex(line)), exception));
                }
            }
            return new Ignore(rules);
        }

        boolean hasExceptions() {
            return rules.stream().anyMatch(Rule::exception);
        }

        /** A path is excluded when the last pattern matching it, or one of its parent folders, is not an exception. */
        boolean excludes(String path) {
            boolean excluded = false;
            for (Rule r : rules) {
                if (matchesSelfOrParent(r.pattern(), path)) {
                    excluded = !r.exception();
                }
            }
            return excluded;
        }

        private static boolean matchesSelfOrParent(Pattern p, String path) {
            if (p.matcher(path).matches()) {
                return true;
            }
            for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
                if (p.matcher(path.substring(0, i)).matches()) {
                    return true;
                }
            }
            return false;
        }

        private static String clean(String pattern) {
            String p = pattern.replace('\\', '/');
            while (p.startsWith("/")) {
                p = p.substring(1);
            }
            while (p.startsWith("./")) {
                p = p.substring(2);
            }
            while (p.endsWith("/") && p.length() > 1) {
                p = p.substring(0, p.length() - 1);
            }
            return p.equals(".") ? "" : p;
        }

        static String regex(String glob) {
            StringBuilder r = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '*') {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        i++;
                        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                            i++;
                            r.append("(?:.*/)?"); // "**/" : zero or more folders
                        } else {
                            r.append(".*");
                        }
                    } else {
                        r.append("[^/]*");
                    }
                } else if (c == '?') {
                    r.append("[^/]");
                } else if (c == '[') {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        r.append("\\[");
                    } else {
                        String cls = glob.substring(i + 1, end);
                        r.append('[').append(cls.startsWith("^") || cls.startsWith("!") ? "^" + cls.substring(1) : cls).append(']');
                        i = end;
                    }
                } else if (c == '\\' && i + 1 < glob.length()) {
                    r.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                } else {
                    r.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return r.toString();
        }
    }
}
