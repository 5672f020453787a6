package dev.labdesk.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Long-running commands a lab started ({@code lab:shell} with {@code background: true}): a learner's server, say.
 * One per lab and action id (starting it again replaces it). They stop with the lab session, or when LabDesk
 * closes its services; nothing is left running behind the learner's back.
 */
public final class BackgroundProcesses implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BackgroundProcesses.class.getName());

    /** A started command, with the file its output goes to. */
    public record Running(String labKey, String actionId, Process process, Path log) {
        public String outputTail(int lines) {
            try {
                byte[] bytes = Files.readAllBytes(log);
                int from = Math.max(0, bytes.length - 64 * 1024);
                return Shell.tail(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8), lines);
            } catch (IOException e) {
                return "";
            }
        }
    }

    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /** Starts {@code line} in {@code cwd}, replacing what this lab's action started before. */
    public Running start(String labKey, String actionId, String line, Path cwd, Map<String, String> env) throws IOException {
        stop(labKey, actionId);
        Path log = Files.createTempFile("labdesk-" + actionId.replaceAll("[^A-Za-z0-9._-]", "_") + "-", ".log");
        ProcessBuilder pb = new ProcessBuilder(Shell.commandLine(line)).directory(cwd.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            Files.deleteIfExists(log);
            throw e;
        }
        process.getOutputStream().close();
        Running r = new Running(labKey, actionId, process, log);
        running.put(key(labKey, actionId), r);
        return r;
    }

    public List<Running> of(String labKey) {
        return running.values().stream().filter(r -> r.labKey().equals(labKey)).toList();
    }

    public void stop(String labKey, String actionId) {
        Running r = running.remove(key(labKey, actionId));
        if (r != null) {
            end(r);
        }
    }

    /** Stops everything a lab started. */
    public void stopLab(String labKey) {
        for (Running r : new ArrayList<>(of(labKey))) {
            stop(r.labKey(), r.actionId());
        }
    }

    @Override
    public void close() {
        for (Running r : new ArrayList<>(running.values())) {
            stop(r.labKey(), r.actionId());
        }
    }

    private static void end(Running r) {
        Process p = r.process();
        // A polite stop first, so servers flush and release their ports; then force.
        List<ProcessHandle> family = new ArrayList<>(p.descendants().toList());
        family.forEach(ProcessHandle::destroy);
        p.destroy();
        List<CompletableFuture<?>> exits = new ArrayList<>();
        exits.add(p.onExit());
        family.forEach(h -> exits.add(h.onExit()));
        try {
            CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).get(3, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            p.destroyForcibly();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // Children that outlived the shell were re-parented; the list taken above still names them.
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(r.log());
        } catch (IOException e) {
            LOG.fine("could not delete " + r.log() + ": " + e);
        }
    }

    private static String key(String labKey, String actionId) {
        return labKey + "\u0000" + actionId;
    }
}
