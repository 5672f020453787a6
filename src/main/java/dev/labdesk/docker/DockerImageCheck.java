package dev.labdesk.docker;

import dev.labdesk.check.Matchers;
import dev.labdesk.kind.CheckKind;
import dev.labdesk.kind.CheckOutcome;
import dev.labdesk.kind.KindContext;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code docker.image: NAME:TAG}: the image exists and has the expected labels, ports, entrypoint,
 * command, environment, working folder, user, size bound and base image. "Built from a base" means
 * the base's layers are the first layers of the image.
 */
public final class DockerImageCheck implements CheckKind {

    @Override
    public String name() {
        return "docker.image";
    }

    @Override
    public String summary() {
        return "a Docker image exists and has the expected labels, ports, command, size and base";
    }

    @Override
    public Shape subject() {
        return DockerKinds.imageRef();
    }

    @Override
    public Shape expect() {
        return Shapes.obj()
                .optional("exists", Shapes.bool(), "whether the image must exist (default true)")
                .optional("labels", Shapes.mapOf(Shapes.text(), Shapes.matcher()), "LABEL values")
                .optional("exposedPorts", Shapes.listOf(DockerKinds.exposedPort()), "EXPOSE ports, e.g. [5000]")
                .optional("entrypoint", Shapes.listOrOne(Shapes.text()), "the ENTRYPOINT, as a list")
                .optional("cmd", Shapes.listOrOne(Shapes.text()), "the CMD, as a list")
                .optional("env", Shapes.mapOf(Shapes.text(), Shapes.matcher()), "ENV values")
                .optional("workdir", Shapes.text(), "the WORKDIR")
                .optional("user", Shapes.text(), "the USER")
                .optional("maxSize", DockerKinds.size(), "an upper bound, e.g. 200MB")
                .optional("base", DockerKinds.imageRef(), "the image it was built FROM")
                .build();
    }

    @Override
    public Set<String> requires() {
        return DockerKinds.REQUIRES;
    }

    @Override
    public CheckOutcome evaluate(CheckSpec check, KindContext ctx) {
        String ref = ((YScalar) check.subject()).asText();
        YMap expect = check.expect() instanceof YMap m ? m : new YMap(List.of(), check.pos());
        DockerEngine engine = DockerKinds.engine(ctx);
        Optional<ImageInfo> found = engine.image(ref);
        boolean wantExists = DockerKinds.bool(expect, "exists", true);
        if (found.isEmpty()) {
            return wantExists
                    ? CheckOutcome.fail("image " + ref + " exists", "there is no image " + ref + " on this Docker engine (build it first)")
                    : CheckOutcome.pass("no image " + ref, "no image " + ref);
        }
        ImageInfo image = found.get();
        if (!wantExists) {
            return CheckOutcome.fail("no image " + ref, "image " + ref + " exists (" + DockerBuildAction.shortId(image.id()) + ")");
        }
        Verdicts v = new Verdicts();
        v.add(true, "image " + ref + " exists", "image " + ref + " exists");
        labelsOrEnv(v, "label", expect.get("labels"), image.labels());
        labelsOrEnv(v, "env", expect.get("env"), image.env());
        if (expect.has("exposedPorts")) {
            Set<String> want = new LinkedHashSet<>();
            for (String p : DockerKinds.texts(expect.get("exposedPorts"))) {
                want.add(p.contains("/") ? p : p + "/tcp");
            }
            Set<String> have = new LinkedHashSet<>(image.exposedPorts());
            v.add(have.containsAll(want), "exposes " + String.join(", ", want),
                    have.isEmpty() ? "exposes no port" : "exposes " + String.join(", ", have));
        }
        list(v, "entrypoint", expect, image.entrypoint());
        list(v, "cmd", expect, image.cmd());
        if (expect.has("workdir")) {
            String want = expect.text("workdir");
            v.add(want.equals(image.workdir()), "workdir " + want, "workdir " + display(image.workdir()));
        }
        if (expect.has("user")) {
            String want = expect.text("user");
            v.add(want.equals(image.user()), "user " + want, "user " + display(image.user()));
        }
        if (expect.has("maxSize")) {
            long max = Sizes.parse(expect.text("maxSize"));
            v.add(image.size() <= max, "size at most " + expect.text("maxSize"), "size " + Sizes.format(image.size()));
        }
        if (expect.has("base")) {
            base(v, engine, expect.text("base"), image);
        }
        return v.outcome(summary(ref, image));
    }

    private static void labelsOrEnv(Verdicts v, String what, YNode expected, Map<String, String> actual) {
        if (!(expected instanceof YMap m)) {
            return;
        }
        for (YMap.Entry e : m.entries()) {
            String have = actual.get(e.name());
            Matchers.Verdict r = Matchers.match(what + " " + e.name(), e.value().toPlain(), have == null ? Matchers.MISSING : have);
            v.add(r.ok(), r.expected(), r.actual());
        }
    }

    private static void list(Verdicts v, String key, YMap expect, List<String> actual) {
        if (!expect.has(key)) {
            return;
        }
        List<String> want = DockerKinds.texts(expect.get(key));
        List<String> have = actual == null ? List.of() : actual;
        v.add(want.equals(have), key + " " + json(want), key + " " + json(have));
    }

    private static void base(Verdicts v, DockerEngine engine, String base, ImageInfo image) {
        Optional<ImageInfo> baseImage = engine.image(base);
        if (baseImage.isEmpty()) {
            v.add(false, "built from " + base, base + " is not on this Docker engine, so LabDesk cannot compare layers (load or build it first)");
            return;
        }
        List<String> baseLayers = baseImage.get().layers();
        List<String> layers = image.layers();
        boolean prefix = !baseLayers.isEmpty() && layers.size() >= baseLayers.size()
                && layers.subList(0, baseLayers.size()).equals(baseLayers);
        v.add(prefix, "built from " + base, prefix ? "built from " + base
                : "not built from " + base + " (its first layers differ from " + base + "'s " + baseLayers.size() + ")");
    }

    private static String summary(String ref, ImageInfo i) {
        List<String> lines = new ArrayList<>();
        lines.add("image " + ref + " " + DockerBuildAction.shortId(i.id()) + ", " + Sizes.format(i.size()) + ", " + i.layers().size() + " layers");
        lines.add("entrypoint " + json(i.entrypoint()) + ", cmd " + json(i.cmd()));
        lines.add("exposed ports " + i.exposedPorts() + ", workdir " + display(i.workdir()) + ", user " + display(i.user()));
        lines.add("labels " + i.labels());
        return String.join("\n", lines);
    }

    private static String display(String s) {
        return s == null || s.isEmpty() ? "(not set)" : s;
    }

    static String json(List<String> list) {
        if (list == null) {
            return "(not set)";
        }
        List<String> quoted = new ArrayList<>();
        for (String s : list) {
            quoted.add("\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return "[" + String.join(", ", quoted) + "]";
    }
}
