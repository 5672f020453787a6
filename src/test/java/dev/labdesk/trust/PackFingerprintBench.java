package dev.labdesk.trust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How long fingerprinting takes: every pack under a folder (the bundled course by default), first in a
 * fresh JVM (what one {@code labdesk check} pays, class loading included), then warm.
 *
 * <p>Run: {@code bench/fingerprint.sh [FOLDER] [ROUNDS]}.
 */
public final class PackFingerprintBench {

    private PackFingerprintBench() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "labs");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        List<Path> packs;
        try (Stream<Path> s = Files.list(folder)) {
            packs = s.filter(p -> Files.isRegularFile(p.resolve("pack.yaml"))).sorted().toList();
        }
        // Time the cold pass first and print afterwards: the first printf alone costs tens of milliseconds.
        PackFingerprint[] prints = new PackFingerprint[packs.size()];
        double[] cold = new double[packs.size()];
        long t0 = System.nanoTime();
        for (int i = 0; i < packs.size(); i++) {
            long t = System.nanoTime();
            prints[i] = PackFingerprint.of(packs.get(i));
            cold[i] = (System.nanoTime() - t) / 1e6;
        }
        double first = (System.nanoTime() - t0) / 1e6;
        int files = 0;
        long bytes = 0;
        for (int i = 0; i < packs.size(); i++) {
            PackFingerprint f = prints[i];
            System.out.printf(Locale.ROOT, "%-14s %4d files %9d bytes  first %6.2f ms  %s%n", packs.get(i).getFileName(),
                    f.files(), f.bytes(), cold[i], f.shortValue());
            files += f.files();
            bytes += f.bytes();
        }
        double[] warm = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            for (Path pack : packs) {
                PackFingerprint.of(pack);
            }
            warm[r] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "%d packs, %d files, %d bytes: first pass in a fresh JVM %.1f ms;"
                        + " warm pass (n=%d) median %.2f ms, p95 %.2f ms, max %.2f ms%n", packs.size(), files, bytes, first,
                rounds, warm[rounds / 2], warm[(int) Math.min(rounds - 1, Math.ceil(rounds * 0.95) - 1)], warm[rounds - 1]);
    }
}
