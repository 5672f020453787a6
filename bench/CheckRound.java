import com.sun.net.httpserver.HttpServer;
import dev.labdesk.check.CheckReport;
import dev.labdesk.check.CheckRunner;
import dev.labdesk.kind.Cancellation;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import dev.labdesk.pack.PackLoader;
import dev.labdesk.pack.Problems;
import dev.labdesk.session.SessionContext;
import dev.labdesk.task.TaskExecutor;
import dev.labdesk.validate.ValidationReport;
import dev.labdesk.validate.Validator;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of one round of 10 passing checks (5 on workspace files, 5 HTTP against a server on 127.0.0.1),
 * run the way the app and `labdesk check` run them: CheckRunner on a thread-pool TaskExecutor.
 * Prints the first (cold) round, warm rounds, and `labdesk check` as a fresh process.
 * Usage: java -cp target/labdesk.jar:bench/out CheckRound [warm-rounds] [jar-for-cli-runs]
 * (BENCH_DETAIL=1 prints each check's time in every round.)
 *
 * <p>The JDK's test HTTP server writes headers and body in two segments; without
 * {@code -Dsun.net.httpserver.nodelay=true} Nagle and the client's delayed ACK add ~40 ms to each response,
 * which measures that server, not the check engine. bench/check-round.sh sets it (BENCH_NODELAY=false to see the stall).
 */
public final class CheckRound {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        String jar = args.length > 1 ? args[1] : null;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            byte[] body = "{\"status\": \"ok\", \"version\": \"1.2.0\", \"price\": 287.5, \"items\": [1, 2, 3]}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path dir = Files.createTempDirectory("labdesk-bench-");
        try {
            Path packDir = dir.resolve("pack");
            Path ws = dir.resolve("ws");
            writeFixture(packDir, ws, base);
            KindRegistry registry = KindRegistry.load();
            ValidationReport valid = new Validator(registry).validate(List.of(packDir));
            if (!valid.ok()) {
                valid.problems().forEach(p -> System.err.println(p.format()));
                throw new IllegalStateException("bench pack is invalid");
            }
            Pack pack = PackLoader.load(packDir, new Problems());
            Lab lab = pack.labs().get(0);
            try (TaskExecutor executor = TaskExecutor.pool("bench")) {
                CheckRunner runner = new CheckRunner(registry, executor);
                double first = round(runner, pack, lab, ws, registry);
                for (int i = 0; i < 20; i++) {
                    round(runner, pack, lab, ws, registry);
                }
                double[] warm = new double[rounds];
                for (int i = 0; i < rounds; i++) {
                    warm[i] = round(runner, pack, lab, ws, registry);
                }
                Arrays.sort(warm);
                System.out.printf("check round: %d checks (5 file, 5 http on 127.0.0.1), all passing; test server nodelay=%s%n",
                        lab.checks().size(), System.getProperty("sun.net.httpserver.nodelay", "false"));
                System.out.printf("first round (cold JVM, in-process): %.1f ms%n", first);
                System.out.printf("warm rounds (n=%d): min %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms%n", rounds,
                        warm[0], warm[rounds / 2], warm[(int) Math.ceil(rounds * 0.95) - 1], warm[rounds - 1]);
            }
            if (jar != null) {
                double[] cli = new double[3];
                for (int i = 0; i < cli.length; i++) {
                    cli[i] = cli(jar, packDir, ws, dir);
                }
                Arrays.sort(cli);
                System.out.printf("labdesk check as a new process (n=3): median %.0f ms (min %.0f, max %.0f)%n", cli[1], cli[0], cli[2]);
            }
        } finally {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            delete(dir);
        }
    }

    private static double round(CheckRunner runner, Pack pack, Lab lab, Path ws, KindRegistry registry) {
        SessionContext ctx = new SessionContext(pack, lab, ws, false, new Cancellation(), registry);
        long t0 = System.nanoTime();
        CheckReport report = runner.run(lab.checks(), ctx);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (System.getenv("BENCH_DETAIL") != null) {
            report.results().forEach(r -> System.out.print(r.id() + "=" + r.elapsedMs() + "ms "));
            System.out.println();
        }
        if (!report.allPassed()) {
            report.results().stream().filter(r -> !r.passed())
                    .forEach(r -> System.err.println(r.id() + ": " + r.status() + " " + r.expected() + " / " + r.actual()));
            throw new IllegalStateException("a check did not pass");
        }
        return ms;
    }

    private static double cli(String jar, Path packDir, Path ws, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xss4m", "-jar", jar, "check", packDir.toString(), "--workspace", ws.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("cli.txt").toFile());
        pb.environment().put("LABDESK_HOME", dir.resolve("home").toString());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("labdesk check failed:\n" + Files.readString(dir.resolve("cli.txt")));
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void writeFixture(Path packDir, Path ws, String base) throws Exception {
        Files.createDirectories(packDir);
        Files.createDirectories(ws.resolve("app"));
        Files.writeString(packDir.resolve("pack.yaml"), "id: bench\ntitle: Bench\nversion: \"1\"\n");
        Files.writeString(ws.resolve("app/main.py"), "from flask import Flask\napp = Flask(__name__)\n\n@app.get('/health')\ndef health():\n    return {'status': 'ok'}\n");
        Files.writeString(ws.resolve("Dockerfile"), "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 5000\nCMD [\"python\", \"app/main.py\"]\n");
        Files.writeString(ws.resolve("config.json"), "{\"name\": \"LabDesk\", \"port\": 8080, \"tags\": [\"a\", \"b\"]}\n");
        Files.writeString(ws.resolve("deploy.yaml"), "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3\n");
        Files.writeString(packDir.resolve("01-round.md"), """
                ---
                id: round
                title: Ten checks
                ---

                ## Everything

                ```lab:check
                - id: main
                  file.exists: app/main.py
                - id: route
                  file.contains: app/main.py
                  expect: {text: "@app.get('/health')"}
                - id: dockerfile
                  file.contains: Dockerfile
                  expect: {regex: "^EXPOSE 5000$", absent: "latest"}
                - id: config
                  file.json: config.json
                  expect: {"$.name": LabDesk, "$.port": "8080", "$.tags": {contains: b}}
                - id: deploy
                  file.yaml: deploy.yaml
                  expect: {"$.spec.replicas": {min: 2}}
                - id: health
                  http.get: BASE/health
                - id: health-json
                  http.get: BASE/health
                  expect: {status: 200, json: {"$.status": ok, "$.price": {min: 250, max: 320}}}
                - id: headers
                  http.get: BASE/version
                  expect: {headers: {content-type: {contains: json}}, text: '"version": "1.2.0"'}
                - id: predict
                  http.post: {url: BASE/predict, json: {area_m2: 80}}
                  expect: {json: {"$.items": {length: 3}}}
                - id: regex
                  http.get: BASE/
                  expect: {regex: '"version":\\s*"1\\.'}
                ```
                """.replace("BASE", base));
    }

    private static void delete(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
