package dev.labdesk.pack.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected shape of a YAML value: the one vocabulary for pack.yaml, front matter, action
 * bodies, check subjects and {@code expect}. {@link ShapeChecker} walks a node against it and
 * reports every mismatch at the offending key or value.
 */
public sealed interface Shape permits Shape.Scalar, Shape.ListOf, Shape.MapOf, Shape.Obj, Shape.OneOf, Shape.Any {

    /** What an author should write, e.g. "a duration like 30s". */
    String describe();

    /** A single value, checked by a rule that reports its own problems. */
    record Scalar(String describe, ScalarRule rule, boolean allowNull) implements Shape {
        public Scalar(String describe, ScalarRule rule) {
            this(describe, rule, false);
        }
    }

    /** A list; when {@code single} is true a lone item stands for a one-item list. */
    record ListOf(Shape item, boolean single) implements Shape {
        @Override
        public String describe() {
            String one = item.describe();
            if (single) {
                return one + ", or a list of them";
            }
            return one.startsWith("a ") || one.startsWith("an ") ? "a list, each " + one : "a list of " + one;
        }
    }

    /** A mapping with free keys (labels, env vars, JSONPath → expectation). */
    record MapOf(Shape key, Shape value) implements Shape {
        @Override
        public String describe() {
            return "a mapping of " + key.describe() + " to " + value.describe();
        }
    }

    /** A mapping with known keys. */
    record Obj(Map<String, Field> fields, boolean open) implements Shape {
        public Obj {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public String describe() {
            return "a mapping with " + String.join(", ", fields.keySet());
        }
    }

    record Field(Shape shape, boolean required, String doc) {
    }

    /** One of several shapes; the node's own type picks which one applies. */
    record OneOf(List<Shape> options, String describe) implements Shape {
        public OneOf {
            options = List.copyOf(options);
        }
    }

    /** Anything at all. */
    record Any(String describe) implements Shape {
    }

    @FunctionalInterface
    interface ScalarRule {
        /** Checks a non-null scalar named {@code label}, reporting through {@code ctx}. */
        void check(dev.labdesk.pack.yaml.YScalar value, String label, ShapeChecker.Ctx ctx);
    }
}
