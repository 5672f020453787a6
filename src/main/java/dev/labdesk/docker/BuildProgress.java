package dev.labdesk.docker;

import dev.labdesk.kind.ActionListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the classic builder's output as it streams: passes every line on, turns "Step N/M" into
 * progress, remembers the current step's output (to say which step failed and what it printed)
 * and the intermediate images this build committed (to remove them when it fails).
 */
final class BuildProgress {

    private static final Pattern STEP = Pattern.compile("Step (\\d+)/(\\d+) : (.*)");
    private static final Pattern COMMITTED = Pattern.compile(" ---> ([0-9a-f]{12,64})");
    private static final int KEEP = 40;

    private final ActionListener events;
    private final Deque<String> stepOutput = new ArrayDeque<>();
    private final List<String> committed = new ArrayList<>();
    private String step;
    private String stepNumber;
    private boolean stepIsFrom;
    private boolean fromCache;
    private String runningContainer;

    BuildProgress(ActionListener events) {
        this.events = events;
    }

    synchronized void line(String line) {
        events.log(line);
        Matcher m = STEP.matcher(line);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            int total = Integer.parseInt(m.group(2));
            step = m.group(3).trim();
            stepNumber = n + "/" + total;
            stepIsFrom = step.regionMatches(true, 0, "FROM", 0, 4);
            fromCache = false;
            stepOutput.clear();
            events.progress((n - 1) / (double) total, "Step " + stepNumber + ": " + step);
            return;
        }
        if (line.startsWith(" ---> Using cache")) {
            fromCache = true;
            return;
        }
        Matcher c = COMMITTED.matcher(line);
        if (c.matches()) {
            if (!stepIsFrom && !fromCache) {
                committed.add(c.group(1));
            }
            return;
        }
        if (line.startsWith(" ---> Running in ")) {
            runningContainer = line.substring(" ---> Running in ".length()).trim();
            return;
        }
        if (line.startsWith("Removing intermediate container")) {
            runningContainer = null;
            return;
        }
        String bare = line.strip();
        if (bare.startsWith("---> ") || bare.startsWith("Removing intermediate container") || bare.isEmpty()) {
            return;
        }
        stepOutput.addLast(line);
        if (stepOutput.size() > KEEP) {
            stepOutput.removeFirst();
        }
    }

    /** "Step 3/5 : RUN pip install" or null before the first step. */
    synchronized String currentStep() {
        return step == null ? null : "Step " + stepNumber + " : " + step;
    }

    synchronized String stepNumber() {
        return stepNumber;
    }

    synchronized String instruction() {
        return step;
    }

    synchronized List<String> stepOutput() {
        return List.copyOf(stepOutput);
    }

    /** The container of the step running now (a RUN), or null between steps. */
    synchronized String runningContainer() {
        return runningContainer;
    }

    /** Images this build committed itself (not cached, not the base), newest last. */
    synchronized List<String> committed() {
        return List.copyOf(committed);
    }
}
