package dev.labdesk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextTarTest {

    @TempDir
    Path ctx;

    private Map<String, TarArchiveEntry> tar(Path dockerfile) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContextTar.write(ctx, dockerfile, out);
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), e);
            }
        }
        return entries;
    }

    @Test
    void dockerignoreExcludesWithExceptionsButNeverTheDockerfile() throws IOException {
        write("Dockerfile", "FROM scratch");
        write(".dockerignore", "# comment\n*.log\n/build\n**/__pycache__\nsecrets/\n!keep.log\nDockerfile\n");
        write("app/main.py", "print()");
        write("app/__pycache__/main.pyc", "x");
        write("__pycache__/top.pyc", "x");
        write("debug.log", "x");
        write("keep.log", "x");
        write("build/out.bin", "x");
        write("secrets/key", "x");
        write("app/notes.log", "x");
        assertThat(tar(ctx.resolve("Dockerfile")).keySet()).containsExactlyInAnyOrder(
                "Dockerfile", ".dockerignore", "app/", "app/main.py", "app/notes.log", "keep.log");
    }

    @Test
    void entriesAreOwnedByRootAndKeepTheExecutableBit() throws IOException {
        write("Dockerfile", "FROM scratch");
        write("run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(ctx.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(ctx.resolve("link"), Path.of("run.sh"));
        String longName = "d/" + "x".repeat(120) + ".txt";
        write(longName, "long");
        Map<String, TarArchiveEntry> t = tar(ctx.resolve("Dockerfile"));
        assertThat(t.get("run.sh").getMode() & 0777).isEqualTo(0750);
        assertThat(t.get("run.sh").getLongUserId()).isZero();
        assertThat(t.get("link").isSymbolicLink()).isTrue();
        assertThat(t.get("link").getLinkName()).isEqualTo("run.sh");
        assertThat(t).containsKey(longName);
    }

    private void write(String name, String text) throws IOException {
        Path p = ctx.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
