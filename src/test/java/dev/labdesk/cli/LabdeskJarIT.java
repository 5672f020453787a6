package dev.labdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.testing.TestPacks;
import dev.labdesk.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar, run as a separate process the way users and CI run it. */
class LabdeskJarIT {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result labdesk(String... args) throws IOException, InterruptedException {
        return labdesk(Map.of(), args);
    }

    private Result labdesk(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("labdesk.jar", "target/labdesk.jar"));
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("LABDESK_HOME", dir.resolve("home").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("labdesk finished").isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void theJarTestsTheExamplePackAndFailsOnAPlantedBug() throws Exception {
        Path pack = TestPacks.copyResourcePack("hello", dir, Map.of("PORT", String.valueOf(TestServer.freePort())));
        Result ok = labdesk("test", pack.toString(), "--trust");
        assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("2 labs tested: 2 passed, 0 failed");
        assertThat(ok.err()).isEmpty();

        Files.writeString(pack.resolve("solutions/01-greeting/settings.yaml"), "replicas: 1\n");
        Path junit = dir.resolve("junit.xml");
        Result bug = labdesk("test", pack.toString(), "--lab", "greeting", "--junit", junit.toString());
        assertThat(bug.code()).isEqualTo(1);
        assertThat(bug.out()).contains("expected: $.replicas is at least 2").contains("actual:   $.replicas = 1");
        assertThat(Files.readString(junit)).contains("message=\"expected: $.replicas is at least 2; actual: $.replicas = 1\"");
    }

    @Test
    void theJarChecksAWorkspaceAndReportsExitCodes() throws Exception {
        Path pack = TestPacks.copyResourcePack("hello", dir, Map.of("PORT", "1"));
        Result check = labdesk("check", pack.toString(), "--lab", "greeting", "--json");
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.out()).contains("\"status\" : \"FAIL\"");
        assertThat(dir.resolve("home/workspaces/hello/greeting/README.md")).exists();

        Result usage = labdesk("check", pack.toString(), "--lab", "nope");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("no lab 'nope' here");
    }

    @Test
    void theJarExitsThreeWithTheFixWhenNoDockerEngineAnswers() throws Exception {
        String containers = Path.of("labs/containers").toAbsolutePath().toString();
        Map<String, String> noEngine = Map.of("DOCKER_HOST", "unix://" + dir.resolve("no-docker.sock"));
        String fix = "Fix: start the engine DOCKER_HOST points at, or unset it";

        Result run = labdesk(noEngine, "run", containers, "--lab", "build-image");
        Result check = labdesk(noEngine, "check", containers, "--lab", "build-image");
        Result doctor = labdesk(noEngine, "doctor");

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.err()).contains("Docker is not running").contains(fix).doesNotContain("Exception");
        assertThat(check.code()).as(check.out() + check.err()).isEqualTo(3);
        assertThat(check.out()).contains("ERROR  image-exists").contains(fix);
        assertThat(doctor.code()).isEqualTo(3);
        assertThat(doctor.out() + doctor.err()).contains("DOCKER_HOST");
    }
}
