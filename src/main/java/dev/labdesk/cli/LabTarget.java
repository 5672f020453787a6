package dev.labdesk.cli;

import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import dev.labdesk.pack.PackFinder;
import dev.labdesk.pack.Problem;
import dev.labdesk.pack.Problems;
import dev.labdesk.validate.ValidationReport;
import dev.labdesk.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code check}, {@code run} and {@code test} work on: the packs under PATH, validated first (an invalid
 * pack runs nothing), and the lab named by {@code --lab}.
 */
final class LabTarget {

    /** A lab and the pack it belongs to. */
    record Selected(Pack pack, Lab lab) {
        String key() {
            return pack.id() + "/" + lab.id();
        }
    }

    /** The packs PATH names, loaded and sorted by folder, and what PATH named inside them. */
    record Loaded(PackFinder found, List<Pack> packs) {
    }

    private LabTarget() {
    }

    /**
     * The packs under PATH, validated first, or null after printing why there are none (exit code 2).
     *
     * @param verb what an invalid pack stops ("run", "trusted"), for "nothing was ..."
     */
    static Loaded load(Path path, KindRegistry registry, String verb, PrintWriter err) {
        Problems problems = new Problems();
        PackFinder found = PackFinder.find(List.of(path), problems);
        if (problems.hasErrors()) {
            problems.sorted().stream().filter(Problem::isError).forEach(p -> err.println(p.format()));
            return null;
        }
        if (found.packs().isEmpty()) {
            err.println("labdesk: no lab pack under " + path + " (a pack is a folder with a pack.yaml)");
            return null;
        }
        List<Path> targets = new ArrayList<>();
        for (Map.Entry<Path, Set<Path>> e : found.packs().entrySet()) {
            if (e.getValue().isEmpty()) {
                targets.add(e.getKey());
            } else {
                targets.addAll(e.getValue());
            }
        }
        ValidationReport report = new Validator(registry).validate(targets);
        if (!report.ok()) {
            report.problems().stream().filter(Problem::isError).forEach(p -> err.println(p.format()));
            err.println("labdesk: invalid pack: " + report.errors() + (report.errors() == 1 ? " error" : " errors")
                    + "; nothing was " + verb + ". Fix them ('labdesk validate " + path + "' lists every problem).");
            return null;
        }
        List<Pack> packs = found.loadPacks(problems).stream().sorted(Comparator.comparing(p -> p.root().toString())).toList();
        return new Loaded(found, packs);
    }

    /**
     * The labs to work on, or null after printing why there are none (exit code 2).
     *
     * @param labId    {@code --lab}, or null
     * @param needsOne check and run work on one lab: without {@code --lab}, PATH must name exactly one
     */
    static List<Selected> select(Path path, String labId, boolean needsOne, KindRegistry registry, PrintWriter err) {
        Loaded loaded = load(path, registry, "run", err);
        if (loaded == null) {
            return null;
        }
        PackFinder found = loaded.found();
        List<Pack> packs = loaded.packs();
        Problems problems = new Problems();
        if (labId != null) {
            var match = PackFinder.findLab(packs, labId, problems, path);
            if (match.isEmpty()) {
                problems.sorted().forEach(p -> err.println("labdesk: " + p.message()));
                return null;
            }
            return List.of(new Selected(match.get().getKey(), match.get().getValue()));
        }
        List<Selected> labs = new ArrayList<>();
        for (Pack pack : packs) {
            for (Lab lab : found.selectedLabs(pack)) {
                labs.add(new Selected(pack, lab));
            }
        }
        if (labs.isEmpty()) {
            err.println("labdesk: the pack under " + path + " has no labs");
            return null;
        }
        if (needsOne && labs.size() > 1) {
            err.println("labdesk: name the lab with --lab ID; labs here: "
                    + String.join(", ", labs.stream().map(Selected::key).toList()));
            return null;
        }
        return labs;
    }
}
