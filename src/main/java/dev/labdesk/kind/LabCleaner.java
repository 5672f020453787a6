package dev.labdesk.kind;

/**
 * Removes what a lab's actions left behind in one environment (containers and images labelled with
 * the lab, say). {@code labdesk test} calls every cleaner after testing a lab's solution.
 */
public interface LabCleaner {

    /**
     * Cleans up after the lab in {@code ctx}.
     *
     * @return one line saying what was removed, or null when there was nothing to do or the
     *         environment is not there (a missing engine has nothing to clean)
     */
    String clean(KindContext ctx) throws Exception;
}
