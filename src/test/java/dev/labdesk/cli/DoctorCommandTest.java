package dev.labdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labdesk.docker.EngineLocator;
import dev.labdesk.testing.DockerGate;
import dev.labdesk.testing.RequiresDocker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int doctor(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "doctor";
        System.arraycopy(args, 0, all, 1, args.length);
        return LabdeskCli.run(all, new PrintWriter(out), new PrintWriter(err));
    }

    @AfterEach
    void unpin() {
        System.clearProperty(EngineLocator.HOST_PROPERTY);
    }

    @Test
    void exitsThreeWithTheFixWhenDockerIsMissing() {
        System.setProperty(EngineLocator.HOST_PROPERTY, "unix://" + dir.resolve("no-engine.sock"));
        assertThat(doctor()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(out.toString())
                .contains("Docker: unavailable")
                .contains("Docker is not running: there is no socket at " + dir.resolve("no-engine.sock") + " (from DOCKER_HOST)")
                .contains("Fix: start the engine DOCKER_HOST points at, or unset it");
    }

    @Test
    void jsonNamesTheProblemAndTheFix() throws IOException {
        System.setProperty(EngineLocator.HOST_PROPERTY, "unix://" + dir.resolve("no-engine.sock"));
        assertThat(doctor("--json")).isEqualTo(ExitCode.ENVIRONMENT);
        JsonNode docker = Json.mapper().readTree(out.toString()).path("sections").get(0);
        assertThat(docker.path("name").asText()).isEqualTo("docker");
        assertThat(docker.path("status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(docker.path("fix").asText()).startsWith("start the engine DOCKER_HOST points at");
    }

    @Test
    @RequiresDocker
    void reportsTheChosenEngineAndTheDeclaredBaseImages() throws IOException {
        Path pack = Files.createDirectories(dir.resolve("labs/flask"));
        Files.writeString(pack.resolve("pack.yaml"), String.join("\n",
                "id: flask", "title: Flask", "version: '1'", "images:",
                "  - name: labdesk-doctor-test/absent:never", "    purpose: the labs' base", "    build: scripts/build-it.sh",
                "  - name: labdesk-doctor-test/also-absent:never", "    tar: images/base.tar", ""));
        Files.writeString(pack.resolve("01-a.md"), "---\nid: a\ntitle: A\n---\n## Step\ntext\n");
        int code = doctor("--json", dir.resolve("labs").toString());
        JsonNode docker = Json.mapper().readTree(out.toString()).path("sections").get(0);
        assertThat(code).as(out.toString()).isEqualTo(ExitCode.OK);
        assertThat(docker.path("status").asText()).isEqualTo("WARN");
        assertThat(docker.path("facts").path("endpoint").asText()).isEqualTo(DockerGate.discovery().engine().endpoint());
        assertThat(docker.path("facts").path("API version").asText()).startsWith(DockerGate.discovery().engine().apiVersion());
        JsonNode images = docker.path("lists").get(1).path("rows");
        assertThat(images.get(0).path("ok").asBoolean()).isFalse();
        assertThat(images.get(0).path("detail").asText()).isEqualTo("the labs' base; missing: build it: scripts/build-it.sh; "
                + "or when online: docker pull labdesk-doctor-test/absent:never");
        assertThat(images.get(1).path("detail").asText()).startsWith("missing: the pack declares images/base.tar but does not contain it");
    }
}
