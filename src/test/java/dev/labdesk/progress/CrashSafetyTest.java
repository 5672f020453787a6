package dev.labdesk.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner's progress survives the process being killed in the middle of a write: 200 child JVMs
 * are killed with SIGKILL while writing to one database (see {@link CrashHarness}). The longer run
 * is {@code bench/crash-safety.sh}; {@code -Dlabdesk.crash.kills=N} changes the count here.
 */
@EnabledOnOs({OS.LINUX, OS.MAC}) // exit status 137 = killed by signal 9 is how the test knows SIGKILL was sent
class CrashSafetyTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRunSurvivesSigkillInTheMiddleOfWrites() throws Exception {
        int kills = Integer.getInteger("labdesk.crash.kills", 200);
        long seed = Long.getLong("labdesk.crash.seed", System.nanoTime());

        CrashHarness.Figures f = CrashHarness.run(dir.resolve("progress.db"), dir, kills, seed, null);
        System.out.println("crash safety:\n" + f.summary());

        assertThat(f.sigkillExits()).as("children that died of SIGKILL (exit 137); seed %d", seed).isEqualTo(kills);
        assertThat(f.integrity()).as("PRAGMA integrity_check; seed %d", seed).containsExactly("ok");
        assertThat(f.lostOrChanged()).as("acknowledged runs missing or changed; seed %d", seed).isZero();
        assertThat(f.wrongContent()).as("runs present but not whole; seed %d", seed).isZero();
        assertThat(f.ackedRuns()).as("acknowledged runs").isGreaterThanOrEqualTo(kills / 2);
        assertThat(f.killsInsideWrite()).as("kills that landed inside recordRun").isGreaterThanOrEqualTo(kills / 2);
        assertThat(f.runsInDb()).isEqualTo(f.ackedRuns() + f.committedNotAcked());
    }
}
