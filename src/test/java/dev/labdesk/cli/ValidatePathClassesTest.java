package dev.labdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code labdesk validate} starts a fresh JVM for every call, so what it loads is what it costs:
 * it must not load JavaFX or docker-java, whatever plugins are installed.
 */
class ValidatePathClassesTest {

    @TempDir
    Path home;

    @Test
    void validatingAPackLoadsNeitherJavaFxNorDockerJava() throws IOException, InterruptedException {
        Path log = home.resolve("classes.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), "dev.labdesk.Main", "validate", "docs/example-pack")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("out.txt").toFile());
        pb.environment().put("LABDESK_HOME", home.resolve("home").toString());
        Process process = pb.start();

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("validate finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(home.resolve("out.txt"))).isZero();
        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).as("the log records this run's classes").anyMatch(l -> l.contains(" dev.labdesk.validate.Validator "));
        List<String> heavy = loaded.stream()
                .filter(l -> l.contains(" javafx.") || l.contains(" com.github.dockerjava.") || l.contains(" atlantafx."))
                .toList();
        assertThat(heavy).as("classes a validate run should never load").isEmpty();
    }
}
