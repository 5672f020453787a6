package dev.labdesk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.CheckStatus;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.testing.LabFixture;
import dev.labdesk.testing.RecordingListener;
import dev.labdesk.testing.RequiresDocker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Docker path against the real engine: build a FROM-scratch busybox httpd image through
 * lab:docker-build, run it with lab:docker-run on 127.0.0.1, reach it over HTTP, run every
 * docker.image and docker.container expectation passing and failing, stop, clean up, and prove
 * nothing labelled with this run's lab is left.
 */
@RequiresDocker
class DockerLabIntegrationTest {

    @TempDir
    Path dir;

    private String run;
    private String labKey;
    private String web;
    private String child;
    private String container;
    private int port;
    private LabFixture lab;
    private DockerEngine engine;

    @BeforeEach
    void writeLab() throws IOException {
        run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        labKey = "it-" + run + "/web";
        web = "labdesk-it/" + run + "-web:1";
        child = "labdesk-it/" + run + "-child:1";
        container = "labdesk-it-" + run + "-web";
        port = freePort();
        lab = LabFixture.write(dir.resolve("pack"), packYaml(), labMarkdown());
        engine = lab.registry().service(DockerEngine.class);
        Path app = Files.createDirectories(lab.workspace().resolve("app/www"));
        Files.copy(Path.of("/usr/bin/busybox"), app.getParent().resolve("busybox"));
        Files.writeString(app.resolve("index.html"), "hello from labdesk " + run + "\n");
        Files.writeString(app.getParent().resolve("Dockerfile"), String.join("\n",
                "FROM scratch",
                "COPY busybox /bin/busybox",
                "COPY www /www",
                "LABEL course=labdesk version=1.0",
                "ENV GREETING=hello",
                "WORKDIR /www",
                "EXPOSE 8080",
                "HEALTHCHECK --interval=1s --timeout=2s --retries=3 CMD [\"/bin/busybox\", \"wget\", \"-q\", \"-O\", \"/dev/null\", \"http://127.0.0.1:8080/\"]",
                "ENTRYPOINT [\"/bin/busybox\"]",
                "CMD [\"sh\", \"-c\", \"echo web server starting on 8080; exec /bin/busybox httpd -f -v -p 8080 -h /www\"]",
                ""));
        Path childDir = Files.createDirectories(lab.workspace().resolve("child"));
        Files.writeString(childDir.resolve("extra.txt"), "extra\n");
        Files.writeString(childDir.resolve("Dockerfile"), "FROM " + web + "\nCOPY extra.txt /www/extra.txt\n");
    }

    @AfterEach
    void cleanUp() {
        try {
            engine.container(container + "-foreign").ifPresent(c -> engine.removeContainer(c.id()));
            ActionOutcome cleaned = DockerCleanupAction.cleanup(engine, labKey, new RecordingListener());
            assertThat(cleaned.status()).as(cleaned.message()).isEqualTo(ActionOutcome.Status.OK);
            assertThat(engine.containersLabelled(DockerEngine.LAB_LABEL, labKey)).as("containers left").isEmpty();
            assertThat(engine.imagesLabelled(DockerEngine.LAB_LABEL, labKey)).as("images left").isEmpty();
        } finally {
            lab.close();
        }
    }

