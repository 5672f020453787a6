package dev.labdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.labdesk.testing.TestPacks;
import dev.labdesk.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dir;

    private final TestServer server = TestServer.start();
    private Path root;

    @BeforeEach
    void setUp() {
        System.setProperty("labdesk.home", dir.resolve("home").toString());
        server.route("/hello", 200, "application/json", "{\"hello\":\"world\"}");
        root = dir.resolve("pack");
        TestPacks.write(root.resolve("pack.yaml"), "id: act\ntitle: Actions\nversion: \"1\"\n");
        TestPacks.write(root.resolve("01-a.md"), """
                ---
                id: a
                title: Actions
                requires: [shell]
                ---

                ## Call

                ```lab:http
                id: hello
                url: %s
                ```

                ```lab:shell
                id: write-file
                run: echo written > out.txt
                ```
                """.formatted(server.url("/hello")));
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("labdesk.home");
        server.close();
    }

    @Test
    void runStreamsEachActionAndItsResponse() {
        CliRun r = CliRun.run("run", root.toString(), "--lab", "a", "--action", "hello");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("==> hello  send one HTTP request and show the response")
                .contains("    > GET " + server.url("/hello"))
                .contains("    < HTTP 200")
                .contains("      \"hello\" : \"world\"")
                .contains("OK        hello  HTTP 200 from GET")
                .contains("1 action: 1 succeeded");
    }

    @Test
    void runRefusesShellOnAnUntrustedPackAndRunsItWhenTrusted() {
        CliRun untrusted = CliRun.run("run", root.toString());
        assertThat(untrusted.code()).isEqualTo(ExitCode.FAILED);
        assertThat(untrusted.out()).contains("NOT RUN   write-file  not run: the pack is not trusted");
        assertThat(dir.resolve("home/workspaces/act/a/out.txt")).doesNotExist();

        CliRun trusted = CliRun.run("run", root.toString(), "--trust", "--json");
        assertThat(trusted.code()).as(trusted.toString()).isEqualTo(ExitCode.OK);
        assertThat(dir.resolve("home/workspaces/act/a/out.txt")).hasContent("written");
    }

    @Test
    void jsonHoldsEachActionsLog() throws Exception {
        CliRun r = CliRun.run("run", root.toString(), "--action", "hello", "--json");
        JsonNode action = Json.mapper().readTree(r.out()).get("actions").get(0);
        assertThat(action.get("status").asText()).isEqualTo("OK");
        assertThat(action.get("outputs").get("status").asText()).isEqualTo("200");
        assertThat(action.get("log").toString()).contains("< HTTP 200");
    }

    @Test
    void anUnknownActionIsAUsageError() {
        CliRun r = CliRun.run("run", root.toString(), "--action", "nope");
        assertThat(r.code()).isEqualTo(ExitCode.INVALID);
        assertThat(r.err()).contains("lab act/a has no action 'nope'; actions: hello, write-file");
    }
}
