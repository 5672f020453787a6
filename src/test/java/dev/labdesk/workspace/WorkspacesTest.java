package dev.labdesk.workspace;

import static dev.labdesk.testing.TestPacks.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import dev.labdesk.testing.TestPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacesTest {

    @TempDir
    Path dir;

    private Pack pack;
    private Lab lab;
    private Workspaces workspaces;

    @BeforeEach
    void pack() {
        Path root = dir.resolve("pack");
        write(root.resolve("pack.yaml"), "id: demo\ntitle: Demo\nversion: \"1\"\n");
        write(root.resolve("01-first.md"), "---\nid: first\ntitle: First\n---\n\n## Step\n");
        write(root.resolve("files/01-first/app.py"), "print('hello')\n");
        write(root.resolve("files/01-first/docs/notes.md"), "notes\n");
        write(root.resolve("solutions/01-first/app.py"), "print('hello')\nprint('world')\n");
        write(root.resolve("solutions/01-first/Dockerfile"), "FROM scratch\n");
        pack = TestPacks.load(root);
        lab = pack.labs().get(0);
        workspaces = new Workspaces(dir.resolve("home/workspaces"));
    }

    @Test
    void openSeedsTheStarterFilesTheFirstTime() throws Exception {
        Path ws = workspaces.open(pack, lab);
        assertThat(ws).isEqualTo(dir.resolve("home/workspaces/demo/first").toAbsolutePath().normalize());
        assertThat(FileTrees.files(ws)).containsExactly("app.py", "docs/notes.md");
        assertThat(ws.resolve("app.py")).hasContent("print('hello')");
    }

    @Test
    void openNeverOverwritesTheLearnersWork() throws Exception {
        Path ws = workspaces.open(pack, lab);
        Files.writeString(ws.resolve("app.py"), "my work\n");
        Files.delete(ws.resolve("docs/notes.md"));
        Path again = workspaces.open(pack, lab);
        assertThat(again.resolve("app.py")).hasContent("my work");
        assertThat(again.resolve("docs/notes.md")).doesNotExist();
    }

    @Test
    void aLabWithoutStarterFilesGetsAnEmptyWorkspace() throws Exception {
        write(dir.resolve("pack/02-second.md"), "---\nid: second\ntitle: Second\n---\n");
        Pack reloaded = TestPacks.load(dir.resolve("pack"));
        Path ws = workspaces.open(reloaded, reloaded.lab("second").orElseThrow());
        assertThat(ws).isEmptyDirectory();
    }

    @Test
    void resetKeepsABackupAndSeedsAgain() throws Exception {
        Path ws = workspaces.open(pack, lab);
        Files.writeString(ws.resolve("app.py"), "attempt 1\n");
        Path backup = workspaces.reset(pack, lab);
        assertThat(backup).isNotNull();
        assertThat(backup.resolve("app.py")).hasContent("attempt 1");
        assertThat(ws.resolve("app.py")).hasContent("print('hello')");
        assertThat(workspaces.backups(pack, lab)).containsExactly(backup);
    }

    @Test
    void resetKeepsOnlyTheNewestBackups() throws Exception {
        Path ws = workspaces.open(pack, lab);
        for (int i = 1; i <= Workspaces.KEEP_BACKUPS + 3; i++) {
            Files.writeString(ws.resolve("app.py"), "attempt " + i + "\n");
            workspaces.reset(pack, lab);
        }
        List<Path> backups = workspaces.backups(pack, lab);
        assertThat(backups).hasSize(Workspaces.KEEP_BACKUPS);
        assertThat(backups.get(0).resolve("app.py")).hasContent("attempt " + (Workspaces.KEEP_BACKUPS + 3));
        assertThat(backups.get(backups.size() - 1).resolve("app.py")).hasContent("attempt 4");
    }

    @Test
    void showSolutionIsAUnifiedDiffFromTheWorkspaceToTheSolution() throws Exception {
        Path ws = workspaces.open(pack, lab);
        Files.writeString(ws.resolve("extra.txt"), "the learner's own file\n");
        SolutionDiff diff = workspaces.showSolution(pack, lab);
        assertThat(diff.files()).extracting(SolutionDiff.FileDiff::path, SolutionDiff.FileDiff::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Dockerfile", SolutionDiff.Change.MISSING),
                org.assertj.core.groups.Tuple.tuple("app.py", SolutionDiff.Change.CHANGED));
        assertThat(diff.render()).isEqualTo("""
                --- /dev/null
                +++ solution/Dockerfile
                @@ -0,0 +1 @@
                +FROM scratch
                --- workspace/app.py
                +++ solution/app.py
                @@ -1 +1,2 @@
                 print('hello')
                +print('world')
                """);
        assertThat(diff.matches()).isFalse();
    }

    @Test
    void showSolutionTreatsLineEndingsAsEqualAndReportsBinaryFiles() throws Exception {
        write(dir.resolve("pack/solutions/01-first/logo.bin"), "\0\1\2");
        Path ws = workspaces.open(pack, lab);
        Files.writeString(ws.resolve("app.py"), "print('hello')\r\nprint('world')\r\n");
        Files.writeString(ws.resolve("Dockerfile"), "FROM scratch\n");
        Files.write(ws.resolve("logo.bin"), new byte[] {0, 9, 9});
        SolutionDiff diff = workspaces.showSolution(pack, lab);
        assertThat(diff.files()).extracting(SolutionDiff.FileDiff::change)
                .containsExactly(SolutionDiff.Change.SAME, SolutionDiff.Change.SAME, SolutionDiff.Change.BINARY_DIFFERS);
        assertThat(diff.render()).isEqualTo("Binary files workspace/logo.bin and solution/logo.bin differ\n");
    }

    @Test
    void pathsThatLeaveTheWorkspaceAreRejected() throws Exception {
        Path ws = workspaces.open(pack, lab);
        assertThat(WorkspacePaths.resolve(ws, "docs/../app.py")).isEqualTo(ws.resolve("app.py"));
        assertThat(WorkspacePaths.resolve(ws, "new/dir/file.txt")).isEqualTo(ws.resolve("new/dir/file.txt"));
        for (String bad : List.of("../other", "docs/../../x", "/etc/passwd", "C:\\Windows", "..\\up")) {
            assertThatThrownBy(() -> WorkspacePaths.resolve(ws, bad)).as(bad).isInstanceOf(PathOutsideWorkspace.class)
                    .hasMessageContaining("leaves the workspace");
        }
        Files.createSymbolicLink(ws.resolve("out"), dir);
        assertThatThrownBy(() -> WorkspacePaths.resolve(ws, "out/secret.txt")).isInstanceOf(PathOutsideWorkspace.class);
        Files.createSymbolicLink(ws.resolve("inside"), ws.resolve("docs"));
        assertThat(WorkspacePaths.resolve(ws, "inside/notes.md")).isEqualTo(ws.resolve("inside/notes.md"));
    }

    @Test
    void seedingSkipsSymbolicLinksInThePack() throws Exception {
        Files.createSymbolicLink(dir.resolve("pack/files/01-first/passwd"), Path.of("/etc/passwd"));
        Path ws = workspaces.open(pack, lab);
        assertThat(ws.resolve("passwd")).doesNotExist();
        assertThat(ws.resolve("app.py")).exists();
    }
}
