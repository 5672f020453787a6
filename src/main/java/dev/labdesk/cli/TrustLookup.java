package dev.labdesk.cli;

import dev.labdesk.check.CheckRunner;
import dev.labdesk.home.LabdeskHome;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Pack;
import dev.labdesk.pack.PackFinder;
import dev.labdesk.progress.ProgressException;
import dev.labdesk.progress.ProgressStore;
import dev.labdesk.trust.PackTrust;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether {@code check}, {@code run} and {@code test} may run a lab's commands: with {@code --trust}, or
 * when the user trusted the pack in this folder with this content ({@code labdesk trust}). A lab with
 * nothing that needs trust costs nothing: no store, no hashing. Fails closed: a store that cannot be read
 * or a pack that cannot be hashed means untrusted, said in one line.
 */
final class TrustLookup implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TrustLookup.class.getName());

    private final boolean flag;
    private final LabdeskHome home;
    private final PrintWriter err;
    private final Map<Path, Boolean> byFolder = new HashMap<>();
    private ProgressStore store;
    private boolean noStore;

    TrustLookup(boolean flag, LabdeskHome home, PrintWriter err) {
        this.flag = flag;
        this.home = home;
        this.err = err;
    }

    /**
     * The trust to run something of {@code pack} with; prints a line when remembered trust does not hold any more.
     *
     * @param needed whether what will run has a kind that needs trust ({@link KindRegistry#needsTrust}); when
     *               it has none, the answer does not matter and nothing is looked up
     */
    boolean trusted(Pack pack, boolean needed) {
        if (flag) {
            return true;
        }
        if (!needed) {
            return false;
        }
        return byFolder.computeIfAbsent(PackFinder.key(pack.root()), k -> lookUp(pack));
    }

    private boolean lookUp(Pack pack) {
        ProgressStore s = store();
        if (s == null) {
            return false;
        }
        try {
            PackTrust.Status status = PackTrust.status(s, pack);
            if (status instanceof PackTrust.Changed changed) {
                LocalDate on = LocalDate.ofInstant(changed.decision().trustedAt(), ZoneId.systemDefault());
                err.println("labdesk: pack '" + pack.id() + "' changed since you trusted it on " + on + "; review it and run '"
                        + CheckRunner.trustCommand(pack.root()) + "' again");
            }
            return status.trusted();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot hash pack " + pack.root(), e);
            err.println("labdesk: note: pack '" + pack.id() + "' is treated as untrusted: its files cannot be read to"
                    + " compare them with what you trusted (" + e + ")");
            return false;
        } catch (RuntimeException e) {
            failed(e);
            return false;
        }
    }

    /** The store, opened on first need; null when no store exists yet (nothing was ever trusted) or it cannot be opened. */
    private ProgressStore store() {
        if (noStore || store != null) {
            return store;
        }
        if (!Files.exists(home.progressDb())) {
            noStore = true; // no store, no decisions; and a lookup should not create one
            return null;
        }
        try {
            store = ProgressStore.open(home);
        } catch (RuntimeException e) {
            failed(e);
        }
        return store;
    }

    /** Says once why remembered trust is not used in this command; the store is not asked again. */
    private void failed(RuntimeException e) {
        if (!noStore) {
            LOG.log(Level.WARNING, "trust lookup failed", e);
            err.println("labdesk: note: packs are treated as untrusted because the packs you trusted cannot be read: "
                    + (e instanceof ProgressException p ? p.userMessage() : e.toString()));
        }
        noStore = true;
        close();
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
