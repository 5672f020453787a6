package dev.labdesk.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.pack.Block;
import dev.labdesk.session.LabSession;
import dev.labdesk.task.TaskExecutor;
import dev.labdesk.testing.TestPacks;
import dev.labdesk.testing.TestServer;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionRunnerTest {

    @TempDir
    Path dir;

    private final TaskExecutor pool = TaskExecutor.pool("test");
    private final TestServer server = TestServer.start();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<ActionEvent> events = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void close() {
        release.countDown();
        server.close();
        pool.close();
    }

    private TestPacks.Fixture lab(String block) {
        return TestPacks.lab(dir, block.replace("BASE", server.url("")));
    }

    private ActionResult run(TestPacks.Fixture f, boolean trusted) throws InterruptedException {
        return new ActionRunner(TestPacks.registry(), pool).run(f.lab().actions().get(0), f.context(trusted), events::add);
    }

    private List<String> logs() {
        return events.stream().filter(ActionEvent.Log.class::isInstance).map(e -> ((ActionEvent.Log) e).line()).toList();
    }

    private List<ActionEvent.State> states() {
        return events.stream().filter(ActionEvent.Status.class::isInstance).map(e -> ((ActionEvent.Status) e).state()).toList();
    }

    @Test
    void httpActionSendsOneRequestAndShowsTheResponse() throws Exception {
        server.route("/predict", 200, "application/json", "{\"price\":287.5,\"unit\":\"kEUR\"}");
        TestPacks.Fixture f = lab("""
                ```lab:http
                id: predict
                method: POST
                url: BASE/predict
                headers: {Authorization: Bearer sk-secret}
                json: {area_m2: 80}
                ```
                """);
        ActionResult r = run(f, false);
        assertThat(r.ok()).isTrue();
        assertThat(r.outcome().message()).isEqualTo("HTTP 200 from POST " + server.url("/predict"));
        assertThat(r.outcome().outputs()).containsEntry("status", "200").containsEntry("contentType", "application/json");
        assertThat(server.seen().get(0).body()).isEqualTo("{\"area_m2\":80}");
        assertThat(states()).containsExactly(ActionEvent.State.RUNNING, ActionEvent.State.OK);
        assertThat(logs()).contains("> POST " + server.url("/predict"), "> Authorization: [REDACTED]", "  \"price\" : 287.5,");
        assertThat(logs()).anyMatch(l -> l.startsWith("< HTTP 200 ("));
        assertThat(String.join("\n", logs())).doesNotContain("sk-secret");
        assertThat(events.get(0).actionId()).isEqualTo("predict");
    }

    @Test
    void httpActionFailsWhenNothingAnswers() throws Exception {
        int port = TestServer.freePort();
        TestPacks.Fixture f = TestPacks.lab(dir, "```lab:http\nurl: http://127.0.0.1:" + port + "/\n```\n");
        ActionResult r = run(f, false);
        assertThat(r.outcome().status()).isEqualTo(ActionOutcome.Status.FAILED);
        assertThat(r.outcome().message()).isEqualTo("nothing answers at 127.0.0.1:" + port + " (connection refused)");
        assertThat(r.id()).isEqualTo("http-1");
        assertThat(states()).containsExactly(ActionEvent.State.RUNNING, ActionEvent.State.FAILED);
    }

    @Test
    void cancellingAnActionEndsItPromptlyAsCancelled() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("/slow", ex -> {
            arrived.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        TestPacks.Fixture f = lab("```lab:http\nurl: BASE/slow\ntimeout: 60s\n```\n");
        ActionHandle handle = new ActionRunner(TestPacks.registry(), pool).start(f.lab().actions().get(0), f.context(false), events::add);
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        ActionResult r = handle.await();
        assertThat(r.outcome().status()).isEqualTo(ActionOutcome.Status.CANCELLED);
        assertThat(r.elapsedMs()).isLessThan(60_000);
        assertThat(states()).endsWith(ActionEvent.State.CANCELLED);
    }

    @Test
    void shellIsRefusedOnAnUntrustedPack() throws Exception {
        TestPacks.Fixture f = lab("```lab:shell\nrun: touch made-by-shell.txt\n```\n");
        ActionResult r = run(f, false);
        assertThat(r.refused()).isTrue();
        assertThat(r.outcome().message()).isEqualTo("not run: the pack is not trusted: if you wrote it or trust its author,"
                + " trust it with 'labdesk trust " + f.pack().root() + "' (or run with --trust)");
        assertThat(f.workspace().resolve("made-by-shell.txt")).doesNotExist();
        assertThat(states()).containsExactly(ActionEvent.State.ERROR);
    }

    @Test
    void shellStreamsItsOutputAndReportsTheExitCode() throws Exception {
        TestPacks.Fixture f = lab("""
                ```lab:shell
                id: build
                run: echo one; echo "$GREETING" >&2; exit 3
                env: {GREETING: two}
                ```
                """);
        ActionResult r = run(f, true);
        assertThat(r.outcome().status()).isEqualTo(ActionOutcome.Status.FAILED);
        assertThat(r.outcome().message()).isEqualTo("exited with 3");
        assertThat(logs()).containsExactly("$ echo one; echo \"$GREETING\" >&2; exit 3", "one", "two");
    }

    @Test
    void shellThatOutlivesItsTimeoutIsStopped() throws Exception {
        TestPacks.Fixture f = lab("```lab:shell\nrun: echo started; sleep 60\ntimeout: 500ms\n```\n");
        ActionResult r = run(f, true);
        assertThat(r.outcome().status()).isEqualTo(ActionOutcome.Status.FAILED);
        assertThat(r.outcome().message()).startsWith("still running after 500ms, so it was stopped");
        assertThat(r.elapsedMs()).isLessThan(30_000);
    }

    @Test
    void backgroundServerIsWaitedForAndStoppedWithTheSession() throws Exception {
        int port = TestServer.freePort();
        TestPacks.Fixture f = lab("""
                ```lab:shell
                id: serve
                run: java Server.java %d
                background: true
                waitFor: {http: "http://127.0.0.1:%d/health", timeout: 60s}
                ```
                """.formatted(port, port));
        copyServer(f.workspace());
        try (LabSession session = new LabSession(TestPacks.registry(), pool, f.pack(), f.lab(), f.workspace(), true)) {
            ActionResult r = session.run(f.lab().actions().get(0), events::add);
            assertThat(r.ok()).as(r.outcome().message() + "\n" + logs()).isTrue();
            assertThat(r.outcome().message()).contains("running in the background");
            assertThat(logs()).contains("ready: http://127.0.0.1:" + port + "/health answers HTTP 200");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("{\"status\": \"ok\"}");
        }
        try (Socket s = new Socket()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.connect(new InetSocketAddress("127.0.0.1", port), 1000))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void backgroundCommandThatDiesAtOnceFailsWithItsOutput() throws Exception {
        TestPacks.Fixture f = lab("```lab:shell\nrun: echo cannot bind; exit 4\nbackground: true\n```\n");
        ActionResult r = run(f, true);
        assertThat(r.outcome().status()).isEqualTo(ActionOutcome.Status.FAILED);
        assertThat(r.outcome().message()).isEqualTo("exited with 4 right after it started");
        assertThat(logs()).contains("cannot bind");
    }

    @Test
    void anUnknownActionKindIsRefused() throws Exception {
        TestPacks.Fixture f = lab("```lab:docker-build\ntag: app:1\n```\n");
        Block.Action action = f.lab().actions().get(0);
        ActionResult r = run(f, true);
        assertThat(r.refused()).isTrue();
        assertThat(r.outcome().message()).startsWith("there is no action kind 'lab:docker-build'");
        assertThat(action.id()).isEqualTo("docker-build-1");
    }

    static void copyServer(Path workspace) throws Exception {
        try (InputStream in = ActionRunnerTest.class.getResourceAsStream("/servers/Server.java")) {
            Files.writeString(workspace.resolve("Server.java"), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
