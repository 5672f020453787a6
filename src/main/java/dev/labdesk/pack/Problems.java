package dev.labdesk.pack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems from loaders and validators; safe to share between threads. */
public final class Problems {

    private final List<Problem> list = new ArrayList<>();

    public void error(SourcePos pos, String code, String message) {
        add(new Problem(pos, Severity.ERROR, message, code));
    }

    public void warning(SourcePos pos, String code, String message) {
        add(new Problem(pos, Severity.WARNING, message, code));
    }

    public synchronized void add(Problem problem) {
        list.add(problem);
    }

    public synchronized void addAll(Problems other) {
        list.addAll(other.all());
    }

    public synchronized List<Problem> all() {
        return List.copyOf(list);
    }

    /** Problems ordered by file, line and column, as an author reads them. */
    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(all());
        copy.sort(ORDER);
        return copy;
    }

    public synchronized boolean hasErrors() {
        return list.stream().anyMatch(Problem::isError);
    }

    public synchronized int errorCount() {
        return (int) list.stream().filter(Problem::isError).count();
    }

    public synchronized int warningCount() {
        return list.size() - errorCount();
    }

    public static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.pos().file().toString())
            .thenComparingInt(p -> p.pos().line())
            .thenComparingInt(p -> p.pos().col())
            .thenComparing(Problem::severity)
            .thenComparing(Problem::code)
            .thenComparing(Problem::message);
}
