package dev.labdesk.cli;

import dev.labdesk.doctor.Doctor;
import dev.labdesk.doctor.DoctorReport;
import dev.labdesk.doctor.Section;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Pack;
import dev.labdesk.pack.PackFinder;
import dev.labdesk.pack.Problems;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "doctor", description = {
        "Report what this machine offers the labs: the Docker engine (which one, how it was found, its version)",
        "and the base images the packs declare. Exit 0 when all is well, 3 when a required environment is missing."})
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "packs whose base images to look for (default: ./labs if present)")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> where = new ArrayList<>(paths);
        if (where.isEmpty() && Files.isDirectory(Path.of("labs"))) {
            where.add(Path.of("labs"));
        }
        List<Pack> packs = where.isEmpty() ? List.of() : PackFinder.find(where, new Problems()).loadPacks(new Problems());
        KindRegistry registry = KindRegistry.load();
        DoctorReport report;
        try {
            report = new Doctor(registry).run(packs);
        } finally {
            registry.closeServices();
        }
        if (json) {
            out.println(Json.write(toJson(report)));
        } else {
            print(out, report);
        }
        out.flush();
        return report.environmentMissing() ? ExitCode.ENVIRONMENT : ExitCode.OK;
    }

    private static void print(PrintWriter out, DoctorReport report) {
        for (Section s : report.sections()) {
            out.printf("%s: %s%n", title(s.name()), s.status() == Section.Status.OK ? "ok" : s.status().name().toLowerCase(java.util.Locale.ROOT));
            out.println("  " + s.summary());
            int width = s.facts().stream().mapToInt(f -> f.label().length()).max().orElse(0);
            for (Section.Fact f : s.facts()) {
                out.printf("  %-" + width + "s  %s%n", f.label(), f.value());
            }
            for (Section.Rows rows : s.lists()) {
                out.println("  " + rows.title() + ":");
                for (Section.Row r : rows.rows()) {
                    String mark = r.ok() == null ? " " : r.ok() ? "+" : "-";
                    out.printf("    %s %s: %s%n", mark, r.label(), r.detail());
                }
            }
            if (s.fix() != null) {
                out.println("  Fix: " + s.fix());
            }
        }
    }

    private static String title(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Map<String, Object> toJson(DoctorReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ok", !report.environmentMissing());
        List<Object> sections = new ArrayList<>();
        for (Section s : report.sections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("status", s.status().name());
            m.put("summary", s.summary());
            Map<String, String> facts = new LinkedHashMap<>();
            s.facts().forEach(f -> facts.put(f.label(), f.value()));
            m.put("facts", facts);
            List<Object> lists = new ArrayList<>();
            for (Section.Rows rows : s.lists()) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("title", rows.title());
                l.put("rows", rows.rows().stream().map(r -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("ok", r.ok());
                    row.put("label", r.label());
                    row.put("detail", r.detail());
                    return row;
                }).toList());
                lists.add(l);
            }
            m.put("lists", lists);
            m.put("problem", s.problem());
            m.put("fix", s.fix());
            sections.add(m);
        }
        doc.put("sections", sections);
        return doc;
    }
}
