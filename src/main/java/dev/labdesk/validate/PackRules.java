package dev.labdesk.validate;

import dev.labdesk.kind.ActionKind;
import dev.labdesk.kind.CheckKind;
import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.Block;
import dev.labdesk.pack.CheckSpec;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Pack;
import dev.labdesk.pack.PackManifest;
import dev.labdesk.pack.Problems;
import dev.labdesk.pack.SourcePos;
import dev.labdesk.pack.Step;
import dev.labdesk.pack.Suggest;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.ShapeChecker;
import dev.labdesk.pack.schema.ShapeEnv;
import dev.labdesk.pack.schema.Shapes;
import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YScalar;
import dev.labdesk.pack.yaml.YSeq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules for one loaded pack: its manifest, the lab list, and every lab's front matter and blocks. */
final class PackRules {

    private final KindRegistry registry;
    private final Pack pack;
    private final Problems problems;
    private final Schemas schemas;

    PackRules(KindRegistry registry, Schemas schemas, Pack pack, Problems problems) {
        this.registry = registry;
        this.schemas = schemas;
        this.pack = pack;
        this.problems = problems;
    }

    void check() {
        manifest();
        Map<String, Lab> byId = new HashMap<>();
        for (Lab lab : pack.labs()) {
            Lab first = byId.putIfAbsent(lab.id(), lab);
            if (first != null) {
                problems.error(lab.idPos(), "duplicate-id", "lab id '" + lab.id() + "' is already used by "
                        + first.idPos() + "; give each lab its own id");
            }
        }
        labList(byId);
        // Labs are independent of each other here, and Problems is thread-safe.
        pack.labs().parallelStream().forEach(lab -> new LabRules(lab).check());
    }

    private void manifest() {
        PackManifest m = pack.manifest();
        if (m.yaml().entries().isEmpty() && (!Files.isRegularFile(m.file()) || unreadable(m.file()))) {
            return; // a missing or unreadable pack.yaml is already reported; its fields would only add noise
        }
        ShapeChecker.Ctx ctx = new ShapeChecker.Ctx(problems, "pack.yaml", "bad-value", ShapeEnv.NONE);
        Shape.Obj shape = PackFormat.manifest(registry);
        ShapeChecker.check(shape, m.yaml(), "pack.yaml", ctx);
        warnUnknownKeys(m.yaml(), shape, "pack.yaml");
        requires(m.yaml().get("requires"));
        if (pack.labs().isEmpty()) {
            problems.warning(SourcePos.start(m.file()), "empty-pack",
                    "this pack has no labs yet; add a lab file such as 01-first-lab.md next to pack.yaml");
        }
    }

    /** Whether reading this file already failed (YAML syntax, encoding, binary). */
    private boolean unreadable(Path file) {
        return problems.all().stream().anyMatch(p -> p.isError() && p.pos().file().equals(file)
                && (p.code().equals(dev.labdesk.pack.yaml.YamlReader.SYNTAX) || p.code().equals("encoding")
                || p.code().equals("binary-file") || p.code().equals("unreadable") || p.code().equals("file-too-large")));
    }

    private void labList(Map<String, Lab> byId) {
        if (!(pack.manifest().yaml().get("labs") instanceof YSeq seq)) {
            return;
        }
        Set<String> listed = new LinkedHashSet<>();
        for (YNode item : seq.items()) {
            if (!(item instanceof YScalar s) || s.isNull()) {
                continue;
            }
            String id = s.asText();
            if (!listed.add(id)) {
                problems.error(s.pos(), "duplicate-id", "lab '" + id + "' is listed twice in pack.yaml; keep one");
            } else if (!byId.containsKey(id)) {
                problems.error(s.pos(), "missing-lab", "pack.yaml lists lab '" + id + "' but no lab file has 'id: "
                        + id + "'" + Suggest.didYouMean(id, byId.keySet()) + "; add the lab or remove the line");
            }
        }
        for (Lab lab : pack.labs()) {
            if (!listed.contains(lab.id())) {
                problems.warning(lab.idPos(), "unlisted-lab", "lab '" + lab.id()
                        + "' is not listed under 'labs:' in pack.yaml, so it comes last; add it to the list");
            }
        }
    }