    @Test
    void buildsRunsChecksStopsAndCleansUpALab() throws Exception {
        // Build: the log streams line by line with step progress; the image carries the lab label.
        RecordingListener buildLog = new RecordingListener();
        ActionOutcome built = runAction("build", buildLog);
        assertThat(built.status()).as(built.message()).isEqualTo(ActionOutcome.Status.OK);
        assertThat(built.message()).startsWith("Built " + web);
        assertThat(buildLog.lines()).anyMatch(l -> l.matches("Step 1/\\d+ : FROM scratch"));
        assertThat(buildLog.progress()).anyMatch(p -> p.startsWith("Step 2/"));
        assertThat(buildLog.fractions()).isSorted().last().isEqualTo(1.0);
        assertThat(engine.image(web)).get().satisfies(i -> assertThat(i.labels()).containsEntry(DockerEngine.LAB_LABEL, labKey));
        ActionOutcome builtChild = runAction("build-child", new RecordingListener());
        assertThat(builtChild.status()).as(builtChild.message()).isEqualTo(ActionOutcome.Status.OK);

        // Run: published on 127.0.0.1 only, waits until it answers, and answers over HTTP.
        RecordingListener runLog = new RecordingListener();
        ActionOutcome started = runAction("run", runLog);
        assertThat(started.status()).as(started.message()).isEqualTo(ActionOutcome.Status.OK);
        assertThat(started.outputs()).containsEntry("url", "http://127.0.0.1:" + port);
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("hello from labdesk " + run + "\n");
        ContainerInfo info = engine.container(container).orElseThrow();
        assertThat(info.ports()).containsExactly(new ContainerInfo.PortMapping(8080, "tcp", "127.0.0.1", port));
        assertThat(info.labels()).containsEntry(DockerEngine.LAB_LABEL, labKey);

        // Running it again replaces this lab's previous container.
        RecordingListener again = new RecordingListener();
        assertThat(runAction("run", again).status()).isEqualTo(ActionOutcome.Status.OK);
        assertThat(again.lines()).anyMatch(l -> l.startsWith("Replacing this lab's previous container '" + container + "'"));
        assertThat(engine.container(container).orElseThrow().id()).isNotEqualTo(info.id());

        // A one-shot container that fails reports its exit code and log.
        ActionOutcome job = runAction("job", new RecordingListener());
        assertThat(job.status()).isEqualTo(ActionOutcome.Status.FAILED);
        assertThat(job.message()).contains("exit code 3").contains("job output line");

        imageChecksPassAndFailWithExpectedAndActual();
        containerChecksPassAndFailWithExpectedAndActual();

        // Stop removes the container; cleanup removes the images (child before parent).
        ActionOutcome stopped = runAction("stop", new RecordingListener());
        assertThat(stopped.status()).as(stopped.message()).isEqualTo(ActionOutcome.Status.OK);
        assertThat(stopped.message()).isEqualTo("Stopped and removed '" + container + "'");
        assertThat(engine.container(container)).isEmpty();
        ActionOutcome cleaned = runAction("cleanup", new RecordingListener());
        assertThat(cleaned.status()).as(cleaned.message()).isEqualTo(ActionOutcome.Status.OK);
        assertThat(cleaned.message()).isEqualTo("Removed 1 container and 2 images of lab " + labKey);
        assertThat(engine.containersLabelled(DockerEngine.LAB_LABEL, labKey)).isEmpty();
        assertThat(engine.imagesLabelled(DockerEngine.LAB_LABEL, labKey)).isEmpty();
        assertThat(engine.image(web)).isEmpty();
        assertThat(engine.image(child)).isEmpty();
    }

