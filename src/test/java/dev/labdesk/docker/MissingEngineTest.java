package dev.labdesk.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labdesk.kind.EnvironmentUnavailable;
import dev.labdesk.testing.LabFixture;
import dev.labdesk.testing.RecordingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No engine where LabDesk looks: every docker kind says what happened and the fix. */
class MissingEngineTest {

    @TempDir
    Path dir;

    private DockerJavaEngine engineAt(Map<String, String> env) {
        return DockerJavaEngine.of(new EngineLocator(new EngineLocator.Env(env, dir.resolve("home"), "Linux")));
    }

    @Test
    void aDockerHostWithoutASocketGivesEnvironmentUnavailableWithTheFix() {
        try (DockerJavaEngine engine = engineAt(Map.of("DOCKER_HOST", "unix://" + dir.resolve("nothing.sock")))) {
            assertThatThrownBy(engine::info).isInstanceOfSatisfying(EnvironmentUnavailable.class, e -> {
                assertThat(e.environment()).isEqualTo("docker");
                assertThat(e.getMessage()).isEqualTo("Docker is not running: there is no socket at " + dir.resolve("nothing.sock") + " (from DOCKER_HOST)");
                assertThat(e.fix()).isEqualTo("start the engine DOCKER_HOST points at, or unset it to let LabDesk look in the usual places");
            });
        }
    }

    @Test
    void aSocketNobodyListensOnIsConnectionRefused() throws IOException {
        Path stale = dir.resolve("stale.sock");
        // A socket file left behind by an engine that died: binding and closing leaves the file, with no listener.
        try (var ch = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            ch.bind(java.net.UnixDomainSocketAddress.of(stale));
        }
        assertThat(Files.exists(stale)).isTrue();
        try (DockerJavaEngine engine = engineAt(Map.of("DOCKER_HOST", "unix://" + stale))) {
            Discovery d = engine.discover();
            assertThat(d.available()).isFalse();
            assertThat(d.attempts()).singleElement().satisfies(a -> assertThat(a.verdict()).startsWith("connection refused"));
            assertThat(d.problem()).startsWith("Docker is not reachable at unix://" + stale + " (from DOCKER_HOST): connection refused");
        }
    }

    @Test
    void withNothingConfiguredTheReportListsEveryPlaceAndSaysHowToStartDocker() {
        // Every well-known place under an empty home; /var/run/docker.sock (the first) is left out because it exists here.
        var all = new EngineLocator(new EngineLocator.Env(Map.of(), dir.resolve("home"), "Mac OS X")).candidates();
        try (DockerJavaEngine engine = new DockerJavaEngine(() -> all.subList(1, all.size()))) {
            Discovery d = engine.discover();
            assertThat(d.available()).isFalse();
            assertThat(d.attempts()).hasSizeGreaterThan(4).allSatisfy(a -> assertThat(a.verdict()).startsWith("no socket at"));
            assertThat(d.problem()).startsWith("Docker is not running: no engine answered at any of the " + d.attempts().size() + " places");
            assertThat(d.fix()).contains("start Docker Desktop").contains("sudo systemctl start docker").contains("DOCKER_HOST");
        }
    }

    @Test
    void dockerKindsThrowEnvironmentUnavailableWhenNoEngineAnswers() throws Exception {
        String fence = "```";
        LabFixture lab = LabFixture.write(dir.resolve("pack"), "id: me\ntitle: t\nversion: '1'\n", String.join("\n",
                "---", "id: l", "title: L", "---", "## S",
                fence + "lab:docker-build", "id: build", "tag: web:1", fence,
                fence + "lab:docker-run", "id: run", "image: web:1", "name: web", fence,
                fence + "lab:check", "- id: img", "  docker.image: web:1", "- id: ctr", "  docker.container: web", fence, ""));
        Files.writeString(lab.workspace().resolve("Dockerfile"), "FROM scratch\n");
        try (DockerJavaEngine engine = engineAt(Map.of("DOCKER_HOST", "unix://" + dir.resolve("nothing.sock")))) {
            lab.withService(DockerEngine.class, engine);
            for (String id : new String[] {"build", "run"}) {
                var action = lab.action(id);
                assertThatThrownBy(() -> lab.registry().action(action.kind()).orElseThrow().run(action, lab.context(), new RecordingListener()))
                        .as(id).isInstanceOf(EnvironmentUnavailable.class).hasMessageContaining("Docker is not running");
            }
            for (String id : new String[] {"img", "ctr"}) {
                var check = lab.check(id);
                assertThatThrownBy(() -> lab.registry().check(check.kind()).orElseThrow().evaluate(check, lab.context()))
                        .as(id).isInstanceOf(EnvironmentUnavailable.class);
            }
        } finally {
            lab.close();
        }
    }
}
