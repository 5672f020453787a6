package dev.labdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.testing.TestPacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceCommandTest {

    @TempDir
    Path dir;

    private Path pack;
    private Path home;

    @BeforeEach
    void setUp() {
        home = dir.resolve("home");
        System.setProperty("labdesk.home", home.toString());
        pack = TestPacks.copyResourcePack("hello", dir, Map.of("PORT", "1"));
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("labdesk.home");
    }

    @Test
    void printsTheSeededWorkspaceFolder() {
        CliRun run = CliRun.run("workspace", pack.toString(), "--lab", "greeting");

        Path ws = home.resolve("workspaces/hello/greeting");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out().trim()).isEqualTo(ws.toString());
        assertThat(ws.resolve("README.md")).exists();
    }

    @Test
    void solutionDiffShowsWhatIsMissingAndExitsOneUntilTheWorkspaceMatches() throws IOException {
        CliRun differs = CliRun.run("workspace", pack.toString(), "--lab", "greeting", "--solution-diff");

        assertThat(differs.code()).as(differs.toString()).isEqualTo(1);
        assertThat(differs.out()).contains("+++ solution/greeting.txt").contains("+Hello, LabDesk");

        Path ws = home.resolve("workspaces/hello/greeting");
        try (Stream<Path> files = Files.list(pack.resolve("solutions/01-greeting"))) {
            for (Path f : files.toList()) {
                Files.copy(f, ws.resolve(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        CliRun same = CliRun.run("workspace", pack.toString(), "--lab", "greeting", "--solution-diff");
        assertThat(same.code()).as(same.toString()).isZero();
        assertThat(same.out()).contains("the workspace matches the solution");
    }

    @Test
    void resetKeepsTheOldWorkAsABackupAndReseeds() throws IOException {
        CliRun.run("workspace", pack.toString(), "--lab", "greeting");
        Path ws = home.resolve("workspaces/hello/greeting");
        Files.writeString(ws.resolve("greeting.txt"), "my work\n");

        CliRun reset = CliRun.run("workspace", pack.toString(), "--lab", "greeting", "--reset");

        assertThat(reset.code()).as(reset.toString()).isZero();
        assertThat(ws.resolve("greeting.txt")).doesNotExist();
        assertThat(ws.resolve("README.md")).exists();
        String backup = reset.out().lines().findFirst().orElseThrow().replaceFirst(".* is in ", "");
        assertThat(Path.of(backup).resolve("greeting.txt")).hasContent("my work");
    }

    @Test
    void resetAndSolutionDiffTogetherAreAUsageError() {
        CliRun run = CliRun.run("workspace", pack.toString(), "--lab", "greeting", "--reset", "--solution-diff");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }
}
