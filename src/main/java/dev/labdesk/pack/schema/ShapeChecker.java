package dev.labdesk.pack.schema;

import dev.labdesk.pack.Problems;
import dev.labdesk.pack.SourcePos;
import dev.labdesk.pack.Suggest;
import dev.labdesk.pack.yaml.YMap;
import dev.labdesk.pack.yaml.YNode;
import dev.labdesk.pack.yaml.YScalar;
import dev.labdesk.pack.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Walks a YAML node against a {@link Shape} and reports every mismatch, never only the first. */
public final class ShapeChecker {

    private ShapeChecker() {
    }

    /**
     * Where problems go and how they are labelled.
     *
     * @param where   names the thing being checked in messages, e.g. "lab:docker-build"
     * @param code    the code for wrong values and unknown keys: "bad-value", or "invalid-expect" inside expect
     */
    public record Ctx(Problems problems, String where, String code, ShapeEnv env) {

        public Ctx withCode(String newCode) {
            return new Ctx(problems, where, newCode, env);
        }

        public Ctx withWhere(String newWhere) {
            return new Ctx(problems, newWhere, code, env);
        }

        public void bad(SourcePos pos, String message) {
            problems.error(pos, code, message);
        }

        public void missingFile(SourcePos pos, String message) {
            problems.error(pos, "missing-file", message);
        }

        private boolean strict() {
            return !code.equals("bad-value");
        }

        String unknownKeyCode() {
            return strict() ? code : "unknown-key";
        }

        String missingFieldCode() {
            return strict() ? code : "missing-field";
        }
    }

    public static void check(Shape shape, YNode node, String label, Ctx ctx) {
        if (shape instanceof Shape.Scalar scalar) {
            checkScalar(scalar, node, label, ctx);
        } else if (shape instanceof Shape.ListOf list) {
            checkList(list, node, label, ctx);
        } else if (shape instanceof Shape.MapOf map) {
            checkMapOf(map, node, label, ctx);
        } else if (shape instanceof Shape.Obj obj) {
            checkObj(obj, node, label, ctx);
        } else if (shape instanceof Shape.OneOf oneOf) {
            checkOneOf(oneOf, node, label, ctx);
        }
    }

    /** True when the node is of the YAML type the shape wants (a scalar, list or mapping). */
    public static boolean accepts(Shape shape, YNode node) {
        if (shape instanceof Shape.Scalar) {
            return node instanceof YScalar;
        }
        if (shape instanceof Shape.ListOf l) {
            return node instanceof YSeq || (l.single() && accepts(l.item(), node));
        }
        if (shape instanceof Shape.MapOf || shape instanceof Shape.Obj) {
            return node instanceof YMap;
        }
        if (shape instanceof Shape.OneOf o) {
            return o.options().stream().anyMatch(opt -> accepts(opt, node));
        }
        return true;
    }

    private static void checkScalar(Shape.Scalar shape, YNode node, String label, Ctx ctx) {
        if (!(node instanceof YScalar s)) {
            ctx.bad(node.pos(), quote(label) + " in " + ctx.where() + " must be " + shape.describe() + ", not " + node.describe());
            return;
        }
        if (s.isNull()) {
            if (shape.allowNull()) {
                return;
            }
            ctx.bad(node.pos(), quote(label) + " in " + ctx.where() + " is empty; give it " + shape.describe());
            return;
        }
        shape.rule().check(s, label, ctx);
    }

    private static void checkList(Shape.ListOf shape, YNode node, String label, Ctx ctx) {
        if (node instanceof YSeq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                check(shape.item(), seq.items().get(i), label + "[" + i + "]", ctx);
            }
        } else if (shape.single() && accepts(shape.item(), node)) {
            check(shape.item(), node, label, ctx);
        } else {
            ctx.bad(node.pos(), quote(label) + " in " + ctx.where() + " must be " + shape.describe() + ", not " + node.describe());
        }
    }

    private static void checkMapOf(Shape.MapOf shape, YNode node, String label, Ctx ctx) {
        if (!(node instanceof YMap map)) {
            ctx.bad(node.pos(), quote(label) + " in " + ctx.where() + " must be " + shape.describe() + ", not " + node.describe());
            return;
        }
        for (YMap.Entry e : map.entries()) {
            check(shape.key(), e.key(), label + " key", ctx);
            check(shape.value(), e.value(), e.name(), ctx);
        }
    }

    private static void checkObj(Shape.Obj shape, YNode node, String label, Ctx ctx) {
        if (!(node instanceof YMap map)) {
            ctx.bad(node.pos(), quote(label) + " in " + ctx.where() + " must be a mapping with keys "
                    + String.join(", ", shape.fields().keySet()) + ", not " + node.describe());
            return;
        }
        for (YMap.Entry e : map.entries()) {
            Shape.Field field = shape.fields().get(e.name());
            if (field == null) {
                if (!shape.open()) {
                    ctx.problems().error(e.key().pos(), ctx.unknownKeyCode(), "unknown key '" + e.name() + "' in "
                            + ctx.where() + Suggest.didYouMean(e.name(), shape.fields().keySet())
                            + "; allowed: " + String.join(", ", shape.fields().keySet()));
                }
                continue;
            }
            check(field.shape(), e.value(), e.name(), ctx);
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Shape.Field> f : shape.fields().entrySet()) {
            if (f.getValue().required() && !map.has(f.getKey())) {
                missing.add(f.getKey());
            }
        }
        for (String key : missing) {
            Shape.Field f = shape.fields().get(key);
            ctx.problems().error(map.pos(), ctx.missingFieldCode(), ctx.where() + " needs '" + key + "' ("
                    + f.shape().describe() + (f.doc() == null || f.doc().isEmpty() ? "" : ": " + f.doc()) + ")");
        }
    }

    private static void checkOneOf(Shape.OneOf shape, YNode node, String label, Ctx ctx) {
        List<Shape> fitting = shape.options().stream().filter(o -> accepts(o, node)).toList();
        if (fitting.isEmpty()) {
            ctx.bad(node.pos(), quote(label) + " in " + ctx.where() + " must be " + shape.describe() + ", not " + node.describe());
            return;
        }
        if (fitting.size() == 1) {
            check(fitting.get(0), node, label, ctx);
            return;
        }
        Problems first = null;
        for (Shape option : fitting) {
            Problems trial = new Problems();
            check(option, node, label, new Ctx(trial, ctx.where(), ctx.code(), ctx.env()));
            if (!trial.hasErrors()) {
                ctx.problems().addAll(trial);
                return;
            }
            if (first == null) {
                first = trial;
            }
        }
        ctx.problems().addAll(first);
    }

    static String quote(String label) {
        return "'" + label + "'";
    }
}
