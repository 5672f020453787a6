package dev.labdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsTest {

    @TempDir
    Path home;

    @Test
    void theLogFileIsCreatedOnTheFirstRecordNotBefore() throws IOException, InterruptedException {
        Path out = home.resolve("out.txt");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LogsProbe.class.getName())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("LABDESK_HOME", home.resolve("data").toString());
        Process p = pb.start();

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(out);
        assertThat(p.exitValue()).as(printed).isZero();
        assertThat(printed).contains("before false").contains("after ").contains("WARNING dev.labdesk.probe: probe message")
                .doesNotContain("below the level");
        assertThat(home.resolve("data/logs/labdesk0.log")).exists();
    }
}