    private void requires(YNode node) {
        List<YScalar> values = new ArrayList<>();
        if (node instanceof YScalar s && !s.isNull()) {
            values.add(s);
        } else if (node instanceof YSeq seq) {
            seq.items().stream().filter(YScalar.class::isInstance).map(YScalar.class::cast)
                    .filter(s -> !s.isNull()).forEach(values::add);
        }
        for (YScalar s : values) {
            if (!registry.requires().containsKey(s.asText())) {
                problems.error(s.pos(), "unknown-requires", "unknown requirement '" + s.asText() + "'"
                        + Suggest.didYouMean(s.asText(), registry.requires().keySet())
                        + "; known: " + String.join(", ", registry.requires().keySet()));
            }
        }
    }

    private void warnUnknownKeys(YMap map, Shape.Obj shape, String where) {
        for (YMap.Entry e : map.entries()) {
            if (!shape.fields().containsKey(e.name())) {
                problems.warning(e.key().pos(), "unknown-key", "unknown key '" + e.name() + "' in " + where
                        + Suggest.didYouMean(e.name(), shape.fields().keySet()) + "; it is ignored");
            }
        }
    }

    /** Rules for one lab file. */
    private final class LabRules implements ShapeEnv {
        private final Lab lab;
        private final Path starter;
        private final Path solution;

        LabRules(Lab lab) {
            this.lab = lab;
            this.starter = pack.starterFiles(lab);
            this.solution = pack.solutionFiles(lab);
        }

        @Override
        public boolean workspaceFileExists(String relativePath) {
            return Files.exists(starter.resolve(relativePath)) || Files.exists(solution.resolve(relativePath));
        }

        @Override
        public boolean packFileExists(String relativePath) {
            return Files.exists(pack.root().resolve(relativePath));
        }

        void check() {
            if (lab.frontMatter() != null) {
                ShapeChecker.check(PackFormat.FRONT_MATTER, lab.frontMatter(), "front matter",
                        new ShapeChecker.Ctx(problems, "front matter", "bad-value", this));
                warnUnknownKeys(lab.frontMatter(), PackFormat.FRONT_MATTER, "front matter");
                requires(lab.frontMatter().get("requires"));
            }
            Map<String, SourcePos> stepIds = new HashMap<>();
            Map<String, SourcePos> checkIds = new HashMap<>();
            Map<String, SourcePos> actionIds = new HashMap<>();
            Set<String> needs = new LinkedHashSet<>();
            for (Step step : lab.steps()) {
                SourcePos first = stepIds.putIfAbsent(step.id(), step.pos());
                if (first != null) {
                    problems.error(step.pos(), "duplicate-id", "step id '" + step.id() + "' is already used at line "
                            + first.line() + "; rename the heading or give it an id like '## Title {#other-id}'");
                }
                for (Block block : step.blocks()) {
                    block(block, checkIds, actionIds, needs);
                }
            }
            Set<String> declared = new LinkedHashSet<>(lab.requires());
            declared.addAll(pack.manifest().requires());
            for (String need : needs) {
                if (!declared.contains(need)) {
                    problems.warning(lab.idPos(), "requires-undeclared", "this lab uses " + need
                            + " but does not say so; add '" + need + "' to 'requires' in the front matter");
                }
            }
        }

        private void block(Block block, Map<String, SourcePos> checkIds, Map<String, SourcePos> actionIds, Set<String> needs) {
            if (block instanceof Block.Action action) {
                action(action, actionIds, needs);
            } else if (block instanceof Block.Checks checks) {
                for (CheckSpec check : checks.checks()) {
                    check(check, checkIds, needs);
                }
            } else if (block instanceof Block.Quiz quiz) {
                quiz(quiz);
            } else if (block instanceof Block.Hint hint) {
                if (hint.body() != null) {
                    ShapeChecker.check(PackFormat.HINT, hint.body(), "lab:hint", ctx("lab:hint"));
                } else {
                    problems.error(hint.pos(), "missing-field", "lab:hint is empty; write the hint text inside it");
                }
            } else if (block instanceof Block.Solution sol) {
                solution(sol);
            }
        }

