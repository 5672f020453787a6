package dev.labdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labdesk.testing.TestKinds;
import dev.labdesk.testing.TestPacks;
import dev.labdesk.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code labdesk test}: fresh workspaces must not pass, solutions with their actions must. */
class TestCommandTest {

    @TempDir
    Path dir;

    private Path pack;

    @BeforeEach
    void setUp() {
        System.setProperty("labdesk.home", dir.resolve("home").toString());
        pack = TestPacks.copyResourcePack("hello", dir, Map.of("PORT", String.valueOf(TestServer.freePort())));
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("labdesk.home");
    }

    @Test
    void theExamplePackPassesWhenTrusted() throws Exception {
        Path xml = dir.resolve("junit.xml");
        CliRun r = CliRun.run("test", pack.toString(), "--trust", "--junit", xml.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("lab hello/greeting")
                .contains("fresh workspace: 3 of 4 checks do not pass (as they should)")
                .contains("PASSED: 3 of 4 checks fail on a fresh workspace, and all pass on the solution")
                .contains("action OK        start-server  running in the background")
                .contains("action OK        call-health  HTTP 200 from GET")
                .contains("2 labs tested: 2 passed, 0 failed");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        assertThat(((Element) suites.item(1)).getAttribute("name")).isEqualTo("hello/server");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("10");
        assertNoTempFoldersLeft();
    }

    @Test
    void withoutTrustTheServerLabSaysWhyItCannotPass() {
        CliRun r = CliRun.run("test", pack.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).contains("action NOT RUN   start-server  not run: the pack is not trusted")
                .contains("FAILED: the solution does not pass 1 of 2 checks; 1 action did not run because the pack is not trusted"
                        + " (trust it with 'labdesk trust " + pack + "', or run with --trust)")
                .contains("1 passed, 1 failed");
    }

    @Test
    void aBugPlantedInASolutionFailsWithExpectedAndActualOnScreenAndInJUnit() throws Exception {
        Files.writeString(pack.resolve("solutions/01-greeting/config.json"), "{\"name\": \"Labdesk\", \"port\": 8080}\n");
        Path xml = dir.resolve("junit.xml");
        CliRun r = CliRun.run("test", pack.toString(), "--lab", "greeting", "--junit", xml.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).contains("FAIL   config-name")
                .contains("expected: $.name = \"LabDesk\"")
                .contains("actual:   $.name = \"Labdesk\"")
                .contains("hint:     Set \"name\" to \"LabDesk\" in config.json.")
                .contains("FAILED: the solution does not pass 1 of 4 checks")
                .contains("1 lab tested: 0 passed, 1 failed");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("solution: config-name");
        assertThat(failure.getAttribute("message")).isEqualTo(
                "expected: $.name = \"LabDesk\"; actual: $.name = \"Labdesk\"; hint: Set \"name\" to \"LabDesk\" in config.json.");
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
    }

    @Test
    void aLabWhoseChecksPassOnAFreshWorkspaceIsReportedAsBroken() throws Exception {
        Path broken = TestPacks.copyResourcePack("broken", dir, Map.of());
        Path xml = dir.resolve("broken.xml");
        CliRun r = CliRun.run("test", broken.toString(), "--json", "--junit", xml.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FAILED);
        JsonNode lab = Json.mapper().readTree(r.out()).get("labs").get(0);
        assertThat(lab.get("verdict").asText()).isEqualTo("BROKEN");
        assertThat(lab.get("message").asText()).isEqualTo(
                "broken lab: all 2 checks pass on a fresh workspace, so they do not test the learner's work");
        assertThat(lab.get("fresh").get("summary").get("pass").asInt()).isEqualTo(2);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("fresh workspace does not pass");
    }

    @Test
    void jsonReportsEachLabsVerdictAndActions() throws Exception {
        CliRun r = CliRun.run("test", pack.toString(), "--trust", "--json");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("passed").asInt()).isEqualTo(2);
        JsonNode server = doc.get("labs").get(1);
        assertThat(server.get("verdict").asText()).isEqualTo("PASSED");
        assertThat(server.get("actions").get(0).get("id").asText()).isEqualTo("start-server");
        assertThat(server.get("actions").get(1).get("log").toString()).contains("< HTTP 200");
        assertThat(server.get("solution").get("results").get(0).get("status").asText()).isEqualTo("PASS");
    }

    @Test
    void aMissingEnvironmentMeansNotTestedAndExitThree() {
        Path root = dir.resolve("envpack");
        TestPacks.write(root.resolve("pack.yaml"), "id: env\ntitle: Env\nversion: \"1\"\n");
        TestPacks.write(root.resolve("01-img.md"), "---\nid: img\ntitle: Image\n---\n\n## Build\n\n"
                + TestPacks.checks("- {id: image, test.env: app:1.0}\n- {id: notes, file.exists: notes.txt}"));
        CliRun r = CliRun.run(TestPacks.registry(new TestKinds()), null, "test", root.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(r.out()).contains("NOT TESTED: could not test: Docker is not running. Fix: start Docker Desktop");
        assertThat(r.err()).contains("environment unavailable: docker");
    }

    private static void assertNoTempFoldersLeft() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("labdesk-test-greeting-")
                    || n.startsWith("labdesk-test-server-"))).isEmpty();
        }
    }
}
