package dev.labdesk.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.pack.Problem;
import dev.labdesk.testing.TestPacks;
import dev.labdesk.validate.ValidationReport;
import dev.labdesk.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab:shell schema additions (background, waitFor) as the validator sees them. */
class ShellSchemaTest {

    @TempDir
    Path dir;

    private ValidationReport validate(String block) {
        Path root = dir.resolve("p");
        TestPacks.write(root.resolve("pack.yaml"), "id: p\ntitle: P\nversion: \"1\"\n");
        TestPacks.write(root.resolve("01-l.md"), "---\nid: l\ntitle: L\nrequires: [shell]\n---\n\n## S\n\n" + block);
        return new Validator(TestPacks.registry()).validate(List.of(root));
    }

    @Test
    void theExamplePackIsValid() {
        Path pack = TestPacks.copyResourcePack("hello", dir, Map.of("PORT", "18080"));
        ValidationReport report = new Validator(TestPacks.registry()).validate(List.of(pack));
        assertThat(report.problems()).extracting(Problem::format).isEmpty();
    }

    @Test
    void backgroundWithWaitForIsAccepted() {
        ValidationReport report = validate("""
                ```lab:shell
                run: python3 app.py
                background: true
                waitFor: {http: "http://127.0.0.1:5000/health", timeout: 20s}
                ```
                """);
        assertThat(report.problems()).extracting(Problem::format).isEmpty();
    }

    @Test
    void waitForWithoutBackgroundOrWithABadUrlIsReported() {
        ValidationReport report = validate("""
                ```lab:shell
                run: python3 app.py
                waitFor: {http: "localhost:5000", timeout: soon}
                ```
                """);
        assertThat(report.problems()).extracting(Problem::message).anySatisfy(m ->
                assertThat(m).isEqualTo("'waitFor' in lab:shell only makes sense with 'background: true'"));
        assertThat(report.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("http:// or https:// URL"));
        assertThat(report.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("duration"));
    }
}
