package dev.labdesk.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 over everything in a pack folder that LabDesk could read, copy or run: every regular file
 * (relative path and bytes), every folder, and every symbolic link (its target text, never followed),
 * sorted by path. Two folders with the same content have the same fingerprint; any change to a file's
 * bytes, a name, an added or removed file or link changes it.
 *
 * <p>Left out, because nothing reads them and tools rewrite them on their own: the version-control folder
 * {@code .git} at the pack's top, and macOS Finder's {@code .DS_Store} files.
 *
 * @param value "sha256:" and 64 hex digits
 * @param files how many regular files were hashed
 * @param bytes their total size
 */
public record PackFingerprint(String value, int files, long bytes) {

    private static final String PREFIX = "sha256:";

    /** One thing in the folder: its kind, its '/'-separated path and the SHA-256 of what it holds. */
    private record Entry(char kind, String path, byte[] digest) {
    }

    /** The first hex digits, enough to tell fingerprints apart on screen. */
    public String shortValue() {
        return value.substring(0, PREFIX.length() + 12);
    }

    /**
     * Hashes the pack in {@code folder} (resolved to its real path first, so a link to a pack is read as
     * the pack it points to; links inside are never followed).
     *
     * @throws IOException when a file or folder cannot be read
     */
    public static PackFingerprint of(Path folder) throws IOException {
        Path root = folder.toRealPath();
        MessageDigest content = sha256();
        byte[] buffer = new byte[64 * 1024];
        List<Entry> entries = new ArrayList<>();
        long[] bytes = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                if (dir.getParent().equals(root) && dir.getFileName().toString().equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                entries.add(new Entry('D', relative(root, dir), content.digest()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String path = relative(root, file);
                if (attrs.isSymbolicLink()) {
                    String target = Files.readSymbolicLink(file).toString();
                    entries.add(new Entry('L', path, content.digest(target.getBytes(StandardCharsets.UTF_8))));
                } else if (attrs.isRegularFile()) {
                    if (!file.getFileName().toString().equals(".DS_Store")) {
                        bytes[0] += hash(file, content, buffer);
                        entries.add(new Entry('F', path, content.digest()));
                    }
                } else {
                    // A fifo or a device: reading it could block or never end; its presence still counts.
                    entries.add(new Entry('O', path, content.digest()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
        entries.sort(Comparator.comparing(Entry::path));
        MessageDigest all = sha256();
        int files = 0;
        for (Entry e : entries) {
            // Paths hold no NUL and digests are 32 bytes, so distinct lists never feed the same bytes.
            all.update((byte) e.kind());
            all.update(e.path().getBytes(StandardCharsets.UTF_8));
            all.update((byte) 0);
            all.update(e.digest());
            if (e.kind() == 'F') {
                files++;
            }
        }
        return new PackFingerprint(PREFIX + HexFormat.of().formatHex(all.digest()), files, bytes[0]);
    }

    private static long hash(Path file, MessageDigest digest, byte[] buffer) throws IOException {
        long size = 0;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        return size;
    }

    private static String relative(Path root, Path p) {
        List<String> names = new ArrayList<>();
        for (Path name : root.relativize(p)) {
            names.add(name.toString());
        }
        return String.join("/", names);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
