package dev.labdesk.validate;

import dev.labdesk.pack.Problem;
import java.util.List;

/** Every problem found, in reading order, and how many files were read. */
public record ValidationReport(List<Problem> problems, int files) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    public long errors() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warnings() {
        return problems.size() - errors();
    }

    public boolean ok() {
        return errors() == 0;
    }
}
