package dev.labdesk.session;

import dev.labdesk.action.ActionEvent;
import dev.labdesk.action.ActionResult;
import dev.labdesk.action.ActionRunner;
import dev.labdesk.check.CheckReport;
import dev.labdesk.check.CheckRunner;
import dev.labdesk.check.KindContexts;
import dev.labdesk.kind.Cancellation;
import dev.labdesk.kind.KindContext;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import dev.labdesk.proc.BackgroundProcesses;
import dev.labdesk.task.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A lab open on a workspace: runs its actions and checks through the engines, and on {@link #close()}
 * stops whatever it left running (background commands). Used by the CLI, {@code labdesk test} and the desktop app.
 */
public final class LabSession implements AutoCloseable {

    private final KindRegistry registry;
    private final TaskExecutor executor;
    private final Pack pack;
    private final Lab lab;
    private final Path workspace;
    private final boolean trusted;
    private volatile Cancellation runs = new Cancellation();

    public LabSession(KindRegistry registry, TaskExecutor executor, Pack pack, Lab lab, Path workspace, boolean trusted) {
        this.registry = registry;
        this.executor = executor;
        this.pack = pack;
        this.lab = lab;
        this.workspace = workspace;
        this.trusted = trusted;
    }

    public Pack pack() {
        return pack;
    }

    public Lab lab() {
        return lab;
    }

    public Path workspace() {
        return workspace;
    }

    public boolean trusted() {
        return trusted;
    }

    /** A context for one run; {@link #cancel()} cancels every run started before it. */
    public KindContext context() {
        return new SessionContext(pack, lab, workspace, trusted, KindContexts.child(runs), registry);
    }

    /** Every check of the lab, in document order. */
    public CheckReport check(CheckRunner.Policy policy, CheckRunner.Listener listener) {
        return new CheckRunner(registry, executor, policy).run(lab.checks(), context(), listener);
    }

    public CheckReport check() {
        return check(CheckRunner.Policy.DEFAULT, CheckRunner.Listener.NONE);
    }

    public ActionResult run(Block.Action action, Consumer<ActionEvent> events) throws InterruptedException {
        return new ActionRunner(registry, executor).run(action, context(), events);
    }

    /**
     * Runs actions in order. With {@code stopAtFailure}, the first that does not succeed ends the
     * sequence: later actions usually build on it, and their failures would only repeat the first.
     */
    public List<ActionResult> run(List<Block.Action> actions, Consumer<ActionEvent> events, boolean stopAtFailure)
            throws InterruptedException {
        List<ActionResult> out = new ArrayList<>();
        for (Block.Action a : actions) {
            ActionResult r = run(a, events);
            out.add(r);
            if (stopAtFailure && !r.ok()) {
                break;
            }
        }
        return out;
    }

    /** Stops the checks and actions running now; the session stays usable for new runs. */
    public void cancel() {
        Cancellation old;
        synchronized (this) {
            old = runs;
            runs = new Cancellation();
        }
        old.cancel();
    }

    /** Cancels what is running and stops the commands this lab left in the background. */
    @Override
    public void close() {
        cancel();
        try {
            registry.service(BackgroundProcesses.class).stopLab(pack.id() + "/" + lab.id());
        } catch (IllegalStateException noCorePlugin) {
            // a registry without the core plugin started no background commands
        }
    }
}
