package dev.labdesk.testing;

import dev.labdesk.kind.ActionListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Keeps what an action streamed; thread-safe because streams arrive on library threads. */
public final class RecordingListener implements ActionListener {

    private final List<String> lines = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private final List<Double> fractions = new ArrayList<>();

    @Override
    public synchronized void log(String line) {
        lines.add(line);
        notifyAll();
    }

    @Override
    public synchronized void progress(double fraction, String label) {
        progress.add(label);
        fractions.add(fraction);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized List<String> progress() {
        return List.copyOf(progress);
    }

    public synchronized List<Double> fractions() {
        return List.copyOf(fractions);
    }

    /** Waits until a line matches, at most {@code millis}; true when one did. */
    public synchronized boolean awaitLine(Predicate<String> p, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (lines.stream().noneMatch(p)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
