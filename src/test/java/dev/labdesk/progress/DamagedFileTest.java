package dev.labdesk.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labdesk.check.CheckResult;
import dev.labdesk.kind.CheckStatus;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file at the progress path that LabDesk cannot use is refused with the fix, and never deleted or rewritten. */
class DamagedFileTest {

    @TempDir
    Path dir;

    @Test
    void refusesAFileThatIsNotADatabaseAndLeavesItAlone() throws Exception {
        Path file = dir.resolve("progress.db");
        Files.writeString(file, "my notes on Kubernetes, saved under the wrong name\n".repeat(200));
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> ProgressStore.open(file))
                .isInstanceOfSatisfying(ProgressException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ProgressException.Reason.NOT_A_DATABASE);
                    assertThat(e.file()).isEqualTo(file.toAbsolutePath());
                    assertThat(e.getMessage()).contains(file.toString(), "not a LabDesk progress database",
                            "left it untouched");
                    assertThat(e.fix()).contains("move it aside", "mv \"" + file + "\"", "new, empty progress database");
                });
        assertUntouched(file, before);
    }

    @Test
    void refusesAFileWithTheSqliteHeaderButGarbageAfterIt() throws Exception {
        Path file = dir.resolve("progress.db");
        byte[] bytes = new byte[8192];
        Arrays.fill(bytes, (byte) 0x5A);
        System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 16);
        Files.write(file, bytes);

        assertThatThrownBy(() -> ProgressStore.open(file))
                .isInstanceOfSatisfying(ProgressException.class, e -> {
                    assertThat(e.reason()).isIn(ProgressException.Reason.NOT_A_DATABASE, ProgressException.Reason.CORRUPT);
                    assertThat(e.fix()).contains("move it aside");
                });
        assertUntouched(file, bytes);
    }

    @Test
    void refusesADatabaseWithDamagedPagesAndPointsToRecovery() throws Exception {
        Path file = dir.resolve("progress.db");
        try (ProgressStore store = ProgressStore.open(file)) {
            for (int i = 0; i < 40; i++) {
                store.recordRun(runWithEvidence(i));
            }
        }
        int pageSize = 4096;
        long pages = Files.size(file) / pageSize;
        assertThat(pages).isGreaterThan(10);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[pageSize];
            Arrays.fill(junk, (byte) 0x7F);
            for (long page = 2; page < pages; page += 3) {
                raf.seek(page * pageSize);
                raf.write(junk);
            }
        }
        byte[] damaged = Files.readAllBytes(file);

        assertThatThrownBy(() -> ProgressStore.open(file))
                .isInstanceOfSatisfying(ProgressException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ProgressException.Reason.CORRUPT);
                    assertThat(e.getMessage()).contains("is damaged", "left it untouched");
                    assertThat(e.fix()).contains("move it aside together with its -wal and -shm files", ".recover");
                });
        assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
    }

    @Test
    void refusesAFolderAtThePath() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("progress.db"));

        assertThatThrownBy(() -> ProgressStore.open(folder))
                .isInstanceOfSatisfying(ProgressException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ProgressException.Reason.NOT_A_DATABASE);
                    assertThat(e.getMessage()).contains("is a folder");
                });
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void anEmptyFileBecomesANewDatabase() throws Exception {
        Path file = Files.createFile(dir.resolve("progress.db"));

        try (ProgressStore store = ProgressStore.open(file)) {
            store.markLabDone("p", "1", "lab");
            assertThat(store.labProgress("p", "lab").isDone()).isTrue();
        }
    }

    @Test
    void refusesToCreateTheDatabaseWhereAFileBlocksTheFolder() throws Exception {
        Path blocker = Files.writeString(dir.resolve("home"), "a file where the LabDesk folder should be");

        assertThatThrownBy(() -> ProgressStore.open(blocker.resolve("progress.db")))
                .isInstanceOfSatisfying(ProgressException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ProgressException.Reason.CANNOT_WRITE);
                    assertThat(e.fix()).contains("LABDESK_HOME");
                });
        assertThat(Files.readString(blocker)).isEqualTo("a file where the LabDesk folder should be");
    }

    private static void assertUntouched(Path file, byte[] before) throws Exception {
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Path.of(file + "-wal")).doesNotExist();
        assertThat(Path.of(file + "-shm")).doesNotExist();
    }

    private static RunRecord runWithEvidence(int i) {
        List<CheckResult> results = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            results.add(new CheckResult("check-" + k, CheckStatus.FAIL, "expected", "actual",
                    ("evidence line " + i + "/" + k + "\n").repeat(40), null, k));
        }
        Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
        return new RunRecord("p", "1", "lab", RunMode.CHECK, start, start, results);
    }
}
