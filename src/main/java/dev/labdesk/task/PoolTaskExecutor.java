package dev.labdesk.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** A cached pool of daemon threads: checks mostly wait on I/O, so threads are cheap and a bound would only queue them. */
final class PoolTaskExecutor implements TaskExecutor {

    private final ExecutorService pool;

    PoolTaskExecutor(String name) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "labdesk-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newCachedThreadPool(factory);
    }

    @Override
    public <T> Future<T> submit(Callable<T> work) {
        return pool.submit(work);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
