package dev.labdesk.cli;

import dev.labdesk.check.CheckRunner;
import dev.labdesk.home.LabdeskHome;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Pack;
import dev.labdesk.pack.PackLoader;
import dev.labdesk.progress.ProgressException;
import dev.labdesk.progress.ProgressStore;
import dev.labdesk.progress.TrustedPack;
import dev.labdesk.trust.PackFingerprint;
import dev.labdesk.trust.PackTrust;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "trust", mixinStandardHelpOptions = true, description = {
        "Remember that you trust the pack(s) at PATH: check, run and test then run their lab:shell actions and command"
                + " checks without --trust. Trust only packs you wrote or whose author you trust: their commands run as you.",
        "Trust holds for that folder and that content: a copy in another folder, or the pack once any of its files"
                + " changed, is untrusted until you trust it again.",
        "Exit 0 on success, 2 for a usage error or an invalid pack, 3 when the progress store cannot be opened."})
final class TrustCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(TrustCommand.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Spec
    CommandSpec spec;

    @ParentCommand
    LabdeskCli root;

    @Parameters(arity = "0..1", paramLabel = "PATH",
            description = "a folder of packs, a pack or a lab file; with --revoke also a folder that no longer exists")
    Path path;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static final class Mode {
        @Option(names = "--revoke", description = "forget the trust of every pack in PATH or in a folder under it")
        boolean revoke;

        @Option(names = "--list", description = "list the packs you trusted: id, folder, when, and whether they changed since")
        boolean list;
    }

    /** A pack about to be trusted, hashed before the store is opened. */
    private record Candidate(Pack pack, Path folder, PackFingerprint fingerprint) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (mode.list) {
                if (path != null) {
                    return usage(err, "--list takes no PATH");
                }
                return list(out, err);
            }
            if (path == null) {
                return usage(err, "give the PATH of the pack to trust (or --list)");
            }
            return mode.revoke ? revoke(out, err) : trust(out, err);
        } catch (ProgressException e) {
            LOG.log(Level.WARNING, "trust command: progress store", e);
            err.println("labdesk: cannot open the progress store, where trust is kept: " + e.userMessage());
            return ExitCode.ENVIRONMENT;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int trust(PrintWriter out, PrintWriter err) {
        KindRegistry registry = root.registry();
        LabTarget.Loaded loaded = LabTarget.load(path, registry, "trusted", err);
        if (loaded == null) {
            return ExitCode.INVALID;
        }
        // Hash first: an unreadable pack is the pack's problem (2), and the store stays closed meanwhile.
        List<Candidate> candidates = new ArrayList<>();
        for (Pack pack : loaded.packs()) {
            try {
                Path folder = PackTrust.folder(pack);
                List<String> links = PackTrust.linksReadThrough(folder);
                if (!links.isEmpty()) {
                    err.println("labdesk: cannot trust pack '" + pack.id() + "': " + String.join(", ", links)
                            + (links.size() == 1 ? " is a symbolic link" : " are symbolic links") + " in " + folder
                            + "; LabDesk reads through links there, while trust covers only the pack's own files;"
                            + " nothing was trusted. Fix: replace the link with the file or folder it points to");
                    return ExitCode.INVALID;
                }
                candidates.add(new Candidate(pack, folder, PackFingerprint.of(folder)));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot hash " + pack.root(), e);
                err.println("labdesk: cannot read pack '" + pack.id() + "' in " + pack.root() + " (" + e
                        + "); nothing was trusted. Fix: make its files readable, then run '"
                        + CheckRunner.trustCommand(pack.root()) + "' again");
                return ExitCode.INVALID;
            }
        }
        boolean trustedNow = false;
        try (ProgressStore store = ProgressStore.open(LabdeskHome.resolve())) {
            for (Candidate c : candidates) {
                Optional<TrustedPack> before = store.trustedPack(c.pack().id(), c.folder());
                String name = c.pack().id() + " (" + c.folder() + ")";
                if (before.isPresent() && before.get().fingerprint().equals(c.fingerprint().value())) {
                    out.println("already trusted " + name + " since " + when(before.get().trustedAt()));
                    continue;
                }
                store.trustPack(c.pack().id(), c.folder(), c.fingerprint().value());
                trustedNow = true;
                out.println("trusted " + name + ": " + commands(registry, c.pack())
                        + (before.isPresent() ? "; it changed since you trusted it on " + when(before.get().trustedAt()) : ""));
            }
        }
        if (trustedNow) {
            err.println("labdesk: note: check, run and test now run these packs' commands on this machine, as you,"
                    + " until a file of the pack changes; 'labdesk trust --revoke PATH' takes it back");
        }
        return ExitCode.OK;
    }

    private static String commands(KindRegistry registry, Pack pack) {
        long n = pack.labs().stream().filter(registry::needsTrust).count();
        if (n == 0) {
            return "none of its labs runs commands yet";
        }
        return n + " of " + pack.labs().size() + (pack.labs().size() == 1 ? " lab runs" : " labs run") + " commands";
    }

    private int revoke(PrintWriter out, PrintWriter err) {
        Path base;
        try {
            base = revokeBase(path);
        } catch (IOException e) {
            err.println("labdesk: cannot resolve " + path + ": " + e.getMessage());
            return ExitCode.INVALID;
        }
        if (base == null) {
            return usage(err, path + " is not in a lab pack; give the pack's folder");
        }
        try (ProgressStore store = ProgressStore.open(LabdeskHome.resolve())) {
            List<Path> folders = store.trustedPacks().stream().map(TrustedPack::folder)
                    .filter(f -> f.startsWith(base)).distinct().toList();
            if (folders.isEmpty()) {
                if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                    err.println("labdesk: no such file or folder: " + path + ", and no pack was trusted there;"
                            + " 'labdesk trust --list' shows the packs you trusted");
                    return ExitCode.INVALID;
                }
                out.println("nothing to revoke: no pack in " + base + " is trusted");
                return ExitCode.OK;
            }
            for (Path folder : folders) {
                for (TrustedPack gone : store.revokeTrust(folder)) {
                    out.println("revoked " + gone.packId() + " (" + gone.folder() + ")");
                }
            }
        }
        return ExitCode.OK;
    }

    /**
     * The folder whose trusted packs {@code --revoke PATH} forgets: PATH's real folder, the pack that holds
     * PATH when it is a file, or, for a folder that is gone, its absolute form under its real parent.
     */
    private static Path revokeBase(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return path.toRealPath();
        }
        if (Files.exists(path)) {
            Path pack = PackLoader.packRootOf(path);
            return pack == null ? null : pack.toRealPath();
        }
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
    }

    private int list(PrintWriter out, PrintWriter err) {
        List<TrustedPack> decisions;
        try (ProgressStore store = ProgressStore.open(LabdeskHome.resolve())) {
            decisions = store.trustedPacks();
        }
        if (decisions.isEmpty()) {
            out.println("no trusted packs; 'labdesk trust PATH' trusts one");
            return ExitCode.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"pack", "folder", "trusted", "now"});
        boolean changed = false;
        boolean missing = false;
        for (TrustedPack t : decisions) {
            String now;
            try {
                PackTrust.Now state = PackTrust.now(t);
                changed |= state == PackTrust.Now.CHANGED;
                missing |= state == PackTrust.Now.FOLDER_MISSING;
                now = switch (state) {
                    case UNCHANGED -> "unchanged";
                    case CHANGED -> "CHANGED since: not trusted";
                    case FOLDER_MISSING -> "folder missing";
                };
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot hash " + t.folder(), e);
                now = "unreadable: not trusted (" + e.getMessage() + ")";
                changed = true;
            }
            rows.add(new String[] {t.packId(), t.folder().toString(), when(t.trustedAt()), now});
        }
        int[] width = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                line.append(row[i]).append(" ".repeat(width[i] - row[i].length() + 2));
            }
            out.println(line.append(row[3]));
        }
        if (changed) {
            err.println("labdesk: a pack that changed is untrusted until you review it and run 'labdesk trust FOLDER' again");
        }
        if (missing) {
            err.println("labdesk: 'labdesk trust --revoke FOLDER' forgets a folder that is gone");
        }
        return ExitCode.OK;
    }

    private static String when(Instant at) {
        return WHEN.format(at.atZone(ZoneId.systemDefault()));
    }

    private static int usage(PrintWriter err, String message) {
        err.println("labdesk: " + message);
        err.println("Try 'labdesk trust --help'.");
        return ExitCode.INVALID;
    }
}