        private ShapeChecker.Ctx ctx(String where) {
            return new ShapeChecker.Ctx(problems, where, "bad-value", this);
        }

        private void action(Block.Action action, Map<String, SourcePos> actionIds, Set<String> needs) {
            ActionKind kind = registry.action(action.kind()).orElse(null);
            if (kind == null) {
                Set<String> known = new LinkedHashSet<>();
                registry.actions().keySet().forEach(k -> known.add("lab:" + k));
                known.addAll(List.of("lab:check", "lab:quiz", "lab:hint", "lab:solution"));
                problems.error(action.pos(), "unknown-block", "unknown block kind '" + action.info() + "'"
                        + Suggest.didYouMean(action.info(), known) + "; known: " + String.join(", ", known));
                return;
            }
            needs.addAll(kind.requires());
            if (kind.needsTrust()) {
                needs.add("shell"); // runs commands: learners should see that before they start
            }
            if (action.body().entries().isEmpty() && !action.body().pos().equals(action.pos())) {
                problems.error(action.body().pos(), "bad-value", action.info() + " holds settings as 'key: value' lines, like "
                        + "'" + String.join(": ...', '", requiredKeys(kind)) + ": ...'; this is not a mapping");
                return;
            }
            ShapeChecker.Ctx ctx = ctx(action.info());
            ShapeChecker.check(schemas.body(kind), action.body(), action.info(), ctx);
            kind.validate(action, ctx);
            if (action.hasExplicitId() || actionIds.containsKey(action.id())) {
                SourcePos at = action.hasExplicitId() ? valuePos(action.body(), "id") : action.pos();
                SourcePos first = actionIds.putIfAbsent(action.id(), at);
                if (first != null) {
                    problems.error(at, "duplicate-id", "action id '" + action.id() + "' is already used at line "
                            + first.line() + "; give each action its own id");
                }
            } else {
                actionIds.put(action.id(), action.pos());
            }
        }

        private void check(CheckSpec check, Map<String, SourcePos> ids, Set<String> needs) {
            YMap yaml = check.yaml();
            String where = "check" + (check.id() != null ? " '" + check.id() + "'" : "");
            ShapeChecker.Ctx ctx = ctx(where);
            if (check.id() == null) {
                problems.error(yaml.pos(), "missing-field", "a check needs an id: add a line like 'id: app-runs' "
                        + "(unique in the lab)");
            } else {
                ShapeChecker.check(PackFormat.ID, yaml.get("id"), "id", ctx);
                SourcePos at = valuePos(yaml, "id");
                SourcePos first = ids.putIfAbsent(check.id(), at);
                if (first != null) {
                    problems.error(at, "duplicate-id", "check id '" + check.id() + "' is already used at line "
                            + first.line() + "; check ids must be unique in a lab");
                }
            }
            for (String key : List.of("title", "hint")) {
                if (yaml.has(key)) {
                    ShapeChecker.check(PackFormat.TITLE, yaml.get(key), key, ctx);
                }
            }
            for (String key : List.of("eventually", "timeout")) {
                if (yaml.has(key)) {
                    ShapeChecker.check(PackFormat.DURATION, yaml.get(key), key, ctx);
                }
            }
            Set<String> kindNames = registry.checkNames();
            if (check.kind() == null) {
                problems.error(yaml.pos(), "missing-field", where + " names no kind; add one such as 'file.exists: app.py' (kinds: "
                        + String.join(", ", kindNames) + ")");
                return;
            }
            for (YMap.Entry e : yaml.entries()) {
                if (!CheckSpec.COMMON_KEYS.contains(e.name()) && !e.name().equals(check.kind())) {
                    Set<String> all = new LinkedHashSet<>(CheckSpec.COMMON_KEYS);
                    problems.error(e.key().pos(), "unknown-key", "unknown key '" + e.name() + "' in " + where
                            + Suggest.didYouMean(e.name(), all) + "; a check has one kind key ('" + check.kind()
                            + "') besides " + String.join(", ", List.of("id", "title", "expect", "hint", "eventually", "timeout")));
                }
            }
            CheckKind kind = registry.check(check.kind()).orElse(null);
            if (kind == null) {
                problems.error(check.kindPos(), "unknown-check", "unknown check kind '" + check.kind() + "'"
                        + Suggest.didYouMean(check.kind(), kindNames) + "; known: " + String.join(", ", kindNames));
                return;
            }
            needs.addAll(kind.requires());
            if (kind.needsTrust()) {
                needs.add("shell");
            }
            String kindWhere = where + " (" + kind.name() + ")";
            ShapeChecker.check(schemas.subject(kind), check.subject(), kind.name(), ctx.withWhere(kindWhere));
            ShapeChecker.Ctx expectCtx = new ShapeChecker.Ctx(problems, "expect of " + kindWhere, "invalid-expect", this);
            Shape expectShape = schemas.expect(kind);
            if (check.expect() != null && !ShapeChecker.accepts(expectShape, check.expect())) {
                problems.error(check.expect().pos(), "invalid-expect", "expect of " + kindWhere + " must be "
                        + expectShape.describe() + ", not " + check.expect().describe());
            } else if (check.expect() != null) {
                ShapeChecker.check(expectShape, check.expect(), "expect", expectCtx);
            } else if (kind.expectRequired()) {
                problems.error(yaml.pos(), "invalid-expect", kindWhere + " needs 'expect' ("
                        + kind.expect().describe() + ")");
            }
            kind.validate(check, expectCtx);
        }

