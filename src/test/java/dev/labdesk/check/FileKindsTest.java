package dev.labdesk.check;

import static dev.labdesk.testing.TestPacks.checks;
import static dev.labdesk.testing.TestPacks.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.kind.CheckStatus;
import dev.labdesk.task.TaskExecutor;
import dev.labdesk.testing.TestPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file kinds against real files in a real workspace folder. */
class FileKindsTest {

    @TempDir
    Path dir;

    private CheckReport run(String yaml) {
        TestPacks.Fixture f = TestPacks.lab(dir, checks(yaml));
        return new CheckRunner(TestPacks.registry(), TaskExecutor.currentThread()).run(f.lab().checks(), f.context(false));
    }

    private CheckResult only(String yaml) {
        CheckReport report = run(yaml);
        assertThat(report.results()).hasSize(1);
        return report.results().get(0);
    }

    private Path ws(String rel, String text) {
        return write(dir.resolve("ws").resolve(rel), text);
    }

    @Test
    void fileExistsPassesForAFileAndAFolder() {
        ws("app/main.py", "print('hi')\n");
        CheckReport r = run("""
                - id: main
                  file.exists: app/main.py
                - id: folder
                  file.exists: app
                  expect: {type: directory, nonEmpty: true}
                """);
        assertThat(r.results()).extracting(CheckResult::status).containsExactly(CheckStatus.PASS, CheckStatus.PASS);
    }

