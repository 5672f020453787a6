package dev.labdesk.action;

import dev.labdesk.check.CheckRunner;
import dev.labdesk.check.EnvironmentProblem;
import dev.labdesk.check.KindContexts;
import dev.labdesk.kind.ActionKind;
import dev.labdesk.kind.ActionListener;
import dev.labdesk.kind.ActionOutcome;
import dev.labdesk.kind.Cancellation;
import dev.labdesk.kind.EnvironmentUnavailable;
import dev.labdesk.kind.KindContext;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Block;
import dev.labdesk.task.TaskExecutor;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs actions on the {@link TaskExecutor}: looks the kind up in the registry, refuses kinds that need trust on
 * an untrusted pack, streams the kind's log lines and progress as {@link ActionEvent}s, and turns whatever the
 * kind throws into a result (never an exception for the caller).
 */
public final class ActionRunner {

    private static final Logger LOG = Logger.getLogger(ActionRunner.class.getName());

    private final KindRegistry registry;
    private final TaskExecutor executor;

    public ActionRunner(KindRegistry registry, TaskExecutor executor) {
        this.registry = registry;
        this.executor = executor;
    }

    /** Starts the action; events arrive on the action's thread and must not block. */
    public ActionHandle start(Block.Action action, KindContext ctx, Consumer<ActionEvent> events) {
        Cancellation cancellation = KindContexts.child(ctx.cancellation());
        KindContext own = KindContexts.withCancellation(ctx, cancellation);
        return new ActionHandle(action.id(), cancellation, executor.submit(() -> execute(action, own, events)));
    }

    /** Runs the action to the end on the executor and returns its result. */
    public ActionResult run(Block.Action action, KindContext ctx, Consumer<ActionEvent> events) throws InterruptedException {
        ActionHandle handle = start(action, ctx, events);
        try {
            return handle.await();
        } catch (InterruptedException e) {
            handle.cancel();
            throw e;
        }
    }

    private ActionResult execute(Block.Action action, KindContext ctx, Consumer<ActionEvent> events) {
        long start = System.nanoTime();
        String id = action.id();
        Optional<ActionKind> found = registry.action(action.kind());
        if (found.isEmpty()) {
            return refuse(action, events, start, "there is no action kind 'lab:" + action.kind() + "' in this LabDesk; "
                    + "run 'labdesk validate' on the pack, or install the plugin that provides it");
        }
        ActionKind kind = found.get();
        if (kind.needsTrust() && !ctx.trusted()) {
            return refuse(action, events, start, "not run: " + CheckRunner.notTrusted(ctx.pack().root()));
        }
        events.accept(new ActionEvent.Status(id, ActionEvent.State.RUNNING, kind.summary()));
        ActionListener listener = new ActionListener() {
            @Override
            public void log(String line) {
                events.accept(new ActionEvent.Log(id, line));
            }

            @Override
            public void progress(double fraction, String label) {
                events.accept(new ActionEvent.Progress(id, fraction, label));
            }
        };
        ActionOutcome outcome;
        EnvironmentProblem environment = null;
        try {
            outcome = kind.run(action, ctx, listener);
            if (outcome == null) {
                outcome = ActionOutcome.error("lab:" + kind.name() + " returned no result");
            }
            if (ctx.cancellation().isCancelled() && !outcome.ok()) {
                outcome = ActionOutcome.cancelled();
            }
        } catch (EnvironmentUnavailable e) {
            environment = EnvironmentProblem.of(id, e);
            outcome = ActionOutcome.error(e.userMessage());
        } catch (InterruptedException e) {
            outcome = ActionOutcome.cancelled();
        } catch (Exception e) {
            if (ctx.cancellation().isCancelled()) {
                outcome = ActionOutcome.cancelled();
            } else if (e instanceof IllegalArgumentException && e.getMessage() != null) {
                outcome = ActionOutcome.error(e.getMessage());
            } else {
                LOG.log(Level.WARNING, "action " + id + " (lab:" + action.kind() + ") failed", e);
                outcome = ActionOutcome.error("lab:" + action.kind() + " failed: "
                        + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + " (the log has the details)");
            }
        }
        events.accept(new ActionEvent.Status(id, state(outcome.status()), outcome.message()));
        return new ActionResult(id, action.kind(), outcome, (System.nanoTime() - start) / 1_000_000, environment, false);
    }

    private static ActionResult refuse(Block.Action action, Consumer<ActionEvent> events, long start, String why) {
        events.accept(new ActionEvent.Status(action.id(), ActionEvent.State.ERROR, why));
        return new ActionResult(action.id(), action.kind(), new ActionOutcome(ActionOutcome.Status.ERROR, why, Map.of()),
                (System.nanoTime() - start) / 1_000_000, null, true);
    }

    private static ActionEvent.State state(ActionOutcome.Status status) {
        return switch (status) {
            case OK -> ActionEvent.State.OK;
            case FAILED -> ActionEvent.State.FAILED;
            case ERROR -> ActionEvent.State.ERROR;
            case CANCELLED -> ActionEvent.State.CANCELLED;
        };
    }
}
