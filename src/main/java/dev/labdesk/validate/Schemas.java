package dev.labdesk.validate;

import dev.labdesk.kind.ActionKind;
import dev.labdesk.kind.CheckKind;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shapes of every kind, built once per validator: kinds build their shapes on each call,
 * and a 1,000-lab pack would otherwise rebuild them thousands of times.
 */
final class Schemas {

    private final Map<CheckKind, Shape> subjects = new ConcurrentHashMap<>();
    private final Map<CheckKind, Shape> expects = new ConcurrentHashMap<>();
    private final Map<ActionKind, Shape.Obj> bodies = new ConcurrentHashMap<>();

    Shape subject(CheckKind kind) {
        return subjects.computeIfAbsent(kind, CheckKind::subject);
    }

    Shape expect(CheckKind kind) {
        return expects.computeIfAbsent(kind, CheckKind::expect);
    }

    /** The kind's body plus the {@code id} and {@code title} every action may have. */
    Shape.Obj body(ActionKind kind) {
        return bodies.computeIfAbsent(kind, k -> {
            Shapes.ObjBuilder b = Shapes.obj()
                    .optional("id", Shapes.id(), "for 'labdesk run --action ID'")
                    .optional("title", Shapes.text(), "the button label");
            k.body().fields().forEach((name, f) -> {
                if (f.required()) {
                    b.required(name, f.shape(), f.doc());
                } else {
                    b.optional(name, f.shape(), f.doc());
                }
            });
            if (k.body().open()) {
                b.open();
            }
            return b.build();
        });
    }
}
