package dev.labdesk.task;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;

/**
 * Where blocking work runs. {@link Future#cancel(boolean) cancel(true)} on a returned future
 * interrupts the work if it is running, so engines can abandon a stuck attempt.
 */
public interface TaskExecutor extends AutoCloseable {

    <T> Future<T> submit(Callable<T> work);

    /** Stops accepting work and interrupts what is still running. */
    @Override
    void close();

    /** Daemon threads named {@code labdesk-<name>-N}, created as needed and reused. */
    static TaskExecutor pool(String name) {
        return new PoolTaskExecutor(name);
    }

    /**
     * Runs every task to completion inside {@code submit}, on the caller's thread. Deterministic
     * for tests; timeouts cannot cut such a task short, because it has finished before anyone waits.
     */
    static TaskExecutor currentThread() {
        return new CurrentThreadTaskExecutor();
    }
}
