package dev.labdesk.cli;

import dev.labdesk.action.ActionEvent;
import dev.labdesk.action.ActionResult;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Collects action events (the last lines of each action's log) and, when live, prints them as they come. */
final class ActionOutput implements Consumer<ActionEvent> {

    static final int KEEP_LINES = 200;

    private final PrintWriter live;
    private final Map<String, Deque<String>> logs = new ConcurrentHashMap<>();

    /** @param live where to print events as they arrive, or null to only collect them */
    ActionOutput(PrintWriter live) {
        this.live = live;
    }

    @Override
    public void accept(ActionEvent event) {
        if (event instanceof ActionEvent.Log log) {
            Deque<String> lines = logs.computeIfAbsent(log.actionId(), k -> new ArrayDeque<>());
            synchronized (lines) {
                lines.addLast(log.line());
                if (lines.size() > KEEP_LINES) {
                    lines.removeFirst();
                }
            }
            if (live != null) {
                synchronized (live) {
                    live.println("    " + log.line());
                    live.flush();
                }
            }
        } else if (event instanceof ActionEvent.Status status && live != null && status.state() == ActionEvent.State.RUNNING) {
            synchronized (live) {
                live.println("==> " + status.actionId() + "  " + status.message());
                live.flush();
            }
        }
    }

    List<String> log(String actionId) {
        Deque<String> lines = logs.get(actionId);
        if (lines == null) {
            return List.of();
        }
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    static String line(ActionResult r) {
        return String.format("%-9s %s  %s", r.refused() ? "NOT RUN" : r.outcome().status().name(), r.id(), r.outcome().message());
    }

    Map<String, Object> json(ActionResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("kind", "lab:" + r.kind());
        m.put("status", r.refused() ? "NOT_RUN" : r.outcome().status().name());
        m.put("message", r.outcome().message());
        m.put("outputs", r.outcome().outputs());
        m.put("elapsedMs", r.elapsedMs());
        m.put("log", log(r.id()));
        return m;
    }

    JUnitXml.Case junit(String classname, ActionResult r) {
        String name = "action " + r.id() + " (lab:" + r.kind() + ")";
        double secs = r.elapsedMs() / 1000.0;
        if (r.ok()) {
            return new JUnitXml.Case(classname, name, secs, JUnitXml.Kind.PASSED, null, null);
        }
        if (r.refused()) {
            return new JUnitXml.Case(classname, name, secs, JUnitXml.Kind.SKIPPED, r.outcome().message(), null);
        }
        List<String> log = log(r.id());
        String tail = String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size()));
        JUnitXml.Kind kind = r.outcome().status() == dev.labdesk.kind.ActionOutcome.Status.FAILED ? JUnitXml.Kind.FAILURE : JUnitXml.Kind.ERROR;
        return new JUnitXml.Case(classname, name, secs, kind, r.outcome().message(), tail);
    }
}
