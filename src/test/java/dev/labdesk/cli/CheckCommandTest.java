package dev.labdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labdesk.action.ActionResult;
import dev.labdesk.check.CheckReport;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import dev.labdesk.session.RunRecorder;
import dev.labdesk.testing.TestKinds;
import dev.labdesk.testing.TestPacks;
import dev.labdesk.workspace.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CheckCommandTest {

    @TempDir
    Path dir;

    private Path pack;

    @BeforeEach
    void setUp() {
        System.setProperty("labdesk.home", dir.resolve("home").toString());
        pack = TestPacks.copyResourcePack("hello", dir, Map.of("PORT", "1"));
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("labdesk.home");
    }

    /** A workspace with the lab's solution in it, as a learner who finished would have. */
    private Path solved(String lab) throws Exception {
        Path ws = dir.resolve("submission");
        FileTrees.copy(pack.resolve("files").resolve(lab), ws);
        FileTrees.copy(pack.resolve("solutions").resolve(lab), ws);
        return ws;
    }

    @Test
    void checkSeedsTheWorkspaceAndReportsEveryFailureWithExpectedActualAndHint() {
        CliRun r = CliRun.run("check", pack.toString(), "--lab", "greeting");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(dir.resolve("home/workspaces/hello/greeting/config.json")).exists();
        assertThat(r.out()).contains("check hello/greeting  (workspace " + dir.resolve("home/workspaces/hello/greeting"));
        assertThat(r.out()).contains("FAIL   greeting-file  greeth.txt".replace("greeth", "greeting") + " says hello");
        assertThat(r.out()).contains("expected: greeting.txt contains \"Hello, LabDesk\"")
                .contains("actual:   greeting.txt does not exist")
                .contains("hint:     Create greeting.txt with the line \"Hello, LabDesk!\".");
        assertThat(r.out()).contains("expected: $.name = \"LabDesk\"").contains("actual:   $.name = \"TODO\"");
        assertThat(r.out()).contains("PASS   readme");
        assertThat(r.out()).contains("4 checks: 1 passed, 3 failed");
    }

    @Test
    void checkPassesOnAFinishedSubmission() throws Exception {
        CliRun r = CliRun.run("check", pack.toString(), "--lab", "hello/greeting", "--workspace", solved("01-greeting").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("4 checks: 4 passed");
        assertThat(dir.resolve("home/workspaces")).doesNotExist();
    }

    @Test
    void jsonOutputIsOneDocumentWithEveryResult() throws Exception {
        CliRun r = CliRun.run("check", pack.resolve("01-greeting.md").toString(), "--json");
        assertThat(r.code()).isEqualTo(ExitCode.FAILED);
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("pack").asText()).isEqualTo("hello");
        assertThat(doc.get("lab").asText()).isEqualTo("greeting");
        assertThat(doc.get("ok").asBoolean()).isFalse();
        assertThat(doc.get("exitCode").asInt()).isEqualTo(1);
        assertThat(doc.get("summary").get("fail").asInt()).isEqualTo(3);
        JsonNode config = doc.get("results").get(1);
        assertThat(config.get("id").asText()).isEqualTo("config-name");
        assertThat(config.get("kind").asText()).isEqualTo("file.json");
        assertThat(config.get("status").asText()).isEqualTo("FAIL");
        assertThat(config.get("expected").asText()).isEqualTo("$.name = \"LabDesk\"");
        assertThat(config.get("actual").asText()).isEqualTo("$.name = \"TODO\"");
        assertThat(config.get("hint").asText()).isEqualTo("Set \"name\" to \"LabDesk\" in config.json.");
        assertThat(config.get("elapsedMs").isNumber()).isTrue();
    }

    @Test
    void junitFileHasATestcasePerCheckWithFailureMessages() throws Exception {
        Path xml = dir.resolve("reports/checks.xml");
        CliRun r = CliRun.run("check", pack.toString(), "--lab", "greeting", "--junit", xml.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FAILED);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("hello/greeting");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("3");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        Element config = (Element) cases.item(1);
        assertThat(config.getAttribute("classname")).isEqualTo("hello.greeting");
        assertThat(config.getAttribute("name")).isEqualTo("config-name");
        Element failure = (Element) config.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo(
                "expected: $.name = \"LabDesk\"; actual: $.name = \"TODO\"; hint: Set \"name\" to \"LabDesk\" in config.json.");
        assertThat(failure.getTextContent()).contains("evidence:\nconfig.json:\n{");
        assertThat(((Element) cases.item(3)).getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void finishedRunsAreHandedToTheRecorder() {
        List<CheckReport> recorded = new ArrayList<>();
        RunRecorder recorder = new RunRecorder() {
            @Override
            public void checksFinished(Pack p, Lab lab, Path workspace, CheckReport report) {
                assertThat(lab.id()).isEqualTo("greeting");
                recorded.add(report);
            }

            @Override
            public void actionsFinished(Pack p, Lab lab, Path workspace, List<ActionResult> results) {
                throw new AssertionError("check runs no actions");
            }
        };
        CliRun r = CliRun.run(null, recorder, "check", pack.toString(), "--lab", "greeting");
        assertThat(r.code()).isEqualTo(ExitCode.FAILED);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).results()).hasSize(4);

        CliRun submission = CliRun.run(null, recorder, "check", pack.toString(), "--lab", "greeting",
                "--workspace", dir.resolve("home/workspaces/hello/greeting").toString());
        assertThat(submission.code()).isEqualTo(ExitCode.FAILED);
        assertThat(recorded).as("a submission checked with --workspace is not the user's progress").hasSize(1);
    }

    @Test
    void anInvalidPackRunsNothingAndExitsWithTwo() throws Exception {
        Files.writeString(pack.resolve("01-greeting.md"), Files.readString(pack.resolve("01-greeting.md"))
                .replace("file.json: config.json", "file.jsn: config.json"));
        CliRun r = CliRun.run("check", pack.toString(), "--lab", "greeting");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains("01-greeting.md:27:").contains("file.jsn").contains("invalid pack: ");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("home/workspaces")).doesNotExist();
    }

    @Test
    void anUnknownLabOrAMissingLabOptionIsAUsageError() {
        CliRun unknown = CliRun.run("check", pack.toString(), "--lab", "greting");
        assertThat(unknown.code()).isEqualTo(ExitCode.INVALID);
        assertThat(unknown.err()).contains("no lab 'greting' here").contains("greeting");
        CliRun ambiguous = CliRun.run("check", pack.toString());
        assertThat(ambiguous.code()).isEqualTo(ExitCode.INVALID);
        assertThat(ambiguous.err()).contains("name the lab with --lab ID; labs here: hello/greeting, hello/server");
    }

    @Test
    void aMissingEnvironmentExitsWithThreeAndSaysHowToFixIt() {
        Path root = dir.resolve("envpack");
        TestPacks.write(root.resolve("pack.yaml"), "id: env\ntitle: Env\nversion: \"1\"\n");
        TestPacks.write(root.resolve("01-img.md"), """
                ---
                id: img
                title: Image
                ---

                ## Build

                ```lab:check
                - id: image
                  test.env: app:1.0
                - id: notes
                  file.exists: notes.txt
                ```
                """);
        CliRun r = CliRun.run(TestPacks.registry(new TestKinds()), null, "check", root.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(r.out()).contains("ERROR  image").contains("error:    Docker is not running. Fix: start Docker Desktop, or set DOCKER_HOST");
        assertThat(r.err()).contains("labdesk: environment unavailable: docker: Docker is not running. Fix: start Docker Desktop");
    }

    @Test
    void commandChecksNeedTrust() {
        Path root = dir.resolve("cmdpack");
        TestPacks.write(root.resolve("pack.yaml"), "id: cmd\ntitle: Cmd\nversion: \"1\"\n");
        TestPacks.write(root.resolve("01-c.md"), """
                ---
                id: c
                title: Command
                requires: [shell]
                ---

                ## Run

                ```lab:check
                - id: echo
                  command: echo hi
                  expect: {text: hi}
                ```
                """);
        CliRun untrusted = CliRun.run("check", root.toString());
        assertThat(untrusted.code()).isEqualTo(ExitCode.OK);
        assertThat(untrusted.out()).contains("SKIP   echo").contains("skipped:  the pack is not trusted: if you wrote it"
                + " or trust its author, trust it with 'labdesk trust " + root + "' (or run with --trust)");
        CliRun trusted = CliRun.run("check", root.toString(), "--trust");
        assertThat(trusted.code()).isEqualTo(ExitCode.OK);
        assertThat(trusted.out()).contains("PASS   echo");
    }
}
