package dev.labdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private Path pack;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void pack() throws IOException {
        pack = Files.createDirectories(dir.resolve("pack"));
        Files.writeString(pack.resolve("pack.yaml"), "id: p\ntitle: P\nversion: \"1\"\n");
        Files.writeString(pack.resolve("01-good.md"), "---\nid: good\ntitle: Good\n---\n## Step\n\n"
                + "```lab:check\n- id: app\n  file.exists: app.py\n```\n");
    }

    private int run(String... args) {
        return LabdeskCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void exitsZeroAndPrintsASummaryForAValidPack() {
        assertThat(run("validate", pack.toString())).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).isEqualTo("ok: 0 errors, 0 warnings in 2 files");
    }

    @Test
    void warningsAloneStillExitZero() throws IOException {
        Files.writeString(pack.resolve("pack.yaml"), "id: p\ntitle: P\nversion: \"1\"\nlabs: []\n");

        assertThat(run("validate", pack.toString())).isZero();
        assertThat(out.toString()).contains("warning:").contains("[unlisted-lab]");
    }

    @Test
    void printsEveryProblemAsFileLineColAndExitsTwo() throws IOException {
        Files.writeString(pack.resolve("02-bad.md"), "---\nid: bad\ntitle: Bad\n---\n## Step\n\n"
                + "```lab:check\n- id: a\n  file.exsts: app.py\n- id: a\n  file.exists: b.py\n```\n");

        assertThat(run("validate", pack.toString())).isEqualTo(2);

        Path bad = pack.resolve("02-bad.md");
        assertThat(out.toString().lines().toList()).containsExactly(
                bad + ":9:3: error: unknown check kind 'file.exsts' (did you mean 'file.exists'?); known: "
                        + String.join(", ", dev.labdesk.kind.KindRegistry.load().checkNames()) + " [unknown-check]",
                bad + ":10:7: error: check id 'a' is already used at line 8; check ids must be unique in a lab [duplicate-id]");
        assertThat(err.toString().strip()).isEqualTo("invalid: 2 errors, 0 warnings in 3 files");
    }

    @Test
    void aSingleLabFileReportsOnlyThatLab() throws IOException {
        Files.writeString(pack.resolve("02-bad.md"), "no front matter\n");

        assertThat(run("validate", pack.resolve("01-good.md").toString())).isZero();
        assertThat(err.toString().strip()).isEqualTo("ok: 0 errors, 0 warnings in 2 files");
        assertThat(run("validate", pack.resolve("02-bad.md").toString())).isEqualTo(2);
        assertThat(out.toString()).contains("02-bad.md:1:1: error:").doesNotContain("01-good.md");
    }

    @Test
    void aPackYamlStandsForItsPack() throws IOException {
        Files.writeString(pack.resolve("02-bad.md"), "no front matter\n");

        assertThat(run("validate", pack.resolve("pack.yaml").toString())).isEqualTo(2);
        assertThat(out.toString()).contains("[missing-front-matter]");
    }

    @Test
    void severalPathsAreValidatedTogether() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("pack.yaml"), "id: o\ntitle: O\n");

        assertThat(run("validate", pack.toString(), other.toString())).isEqualTo(2);
        assertThat(out.toString().lines().toList()).satisfiesExactly(
                line -> assertThat(line).startsWith(other.resolve("pack.yaml") + ":1:1: error: pack.yaml needs 'version'"),
                line -> assertThat(line).startsWith(other.resolve("pack.yaml") + ":1:1: warning: this pack has no labs yet"));
    }

    @Test
    void aPathThatDoesNotExistIsAProblemNotACrash() {
        assertThat(run("validate", dir.resolve("nope").toString())).isEqualTo(2);
        assertThat(out.toString()).contains("nope:1:1: error: no such file or folder [missing-file]");
    }

    @Test
    void jsonHasTheSameProblemsWithStableFields() throws Exception {
        Files.writeString(pack.resolve("02-bad.md"), "---\nid: bad\ntitle: Bad\n---\n```lab:htp\nurl: x\n```\n");

        assertThat(run("validate", "--json", pack.toString())).isEqualTo(2);

        JsonNode doc = Json.mapper().readTree(out.toString());
        assertThat(doc.get("ok").asBoolean()).isFalse();
        assertThat(doc.get("errors").asInt()).isEqualTo(1);
        assertThat(doc.get("warnings").asInt()).isZero();
        assertThat(doc.get("files").asInt()).isEqualTo(3);
        JsonNode p = doc.get("problems").get(0);
        assertThat(p.get("file").asText()).isEqualTo(pack.resolve("02-bad.md").toString());
        assertThat(p.get("line").asInt()).isEqualTo(5);
        assertThat(p.get("col").asInt()).isEqualTo(4);
        assertThat(p.get("severity").asText()).isEqualTo("error");
        assertThat(p.get("code").asText()).isEqualTo("unknown-block");
        assertThat(p.get("message").asText()).contains("did you mean 'lab:http'?");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void noPathIsAUsageErrorWithExitTwo() {
        assertThat(run("validate")).isEqualTo(2);
        assertThat(err.toString()).contains("labdesk:").contains("--help");
    }

    @Test
    void theExamplePackOfTheFormatReferenceIsValidWithoutWarnings() {
        Path example = Path.of("docs/example-pack");

        assertThat(run("validate", example.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).isEqualTo("ok: 0 errors, 0 warnings in 3 files");
    }
}
