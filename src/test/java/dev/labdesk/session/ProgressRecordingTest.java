package dev.labdesk.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.cli.LabdeskCli;
import dev.labdesk.home.LabdeskHome;
import dev.labdesk.kind.CheckStatus;
import dev.labdesk.progress.LabProgress;
import dev.labdesk.progress.LastResult;
import dev.labdesk.progress.ProgressStore;
import dev.labdesk.progress.StoredRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code labdesk check} on the learner's own workspace lands in the real SQLite progress store. */
class ProgressRecordingTest {

    @TempDir
    Path dir;

    private LabdeskHome home;
    private Path pack;

    @BeforeEach
    void home() throws IOException {
        pack = dev.labdesk.testing.TestPacks.copyResourcePack("hello", dir, Map.of("PORT", "1"));
        home = new LabdeskHome(dir.resolve("home"));
        System.setProperty("labdesk.home", home.root().toString());
    }

    @AfterEach
    void clearHome() {
        System.clearProperty("labdesk.home");
    }

    @Test
    void everyCheckRunIsSavedAndAPassingLabIsMarkedDone() throws IOException {
        String[] first = labdesk("check", pack.toString(), "--lab", "greeting");

        assertThat(first[0]).isEqualTo("1");
        assertThat(first[2]).contains("progress saved (run 1");
        try (ProgressStore store = ProgressStore.open(home)) {
            List<StoredRun> runs = store.runs("hello", "greeting", 10);
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).run().results()).extracting(r -> r.id())
                    .containsExactly("greeting-file", "config-name", "settings", "readme");
            assertThat(store.labProgress("hello", "greeting").isDone()).isFalse();
            assertThat(store.lastResults("hello", "greeting").get("readme").result().status()).isEqualTo(CheckStatus.PASS);
        }

        Path workspace = home.workspaces().resolve("hello").resolve("greeting");
        copyInto(pack.resolve("solutions/01-greeting"), workspace);
        String[] second = labdesk("check", pack.toString(), "--lab", "greeting");

        assertThat(second[0]).as(second[1] + second[2]).isEqualTo("0");
        try (ProgressStore store = ProgressStore.open(home)) {
            assertThat(store.runs("hello", "greeting", 10)).hasSize(2);
            LabProgress progress = store.labProgress("hello", "greeting");
            assertThat(progress.isDone()).isTrue();
            assertThat(progress.stepsDone().keySet()).containsExactlyInAnyOrder("create-the-greeting", "configure-the-app");
            Map<String, LastResult> last = store.lastResults("hello", "greeting");
            assertThat(last.values()).allSatisfy(r -> assertThat(r.result().status()).isEqualTo(CheckStatus.PASS));
            assertThat(store.integrityCheck()).containsExactly("ok");
        }
    }

    @Test
    void aSubmissionCheckedWithWorkspaceIsNotTheUsersProgress() throws IOException {
        Path submission = dir.resolve("submission");
        copyInto(pack.resolve("files/01-greeting"), submission);

        labdesk("check", pack.toString(), "--lab", "greeting", "--workspace", submission.toString());

        assertThat(Files.exists(home.progressDb())).isFalse();
    }

    private static String[] labdesk(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabdeskCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    private static void copyInto(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
