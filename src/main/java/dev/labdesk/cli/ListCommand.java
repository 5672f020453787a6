package dev.labdesk.cli;

import dev.labdesk.pack.Block;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import dev.labdesk.pack.PackFinder;
import dev.labdesk.pack.Problem;
import dev.labdesk.pack.Problems;
import dev.labdesk.pack.Step;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "Show packs → labs → steps → actions and checks, with their ids.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "PATH", description = "a folder of packs, a pack or a lab")
    Path path;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Problems problems = new Problems();
        PackFinder found = PackFinder.find(List.of(path), problems);
        List<Pack> packs = found.loadPacks(problems).stream()
                .sorted(java.util.Comparator.comparing(p -> p.root().toString())).toList();
        List<Problem> errors = problems.sorted().stream().filter(Problem::isError).toList();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("packs", packs.stream().map(p -> packJson(p, found)).toList());
            doc.put("problems", Json.problems(errors));
            out.println(Json.write(doc));
        } else {
            for (Pack pack : packs) {
                printPack(out, pack, found);
            }
            for (Problem p : errors) {
                err.println(p.format());
            }
            if (packs.isEmpty() && errors.isEmpty()) {
                err.println("no packs under " + path + " (a pack is a folder with a pack.yaml)");
            }
            if (!errors.isEmpty()) {
                err.println("run 'labdesk validate " + path + "' for every problem");
            }
        }
        out.flush();
        err.flush();
        return errors.isEmpty() && !packs.isEmpty() ? ExitCode.OK : ExitCode.INVALID;
    }

    private static void printPack(PrintWriter out, Pack pack, PackFinder found) {
        out.printf("pack %s  \"%s\"  v%s  (%s)%n", pack.id(), pack.manifest().title(), pack.manifest().version(), pack.root());
        for (Lab lab : found.selectedLabs(pack)) {
            out.printf("  lab %s  \"%s\"%s%n", lab.id(), lab.title(),
                    lab.requires().isEmpty() ? "" : "  requires: " + String.join(", ", lab.requires()));
            for (Step step : lab.steps()) {
                out.printf("    step %s  \"%s\"%n", step.id(), step.title());
                for (Block block : step.blocks()) {
                    if (block instanceof Block.Action a) {
                        out.printf("      action %s  (%s)%n", a.id(), a.info());
                    } else if (block instanceof Block.Checks c) {
                        for (CheckSpec check : c.checks()) {
                            out.printf("      check %s  (%s)%n", check.id(), check.kind());
                        }
                    } else if (block instanceof Block.Quiz q) {
                        out.printf("      quiz %s%n", q.id());
                    }
                }
            }
        }
    }

    private static Map<String, Object> packJson(Pack pack, PackFinder found) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", pack.id());
        m.put("title", pack.manifest().title());
        m.put("version", pack.manifest().version());
        m.put("path", pack.root().toString());
        List<Object> labs = new ArrayList<>();
        for (Lab lab : found.selectedLabs(pack)) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("id", lab.id());
            l.put("title", lab.title());
            l.put("file", lab.file().toString());
            l.put("requires", lab.requires());
            List<Object> steps = new ArrayList<>();
            for (Step step : lab.steps()) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("id", step.id());
                s.put("title", step.title());
                s.put("line", step.pos().line());
                s.put("actions", step.actions().stream().map(a -> {
                    Map<String, Object> am = new LinkedHashMap<>();
                    am.put("id", a.id());
                    am.put("kind", a.info());
                    am.put("title", a.body().text("title"));
                    am.put("line", a.pos().line());
                    return am;
                }).toList());
                s.put("checks", step.checks().stream().map(c -> {
                    Map<String, Object> cm = new LinkedHashMap<>();
                    cm.put("id", c.id());
                    cm.put("kind", c.kind());
                    cm.put("title", c.title());
                    cm.put("line", c.pos().line());
                    return cm;
                }).toList());
                s.put("quizzes", step.blocks().stream().filter(Block.Quiz.class::isInstance).map(b -> {
                    Block.Quiz q = (Block.Quiz) b;
                    Map<String, Object> qm = new LinkedHashMap<>();
                    qm.put("id", q.id());
                    qm.put("line", q.pos().line());
                    return qm;
                }).toList());
                steps.add(s);
            }
            l.put("steps", steps);
            labs.add(l);
        }
        m.put("labs", labs);
        return m;
    }
}
