package dev.labdesk.task;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** Runs work in {@code submit} itself; see {@link TaskExecutor#currentThread()}. */
final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> Future<T> submit(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        task.run();
        return task;
    }

    @Override
    public void close() {
    }
}
