package dev.labdesk.trust;

import dev.labdesk.pack.Pack;
import dev.labdesk.pack.PackLoader;
import dev.labdesk.progress.ProgressStore;
import dev.labdesk.progress.TrustedPack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The user's trust decisions held against the packs as they are now. A decision names a pack id, the
 * pack's real folder and its {@link PackFingerprint}: a copy of the pack in another folder is not trusted,
 * and neither is the same folder once its content changed.
 */
public final class PackTrust {

    /** What the store says about a pack as it is now. */
    public sealed interface Status {
        default boolean trusted() {
            return this instanceof Trusted;
        }
    }

    /** The user trusted this pack, in this folder, with this content. */
    public record Trusted(TrustedPack decision) implements Status {
    }

    /** The user trusted this pack in this folder, but its content changed since. */
    public record Changed(TrustedPack decision) implements Status {
    }

    /** No decision for this pack in this folder. */
    public record NotTrusted() implements Status {
    }

    /** How a remembered decision compares with its folder now, for {@code labdesk trust --list}. */
    public enum Now {
        UNCHANGED, CHANGED, FOLDER_MISSING
    }

    private PackTrust() {
    }

    /** The folder a decision is keyed by: the pack's absolute real path. */
    public static Path folder(Pack pack) throws IOException {
        return pack.root().toRealPath();
    }

    /**
     * Looks the pack up; hashes its files only when there is a decision to compare with.
     *
     * @throws IOException when the pack's folder or one of its files cannot be read
     */
    public static Status status(ProgressStore store, Pack pack) throws IOException {
        Optional<TrustedPack> decision = store.trustedPack(pack.id(), folder(pack));
        if (decision.isEmpty()) {
            return new NotTrusted();
        }
        String now = PackFingerprint.of(decision.get().folder()).value();
        return now.equals(decision.get().fingerprint()) ? new Trusted(decision.get()) : new Changed(decision.get());
    }

    /** Trusts the pack in its folder with the content it has now, replacing an earlier decision there. */
    public static TrustedPack trust(ProgressStore store, Pack pack, PackFingerprint fingerprint) throws IOException {
        return store.trustPack(pack.id(), folder(pack), fingerprint.value());
    }

    /**
     * Symbolic links that LabDesk would read through when it loads or seeds the pack: pack.yaml, a lab file,
     * {@code files/} or {@code solutions/}. The fingerprint holds a link's target, never what it points to,
     * so a pack with such a link cannot be trusted: what runs could change without the fingerprint changing.
     * Links deeper inside are safe; nothing copies or reads them.
     */
    public static List<String> linksReadThrough(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isSymbolicLink).map(p -> p.getFileName().toString())
                    .filter(n -> n.equals(PackLoader.MANIFEST) || n.endsWith(".md") || n.equals("files") || n.equals("solutions"))
                    .sorted().toList();
        }
    }

    /** Compares a remembered decision with its folder now. */
    public static Now now(TrustedPack decision) throws IOException {
        if (!Files.isDirectory(decision.folder(), LinkOption.NOFOLLOW_LINKS)) {
            return Now.FOLDER_MISSING;
        }
        return PackFingerprint.of(decision.folder()).value().equals(decision.fingerprint()) ? Now.UNCHANGED : Now.CHANGED;
    }
}
