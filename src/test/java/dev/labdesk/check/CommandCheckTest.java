package dev.labdesk.check;

import static dev.labdesk.testing.TestPacks.checks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.kind.CheckStatus;
import dev.labdesk.task.TaskExecutor;
import dev.labdesk.testing.TestPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command kind on a trusted pack: a real shell in the workspace. */
class CommandCheckTest {

    @TempDir
    Path dir;

    private CheckReport run(String yaml) {
        TestPacks.Fixture f = TestPacks.lab(dir, checks(yaml));
        try (TaskExecutor pool = TaskExecutor.pool("test")) {
            return new CheckRunner(TestPacks.registry(), pool).run(f.lab().checks(), f.context(true));
        }
    }

    @Test
    void exitCodeAndOutputAreChecked() throws Exception {
        Files.createDirectories(dir.resolve("ws/sub"));
        Files.writeString(dir.resolve("ws/sub/data.txt"), "42\n");
        CheckReport r = run("""
                - id: ok
                  command: {run: "cat data.txt; echo done >&2", cwd: sub}
                  expect: {text: ["42", "done"], regex: "^4\\\\d$"}
                - id: exit
                  command: exit 3
                  expect: {exitCode: 3}
                - id: wrong
                  command: echo "tests   failed"; exit 1
                  expect: {text: tests passed}
                """);
        assertThat(r.results()).extracting(CheckResult::status).containsExactly(CheckStatus.PASS, CheckStatus.PASS, CheckStatus.FAIL);
        CheckResult wrong = r.results().get(2);
        assertThat(wrong.expected()).isEqualTo("'echo \"tests   failed\"; exit 1' exits with 0; the output contains \"tests passed\"");
        assertThat(wrong.actual()).isEqualTo("'echo \"tests   failed\"; exit 1' exited with 1; the output does not contain \"tests passed\"");
        assertThat(wrong.evidence()).isEqualTo("tests   failed");
    }

    @Test
    void aCommandThatRunsTooLongIsStoppedAndFails() {
        CheckResult r = run("""
                - id: slow
                  command: echo waiting; sleep 60
                  timeout: 500ms
                """).results().get(0);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.actual()).isEqualTo("'echo waiting; sleep 60' was still running after 500ms and was stopped");
        assertThat(r.evidence()).startsWith("waiting");
    }
}
