package dev.labdesk.progress;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * The user's decision to let one pack, in one folder, run commands: it holds while the pack's
 * content still has {@code fingerprint}.
 *
 * @param folder      the pack's absolute real folder
 * @param fingerprint what the pack's files hashed to when it was trusted
 */
public record TrustedPack(String packId, Path folder, String fingerprint, Instant trustedAt) {

    public TrustedPack {
        RunRecord.requireText(packId, "packId");
        Objects.requireNonNull(folder, "folder");
        if (!folder.isAbsolute()) {
            throw new IllegalArgumentException("folder must be absolute, was " + folder);
        }
        RunRecord.requireText(fingerprint, "fingerprint");
        Objects.requireNonNull(trustedAt, "trustedAt");
    }
}
