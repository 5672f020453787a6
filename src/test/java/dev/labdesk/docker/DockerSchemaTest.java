package dev.labdesk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Problem;
import dev.labdesk.validate.ValidationReport;
import dev.labdesk.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validator checks docker blocks and pack.yaml's images through the kinds' shapes, at the right lines. */
class DockerSchemaTest {

    @TempDir
    Path pack;

    private static final String FENCE = "```";

    private ValidationReport validate(String packYaml, String... lab) throws IOException {
        Files.writeString(pack.resolve("pack.yaml"), packYaml);
        Files.writeString(pack.resolve("01-web.md"), String.join("\n", lab) + "\n");
        Files.createDirectories(pack.resolve("files/01-web/app"));
        Files.writeString(pack.resolve("files/01-web/app/Dockerfile"), "FROM scratch\n");
        return new Validator(KindRegistry.load()).validate(List.of(pack));
    }

    @Test
    void theAgreedYamlIsValid() throws IOException {
        Files.createDirectories(pack.resolve("images"));
        Files.writeString(pack.resolve("images/flask.tar"), "not really a tar");
        ValidationReport r = validate(String.join("\n", "id: web", "title: Web", "version: '1'", "requires: [docker]", "images:",
                        "  - name: labdesk/python-flask:bookworm", "    purpose: Flask labs", "    tar: images/flask.tar",
                        "    build: scripts/build-python-flask-image.sh", ""),
                "---", "id: web", "title: Web", "requires: [docker]", "---", "## Build",
                FENCE + "lab:docker-load", "file: images/flask.tar", FENCE,
                FENCE + "lab:docker-build", "context: app", "tag: web:1", "buildArgs: {VERSION: '1'}", "timeout: 5m", FENCE,
                FENCE + "lab:docker-run", "image: web:1", "name: web", "ports: [\"8080:5000\"]", "env: {MODE: dev}",
                "command: python3 app.py", "init: true", "waitFor: {http: \"http://127.0.0.1:8080/health\", timeout: 30s}", FENCE,
                FENCE + "lab:check",
                "- id: img", "  docker.image: web:1",
                "  expect: {exists: true, labels: {version: {regex: '^1'}}, exposedPorts: [5000, \"5000/tcp\"], entrypoint: [python3],",
                "           cmd: [app.py], env: {MODE: dev}, workdir: /app, user: app, maxSize: 200MB, base: labdesk/python-flask:bookworm}",
                "- id: ctr", "  docker.container: web",
                "  expect: {running: true, healthy: true, status: running, ports: [\"8080:5000\"], restartCount: {max: 0},",
                "           logs: {text: Running on, regex: 'Running on http://'}, exitCode: 0}",
                FENCE,
                FENCE + "lab:docker-stop", "name: web", "remove: true", FENCE,
                FENCE + "lab:docker-cleanup", FENCE);
        assertThat(r.problems()).as(r.problems().toString()).filteredOn(Problem::isError).isEmpty();
    }

    @Test
    void badValuesAreReportedWhereTheyAreWritten() throws IOException {
        ValidationReport r = validate(String.join("\n", "id: web", "title: Web", "version: '1'", "images:", "  - purpose: no name", ""),
                "---", "id: web", "title: Web", "---", "## Run",
                FENCE + "lab:docker-run",
                "image: Web:Latest",
                "name: web",
                "ports: [\"0.0.0.0:80:5000\", \"99999:1\"]",
                FENCE,
                FENCE + "lab:check",
                "- id: img", "  docker.image: web:1", "  expect: {maxSize: huge, exposedPorts: [http]}",
                "- id: ctr", "  docker.container: web", "  expect: {status: sleeping}",
                FENCE);
        List<String> errors = r.problems().stream().filter(Problem::isError).map(Problem::format).toList();
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("01-web.md:7:").contains("image names are lowercase"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("01-web.md:9:").contains("LabDesk always publishes on 127.0.0.1"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("01-web.md:9:").contains("\"HOST:CONTAINER\""));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("01-web.md:14:").contains("size like 200MB"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("01-web.md:14:").contains("port like 5000"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("01-web.md:17:").contains("must be one of created, running"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("pack.yaml:5:").contains("name"));
    }
}
