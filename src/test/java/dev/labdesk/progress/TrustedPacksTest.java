package dev.labdesk.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code trusted_packs} table through the store's API: one decision per pack id and folder. */
class TrustedPacksTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    @TempDir
    Path dir;

    private Path file;
    private ProgressStore store;
    private Path here;
    private Path there;

    @BeforeEach
    void open() {
        file = dir.resolve("progress.db");
        store = open(file);
        here = dir.resolve("labs/containers").toAbsolutePath();
        there = dir.resolve("copy/containers").toAbsolutePath();
    }

    private static ProgressStore open(Path file) {
        return ProgressStore.open(file, ProgressStore.Options.defaults().withClock(new ProgressStoreTest.TickingClock(T0)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aTrustedPackReadsBackWithItsFingerprintAndTimeAfterReopening() {
        TrustedPack saved = store.trustPack("containers", here, "sha256:aa");
        store.close();
        store = open(file);

        assertThat(store.trustedPack("containers", here)).contains(saved);
        assertThat(saved.trustedAt()).isEqualTo(T0);
        assertThat(saved.fingerprint()).isEqualTo("sha256:aa");
    }

    @Test
    void theSamePackInAnotherFolderOrAnotherPackInTheFolderIsNotTrusted() {
        store.trustPack("containers", here, "sha256:aa");

        assertThat(store.trustedPack("containers", there)).isEmpty();
        assertThat(store.trustedPack("kubernetes", here)).isEmpty();
    }

    @Test
    void trustingAgainReplacesTheDecisionForThatFolderOnly() {
        store.trustPack("containers", here, "sha256:aa");
        store.trustPack("containers", there, "sha256:aa");
        TrustedPack again = store.trustPack("containers", here, "sha256:bb");

        assertThat(store.trustedPack("containers", here)).contains(again);
        assertThat(store.trustedPacks()).extracting(TrustedPack::folder, TrustedPack::fingerprint)
                .containsExactly(tuple(there, "sha256:aa"),
                        tuple(here, "sha256:bb"));
    }

    @Test
    void revokingAFolderForgetsEveryDecisionThereAndNothingElse() {
        store.trustPack("containers", here, "sha256:aa");
        store.trustPack("renamed", here, "sha256:cc");
        store.trustPack("containers", there, "sha256:aa");

        assertThat(store.revokeTrust(here)).extracting(TrustedPack::packId).containsExactly("containers", "renamed");

        assertThat(store.trustedPacks()).extracting(TrustedPack::folder).containsExactly(there);
        assertThat(store.revokeTrust(here)).isEmpty();
    }

    @Test
    void aRelativeFolderIsRefused() {
        assertThatThrownBy(() -> store.trustPack("containers", Path.of("labs/containers"), "sha256:aa"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
    }
}