        private void quiz(Block.Quiz quiz) {
            ShapeChecker.check(PackFormat.QUIZ, quiz.body(), "lab:quiz", ctx("lab:quiz"));
            YMap body = quiz.body();
            List<String> choices = new ArrayList<>();
            if (body.get("choices") instanceof YSeq seq) {
                seq.items().stream().filter(YScalar.class::isInstance).map(y -> ((YScalar) y).asText()).forEach(choices::add);
                if (seq.items().size() < 2) {
                    problems.error(seq.pos(), "bad-value", "a quiz needs at least two choices; add the wrong answers "
                            + "learners should tell apart from the right one");
                }
            }
            YNode answer = body.get("answer");
            List<YScalar> answers = new ArrayList<>();
            if (answer instanceof YScalar s && !s.isNull()) {
                answers.add(s);
            } else if (answer instanceof YSeq seq) {
                seq.items().stream().filter(YScalar.class::isInstance).map(YScalar.class::cast).forEach(answers::add);
            }
            if (!choices.isEmpty()) {
                for (YScalar a : answers) {
                    if (!choices.contains(a.asText())) {
                        problems.error(a.pos(), "bad-value", "answer '" + a.asText() + "' is not one of the choices"
                                + Suggest.didYouMean(a.asText(), choices) + "; copy the text of the right choice");
                    }
                }
            }
        }

        private void solution(Block.Solution sol) {
            if (sol.body() == null) {
                problems.error(sol.pos(), "missing-field", "lab:solution is empty; write the solution text or 'file: PATH'");
                return;
            }
            ShapeChecker.check(PackFormat.SOLUTION_ANY, sol.body(), "lab:solution", ctx("lab:solution"));
            if (sol.file() != null && sol.body() instanceof YMap m && !sol.file().contains("..")
                    && !Files.exists(solution.resolve(sol.file()))) {
                problems.error(valuePos(m, "file"), "missing-file", "solution file '" + sol.file() + "' is not in "
                        + pack.root().relativize(solution).toString().replace('\\', '/') + "/; add it or fix the path");
            }
        }
    }

    private List<String> requiredKeys(ActionKind kind) {
        Map<String, Shape.Field> fields = schemas.body(kind).fields();
        List<String> keys = fields.entrySet().stream().filter(e -> e.getValue().required()).map(Map.Entry::getKey).toList();
        if (!keys.isEmpty()) {
            return keys;
        }
        return fields.keySet().stream().filter(k -> !k.equals("id") && !k.equals("title")).limit(1).findFirst()
                .map(List::of).orElse(List.of("title"));
    }

    private static SourcePos valuePos(YMap map, String key) {
        YNode v = map.get(key);
        return v != null ? v.pos() : map.keyPos(key);
    }
}
