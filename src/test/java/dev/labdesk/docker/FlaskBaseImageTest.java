package dev.labdesk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.CheckStatus;
import dev.labdesk.testing.Gates;
import dev.labdesk.testing.LabFixture;
import dev.labdesk.testing.RecordingListener;
import dev.labdesk.testing.RequiresDocker;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline base image made by scripts/build-python-flask-image.sh (CI builds it) carries a
 * learner's Flask app: built FROM it through lab:docker-build, run, answering over HTTP.
 */
@RequiresDocker
class FlaskBaseImageTest {

    static final String BASE = "labdesk/python-flask:bookworm";

    @TempDir
    Path dir;

    @Test
    void aFlaskAppBuiltOnTheOfflineBaseImageAnswers() throws Exception {
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String fence = "```";
        String tag = "labdesk-flask-it/" + run + ":1";
        String name = "labdesk-flask-it-" + run;
        LabFixture lab = LabFixture.write(dir.resolve("pack"), String.join("\n", "id: flask-" + run, "title: Flask", "version: '1'",
                "images:", "  - name: " + BASE, "    build: scripts/build-python-flask-image.sh", ""), String.join("\n",
                "---", "id: hello", "title: Hello Flask", "---", "## Build and run",
                fence + "lab:docker-build", "id: build", "tag: " + tag, fence,
                fence + "lab:docker-run", "id: run", "image: " + tag, "name: " + name, "ports: [\"" + port + ":5000\"]",
                "waitFor: {http: \"http://127.0.0.1:" + port + "/\", timeout: 60s}", fence,
                fence + "lab:check",
                "- id: base", "  docker.image: " + tag, "  expect: {base: " + BASE + ", exposedPorts: [5000], cmd: [python3, app.py]}",
                "- id: logs", "  docker.container: " + name, "  expect: {running: true, logs: {regex: 'Running on http://'}}",
                fence, ""));
        DockerEngine engine = lab.registry().service(DockerEngine.class);
        boolean hadBase = engine.image(BASE).isPresent();
        try {
            Gates.requireForDocker(hadBase,
                    BASE + " is not on this engine: run scripts/build-python-flask-image.sh (CI does)");
            Files.writeString(lab.workspace().resolve("app.py"), String.join("\n",
                    "from flask import Flask", "app = Flask(__name__)", "",
                    "@app.get('/')", "def hello():", "    return 'hello from flask " + run + "'", "",
                    "app.run(host='0.0.0.0', port=5000)", ""));
            Files.writeString(lab.workspace().resolve("Dockerfile"), String.join("\n",
                    "FROM " + BASE, "WORKDIR /app", "COPY app.py .", "EXPOSE 5000", "CMD [\"python3\", \"app.py\"]", ""));
            for (String id : new String[] {"build", "run"}) {
                var action = lab.action(id);
                ActionOutcome r = lab.registry().action(action.kind()).orElseThrow().run(action, lab.context(), new RecordingListener());
                assertThat(r.status()).as(id + ": " + r.message()).isEqualTo(ActionOutcome.Status.OK);
            }
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).isEqualTo("hello from flask " + run);
            for (String id : new String[] {"base", "logs"}) {
                var check = lab.check(id);
                CheckOutcome o = lab.registry().check(check.kind()).orElseThrow().evaluate(check, lab.context());
                assertThat(o.status()).as(id + ": " + o.expected() + " / " + o.actual()).isEqualTo(CheckStatus.PASS);
            }
            assertThat(BaseImages.status(engine, lab.pack(), BaseImages.declared(lab.pack()).get(0)).present()).isTrue();
        } finally {
            DockerCleanupAction.cleanup(engine, lab.context().labKey(), new RecordingListener());
            assertThat(engine.imagesLabelled(DockerEngine.LAB_LABEL, lab.context().labKey())).isEmpty();
            assertThat(engine.image(BASE).isPresent()).as("cleanup leaves the base image").isEqualTo(hadBase);
            lab.close();
        }
    }
}
