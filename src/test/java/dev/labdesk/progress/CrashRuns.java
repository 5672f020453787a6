package dev.labdesk.progress;

import dev.labdesk.net.Redactor;
import dev.labdesk.check.CheckResult;
import dev.labdesk.kind.CheckStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The runs the crash writer stores, derived from a run number alone, so the harness can rebuild
 * exactly what a killed child wrote and compare it field by field. The number is recoverable from
 * the stored run's start time.
 */
final class CrashRuns {

    static final String PACK = "crash-pack";
    static final List<String> LABS = List.of("lab-0", "lab-1", "lab-2", "lab-3");
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final String WORDS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;-_/{}\"\n";
    /** Evidence is cut from this text at random places: cheap to make in a cold child JVM. */
    private static final String TEXT = text(8192);

    private CrashRuns() {
    }

    /** Run n as the writer hands it to the store: 5 to 24 results, 50 to 2,000 characters of evidence each (a response excerpt, a log tail). */
    static RunRecord run(long n) {
        SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
        int count = 5 + random.nextInt(20);
        List<CheckResult> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CheckStatus status = CheckStatus.values()[random.nextInt(CheckStatus.values().length)];
            StringBuilder evidence = new StringBuilder();
            if (random.nextInt(4) == 0) {
                // A secret in the evidence: the store must keep the line but not the token.
                evidence.append("Authorization: Bearer tok").append(n).append('x').append(i).append('\n');
            }
            int length = 50 + random.nextInt(1950);
            int from = random.nextInt(TEXT.length() - length);
            evidence.append(TEXT, from, from + length);
            results.add(new CheckResult("check-" + i, status, "expected " + n + "/" + i, "actual " + random.nextLong(),
                    evidence.toString(), random.nextBoolean() ? null : "hint " + i, random.nextInt(60_000)));
        }
        Instant started = BASE.plusSeconds(n);
        return new RunRecord(PACK, "1." + (n / 100 % 3), LABS.get((int) (n % LABS.size())),
                n % 5 == 0 ? RunMode.TEST : RunMode.CHECK, started, started.plusMillis(random.nextInt(10_000)), results);
    }

    private static String text(int length) {
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder text = new StringBuilder(length);
        for (int k = 0; k < length; k++) {
            text.append(WORDS.charAt(random.nextInt(WORDS.length())));
        }
        return text.toString();
    }

    /** Run n as the store must hold it: the same, with secrets redacted. */
    static RunRecord stored(long n) {
        RunRecord run = run(n);
        List<CheckResult> results = new ArrayList<>();
        for (CheckResult r : run.results()) {
            results.add(new CheckResult(r.id(), r.status(), Redactor.redact(r.expected()), Redactor.redact(r.actual()),
                    Redactor.redact(r.evidence()), Redactor.redact(r.hint()), r.elapsedMs()));
        }
        return new RunRecord(run.packId(), run.packVersion(), run.labId(), run.mode(), run.startedAt(), run.finishedAt(),
                results);
    }

    static long numberOf(RunRecord run) {
        return Duration.between(BASE, run.startedAt()).toSeconds();
    }
}
