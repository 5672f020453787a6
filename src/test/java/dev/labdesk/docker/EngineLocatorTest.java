package dev.labdesk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLocatorTest {

    @TempDir
    Path home;

    private List<EngineLocator.Candidate> candidates(Map<String, String> env, String os) {
        return new EngineLocator(new EngineLocator.Env(env, home, os)).candidates();
    }

    @Test
    void dockerHostWinsAndIsTheOnlyCandidate() throws IOException {
        writeContext("desktop-linux", "unix:///somewhere/else.sock");
        List<EngineLocator.Candidate> c = candidates(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375", "DOCKER_CONTEXT", "desktop-linux"), "Linux");
        assertThat(c).singleElement().satisfies(x -> {
            assertThat(x.uri()).isEqualTo("tcp://127.0.0.1:2375");
            assertThat(x.source()).isEqualTo("DOCKER_HOST");
            assertThat(x.explicit()).isTrue();
            assertThat(x.certPath()).isNull();
        });
    }

    @Test
    void dockerHostWithTlsVerifyUsesTheCertPath() {
        List<EngineLocator.Candidate> c = candidates(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2376", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", "/certs"), "Linux");
        assertThat(c.get(0).certPath()).isEqualTo("/certs");
    }

    @Test
    void currentContextInConfigJsonIsReadFromItsHashedMetaFolder() throws IOException {
        writeContext("colima", "unix:///Users/me/.colima/default/docker.sock");
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{},\"currentContext\":\"colima\"}");
        List<EngineLocator.Candidate> c = candidates(Map.of(), "Mac OS X");
        assertThat(c).singleElement().satisfies(x -> {
            assertThat(x.uri()).isEqualTo("unix:///Users/me/.colima/default/docker.sock");
            assertThat(x.source()).contains("current context").contains("colima");
            assertThat(x.explicit()).isTrue();
        });
    }

    @Test
    void dockerContextVariableBeatsConfigJson() throws IOException {
        writeContext("a", "unix:///a.sock");
        writeContext("b", "unix:///b.sock");
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"a\"}");
        assertThat(candidates(Map.of("DOCKER_CONTEXT", "b"), "Linux").get(0).uri()).isEqualTo("unix:///b.sock");
    }

    @Test
    void aMissingContextIsReportedWithTheFix() throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"gone\"}");
        EngineLocator.Candidate c = candidates(Map.of(), "Linux").get(0);
        assertThat(c.uri()).isNull();
        assertThat(c.problem()).contains("context 'gone' does not exist");
        assertThat(c.fix()).contains("docker context use");
    }

    @Test
    void theDefaultContextFallsThroughToTheWellKnownSockets() throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"default\"}");
        List<String> uris = candidates(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), "Linux").stream()
                .map(EngineLocator.Candidate::uri).toList();
        assertThat(uris).first().isEqualTo("unix:///var/run/docker.sock");
        assertThat(uris).contains("unix:///run/user/1000/docker.sock",
                "unix://" + home.resolve(".docker/run/docker.sock"),
                "unix://" + home.resolve(".docker/desktop/docker.sock"),
                "unix://" + home.resolve(".rd/docker.sock"),
                "unix://" + home.resolve(".colima/default/docker.sock"),
                "unix://" + home.resolve(".orbstack/run/docker.sock"));
    }

    @Test
    void windowsLooksAtNamedPipes() {
        assertThat(candidates(Map.of(), "Windows 11").stream().map(EngineLocator.Candidate::uri))
                .containsExactly("npipe:////./pipe/docker_engine", "npipe:////./pipe/dockerDesktopLinuxEngine");
    }

    @Test
    void aBrokenConfigJsonIsIgnoredLikeTheDefaultContext() throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{ not json");
        assertThat(candidates(Map.of(), "Linux").get(0).uri()).isEqualTo("unix:///var/run/docker.sock");
    }

    @Test
    void aPlainPathInDockerHostMeansAUnixSocket() {
        assertThat(candidates(Map.of("DOCKER_HOST", "/tmp/d.sock"), "Linux").get(0).uri()).isEqualTo("unix:///tmp/d.sock");
    }

    private void writeContext(String name, String host) throws IOException {
        Path meta = home.resolve(".docker/contexts/meta").resolve(EngineLocator.sha256(name));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
                + host + "\",\"SkipTLSVerify\":false}}}");
    }
}
