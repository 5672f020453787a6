package dev.labdesk.proc;

import dev.labdesk.kind.Cancellation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Runs a command line the way a terminal would ({@code sh -c}, or {@code cmd /c} on Windows), output merged. */
public final class Shell {

    /** Output kept for evidence and matching; the rest is counted but dropped. */
    public static final int MAX_OUTPUT = 256 * 1024;

    private Shell() {
    }

    public static List<String> commandLine(String line) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        return windows ? List.of("cmd.exe", "/c", line) : List.of("sh", "-c", line);
    }

    /**
     * How a command ended.
     *
     * @param exitCode  -1 when it timed out
     * @param output    stdout and stderr as they interleaved, cut at {@link #MAX_OUTPUT}
     */
    public record Result(int exitCode, String output, boolean timedOut) {
    }

    /**
     * Runs to the end, passing each output line to {@code lines} as it comes.
     *
     * @throws InterruptedException when cancelled; the process and its children are killed first
     * @throws IOException when the command cannot start (no shell, no such folder)
     */
    public static Result run(String line, Path cwd, Map<String, String> env, Duration timeout, Cancellation cancellation,
                             Consumer<String> lines) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(commandLine(line)).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process process = pb.start();
        process.getOutputStream().close();
        cancellation.onCancel(() -> kill(process));
        // The reader blocks on the pipe; the watchdog kills the tree on timeout, which closes the pipe.
        AtomicBoolean timedOut = new AtomicBoolean();
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            if (process.isAlive()) {
                timedOut.set(true); // before the kill, so the reader that sees the pipe close knows why
                kill(process);
            }
        }, CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while ((l = reader.readLine()) != null) {
                if (out.length() < MAX_OUTPUT) {
                    out.append(l, 0, Math.min(l.length(), MAX_OUTPUT - out.length())).append('\n');
                }
                lines.accept(l);
            }
        } catch (IOException e) {
            // the pipe closed because the process was killed: the checks below say why
        } finally {
            watchdog.cancel(false);
        }
        boolean ended = process.waitFor(5, TimeUnit.SECONDS);
        if (cancellation.isCancelled()) {
            kill(process);
            throw new InterruptedException("cancelled");
        }
        if (!ended || timedOut.get()) {
            kill(process);
            return new Result(-1, out.toString(), true);
        }
        return new Result(process.exitValue(), out.toString(), false);
    }

    /** Kills a process and everything it started, children first. */
    public static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The last lines of an output, for evidence. */
    public static String tail(String output, int maxLines) {
        String[] lines = output.stripTrailing().split("\n", -1);
        if (lines.length <= maxLines) {
            return output.stripTrailing();
        }
        return "... (" + (lines.length - maxLines) + " lines before)\n"
                + String.join("\n", List.of(lines).subList(lines.length - maxLines, lines.length));
    }
}
