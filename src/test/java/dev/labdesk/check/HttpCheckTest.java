package dev.labdesk.check;

import static dev.labdesk.testing.TestPacks.checks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labdesk.kind.CheckStatus;
import dev.labdesk.task.TaskExecutor;
import dev.labdesk.testing.TestPacks;
import dev.labdesk.testing.TestServer;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** http.get and http.post against a real server on 127.0.0.1. */
class HttpCheckTest {

    @TempDir
    Path dir;

    private final TestServer server = TestServer.start();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private CheckReport run(String yaml) {
        TestPacks.Fixture f = TestPacks.lab(dir, checks(yaml.replace("BASE", server.url(""))));
        return new CheckRunner(TestPacks.registry(), TaskExecutor.currentThread()).run(f.lab().checks(), f.context(false));
    }

    private CheckResult only(String yaml) {
        return run(yaml).results().get(0);
    }

    @Test
    void getPassesOnStatusHeadersTextAndJson() {
        server.route("/health", 200, "application/json; charset=utf-8", "{\"status\": \"ok\", \"version\": \"1.2.0\", \"uptime\": 12.5}",
                "X-App", "predict");
        CheckResult r = only("""
                - id: health
                  http.get: BASE/health
                  expect:
                    status: 200
                    headers: {content-type: {contains: application/json}, X-App: predict}
                    text: '"status": "ok"'
                    regex: '"version":\\s*"1\\.'
                    json:
                      "$.status": ok
                      "$.uptime": {type: number, min: 0}
                """);
        assertThat(r.status()).as(r.actual()).isEqualTo(CheckStatus.PASS);
        assertThat(r.evidence()).startsWith("GET " + server.url("/health") + " -> HTTP 200");
    }

    @Test
    void defaultExpectationIsAny2xxAndStatusClassesAndListsWork() {
        server.route("/created", 201, "text/plain", "made");
        server.route("/redirect", 302, null, "", "Location", "/elsewhere");
        CheckReport r = run("""
                - id: default
                  http.get: BASE/created
                - id: listed
                  http.get: BASE/created
                  expect: {status: [200, 201]}
                - id: redirect-not-followed
                  http.get: BASE/redirect
                  expect: {status: 3xx, headers: {location: /elsewhere}}
                """);
        assertThat(r.results()).allSatisfy(x -> assertThat(x.status()).as(x.actual()).isEqualTo(CheckStatus.PASS));
    }

    @Test
    void failureNamesExpectedAndActualForEveryMismatch() {
        server.route("/health", 503, "application/json", "{\"status\": \"down\"}");
        CheckResult r = only("""
                - id: health
                  http.get: BASE/health
                  expect:
                    status: 200
                    json: {"$.status": ok, "$.prediction": {type: number}}
                  hint: Start the app first.
                """);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.expected()).isEqualTo("status 200; $.status = \"ok\"; $.prediction is a number");
        assertThat(r.actual()).isEqualTo("status 503; $.status = \"down\"; $.prediction is missing");
        assertThat(r.hint()).isEqualTo("Start the app first.");
        assertThat(r.evidence()).contains("HTTP 503").contains("{\"status\": \"down\"}");
    }

    @Test
    void typeMismatchReadsWellToALearner() {
        server.route("/predict", 200, "application/json", "{\"prediction\": \"abc\"}");
        CheckResult r = only("""
                - id: predict
                  http.get: BASE/predict
                  expect: {json: {"$.prediction": {type: number}}}
                """);
        assertThat(r.expected()).isEqualTo("$.prediction is a number");
        assertThat(r.actual()).isEqualTo("$.prediction = \"abc\" (a string)");
    }

    @Test
    void aBodyThatIsNotJsonFailsTheJsonExpectations() {
        server.route("/html", 200, "text/html", "<html>oops</html>");
        CheckResult r = only("""
                - id: html
                  http.get: BASE/html
                  expect: {json: {"$.status": ok}}
                """);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.expected()).isEqualTo("the body is JSON");
        assertThat(r.actual()).isEqualTo("the body is not JSON: unexpected character ('<'): expected a value at line 1, column 1");
    }

    @Test
    void postSendsJsonAndHeadersAndChecksTheAnswer() {
        server.route("/predict", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes());
            TestServer.respond(ex, 200, "application/json", "{\"price\": 287.5, \"unit\": \"kEUR\"}");
        });
        CheckResult r = only("""
                - id: predict
                  http.post:
                    url: BASE/predict
                    headers: {X-Api-Key: s3cret, Accept: application/json}
                    json: {area_m2: 80, rooms: 3}
                  expect:
                    status: 200
                    json: {"$.price": {min: 250, max: 320}, "$.unit": kEUR}
                """);
        assertThat(r.status()).as(r.actual()).isEqualTo(CheckStatus.PASS);
        TestServer.Seen seen = server.seen().get(0);
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.body()).isEqualTo("{\"area_m2\":80,\"rooms\":3}");
        assertThat(seen.headers().get("Content-type")).containsExactly("application/json");
        assertThat(seen.headers().get("X-api-key")).containsExactly("s3cret");
        assertThat(r.evidence()).doesNotContain("s3cret");
    }

    @Test
    void secretResponseHeadersAreHiddenInEvidence() {
        server.route("/login", 401, "text/plain", "no", "Set-Cookie", "session=abc123", "X-Auth-Token", "tok-999");
        CheckResult r = only("""
                - id: login
                  http.get: BASE/login
                """);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).contains("set-cookie: [REDACTED]").contains("x-auth-token: [REDACTED]")
                .doesNotContain("abc123").doesNotContain("tok-999");
    }

    @Test
    void secretsEchoedInABodyNeverReachTheResult() {
        server.route("/env", 200, "text/plain", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIbPxRfiCYEXAMPLEKEY\nmode=dev", "X-Mode", "dev");
        CheckResult r = only("""
                - id: env
                  http.get: BASE/env
                  expect: {text: production}
                """);

        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).contains("AWS_SECRET_ACCESS_KEY=[REDACTED]").contains("mode=dev")
                .doesNotContain("wJalrXUtnFEMIbPxRfiCYEXAMPLEKEY");
    }

    @Test
    void nothingListeningIsAFailureThatSaysSo() {
        int port = TestServer.freePort();
        CheckResult r = only("""
                - id: down
                  http.get: http://127.0.0.1:PORT/health
                  expect: {status: 200}
                """.replace("PORT", String.valueOf(port)));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.expected()).isEqualTo("GET http://127.0.0.1:" + port + "/health answers with status 200");
        assertThat(r.actual()).isEqualTo("nothing answers at 127.0.0.1:" + port + " (connection refused)");
    }

    @Test
    void aServerThatNeverAnswersFailsAfterTheCheckTimeout() {
        server.route("/slow", ex -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CheckResult r = only("""
                - id: slow
                  http.get: BASE/slow
                  timeout: 300ms
                """);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.actual()).isEqualTo("no answer from 127.0.0.1:" + server.port() + " within 300ms");
    }
}