    @Test
    void fileExistsFailsWhenFileIsMissingAndListsTheFolder() {
        ws("App.py", "x");
        CheckResult r = only("""
                - id: app
                  file.exists: app.py
                  hint: Create app.py next to the README.
                """);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.expected()).isEqualTo("app.py exists");
        assertThat(r.actual()).isEqualTo("app.py does not exist (there is 'App.py'; names are case-sensitive)");
        assertThat(r.evidence()).isEqualTo("the workspace has: App.py");
        assertThat(r.hint()).isEqualTo("Create app.py next to the README.");
    }

    @Test
    void fileExistsFailsForAnEmptyFileWhenContentIsRequiredAndForTheWrongType() {
        ws("empty.txt", "");
        CheckReport r = run("""
                - id: empty
                  file.exists: empty.txt
                  expect: {nonEmpty: true}
                - id: not-a-folder
                  file.exists: empty.txt
                  expect: {type: directory}
                - id: no-folder
                  file.exists: src/app.py
                """);
        assertThat(r.results()).extracting(CheckResult::actual).containsExactly(
                "empty.txt is empty", "empty.txt is a file, not a folder", "src/app.py does not exist (there is no folder src/)");
    }

    @Test
    void fileContainsIgnoresWhitespaceAndReportsEveryMissingText() {
        ws("Dockerfile", "FROM   python:3.12-slim\r\nWORKDIR /app\n\nCOPY . .\n");
        CheckReport ok = run("""
                - id: base
                  file.contains: Dockerfile
                  expect:
                    text: ["FROM python:3.12-slim", "WORKDIR /app COPY . ."]
                    regex: "^WORKDIR\\\\s+/app$"
                    absent: "TODO"
                """);
        assertThat(ok.results().get(0).status()).isEqualTo(CheckStatus.PASS);

        CheckResult bad = only("""
                - id: base
                  file.contains: Dockerfile
                  expect:
                    text: ["EXPOSE 5000", "WORKDIR /app", "CMD"]
                """);
        assertThat(bad.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(bad.expected()).isEqualTo("Dockerfile contains \"EXPOSE 5000\"; Dockerfile contains \"CMD\"");
        assertThat(bad.actual()).isEqualTo("\"EXPOSE 5000\" is not in Dockerfile; \"CMD\" is not in Dockerfile");
        assertThat(bad.evidence()).startsWith("Dockerfile:\nFROM   python:3.12-slim");
    }

    @Test
    void fileContainsRegexIgnoreCaseAndAbsentText() {
        ws("app.py", "import flask\n# todo: add /health\n@app.route('/predict')\n");
        CheckReport r = run("""
                - id: route
                  file.contains: app.py
                  expect: {regex: "@APP\\\\.ROUTE\\\\('/predict'\\\\)", ignoreCase: true}
                - id: no-todo
                  file.contains: app.py
                  expect: {absent: "TODO", ignoreCase: true}
                - id: health
                  file.contains: app.py
                  expect: {regex: "route\\\\('/health'\\\\)"}
                """);
        assertThat(r.results()).extracting(CheckResult::status)
                .containsExactly(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.FAIL);
        assertThat(r.results().get(0).actual()).isEqualTo("app.py line 3: \"@app.route('/predict')\"");
        assertThat(r.results().get(1).actual()).isEqualTo("app.py still contains \"TODO\" (line 2)");
        assertThat(r.results().get(2).actual()).isEqualTo("no line of app.py matches /route\\('/health'\\)/");
    }

    @Test
    void textHoldingQuotesIsShownInOtherQuotes() {
        ws("Server.java", "server.createContext(\"/\", handler);\n");
        CheckResult r = only("""
                - id: route
                  file.contains: Server.java
                  expect: {text: '"/health"'}
                """);
        assertThat(r.expected()).isEqualTo("Server.java contains '\"/health\"'");
        assertThat(r.actual()).isEqualTo("'\"/health\"' is not in Server.java");
    }

    @Test
    void fileJsonComparesValuesSemantically() {
        ws("config.json", "{\"name\": \"LabDesk \", \"port\": \"8080\", \"ratio\": 1.0, \"tags\": [\"a\", \"b\"]}");
        CheckReport r = run("""
                - id: config
                  file.json: config.json
                  expect:
                    "$.name": LabDesk
                    "$.port": 8080
                    "$.ratio": 1
                    "$.tags": {contains: b, length: 2}
                    "$.debug": {exists: false}
                """);
        assertThat(r.results().get(0).status()).as(r.results().get(0).actual()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void fileJsonFailsOnWrongValuesAndOnBrokenJson() {
        ws("config.json", "{\"name\": \"other\", \"port\": 80}");
        ws("broken.json", "{\"name\": \"x\",\n \"port\": }");
        CheckReport r = run("""
                - id: config
                  file.json: config.json
                  expect:
                    "$.name": LabDesk
                    "$.port": 80
                    "$.version": {type: string}
                - id: broken
                  file.json: broken.json
                  expect: {"$.name": x}
                - id: missing
                  file.json: nope.json
                  expect: {"$.name": x}
                """);
        CheckResult config = r.results().get(0);
        assertThat(config.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(config.expected()).isEqualTo("$.name = \"LabDesk\"; $.version is a string");
        assertThat(config.actual()).isEqualTo("$.name = \"other\"; $.version is missing");
        CheckResult broken = r.results().get(1);
        assertThat(broken.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(broken.expected()).isEqualTo("broken.json is valid JSON");
        assertThat(broken.actual()).startsWith("broken.json is not valid JSON: ").contains("line 2");
        assertThat(r.results().get(2).expected()).isEqualTo("nope.json: $.name = \"x\"");
        assertThat(r.results().get(2).actual()).isEqualTo("nope.json does not exist");
    }

    @Test
    void fileYamlReadsWorkflowsAndMultiDocumentManifests() {
        ws(".github/workflows/ci.yml", """
                on:
                  push:
                    branches: [main]
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                """);
        ws("k8s.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                spec: {replicas: 3}
                ---
                apiVersion: v1
                kind: Service
                spec:
                  ports: [{port: 80, targetPort: 5000}]
                """);
        CheckReport r = run("""
                - id: workflow
                  file.yaml: .github/workflows/ci.yml
                  expect:
                    "$.on.push.branches": {contains: main}
                    "$.jobs.build['runs-on']": {regex: "^ubuntu-"}
                    "$.jobs.build.steps[0].uses": {regex: "^actions/checkout@"}
                - id: manifests
                  file.yaml: k8s.yaml
                  expect:
                    "$[0].spec.replicas": {min: 2}
                    "$[1].spec.ports[0].targetPort": "5000"
                """);
        assertThat(r.results()).allSatisfy(x -> assertThat(x.status()).as(x.id() + ": " + x.actual()).isEqualTo(CheckStatus.PASS));
    }

    @Test
    void fileYamlReportsWhereTheYamlIsBroken() {
        ws("values.yaml", "a: 1\n  b: 2\n");
        CheckResult r = only("""
                - id: values
                  file.yaml: values.yaml
                  expect: {"$.a": 1}
                """);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.actual()).startsWith("values.yaml is not valid YAML: ").contains("line 2");
    }

    @Test
    void aPathThatLeavesTheWorkspaceThroughALinkIsAnError() throws Exception {
        Path outside = write(dir.resolve("secret.txt"), "secret");
        Files.createDirectories(dir.resolve("ws"));
        Files.createSymbolicLink(dir.resolve("ws").resolve("link.txt"), outside);
        CheckResult r = only("""
                - id: sneaky
                  file.contains: link.txt
                  expect: {text: secret}
                """);
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.actual()).contains("'link.txt' leaves the workspace");
    }
}
