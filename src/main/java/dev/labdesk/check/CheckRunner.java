package dev.labdesk.check;

import dev.labdesk.net.Redactor;
import dev.labdesk.kind.Cancellation;
import dev.labdesk.kind.CheckKind;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.CheckStatus;
import dev.labdesk.kind.EnvironmentUnavailable;
import dev.labdesk.kind.KindContext;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.Durations;
import dev.labdesk.task.TaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Runs a lab's checks: all at once on the {@link TaskExecutor}, each attempt with a timeout, checks with
 * {@code eventually} retried with backoff until they pass or their time is up, everything stoppable through
 * the context's {@link Cancellation}. Every check gets a result; one failing never hides another.
 *
 * <p>Statuses: a kind's FAIL means the learner's work is not there yet. ERROR means the check could not run:
 * an exception, a timeout, or {@link EnvironmentUnavailable} (which also lands in
 * {@link CheckReport#environmentProblems()}). SKIP: not run, with the reason (an untrusted pack, a cancel).
 */
public final class CheckRunner {

    private static final Logger LOG = Logger.getLogger(CheckRunner.class.getName());

    /** Characters a shell leaves alone, so a path made only of them needs no quotes. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    /** Why checks and actions that run commands do not run in the pack at {@code packRoot}, and the two ways to change that. */
    public static String notTrusted(Path packRoot) {
        return "the pack is not trusted: if you wrote it or trust its author, trust it with '" + trustCommand(packRoot)
                + "' (or run with --trust)";
    }

    /** {@code labdesk trust PATH} for the pack at {@code packRoot}, quoted so it can be pasted into a shell. */
    public static String trustCommand(Path packRoot) {
        String path = packRoot == null ? "PATH" : packRoot.toString();
        if (!PLAIN_WORD.matcher(path).matches()) {
            path = "\"" + path.replaceAll("([\\\\\"$`])", "\\\\$1") + "\"";
        }
        return "labdesk trust " + path;
    }

    /**
     * Timing rules (ADR 0021).
     *
     * @param defaultTimeout per attempt, unless a check sets {@code timeout}
     * @param firstBackoff   the first pause between attempts of an {@code eventually} check; it doubles...
     * @param maxBackoff     ...up to this
     * @param grace          added to the attempt timeout before the runner gives up on a kind, so a kind's own
     *                       timeout (with its better message) fires first
     * @param retry          false runs every check once, ignoring {@code eventually}
     */
    public record Policy(Duration defaultTimeout, Duration firstBackoff, Duration maxBackoff, Duration grace, boolean retry) {

        public static final Policy DEFAULT = new Policy(Duration.ofSeconds(10), Duration.ofMillis(100),
                Duration.ofSeconds(2), Duration.ofSeconds(2), true);

        public Policy once() {
            return new Policy(defaultTimeout, firstBackoff, maxBackoff, grace, false);
        }
    }

    /** Live progress, called from the checks' threads. */
    public interface Listener {
        default void started(CheckSpec check) {
        }

        default void finished(CheckSpec check, CheckResult result) {
        }

        Listener NONE = new Listener() {
        };
    }

    private final KindRegistry registry;
    private final TaskExecutor executor;
    private final Policy policy;

    public CheckRunner(KindRegistry registry, TaskExecutor executor) {
        this(registry, executor, Policy.DEFAULT);
    }

    public CheckRunner(KindRegistry registry, TaskExecutor executor, Policy policy) {
        this.registry = registry;
        this.executor = executor;
        this.policy = policy;
    }

    public CheckReport run(List<CheckSpec> checks, KindContext ctx) {
        return run(checks, ctx, Listener.NONE);
    }

    /** Runs every check and returns when all have a result (promptly, once the context is cancelled). */
    public CheckReport run(List<CheckSpec> checks, KindContext ctx, Listener listener) {
        long start = System.nanoTime();
        List<EnvironmentProblem> environment = Collections.synchronizedList(new ArrayList<>());
        List<Future<CheckResult>> futures = new ArrayList<>();
        for (CheckSpec check : checks) {
            futures.add(executor.submit(() -> runOne(check, ctx, listener, environment)));
        }
        ctx.cancellation().onCancel(() -> futures.forEach(f -> f.cancel(true)));
        List<CheckResult> results = new ArrayList<>();
        boolean interrupted = false;
        for (int i = 0; i < checks.size(); i++) {
            CheckSpec check = checks.get(i);
            CheckResult result = null;
            while (result == null) {
                try {
                    result = futures.get(i).get();
                } catch (CancellationException e) {
                    result = result(check, cancelled(), start, 1);
                } catch (ExecutionException e) {
                    result = result(check, unexpected(check, e.getCause()), start, 1);
                } catch (InterruptedException e) {
                    // Whoever waits on us was interrupted: stop the checks, then collect what they report.
                    interrupted = true;
                    ctx.cancellation().cancel();
                }
            }
            results.add(result);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new CheckReport(results, List.copyOf(environment), (System.nanoTime() - start) / 1_000_000);
    }

    private CheckResult runOne(CheckSpec check, KindContext ctx, Listener listener, List<EnvironmentProblem> environment) {
        long start = System.nanoTime();
        listener.started(check);
        CheckResult result;
        try {
            result = evaluate(check, ctx, environment, start);
        } catch (RuntimeException e) {
            result = result(check, unexpected(check, e), start, 1);
        }
        listener.finished(check, result);
        return result;
    }

    private CheckResult evaluate(CheckSpec check, KindContext ctx, List<EnvironmentProblem> environment, long start) {
        Optional<CheckKind> found = check.kind() == null ? Optional.empty() : registry.check(check.kind());
        if (found.isEmpty()) {
            return result(check, CheckOutcome.error("there is no check kind '" + check.kind() + "' in this LabDesk",
                    "run 'labdesk validate' on the pack, or install the plugin that provides it"), start, 1);
        }
        CheckKind kind = found.get();
        if (kind.needsTrust() && !ctx.trusted()) {
            return result(check, CheckOutcome.skip(notTrusted(ctx.pack().root())), start, 0);
        }
        Duration timeout = check.timeout() != null ? check.timeout() : policy.defaultTimeout();
        boolean retrying = policy.retry() && check.eventually() != null;
        long deadline = retrying ? start + check.eventually().toNanos() : Long.MIN_VALUE;
        long backoff = policy.firstBackoff().toMillis();

        AtomicReference<Cancellation> current = new AtomicReference<>();
        ctx.cancellation().onCancel(() -> {
            Cancellation c = current.get();
            if (c != null) {
                c.cancel();
            }
        });
        int attempts = 0;
        Attempt last;
        while (true) {
            if (ctx.cancellation().isCancelled()) {
                last = new Attempt(cancelled(), null, true);
                break;
            }
            attempts++;
            last = attempt(kind, check, ctx, timeout, current);
            CheckStatus s = last.outcome().status();
            if (!retrying || s == CheckStatus.PASS || s == CheckStatus.SKIP || last.environment() != null || last.cancelled()) {
                break;
            }
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMs <= 0) {
                break;
            }
            if (!pause(Math.min(backoff, remainingMs), ctx.cancellation())) {
                last = new Attempt(cancelled(), null, true);
                break;
            }
            backoff = Math.min(backoff * 2, policy.maxBackoff().toMillis());
        }
        if (last.environment() != null) {
            environment.add(EnvironmentProblem.of(check.id(), last.environment()));
        }
        CheckOutcome o = last.outcome();
        if (retrying && attempts > 1 && (o.status() == CheckStatus.FAIL || o.status() == CheckStatus.ERROR)) {
            o = new CheckOutcome(o.status(), o.expected(), o.actual() + " (still so after "
                    + Durations.format(check.eventually()) + ", " + attempts + " attempts)", o.evidence());
        }
        return result(check, o, start, attempts);
    }

    private record Attempt(CheckOutcome outcome, EnvironmentUnavailable environment, boolean cancelled) {
        static Attempt of(CheckOutcome outcome) {
            return new Attempt(outcome, null, false);
        }
    }

    private Attempt attempt(CheckKind kind, CheckSpec check, KindContext ctx, Duration timeout,
                            AtomicReference<Cancellation> current) {
        Cancellation attemptCancel = new Cancellation();
        current.set(attemptCancel);
        if (ctx.cancellation().isCancelled()) {
            attemptCancel.cancel();
        }
        KindContext attemptCtx = KindContexts.withCancellation(ctx, attemptCancel);
        Future<CheckOutcome> future = executor.submit(() -> kind.evaluate(check, attemptCtx));
        attemptCancel.onCancel(() -> future.cancel(true));
        try {
            CheckOutcome outcome = future.get(timeout.toMillis() + policy.grace().toMillis(), TimeUnit.MILLISECONDS);
            if (outcome == null) {
                return Attempt.of(CheckOutcome.error("the " + kind.name() + " check returned no result", "report this to its author"));
            }
            return Attempt.of(outcome);
        } catch (TimeoutException e) {
            attemptCancel.cancel();
            return Attempt.of(CheckOutcome.error("the check did not finish within " + Durations.format(timeout),
                    "find out why it hangs, or give it more time with 'timeout: " + Durations.format(timeout.multipliedBy(3)) + "'"));
        } catch (CancellationException e) {
            return new Attempt(cancelled(), null, true);
        } catch (InterruptedException e) {
            attemptCancel.cancel();
            Thread.currentThread().interrupt();
            return new Attempt(cancelled(), null, true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof EnvironmentUnavailable env) {
                return new Attempt(CheckOutcome.error(env.getMessage(), env.fix()), env, false);
            }
            if (ctx.cancellation().isCancelled()) {
                return new Attempt(cancelled(), null, true);
            }
            return Attempt.of(unexpected(check, cause));
        } finally {
            current.compareAndSet(attemptCancel, null);
        }
    }

    /** Waits up to {@code ms}, or less once cancelled; false when cancelled. */
    private static boolean pause(long ms, Cancellation cancellation) {
        CountDownLatch latch = new CountDownLatch(1);
        cancellation.onCancel(latch::countDown);
        try {
            return !latch.await(ms, TimeUnit.MILLISECONDS) && !cancellation.isCancelled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static CheckOutcome cancelled() {
        return CheckOutcome.skip("cancelled before it finished");
    }

    private static CheckOutcome unexpected(CheckSpec check, Throwable e) {
        if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            // Kinds signal bad input this way (a path that leaves the workspace): the message is for the user.
            return CheckOutcome.error("the check could not run: " + e.getMessage(), null);
        }
        LOG.log(Level.WARNING, "check " + check.id() + " (" + check.kind() + ") failed to run", e);
        String why = e == null ? "unknown error" : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return CheckOutcome.error("the check could not run: " + why, "the log has the details");
    }

    private static CheckResult result(CheckSpec check, CheckOutcome o, long startNanos, int attempts) {
        String hint = o.status() == CheckStatus.FAIL ? check.hint() : null;
        // Scrubbed here, once, so no screen, report, JUnit file or database ever sees a secret a kind echoed.
        return new CheckResult(check.id(), o.status(), Redactor.redact(o.expected()), Redactor.redact(o.actual()),
                Redactor.redact(o.evidence()), hint, (System.nanoTime() - startNanos) / 1_000_000);
    }
}
