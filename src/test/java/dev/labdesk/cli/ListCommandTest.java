package dev.labdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return LabdeskCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void showsPacksLabsStepsActionsAndChecksWithTheirIds() {
        assertThat(run("list", "docs/example-pack")).isZero();

        assertThat(out.toString().lines().toList()).containsExactly(
                "pack example  \"A first web service\"  v1.0  (docs/example-pack)",
                "  lab hello-service  \"A service that says it is healthy\"  requires: python",
                "    step look-at-the-starter-file  \"Look at the starter file\"",
                "      check app-file  (file.exists)",
                "    step health  \"Answer the health check\"",
                "      check app-answers-health  (file.contains)",
                "    step run-it  \"Run it\"",
                "      action call-health  (lab:http)",
                "      check health-ok  (http.get)",
                "    step check-what-you-learned  \"Check what you learned\"",
                "      quiz quiz-1",
                "  lab config-files  \"Describe the service in JSON and YAML\"  requires: python",
                "    step complete-configjson  \"Complete config.json\"",
                "      check config-values  (file.json)",
                "    step write-serviceyaml  \"Write service.yaml\"",
                "      check service-yaml  (file.yaml)",
                "      check service-yaml-exists  (file.exists)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aLabFileListsOnlyThatLab() {
        assertThat(run("list", "docs/example-pack/02-config-files.md")).isZero();

        assertThat(out.toString()).contains("lab config-files").doesNotContain("lab hello-service");
    }

    @Test
    void jsonNestsStepsWithActionsChecksAndQuizzes() throws Exception {
        assertThat(run("list", "--json", "docs/example-pack")).isZero();

        JsonNode doc = Json.mapper().readTree(out.toString());
        JsonNode lab = doc.get("packs").get(0).get("labs").get(0);
        assertThat(lab.get("id").asText()).isEqualTo("hello-service");
        JsonNode run = lab.get("steps").get(2);
        assertThat(run.get("id").asText()).isEqualTo("run-it");
        assertThat(run.get("actions").get(0).get("id").asText()).isEqualTo("call-health");
        assertThat(run.get("actions").get(0).get("kind").asText()).isEqualTo("lab:http");
        assertThat(run.get("checks").get(0).get("id").asText()).isEqualTo("health-ok");
        assertThat(run.get("checks").get(0).get("line").asInt()).isEqualTo(60);
        assertThat(lab.get("steps").get(3).get("quizzes").get(0).get("id").asText()).isEqualTo("quiz-1");
        assertThat(doc.get("problems")).isEmpty();
    }

    @Test
    void aFolderWithoutPacksExitsTwoAndSaysWhatAPackIs() {
        assertThat(run("list", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no packs under").contains("a pack is a folder with a pack.yaml");
    }

    @Test
    void unreadableLabsAreListedAsProblemsWithTheirPlace() throws IOException {
        Path pack = Files.createDirectories(dir.resolve("p"));
        Files.writeString(pack.resolve("pack.yaml"), "id: p\ntitle: P\nversion: \"1\"\n");
        Files.writeString(pack.resolve("01-a.md"), "---\nid: a\ntitle: [unclosed\n---\n");

        assertThat(run("list", pack.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("lab 01-a"); // front matter unreadable: the file name stands in for the id
        assertThat(err.toString()).contains(pack.resolve("01-a.md") + ":").contains("[yaml-syntax]")
                .contains("run 'labdesk validate");
    }
}