    private void imageChecksPassAndFailWithExpectedAndActual() throws Exception {
        CheckOutcome good = check("image-good");
        assertThat(good.status()).as(good.expected() + " / " + good.actual()).isEqualTo(CheckStatus.PASS);
        assertThat(good.expected()).contains("label course = \"labdesk\"", "exposes 8080/tcp", "entrypoint [\"/bin/busybox\"]",
                "env GREETING = \"hello\"", "workdir /www", "size at most 5MB");

        CheckOutcome bad = check("image-bad");
        assertThat(bad.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(bad.expected()).isEqualTo(String.join("; ",
                "label course = \"other\"", "label version matches /^2\\./", "label missing.label = \"x\"",
                "env GREETING = \"bye\"", "exposes 5000/tcp", "entrypoint [\"/bin/sh\"]", "cmd [\"python3\", \"app.py\"]",
                "workdir /app", "user nobody", "size at most 1kB", "built from " + child));
        assertThat(bad.actual()).startsWith("label course = \"labdesk\"; label version = \"1.0\"; label missing.label is missing; ")
                .contains("env GREETING = \"hello\"", "exposes 8080/tcp", "entrypoint [\"/bin/busybox\"]", "workdir /www", "user (not set)")
                .contains("not built from " + child);
        assertThat(bad.actual()).containsPattern("size \\d(\\.\\d+)?MB");
        assertThat(bad.evidence()).contains("image " + web);

        assertThat(check("child-from-web").status()).isEqualTo(CheckStatus.PASS);
        assertThat(check("absent-image-absent").status()).isEqualTo(CheckStatus.PASS);
        CheckOutcome missing = check("absent-image-exists");
        assertThat(missing.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(missing.actual()).isEqualTo("there is no image labdesk-it/" + run + "-nothing:1 on this Docker engine (build it first)");
        CheckOutcome present = check("web-absent");
        assertThat(present.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(present.expected()).isEqualTo("no image " + web);
    }

    private void containerChecksPassAndFailWithExpectedAndActual() throws Exception {
        assertThat(eventuallyPasses("container-good", Duration.ofSeconds(30)))
                .as("the HEALTHCHECK turns healthy and every expectation holds").isTrue();
        CheckOutcome good = check("container-good");
        assertThat(good.expected()).isEqualTo(String.join("; ", "running", "healthy", "status running",
                "port 8080/tcp published on host port " + port, "restart count = 0",
                "log contains 'web server starting'", "log matches /starting on \\d+/"));

        CheckOutcome bad = check("container-bad");
        assertThat(bad.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(bad.expected()).isEqualTo(String.join("; ", "not running", "not healthy", "status exited",
                "port 8080/tcp published on host port " + (port + 1), "restart count is at least 1", "exited with code 0",
                "log contains 'no such text'", "log matches /^panic/"));
        assertThat(bad.actual().replaceAll("\\(\\d+ lines\\)", "(N lines)")).isEqualTo(String.join("; ", "running", "healthy", "status running",
                "published [127.0.0.1:" + port + "->8080/tcp]", "restart count = 0", "still running",
                "log does not contain 'no such text' (N lines)",
                "no log line matches /^panic/"));
        assertThat(bad.evidence()).contains("web server starting on 8080");

        CheckOutcome jobDone = check("job-exited");
        assertThat(jobDone.status()).as(jobDone.actual()).isEqualTo(CheckStatus.PASS);
        CheckOutcome jobWrong = check("job-wrong-code");
        assertThat(jobWrong.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(jobWrong.expected()).isEqualTo("exited with code 0");
        assertThat(jobWrong.actual()).isEqualTo("exited with code 3");
        CheckOutcome none = check("no-container");
        assertThat(none.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(none.actual()).isEqualTo("there is no container named " + container + "-none");
    }

    @Test
    void refusesToReplaceAContainerThisLabDidNotCreate() throws Exception {
        assertThat(runAction("build", new RecordingListener()).ok()).isTrue();
        engine.create(new RunSpec(web, container + "-foreign", Map.of(DockerEngine.LAB_LABEL, "it-" + run + "/other"),
                List.of(), Map.of(), null, true));
        ActionOutcome refused = runAction("run-foreign", new RecordingListener());
        assertThat(refused.status()).isEqualTo(ActionOutcome.Status.FAILED);
        assertThat(refused.message()).contains("already exists and LabDesk did not create it for this lab")
                .contains("it belongs to lab it-" + run + "/other")
                .contains("`docker rm -f " + container + "-foreign`");
        ActionOutcome stop = runAction("stop-foreign", new RecordingListener());
        assertThat(stop.status()).isEqualTo(ActionOutcome.Status.FAILED);
        assertThat(engine.container(container + "-foreign")).as("left alone").isPresent();
    }

    @Test
    void aTakenPortFailsTheRunWithTheFixAndLeavesNoContainer() throws Exception {
        assertThat(runAction("build", new RecordingListener()).ok()).isTrue();
        try (ServerSocket taken = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            ActionOutcome r = runAction("run", new RecordingListener());
            assertThat(r.status()).isEqualTo(ActionOutcome.Status.FAILED);
            assertThat(r.message()).contains("Port " + port + " on 127.0.0.1 is already in use");
        }
        assertThat(engine.container(container)).isEmpty();
    }

    private boolean eventuallyPasses(String id, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (check(id).passed()) {
                return true;
            }
            Thread.sleep(250); // polling the engine's health state; there is no event to wait on here
        }
        return false;
    }

    private ActionOutcome runAction(String id, RecordingListener events) throws Exception {
        var action = lab.action(id);
        return lab.registry().action(action.kind()).orElseThrow().run(action, lab.context(), events);
    }

    private CheckOutcome check(String id) throws Exception {
        CheckSpec spec = lab.check(id);
        KindContext ctx = lab.context();
        return lab.registry().check(spec.kind()).orElseThrow().evaluate(spec, ctx);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private String packYaml() {
        return "id: it-" + run + "\ntitle: Docker integration\nversion: '1'\nrequires: [docker]\n";
    }

    private String labMarkdown() {
        String fence = "```";
        return String.join("\n",
                "---",
                "id: web",
                "title: Web server in a container",
                "requires: [docker]",
                "---",
                "## Build",
                fence + "lab:docker-build",
                "id: build",
                "context: app",
                "tag: " + web,
                "noCache: true",
                fence,
                fence + "lab:docker-build",
                "id: build-child",
                "context: child",
                "tag: " + child,
                fence,
                "## Run",
                fence + "lab:docker-run",
                "id: run",
                "image: " + web,
                "name: " + container,
                "ports: [\"" + port + ":8080\"]",
                "env: {GREETING: hi}",
                "waitFor: {http: \"http://127.0.0.1:" + port + "/\", timeout: 30s}",
                fence,
                fence + "lab:docker-run",
                "id: job",
                "image: " + web,
                "name: " + container + "-job",
                "command: [\"sh\", \"-c\", \"echo job output line; exit 3\"]",
                fence,
                fence + "lab:docker-run",
                "id: run-foreign",
                "image: " + web,
                "name: " + container + "-foreign",
                fence,
                fence + "lab:docker-stop",
                "id: stop-foreign",
                "name: " + container + "-foreign",
                fence,
                "## Check",
                fence + "lab:check",
                "- id: image-good",
                "  docker.image: " + web,
                "  expect:",
                "    labels: {course: labdesk, version: {regex: '^1\\.'}, dev.labdesk.lab: {exists: true}}",
                "    env: {GREETING: hello}",
                "    exposedPorts: [8080]",
                "    entrypoint: [/bin/busybox]",
                "    cmd: [sh, -c, 'echo web server starting on 8080; exec /bin/busybox httpd -f -v -p 8080 -h /www']",
                "    workdir: /www",
                "    maxSize: 5MB",
                "- id: image-bad",
                "  docker.image: " + web,
                "  expect:",
                "    labels: {course: other, version: {regex: '^2\\.'}, missing.label: x}",
                "    env: {GREETING: bye}",
                "    exposedPorts: [\"5000/tcp\"]",
                "    entrypoint: [/bin/sh]",
                "    cmd: [python3, app.py]",
                "    workdir: /app",
                "    user: nobody",
                "    maxSize: 1kB",
                "    base: " + child,
                "- id: child-from-web",
                "  docker.image: " + child,
                "  expect: {base: " + web + "}",
                "- id: absent-image-absent",
                "  docker.image: labdesk-it/" + run + "-nothing:1",
                "  expect: {exists: false}",
                "- id: absent-image-exists",
                "  docker.image: labdesk-it/" + run + "-nothing:1",
                "- id: web-absent",
                "  docker.image: " + web,
                "  expect: {exists: false}",
                "- id: container-good",
                "  docker.container: " + container,
                "  expect:",
                "    running: true",
                "    healthy: true",
                "    status: running",
                "    ports: [\"" + port + ":8080\"]",
                "    restartCount: 0",
                "    logs: {text: web server starting, regex: 'starting on \\d+'}",
                "- id: container-bad",
                "  docker.container: " + container,
                "  expect:",
                "    running: false",
                "    healthy: false",
                "    status: exited",
                "    ports: [\"" + (port + 1) + ":8080\"]",
                "    restartCount: {min: 1}",
                "    logs: {text: no such text, regex: '^panic'}",
                "    exitCode: 0",
                "- id: job-exited",
                "  docker.container: " + container + "-job",
                "  expect: {running: false, status: exited, exitCode: 3, logs: {text: job output line}}",
                "- id: job-wrong-code",
                "  docker.container: " + container + "-job",
                "  expect: {exitCode: 0}",
                "- id: no-container",
                "  docker.container: " + container + "-none",
                fence,
                "## Clean up",
                fence + "lab:docker-stop",
                "id: stop",
                "name: " + container,
                fence,
                fence + "lab:docker-cleanup",
                "id: cleanup",
                fence,
                "");
    }
}
